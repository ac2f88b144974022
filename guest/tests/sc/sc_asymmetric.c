/* SPEC 3: grants are not symmetric. The root includes B with RW (it reads and writes B's
 * page) and may call B's entry; B holds nothing over the root, so B's code loading from a
 * root address passed to it is a subcontext fault (read, owner the root, rights none). */
#include "sct.h"

SCT_BLOB(code, "ld a0, 0(a0)\n ret\n");

int main(void) {
    long me = sc_self();
    void *a, *d;
    long b = sct_code("b", code, code_end, &a);
    long dm = sc_mmap(b, 0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("data page in B: %s\n", dm > 0 ? "0" : err(dm));
    d = (void *) dm;
    printf("grant root RW over B: %s\n", err(sc_grant(b, me, SC_R | SC_W)));
    printf("entry for root into B: %s\n", err(sc_entry(b, me, a, 1)));
    printf("root reads B's code: %s\n", yn(memcmp(a, code, code_end - code) == 0));
    *(volatile long *) d = 5;
    printf("root writes B's data: %s\n", yn(*(volatile long *) d == 5));
    long (*load)(void *) = (long (*)(void *)) a;
    printf("B loads its own data: %s\n", yn(load(d) == 5));
    static long mine = 42;
    fflush(stdout);
    long v = load(&mine);                          /* B over root: nothing. Stopped. */
    printf("B loaded the root's word: %ld\n", v);
    return 0;
}
