/* SPEC 4.3: only the top frame of the trusted stack may be returned through. The root calls
 * B through an entry (frame root), B calls C through an entry (frame B); C returning to B
 * works. C jumping straight to the root's return address (the frame below the top) is a
 * subcontext fault: C holds no rights over the root. */
#include "sct.h"

/* B: calls a1 with a0 = B's own return address (the root's), on the root's stack. */
SCT_BLOB(bcode,
         "addi sp, sp, -16\n sd ra, 8(sp)\n mv t0, a1\n mv a0, ra\n jalr t0\n"
         "ld ra, 8(sp)\n addi sp, sp, 16\n ret\n");
/* C: an honest function, and one that returns to the address in a0. */
SCT_BLOB(ccode,
         "li a0, 7\n ret\n"
         ".balign 16\n jr a0\n");

int main(void) {
    long me = sc_self();
    void *bp, *cp;
    long b = sct_code("b", bcode, bcode_end, &bp);
    long c = sct_code("c", ccode, ccode_end, &cp);
    char *ca = cp;
    printf("B may use the root's stack: %s\n", err(sc_grant(me, b, SC_R | SC_W)));
    printf("entry root -> B: %s\n", err(sc_entry(b, me, bp, 1)));
    printf("entries B -> C: %s %s\n", err(sc_entry(c, b, ca, 1)), err(sc_entry(c, b, ca + 16, 1)));
    long (*viab)(long, void *) = (long (*)(long, void *)) bp;
    long ok = 1;
    for (int i = 0; i < 300; i++) ok &= viab(0, ca) == 7;
    printf("root -> B -> C and back: %s\n", yn(ok));
    fflush(stdout);
    long r = viab(0, ca + 16);                     /* C skips B's frame: stopped */
    printf("C returned to the root directly: %ld\n", r);
    return 0;
}
