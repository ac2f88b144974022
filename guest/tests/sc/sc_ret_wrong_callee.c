/* SPEC 4.3: a frame is returned through by the callee it was pushed for. The root calls T
 * through a point entry (frame: root, ra); T calls U with call-anywhere rights (no frame).
 * U returning into T works (U holds X over T); U jumping to the root's return address,
 * the very address on the top frame, is not a return (U is not the callee of that frame)
 * and U holds no rights over the root: a subcontext fault. */
#include "sct.h"

/* T: calls a1 with a0 = T's own return address (the root's), on the root's stack. */
SCT_BLOB(tcode,
         "addi sp, sp, -16\n sd ra, 8(sp)\n mv t0, a1\n mv a0, ra\n jalr t0\n"
         "ld ra, 8(sp)\n addi sp, sp, 16\n ret\n");
/* U: an honest function, and one that jumps to the address in a0. */
SCT_BLOB(ucode,
         "li a0, 7\n ret\n"
         ".balign 16\n jr a0\n");

int main(void) {
    long me = sc_self();
    void *tp, *up;
    long t = sct_code("t", tcode, tcode_end, &tp);
    long u = sct_code("u", ucode, ucode_end, &up);
    char *ua = up;
    printf("T may use the root's stack: %s\n", err(sc_grant(me, t, SC_R | SC_W)));
    printf("entry root -> T: %s\n", err(sc_entry(t, me, tp, 1)));
    printf("T calls U anywhere, U calls T anywhere: %s %s\n", err(sc_grant(u, t, SC_X)), err(sc_grant(t, u, SC_X)));
    long (*viat)(long, void *) = (long (*)(long, void *)) tp;
    long ok = 1;
    for (int i = 0; i < 300; i++) ok &= viat(0, ua) == 7;
    printf("root -> T -> U and back: %s\n", yn(ok));
    fflush(stdout);
    long r = viat(0, ua + 16);                     /* U takes T's frame: stopped */
    printf("U returned to the root: %ld\n", r);
    return 0;
}
