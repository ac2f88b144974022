/* exit() from a non-main thread ends the whole process with that status
 * (37) while the main thread is blocked in pthread_join and other threads
 * are blocked in read() and nanosleep(); atexit handlers run and stdio is
 * flushed once.  Also checked from a forked child: _exit from a thread,
 * and a fatal signal in one thread killing all of them. */
#include "t.h"
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

static int pipefd[2];
static pthread_barrier_t bar;

static void *reader(void *arg)
{
    (void)arg;
    char b;
    pthread_barrier_wait(&bar);
    read(pipefd[0], &b, 1);        /* never gets data */
    printf("reader returned: no\n");
    return NULL;
}

static void *sleeper(void *arg)
{
    (void)arg;
    pthread_barrier_wait(&bar);
    sleep(100);
    printf("sleeper returned: no\n");
    return NULL;
}

static void *exiter(void *arg)
{
    long mode = (long)arg;
    pthread_barrier_wait(&bar);
    usleep(20000);                 /* let the others block */
    if (mode == 0) exit(37);
    if (mode == 1) _exit(38);
    raise(SIGSEGV);                /* default action: the whole process dies */
    return NULL;
}

static void atexit_handler(void)
{
    printf("atexit handler ran in the exiting process: yes\n");
}

static int run_group(long mode)
{
    REQUIRE(pipe(pipefd) == 0);
    pthread_barrier_init(&bar, NULL, 4);
    pthread_t r, s, e;
    pthread_create(&r, NULL, reader, NULL);
    pthread_create(&s, NULL, sleeper, NULL);
    pthread_create(&e, NULL, exiter, (void *)mode);
    pthread_barrier_wait(&bar);
    pthread_join(e, NULL);
    printf("main returned from join: no\n");
    return 99;
}

int main(void)
{
    int st;
    /* _exit from a thread, in a child */
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) { run_group(1); _exit(98); }
    CHECK("child: _exit(38) from a thread -> status 38", waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 38);
    /* a fatal signal in one thread kills the whole child */
    fflush(stdout);
    c = fork();
    REQUIRE(c >= 0);
    if (c == 0) {
        struct rlimit rl = { 0, 0 };
        setrlimit(RLIMIT_CORE, &rl);
        run_group(2);
        _exit(98);
    }
    CHECK("child: SIGSEGV raised in a thread kills the process", waitpid(c, &st, 0) == c && WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);

    /* and this process itself ends through exit(37) in a thread */
    atexit(atexit_handler);
    printf("main: starting threads, exit(37) comes from one of them\n");
    run_group(0);
    return 0;
}
