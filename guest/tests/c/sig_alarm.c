/* alarm() and setitimer(ITIMER_REAL): alarm's return value is the seconds
 * left on the previous alarm, alarm(0) cancels; a 30 ms one-shot timer
 * delivers SIGALRM (si_code SI_KERNEL) to sigsuspend and then to pause();
 * getitimer shows the time left, 0 after expiry; a periodic 10 ms timer
 * fires repeatedly until cancelled; the default action of SIGALRM kills a
 * child; a pending alarm is not inherited by fork. */
#include "t.h"
#include <signal.h>
#include <sys/time.h>
#include <sys/wait.h>

static volatile int alarms, last_code;
static void on_alrm(int s, siginfo_t *si, void *c) { (void)s; (void)c; alarms++; last_code = si->si_code; }

static void arm(long first_us, long interval_us)
{
    struct itimerval it = { { interval_us / 1000000, interval_us % 1000000 }, { first_us / 1000000, first_us % 1000000 } };
    REQUIRE(setitimer(ITIMER_REAL, &it, NULL) == 0);
}

int main(void)
{
    CHECK("alarm(0) with nothing set returns 0", alarm(0) == 0);
    CHECK("alarm(10) returns 0", alarm(10) == 0);
    CHECK("alarm(5) returns the 10 s left", alarm(5) == 10);
    CHECK("alarm(0) cancels, returns 5", alarm(0) == 5);
    CHECK("nothing left", alarm(0) == 0);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_alrm;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGALRM, &sa, NULL);
    sigset_t blk, old;
    sigemptyset(&blk);
    sigaddset(&blk, SIGALRM);
    sigprocmask(SIG_BLOCK, &blk, &old);

    arm(5000000, 0);
    struct itimerval cur;
    getitimer(ITIMER_REAL, &cur);
    CHECK("getitimer: 0 < left <= 5 s, no interval", cur.it_value.tv_sec <= 5 && (cur.it_value.tv_sec > 0 || cur.it_value.tv_usec > 0) && cur.it_interval.tv_sec == 0 && cur.it_interval.tv_usec == 0);
    arm(30000, 0);
    sigsuspend(&old);
    CHECK("one-shot timer: SIGALRM handled in sigsuspend", alarms == 1);
    CHECK("si_code SI_KERNEL", last_code == SI_KERNEL);
    getitimer(ITIMER_REAL, &cur);
    CHECK("getitimer after expiry: 0", cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0);

    sigprocmask(SIG_SETMASK, &old, NULL);
    arm(30000, 0);
    errno = 0;
    int r = pause();
    CHECK("pause() woken by the timer's SIGALRM", r == -1 && errno == EINTR && alarms == 2);

    sigprocmask(SIG_BLOCK, &blk, NULL);
    arm(10000, 10000);
    while (alarms < 5) sigsuspend(&old);
    arm(0, 0);
    CHECK("periodic timer fired 3 more times", alarms == 5);
    getitimer(ITIMER_REAL, &cur);
    CHECK("cancelled: value and interval 0", cur.it_value.tv_usec == 0 && cur.it_interval.tv_usec == 0);
    sigprocmask(SIG_SETMASK, &old, NULL);

    /* the alarm is not inherited by a child; SIGALRM's default kills */
    alarm(100);
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        int inherited = alarm(0) != 0;
        signal(SIGALRM, SIG_DFL);
        if (inherited) _exit(1);
        arm(10000, 0);
        for (;;) sigsuspend(&old);
    }
    alarm(0);
    int st;
    REQUIRE(waitpid(c, &st, 0) == c);
    CHECK("child: no inherited alarm, killed by its own SIGALRM", WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM);
    return 0;
}
