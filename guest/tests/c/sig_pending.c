/* Blocking and pending: a blocked signal shows in sigpending and is
 * delivered as soon as it is unblocked (before sigprocmask returns); a
 * standard signal sent 3 times while blocked is delivered once, SIGRTMIN
 * sent 3 times is delivered 3 times; several pending signals unblocked at
 * once arrive lowest number first; a blocked default-ignored signal stays
 * pending until unblocked, then vanishes; ignoring a pending signal
 * discards it; SIG_SETMASK/SIG_UNBLOCK variants. */
#include "t.h"
#include <signal.h>

static volatile int cnt[65];
static volatile int order[16], norder;

static void h(int s)
{
    cnt[s]++;
    if (norder < 16) order[norder++] = s;
}

static void catch(int s)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sigaction(s, &sa, NULL);
}

static sigset_t only(int s)
{
    sigset_t m;
    sigemptyset(&m);
    sigaddset(&m, s);
    return m;
}

int main(void)
{
    catch(SIGUSR1);
    catch(SIGUSR2);
    catch(SIGHUP);
    catch(SIGRTMIN);
    catch(SIGRTMIN + 4);
    sigset_t m = only(SIGUSR1), p;
    sigprocmask(SIG_BLOCK, &m, NULL);
    raise(SIGUSR1);
    CHECK("blocked: not delivered", cnt[SIGUSR1] == 0);
    sigpending(&p);
    CHECK("blocked: pending", sigismember(&p, SIGUSR1) == 1);
    CHECK("others not pending", sigismember(&p, SIGUSR2) == 0);
    sigprocmask(SIG_UNBLOCK, &m, NULL);
    CHECK("unblock: delivered before sigprocmask returned", cnt[SIGUSR1] == 1);
    sigpending(&p);
    CHECK("no longer pending", sigismember(&p, SIGUSR1) == 0);

    /* coalescing vs queueing */
    sigset_t both;
    sigemptyset(&both);
    sigaddset(&both, SIGUSR2);
    sigaddset(&both, SIGRTMIN);
    sigprocmask(SIG_BLOCK, &both, NULL);
    for (int i = 0; i < 3; i++) { kill(getpid(), SIGUSR2); kill(getpid(), SIGRTMIN); }
    sigprocmask(SIG_UNBLOCK, &both, NULL);
    printf("SIGUSR2 sent 3 times while blocked: delivered %d time(s)\n", cnt[SIGUSR2]);
    printf("SIGRTMIN sent 3 times while blocked: delivered %d time(s)\n", cnt[SIGRTMIN]);

    /* delivery order when unblocked together */
    sigset_t all;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, NULL);
    norder = 0;
    raise(SIGRTMIN + 4);
    raise(SIGUSR2);
    raise(SIGRTMIN);
    raise(SIGHUP);
    raise(SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &all, NULL);
    printf("order:");
    for (int i = 0; i < norder; i++) {
        int s = order[i];
        if (s >= SIGRTMIN) printf(" SIGRTMIN+%d", s - SIGRTMIN);
        else printf(" %s", s == SIGHUP ? "SIGHUP" : s == SIGUSR1 ? "SIGUSR1" : s == SIGUSR2 ? "SIGUSR2" : "?");
    }
    printf("\n");

    /* a default-ignored signal while blocked */
    m = only(SIGURG);
    sigprocmask(SIG_BLOCK, &m, NULL);
    raise(SIGURG);
    sigpending(&p);
    CHECK("blocked SIGURG (default ignore) is pending", sigismember(&p, SIGURG) == 1);
    sigprocmask(SIG_UNBLOCK, &m, NULL);
    sigpending(&p);
    CHECK("unblocked: discarded, not pending", sigismember(&p, SIGURG) == 0);

    /* setting SIG_IGN discards a pending signal */
    m = only(SIGUSR1);
    sigprocmask(SIG_BLOCK, &m, NULL);
    int before = cnt[SIGUSR1];
    raise(SIGUSR1);
    signal(SIGUSR1, SIG_IGN);
    sigpending(&p);
    CHECK("SIG_IGN on a pending signal discards it", sigismember(&p, SIGUSR1) == 0);
    catch(SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &m, NULL);
    CHECK("and the handler never sees it", cnt[SIGUSR1] == before);

    /* SIG_SETMASK with the old set restores exactly */
    sigset_t old, cur;
    m = only(SIGHUP);
    sigprocmask(SIG_SETMASK, &m, &old);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    CHECK("SIG_SETMASK replaces the mask", sigismember(&cur, SIGHUP) && !sigismember(&cur, SIGUSR1));
    raise(SIGHUP);
    int hup = cnt[SIGHUP];
    sigprocmask(SIG_SETMASK, &old, NULL);
    CHECK("restoring the old mask delivers the pending SIGHUP", cnt[SIGHUP] == hup + 1);
    return 0;
}
