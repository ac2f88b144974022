/* SPEC 2 and 5: brk acts on the root and never grows over another subcon's mapping. With
 * another subcon's page two pages above the current break, the heap grows by one page but
 * not by four (brk refuses, sbrk fails); the other page is intact. */
#include "sct.h"

int main(void) {
    long me = sc_self();
    char *cur = sbrk(0);
    char *top = (char *) (((unsigned long) cur + PAGE - 1) & ~(PAGE - 1));
    long s = sct_check("sc_create", sc_create("above", 0));
    sct_check("sc_attach", sc_attach(s, 0, 0));
    long a = sc_mmap(s, top + 2 * PAGE, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("page mapped above the break: %s\n", yn(a == (long) (top + 2 * PAGE)));
    sct_poke(s, top + 2 * PAGE, 5);
    printf("grow by one page: %s\n", yn(sbrk(PAGE) == cur));
    char *now = sbrk(0);
    printf("grow by four pages: %s\n", sbrk(4 * PAGE) == (void *) -1 ? "refused" : "grown");
    printf("break unchanged: %s\n", yn(sbrk(0) == now));
    now[-1] = 1;
    printf("new heap page is the root's: %s\n", yn(sc_owner(now - 1) == me));
    printf("the other page intact: %s\n", yn(sct_peek(s, top + 2 * PAGE) == 5));
    return 0;
}
