/* Loops forever (used to test --max-insns). */
int main(void) {
    volatile unsigned long n = 0;
    for (;;) n++;
}
