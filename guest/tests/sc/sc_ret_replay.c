/* SPEC 4.3: a return pops its frame. The callee learns a return address during one call
 * and, called again from another place, jumps to the old one: that frame was popped and
 * the top frame holds another address, so it is a subcontext fault. */
#include "sct.h"

SCT_BLOB(code,
         "mv a0, ra\n ret\n"                       /* leaks its return address */
         ".balign 16\n jr a0\n");                  /* "returns" to the address in a0 */

static char *t;

__attribute__((noinline)) static long first(void) {
    long r = ((long (*)(void)) t)();
    __asm__ volatile("" ::: "memory");
    return r;
}

__attribute__((noinline)) static long second(long old) {
    long r = ((long (*)(long)) (t + 16))(old);
    __asm__ volatile("" ::: "memory");
    return r + 1;
}

int main(void) {
    long me = sc_self();
    void *p;
    long s = sct_code("callee", code, code_end, &p);
    t = p;
    printf("entries: %s %s\n", err(sc_entry(s, me, t, 1)), err(sc_entry(s, me, t + 16, 1)));
    long ra1 = first();
    printf("first call returned: yes\n");
    printf("the same site gives the same address: %s\n", yn(first() == ra1));
    fflush(stdout);
    long r = second(ra1);                          /* replays a popped frame: stopped */
    printf("second call returned: %ld\n", r);
    return 0;
}
