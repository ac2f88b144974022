/*
 * For policy_inner: a pass-through layer that, when the program calls getppid, opens
 * argv[1] itself (and on getpgid, creates argv[2]), returning the descriptor's close result
 * or the error. With the policy serving this layer, those opens are the layer's own calls:
 * the policy judges them with this layer as the principal (the path is in its memory).
 */
#include "service.h"

static const char *paths[2];
static char store[2][256];

long service_init(long served, long self, int argc, char **argv) {
    for (int i = 0; i < 2 && i + 1 < argc; i++) {
        strcpy(store[i], argv[i + 1]);            /* argv lives on the init stack only */
        paths[i] = store[i];
    }
    return service_install(served, self, 0);
}

long service_call(long nr, long a0, long a1, long a2, long a3, long a4, long a5) {
    (void) a0, (void) a1, (void) a2, (void) a3, (void) a4, (void) a5;
    if ((nr == 173 && paths[0]) || (nr == 155 && paths[1])) {
        long fd = nr == 173 ? sys_openat(-100, paths[0], 0, 0) : sys_openat(-100, paths[1], 01 | 0100, 0644);
        return fd < 0 ? fd : sys_close((int) fd);
    }
    return sc_pass();
}
