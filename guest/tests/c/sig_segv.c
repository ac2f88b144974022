/* Fault signals caught by handlers: a null dereference left with
 * siglongjmp (10 times: the mask is restored each time), si_addr equal to
 * the faulting address for null, an unmapped page and a PROT_NONE page,
 * si_code SEGV_MAPERR vs SEGV_ACCERR (also a store to a read-only page),
 * SIGBUS BUS_ADRALN for a misaligned AMO, SIGILL ILL_ILLOPC
 * and SIGTRAP TRAP_BRKPT with si_addr == the instruction's address. */
#include "t.h"
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>

static sigjmp_buf jb;
static volatile int g_sig, g_code;
static void *volatile g_addr;

static void handler(int s, siginfo_t *si, void *c)
{
    (void)c;
    g_sig = s;
    g_code = si->si_code;
    g_addr = si->si_addr;
    siglongjmp(jb, 1);
}

static volatile int *volatile target;

#define TRY(stmt) (g_sig = 0, g_code = 0, g_addr = (void *)1, sigsetjmp(jb, 1) == 0 ? ((stmt), 0) : 1)

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);

    int caught = 0;
    for (int i = 0; i < 10; i++) {
        target = NULL;
        if (TRY(*target = i)) caught++;
    }
    CHECK("null store caught 10 times (siglongjmp restores the mask)", caught == 10);
    CHECK("  SIGSEGV, SEGV_MAPERR, si_addr == NULL", g_sig == SIGSEGV && g_code == SEGV_MAPERR && g_addr == NULL);
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    CHECK("  SIGSEGV not left blocked", !sigismember(&cur, SIGSEGV));

    target = (volatile int *)16;
    CHECK("load from address 16 caught", TRY((void)*target) && g_addr == (void *)16 && g_code == SEGV_MAPERR);

    char *m = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(m != MAP_FAILED);
    munmap(m + 4096, 4096);                 /* a hole */
    target = (volatile int *)(m + 4096 + 100);
    CHECK("load from an unmapped page: si_addr exact, SEGV_MAPERR", TRY((void)*target) && g_sig == SIGSEGV && g_addr == (void *)(m + 4096 + 100) && g_code == SEGV_MAPERR);
    mprotect(m + 8192, 4096, PROT_NONE);
    target = (volatile int *)(m + 8192 + 8);
    CHECK("load from PROT_NONE: si_addr exact, SEGV_ACCERR", TRY((void)*target) && g_addr == (void *)(m + 8192 + 8) && g_code == SEGV_ACCERR);
    mprotect(m, 4096, PROT_READ);
    target = (volatile int *)(m + 12);
    CHECK("store to read-only: si_addr exact, SEGV_ACCERR", TRY(*target = 1) && g_addr == (void *)(m + 12) && g_code == SEGV_ACCERR);
    CHECK("  the read-only page is unchanged", m[12] == 0);

    static char buf[16] __attribute__((aligned(8)));
    char *volatile odd = buf + 3;
    int r;
    CHECK("misaligned amoadd.w: SIGBUS", TRY(({ __asm__ volatile("amoadd.w %0, %2, (%1)" : "=r"(r) : "r"(odd), "r"(1) : "memory"); })) && g_sig == SIGBUS);
    /* si_addr is not checked: Linux reports the pc (DO_ERROR_INFO uses
     * regs->epc), qemu the data address */
    CHECK("  BUS_ADRALN", g_code == BUS_ADRALN);

    extern char ill_insn[], brk_insn[];
    CHECK("illegal instruction: SIGILL ILL_ILLOPC", TRY(({ __asm__ volatile(".globl ill_insn\nill_insn: .word 0"); })) && g_sig == SIGILL && g_code == ILL_ILLOPC);
    CHECK("  si_addr == the instruction", g_addr == (void *)ill_insn);
    CHECK("ebreak: SIGTRAP TRAP_BRKPT", TRY(({ __asm__ volatile(".globl brk_insn\nbrk_insn: ebreak"); })) && g_sig == SIGTRAP && g_code == TRAP_BRKPT);
    CHECK("  si_addr == the instruction", g_addr == (void *)brk_insn);
    return 0;
}
