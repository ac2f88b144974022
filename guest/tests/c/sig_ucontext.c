/* A SIGSEGV handler that edits the ucontext: it skips the faulting 4-byte
 * load by advancing uc_mcontext.__gregs[REG_PC] by 4, writes a result into
 * the load's destination register (a0), and reads the interrupted sp and
 * registers; a SIGUSR1 handler's changes to callee-saved and FP registers
 * in the ucontext take effect after sigreturn; a handler that removes a
 * signal from uc_sigmask leaves it unblocked after return. */
#include "t.h"
#include <signal.h>
#include <sys/ucontext.h>
#include <ucontext.h>

static volatile int faults;
static volatile uintptr_t seen_sp, seen_a1, seen_pc;

static void segv(int s, siginfo_t *si, void *ctx)
{
    (void)s; (void)si;
    ucontext_t *uc = ctx;
    faults++;
    seen_pc = uc->uc_mcontext.__gregs[REG_PC];
    seen_sp = uc->uc_mcontext.__gregs[REG_SP];
    seen_a1 = uc->uc_mcontext.__gregs[REG_A0 + 1];
    uc->uc_mcontext.__gregs[REG_A0] = 4242;   /* "result" of the skipped load */
    uc->uc_mcontext.__gregs[REG_PC] += 4;
}

extern char the_load[];

__attribute__((noinline)) static long faulting_load(long addr)
{
    long r;
    __asm__ volatile(".option push\n.option norvc\n"
                     "mv a1, %1\n"
                     "li a0, 1\n"
                     ".globl the_load\nthe_load: lw a0, 0(a1)\n"
                     "mv %0, a0\n"
                     ".option pop"
                     : "=r"(r) : "r"(addr) : "a0", "a1", "memory");
    return r;
}

static void usr1(int s, siginfo_t *si, void *ctx)
{
    (void)s; (void)si;
    ucontext_t *uc = ctx;
    uc->uc_mcontext.__gregs[9] = 0x5959;          /* s1 */
    uc->uc_mcontext.__gregs[18] = 0x1818;         /* s2 */
    uc->uc_mcontext.__fpregs.__d.__f[8] = 0x400921fb54442d18ULL;   /* fs0 = pi */
    sigdelset(&uc->uc_sigmask, SIGUSR2);          /* unblocked after return */
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);

    long r = faulting_load(0);
    CHECK("faulting load skipped, a0 from the handler", r == 4242 && faults == 1);
    CHECK("uc pc == address of the load", seen_pc == (uintptr_t)the_load);
    CHECK("uc a1 == the faulting address (0)", seen_a1 == 0);
    uintptr_t here = (uintptr_t)&r;
    CHECK("uc sp is near our frame", seen_sp < here + 4096 && seen_sp + 4096 > here);
    r = faulting_load(64);
    CHECK("again with address 64", r == 4242 && faults == 2 && seen_a1 == 64);
    static int okword = 77;
    r = faulting_load((long)&okword);
    CHECK("a valid address loads normally (no fault)", r == 77 && faults == 2);

    /* register edits through SIGUSR1 */
    sa.sa_sigaction = usr1;
    sigaction(SIGUSR1, &sa, NULL);
    sigset_t m;
    sigemptyset(&m);
    sigaddset(&m, SIGUSR2);
    sigprocmask(SIG_BLOCK, &m, NULL);
    register long s1 __asm__("s1") = 1;
    register long s2 __asm__("s2") = 2;
    register double fs0 __asm__("fs0") = 1.0;
    __asm__ volatile("" : "+r"(s1), "+r"(s2), "+f"(fs0));
    /* raw tgkill so that no libc code runs between the signal and our registers */
    register long a0 __asm__("a0") = getpid();
    register long a1 __asm__("a1") = syscall(SYS_gettid);
    register long a2 __asm__("a2") = SIGUSR1;
    register long a7 __asm__("a7") = SYS_tgkill;
    /* s1/s2/fs0 are in-out operands: the handler changes them behind the ecall */
    __asm__ volatile("ecall" : "+r"(a0), "+r"(s1), "+r"(s2), "+f"(fs0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
    CHECK("s1 set by the handler through the ucontext", s1 == 0x5959);
    CHECK("s2 set by the handler", s2 == 0x1818);
    CHECK("fs0 set by the handler", fs0 > 3.14159 && fs0 < 3.1416);
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    CHECK("uc_sigmask edit: SIGUSR2 unblocked after return", !sigismember(&cur, SIGUSR2));
    return 0;
}
