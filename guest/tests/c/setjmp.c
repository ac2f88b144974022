/* setjmp/longjmp, sigsetjmp/siglongjmp, callee-saved values preserved. */
#include "t.h"
#include <setjmp.h>
#include <signal.h>

static jmp_buf jb;
static int depth_reached;

static __attribute__((noinline)) void deep(int n)
{
    volatile char pad[256];
    pad[0] = (char)n;
    depth_reached = n;
    if (n == 50) longjmp(jb, n + pad[0] - n);
    if (n > 1000) return;
    deep(n + 1);
}

int main(void)
{
    volatile int counter = 0;
    volatile double fv = 1.5;
    int r = setjmp(jb);
    printf("setjmp returned %d (counter %d)\n", r, counter);
    if (counter < 3) { counter++; fv *= 2; longjmp(jb, counter * 10); }
    printf("fv after jumps: %g\n", fv);
    r = setjmp(jb);
    if (r == 0) longjmp(jb, 0);
    printf("longjmp(0) makes setjmp return %d\n", r);
    if ((r = setjmp(jb)) == 0) deep(0);
    printf("returned from depth %d with %d\n", depth_reached, r);

    sigjmp_buf sj;
    sigset_t set;
    sigemptyset(&set);
    sigprocmask(SIG_SETMASK, &set, NULL);
    if (sigsetjmp(sj, 1) == 0) {
        sigaddset(&set, SIGUSR1);
        sigprocmask(SIG_BLOCK, &set, NULL);
        siglongjmp(sj, 1);
    }
    sigprocmask(SIG_BLOCK, NULL, &set);
    CHECK("siglongjmp restored mask (SIGUSR1 unblocked)", !sigismember(&set, SIGUSR1));
    /* callee-saved FP and integer registers across longjmp */
    register long s1 __asm__("s1") = 0x1234;
    register double fs0 __asm__("fs0") = 2.75;
    __asm__ volatile("" : "+r"(s1), "+f"(fs0));
    if (setjmp(jb) == 0) {
        __asm__ volatile("li s1, 0\n fmv.d.x fs0, zero" ::: "s1", "fs0");
        longjmp(jb, 1);
    }
    __asm__ volatile("" : "+r"(s1), "+f"(fs0));
    CHECK("s1 restored by longjmp", s1 == 0x1234);
    CHECK("fs0 restored by longjmp", fs0 == 2.75);
    return 0;
}
