/* nanosleep/clock_nanosleep really sleep at least the requested time. */
#include "t.h"
#include <time.h>

static int64_t now(clockid_t c) { struct timespec t; clock_gettime(c, &t); return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec; }

int main(void)
{
    int64_t a = now(CLOCK_MONOTONIC);
    struct timespec req = { 0, 10000000 }, rem = { 7, 7 };
    CHECK("nanosleep 10ms returns 0", nanosleep(&req, &rem) == 0);
    int64_t b = now(CLOCK_MONOTONIC);
    CHECK("elapsed >= 10ms", b - a >= 10000000);
    CHECK("elapsed < 500ms", b - a < 500000000);
    a = now(CLOCK_MONOTONIC);
    CHECK("clock_nanosleep relative 5ms", clock_nanosleep(CLOCK_MONOTONIC, 0, &(struct timespec){ 0, 5000000 }, NULL) == 0);
    CHECK("elapsed >= 5ms", now(CLOCK_MONOTONIC) - a >= 5000000);
    struct timespec abs;
    clock_gettime(CLOCK_MONOTONIC, &abs);
    int64_t target = (int64_t)abs.tv_sec * 1000000000 + abs.tv_nsec + 8000000;
    abs.tv_sec = target / 1000000000;
    abs.tv_nsec = target % 1000000000;
    CHECK("clock_nanosleep TIMER_ABSTIME", clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, NULL) == 0);
    CHECK("woke at or after absolute target", now(CLOCK_MONOTONIC) >= target);
    CHECK("absolute time in the past returns at once", clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &(struct timespec){ 0, 0 }, NULL) == 0);
    CHECK("nanosleep nsec >= 1e9 -> EINVAL", nanosleep(&(struct timespec){ 0, 1000000000 }, NULL) == -1 && errno == EINVAL);
    CHECK("nanosleep negative -> EINVAL", nanosleep(&(struct timespec){ -1, 0 }, NULL) == -1 && errno == EINVAL);
    CHECK("nanosleep zero", nanosleep(&(struct timespec){ 0, 0 }, NULL) == 0);
    a = now(CLOCK_MONOTONIC);
    usleep(3000);
    CHECK("usleep 3ms elapsed", now(CLOCK_MONOTONIC) - a >= 3000000);
    CHECK("clock_nanosleep bad clock -> EINVAL", clock_nanosleep(12345, 0, &req, NULL) == EINVAL);
    return 0;
}
