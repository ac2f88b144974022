/* SPEC 4.3: the trusted stack's depth is bounded; overflowing it is a fault. 1024 frames
 * work; 5000 nested point-entry calls overflow it (this implementation holds 4096) and
 * the transfer that would push past the bound is a subcontext fault. */
#include "sct.h"
#include "sct_pingpong.h"

int main(void) {
    pp_setup();
    printf("1024 frames: %ld\n", pp_frames(1024));
    fflush(stdout);
    printf("5000 frames: %ld\n", pp_frames(5000));    /* stopped */
    return 0;
}
