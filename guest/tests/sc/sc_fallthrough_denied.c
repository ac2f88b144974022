/* SPEC 4.2: falling through from the end of a's page into b's page, when a holds no right
 * into b, is a subcontext fault like a jump would be (execute/transfer, owner b). The same
 * code works while a holds a point entry there. */
#include "sct.h"
#include "sct_fall.h"

int main(void) {
    fall_setup();
    printf("entry for a at the start of b's page: %s\n", err(sc_entry(sb, sa, fb, 1)));
    long ok = 1;
    for (int i = 0; i < 300; i++) ok &= branch() == 42 && fall() == 42;
    printf("fall-through and branch with the entry: %s\n", yn(ok));
    printf("entry removed: %s\n", err(sc_entry(sb, sa, fb, 0)));
    fflush(stdout);
    long r = fall();                               /* stopped */
    printf("fell through without the entry: %ld\n", r);
    return 0;
}
