/* SPEC 7: a subcon attached to no context and referenced by no grant is freed (its sid
 * is gone: ESRCH). Detaching an unreferenced subcon frees it; one that a grant still refers
 * to survives the detach, and goes when that last grant is revoked. */
#include "sct.h"

int main(void) {
    long me = sc_self();
    struct sc_info i;
    void *p, *q;
    long x = sct_data("lonely", 1, PROT_READ | PROT_WRITE, &p);
    long y = sct_data("granted", 1, PROT_READ | PROT_WRITE, &q);
    printf("grant R over granted: %s\n", err(sc_grant(y, me, SC_R)));
    printf("detach lonely: %s\n", err(sc_detach(x, 0)));
    printf("lonely info: %s\n", err(sc_info(x, &i)));
    printf("lonely attach: %s\n", err(sc_attach(x, 0, 0)));
    printf("detach granted: %s\n", err(sc_detach(y, 0)));
    printf("granted info: %s\n", err(sc_info(y, &i)));
    printf("revoke the grant: %s\n", err(sc_grant(y, me, 0)));
    printf("granted info: %s\n", err(sc_info(y, &i)));
    return 0;
}
