/* exit(3): atexit handlers run in reverse order, stdio flushed. */
#include <stdio.h>
#include <stdlib.h>
static void h1(void) { printf("atexit handler 1\n"); }
static void h2(void) { printf("atexit handler 2\n"); }
int main(void)
{
    atexit(h1);
    atexit(h2);
    printf("calling exit(3) with unflushed output\n");
    exit(3);
}
