/* Children ended by signals, seen by the parent with WIFSIGNALED/WTERMSIG:
 * sent ones (SIGTERM, SIGKILL, SIGINT, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM,
 * SIGQUIT) and faults (SIGSEGV from a null dereference, SIGABRT from
 * abort(), SIGILL from illegal instructions, SIGBUS from a misaligned AMO,
 * SIGTRAP from ebreak and __builtin_trap); integer division by zero
 * raises nothing on RISC-V. */
#include "t.h"
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

static void no_core(void)
{
    struct rlimit rl = { 0, 0 };
    setrlimit(RLIMIT_CORE, &rl);
}

static int run(void (*fn)(void))
{
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) {
        no_core();
        fn();
        _exit(100);
    }
    int st;
    REQUIRE(waitpid(c, &st, 0) == c);
    return st;
}

static void report(const char *what, int st, int sig)
{
    if (WIFSIGNALED(st))
        printf("%s: WTERMSIG %d (%s)\n", what, WTERMSIG(st), WTERMSIG(st) == sig ? "expected" : "unexpected");
    else
        printf("%s: not signaled, status 0x%x\n", what, st);
}

static volatile int *volatile nullp;
static void do_segv(void) { *nullp = 1; }
static void do_segv_read(void) { (void)*nullp; }
static void do_abort(void) { abort(); }
static void do_ill(void) { __asm__ volatile(".word 0"); }
static void do_ill32(void) { __asm__ volatile(".option push\n.option norvc\nunimp\n.option pop"); }  /* csrrw x0, cycle, x0 */
static void do_trap(void) { __builtin_trap(); }   /* ebreak on riscv64 */
static void do_ebreak(void) { __asm__ volatile("ebreak"); }
static void do_bus(void)
{
    static char buf[16] __attribute__((aligned(8)));
    char *volatile p = buf + 1;
    int r;
    __asm__ volatile("amoadd.w %0, %2, (%1)" : "=r"(r) : "r"(p), "r"(1) : "memory");
}
static volatile long zero, minus1 = -1;
static void do_div0(void)
{
    long a = 1234, q = a / zero, r = a % zero;
    long m = (long)0x8000000000000000UL / minus1;   /* overflow: no trap either */
    _exit(q == -1 && r == 1234 && m == (long)0x8000000000000000UL ? 0 : 1);
}
static void do_segv_blocked(void)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGSEGV);
    sigprocmask(SIG_BLOCK, &s, NULL);   /* a blocked fault signal still kills */
    *nullp = 2;
}
static void do_segv_ignored(void)
{
    signal(SIGSEGV, SIG_IGN);           /* so does an ignored one */
    *nullp = 3;
}

static void wait_forever(void) { for (;;) pause(); }

int main(void)
{
    int sigs[] = { SIGTERM, SIGKILL, SIGINT, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGQUIT };
    const char *names[] = { "SIGTERM", "SIGKILL", "SIGINT", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGQUIT" };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        int p[2];
        REQUIRE(pipe(p) == 0);
        fflush(stdout);
        pid_t c = fork();
        REQUIRE(c >= 0);
        if (c == 0) { no_core(); write(p[1], "r", 1); wait_forever(); }
        char b;
        read(p[0], &b, 1);
        close(p[0]);
        close(p[1]);
        kill(c, sigs[i]);
        int st;
        REQUIRE(waitpid(c, &st, 0) == c);
        char what[64];
        snprintf(what, sizeof what, "kill %s", names[i]);
        report(what, st, sigs[i]);
    }
    report("null store", run(do_segv), SIGSEGV);
    report("null load", run(do_segv_read), SIGSEGV);
    report("abort()", run(do_abort), SIGABRT);
    report("illegal instruction .word 0", run(do_ill), SIGILL);
    report("unimp (write to read-only cycle CSR)", run(do_ill32), SIGILL);
    report("__builtin_trap", run(do_trap), SIGTRAP);
    report("ebreak", run(do_ebreak), SIGTRAP);
    report("misaligned amoadd.w", run(do_bus), SIGBUS);
    report("SIGSEGV while blocked", run(do_segv_blocked), SIGSEGV);
    report("SIGSEGV while ignored", run(do_segv_ignored), SIGSEGV);
    int st = run(do_div0);
    CHECK("division by zero and overflow: no signal, RISC-V results", WIFEXITED(st) && WEXITSTATUS(st) == 0);
    return 0;
}
