/* sigaltstack with SA_ONSTACK: the handler's locals lie inside the
 * alternate stack, sigaltstack() inside reports SS_ONSTACK and refuses
 * changes (EPERM); a handler without SA_ONSTACK runs on the normal stack;
 * a nested SA_ONSTACK signal stays on the alternate stack below the first
 * frame; SS_DISABLE turns it off; a stack overflow in a thread (guard page)
 * is caught on the thread's alternate stack and left with siglongjmp. */
#include "t.h"
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>

static char alt[65536] __attribute__((aligned(16)));
static volatile uintptr_t local_addr, nested_addr;
static volatile int ss_flags_inside = -1, change_errno;

static int in_alt(uintptr_t a, const char *base, size_t size)
{
    return a >= (uintptr_t)base && a < (uintptr_t)base + size;
}

static void on_usr2(int s)
{
    volatile int here = s;
    nested_addr = (uintptr_t)&here;
}

static void on_usr1(int s)
{
    volatile int here = s;
    local_addr = (uintptr_t)&here;
    stack_t cur;
    sigaltstack(NULL, &cur);
    ss_flags_inside = cur.ss_flags;
    stack_t n = { .ss_sp = alt, .ss_size = sizeof alt, .ss_flags = 0 };
    errno = 0;
    sigaltstack(&n, NULL);
    change_errno = errno;
    raise(SIGUSR2);            /* nested, also SA_ONSTACK */
}

static void set(int sig, void (*h)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sa.sa_flags = flags;
    sigaction(sig, &sa, NULL);
}

/* stack overflow in a thread */
static sigjmp_buf jb;
static volatile int overflow_caught;
static volatile uintptr_t segv_local;
static char *thread_alt;

static void on_segv(int s)
{
    volatile int here = s;
    segv_local = (uintptr_t)&here;
    overflow_caught = 1;
    siglongjmp(jb, 1);
}

static volatile int depth_limit = 1 << 30;   /* never reached: the guard page is */

static int recurse(int n)
{
    volatile char pad[1024];
    pad[0] = (char)n;
    if (n > depth_limit) return 0;
    return recurse(n + 1) + pad[0];
}

static void *overflow_thread(void *arg)
{
    (void)arg;
    thread_alt = malloc(65536);
    stack_t ss = { .ss_sp = thread_alt, .ss_size = 65536, .ss_flags = 0 };
    sigaltstack(&ss, NULL);
    if (sigsetjmp(jb, 1) == 0) recurse(0);
    return NULL;
}

int main(void)
{
    stack_t ss = { .ss_sp = alt, .ss_size = sizeof alt, .ss_flags = 0 }, cur;
    CHECK("sigaltstack set", sigaltstack(&ss, NULL) == 0);
    set(SIGUSR1, on_usr1, SA_ONSTACK);
    set(SIGUSR2, on_usr2, SA_ONSTACK);
    raise(SIGUSR1);
    CHECK("SA_ONSTACK handler's local is inside the alternate stack", in_alt(local_addr, alt, sizeof alt));
    CHECK("sigaltstack inside the handler reports SS_ONSTACK", ss_flags_inside == SS_ONSTACK);
    CHECK("changing it while on it -> EPERM", change_errno == EPERM);
    CHECK("nested handler also on the alternate stack, below the first", in_alt(nested_addr, alt, sizeof alt) && nested_addr < local_addr);
    CHECK("outside a handler: flags 0", sigaltstack(NULL, &cur) == 0 && cur.ss_flags == 0);

    set(SIGUSR1, on_usr1, 0);
    set(SIGUSR2, on_usr2, 0);
    local_addr = 0;
    raise(SIGUSR1);
    CHECK("without SA_ONSTACK: local on the normal stack", local_addr != 0 && !in_alt(local_addr, alt, sizeof alt));
    CHECK("  and sigaltstack reports flags 0 there", ss_flags_inside == 0);

    ss.ss_flags = SS_DISABLE;
    CHECK("SS_DISABLE", sigaltstack(&ss, NULL) == 0 && sigaltstack(NULL, &cur) == 0 && cur.ss_flags == SS_DISABLE);
    set(SIGUSR1, on_usr1, SA_ONSTACK);
    local_addr = 0;
    raise(SIGUSR1);
    CHECK("SA_ONSTACK with the alternate stack disabled: normal stack", local_addr != 0 && !in_alt(local_addr, alt, sizeof alt));

    /* stack overflow in a 256 KiB thread stack */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_segv;
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGSEGV, &sa, NULL);
    pthread_attr_t at;
    pthread_attr_init(&at);
    pthread_attr_setstacksize(&at, 256 * 1024);
    pthread_t t;
    REQUIRE(pthread_create(&t, &at, overflow_thread, NULL) == 0);
    pthread_join(t, NULL);
    CHECK("thread stack overflow caught as SIGSEGV", overflow_caught == 1);
    CHECK("  its handler ran on the thread's alternate stack", in_alt(segv_local, thread_alt, 65536));
    return 0;
}
