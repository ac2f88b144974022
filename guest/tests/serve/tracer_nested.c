/*
 * A client for nested services: one call of a known kind (getppid), one write. Under
 * tracer over tracer (tracer_nested.serve) the outer tracer shows the call as the inner
 * one passes it, and the inner tracer's own calls (the write of its trace line to its fd
 * 900); under tracer over/under passthru (tracer_over_passthru, tracer_under_passthru) the
 * tracer shows the call once.
 */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include "tracer_test.h"

int main(void) {
    syscall(SYS_getppid);
    write(1, "nested ok\n", 10);
    return 0;
}
