/* SPEC 4.2-4.3: a return goes back into the caller. The root points ra at code of a third
 * subcon U (which the root may not enter) and jumps to T's entry point: the frame pushed
 * holds that address, but T's `ret` to it is a transfer into U, not back into the root,
 * so it is no return; T holds no rights over U: a subcontext fault (owner u). Pointing ra
 * at another place in the root itself is an ordinary call. */
#include "sct.h"

SCT_BLOB(tcode, "li a0, 1\n ret\n");
SCT_BLOB(ucode, "li a0, 2\n ret\n");

/* Calls fn with ra pointing at `back`, a label two instructions further on. */
static long call_with_landing(void *fn) {
    long r;
    __asm__ volatile("lla ra, 1f\n jr %1\n nop\n 1: mv %0, a0\n" : "=r"(r) : "r"(fn) : "ra", "a0", "memory");
    return r;
}

int main(void) {
    long me = sc_self();
    void *tp, *up;
    long t = sct_code("t", tcode, tcode_end, &tp);
    sct_code("u", ucode, ucode_end, &up);
    printf("entry root -> t: %s\n", err(sc_entry(t, me, tp, 1)));
    printf("root holds rights over u: %s\n", err(sc_owner(up)));
    long ok = 1;
    for (int i = 0; i < 100; i++) ok &= call_with_landing(tp) == 1;
    printf("ra pointing elsewhere in the root: %s\n", yn(ok));
    fflush(stdout);
    __asm__ volatile("mv ra, %0\n jr %1\n" : : "r"(up), "r"(tp) : "ra", "memory");   /* stopped */
    printf("t returned into u\n");
    return 0;
}
