/* SPEC 4.2: a transfer of control by any means is checked, including falling through from
 * the last instruction of one subcon's page into the next page, owned by another subcon,
 * and a branch across that boundary. With a point entry for a at the first address of b's
 * page, both are transfers through that entry: they push a frame, and b's return into a
 * pops it. */
#include "sct.h"
#include "sct_fall.h"

int main(void) {
    fall_setup();
    printf("entry for a at the start of b's page: %s\n", err(sc_entry(sb, sa, fb, 1)));
    long ok = 1;
    for (int i = 0; i < 300; i++) ok &= fall() == 42;
    printf("fall-through into b and back: %s\n", yn(ok));
    for (int i = 0; i < 300; i++) ok &= branch() == 42;
    printf("branch into b and back: %s\n", yn(ok));
    return 0;
}
