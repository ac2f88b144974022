/* Asynchronous signals interrupting computation: a child sends SIGUSR1 to
 * us every millisecond while we run an integer + floating-point kernel
 * (rounding mode set to round-toward-zero) again and again; the handler
 * clobbers FP registers, changes the rounding mode and raises the
 * divide-by-zero flag.  After at least 30 deliveries, every round's
 * results equal the signal-free reference, the rounding mode is still RTZ
 * and the DZ flag never leaked into the interrupted code. */
#include "t.h"
#include <fenv.h>
#include <math.h>
#include <signal.h>
#include <sys/wait.h>

static volatile int hits;
static volatile double zero = 0.0;

static void handler(int s)
{
    (void)s;
    hits++;
    fesetround(FE_UPWARD);
    volatile double inf = 1.0 / zero;          /* DZ flag */
    double a = 1.1, b = 2.2, c = 3.3, d = 4.4, e = 5.5, f = 6.6, g = 7.7, h = 8.8;
    for (int i = 0; i < 50; i++) { a = a * b + c; b = b * c + d; c = c * d + e; d = d * e + f; e = e * f + g; f = f * g + h; g = g * h + a; h = h * a + b; }
    volatile double sink = a + b + c + d + e + f + g + h + inf;
    (void)sink;
}

struct res { uint64_t ih; double f1, f2; };

__attribute__((noinline)) static struct res kernel(int n)
{
    uint64_t x = 0x9e3779b97f4a7c15ULL, y = 12345, z = 777, w = 31337;
    double f1 = 0.1, f2 = 1.0, f3 = 3.0;
    for (int i = 0; i < n; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        y = y * 6364136223846793005ULL + 1442695040888963407ULL;
        z += (x >> 3) ^ (y << 5);
        w = (w ^ z) * 0x100000001b3ULL;
        f1 = f1 * 1.0000001 + (double)(x & 0xff) / 3.0;
        f2 = f2 / 1.0000003 + f3 / 7.0;
        f3 = sqrt(f3 * 1.5 + f1 * 1e-9);
    }
    struct res r = { x ^ y ^ z ^ w, f1, f2 + f3 };
    return r;
}

int main(void)
{
    fesetround(FE_TOWARDZERO);
    feclearexcept(FE_ALL_EXCEPT);
    const int n = 20000;
    struct res ref = kernel(n);
    feclearexcept(FE_ALL_EXCEPT);

    signal(SIGUSR1, handler);
    pid_t me = getpid();
    int stop[2];
    REQUIRE(pipe(stop) == 0);
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) {
        close(stop[1]);
        fcntl(stop[0], F_SETFL, O_NONBLOCK);
        char b;
        for (int i = 0; i < 20000; i++) {
            if (read(stop[0], &b, 1) == 0) _exit(0);   /* parent closed: stop */
            kill(me, SIGUSR1);
            usleep(1000);
        }
        _exit(0);
    }
    close(stop[0]);
    int rounds = 0, same = 1;
    while (hits < 30 && rounds < 100000) {
        struct res r = kernel(n);
        if (r.ih != ref.ih || r.f1 != ref.f1 || r.f2 != ref.f2) same = 0;
        rounds++;
    }
    int mode = fegetround();
    int dz = fetestexcept(FE_DIVBYZERO);
    close(stop[1]);
    waitpid(c, NULL, 0);
    CHECK("at least 30 signals arrived during the computation", hits >= 30);
    CHECK("every round equals the signal-free reference", same);
    CHECK("rounding mode still round-toward-zero", mode == FE_TOWARDZERO);
    CHECK("handler's divide-by-zero flag did not leak", dz == 0);
    return 0;
}
