/* clock_gettime on all common clocks, gettimeofday vs time, clock_getres. */
#include "t.h"
#include <sys/time.h>
#include <time.h>

static int64_t ns(struct timespec t) { return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec; }

int main(void)
{
    struct { clockid_t id; const char *name; } clocks[] = {
        { CLOCK_REALTIME, "REALTIME" }, { CLOCK_MONOTONIC, "MONOTONIC" },
        { CLOCK_PROCESS_CPUTIME_ID, "PROCESS_CPUTIME_ID" }, { CLOCK_THREAD_CPUTIME_ID, "THREAD_CPUTIME_ID" },
        { CLOCK_MONOTONIC_RAW, "MONOTONIC_RAW" }, { CLOCK_REALTIME_COARSE, "REALTIME_COARSE" },
        { CLOCK_MONOTONIC_COARSE, "MONOTONIC_COARSE" }, { CLOCK_BOOTTIME, "BOOTTIME" },
    };
    for (unsigned i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
        struct timespec a, b, r;
        int ok = clock_gettime(clocks[i].id, &a) == 0;
        volatile long spin = 0;
        for (int k = 0; k < 20000; k++) spin += k;
        ok = ok && clock_gettime(clocks[i].id, &b) == 0;
        int valid = a.tv_nsec >= 0 && a.tv_nsec < 1000000000 && b.tv_nsec >= 0 && b.tv_nsec < 1000000000;
        int mono = ns(b) >= ns(a);
        int res = clock_getres(clocks[i].id, &r) == 0 && r.tv_sec == 0 && r.tv_nsec > 0 && r.tv_nsec <= 10000000;
        printf("%s: gettime ok=%s nsec-valid=%s non-decreasing=%s getres-sane=%s\n", clocks[i].name,
               ok ? "yes" : "no", valid ? "yes" : "no", mono ? "yes" : "no", res ? "yes" : "no");
    }
    struct timespec rt, mono, boot;
    clock_gettime(CLOCK_REALTIME, &rt);
    CHECK("realtime after 2020-01-01", rt.tv_sec > 1577836800);
    CHECK("realtime before 2100", rt.tv_sec < 4102444800LL);
    clock_gettime(CLOCK_MONOTONIC, &mono);
    clock_gettime(CLOCK_BOOTTIME, &boot);
    CHECK("boottime >= monotonic", ns(boot) >= ns(mono));
    CHECK("monotonic > 0", ns(mono) > 0);
    struct timespec c1, c2;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    volatile double x = 1;
    for (int i = 0; i < 300000; i++) x = x * 1.0000001 + 1e-9;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c2);
    CHECK("cpu time advanced during a busy loop", ns(c2) > ns(c1));
    /* 1000 successive monotonic reads never decrease */
    int64_t last = 0;
    int nondec = 1;
    for (int i = 0; i < 1000; i++) {
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        if (ns(t) < last) nondec = 0;
        last = ns(t);
    }
    CHECK("1000 monotonic reads non-decreasing", nondec);
    struct timeval tv;
    time_t t0 = time(NULL);
    CHECK("gettimeofday", gettimeofday(&tv, NULL) == 0);
    time_t t1 = time(NULL);
    CHECK("gettimeofday usec valid", tv.tv_usec >= 0 && tv.tv_usec < 1000000);
    CHECK("time() <= gettimeofday <= time()+1", t0 <= tv.tv_sec && tv.tv_sec <= t1 + 1);
    CHECK("realtime clock agrees with time() within 2s", rt.tv_sec >= t0 - 2 && rt.tv_sec <= t1);
    time_t tt;
    CHECK("time(&t) stores too", time(&tt) == tt);
    struct timespec dummy;
    CHECK("invalid clock id -> EINVAL", clock_gettime(12345, &dummy) == -1 && errno == EINVAL);
    CHECK("clock_getres NULL res ok", clock_getres(CLOCK_MONOTONIC, NULL) == 0);
    CHECK("clock_gettime raw syscall", syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &dummy) == 0);
    struct tm tm;
    time_t fixed = 1700000000;
    gmtime_r(&fixed, &tm);
    char s[64];
    strftime(s, sizeof s, "%Y-%m-%d %H:%M:%S", &tm);
    printf("gmtime(1700000000): %s\n", s);
    localtime_r(&fixed, &tm);
    strftime(s, sizeof s, "%Y-%m-%d %H:%M:%S %Z", &tm);
    printf("localtime with TZ=UTC: %s\n", s);
    return 0;
}
