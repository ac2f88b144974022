/* SPEC 4.3: the trusted return stack holds at least 1024 frames. Calls alternating between
 * two subcons through point entries nest 500, 1000 and 1024 deep and every one returns;
 * afterwards the stack is empty again (a fresh call and the root's scid are as before). */
#include "sct.h"
#include "sct_pingpong.h"

int main(void) {
    long me = sc_self();
    pp_setup();
    printf("500 frames: %ld\n", pp_frames(500));
    printf("1000 frames: %ld\n", pp_frames(1000));
    for (int i = 0; i < 5; i++) printf("1024 frames: %ld\n", pp_frames(1024));
    printf("1 frame: %ld\n", pp_frames(1));
    printf("the root runs as the root: %s\n", yn(sc_scid() == me));
    return 0;
}
