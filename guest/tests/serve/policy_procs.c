/*
 * Processes and threads under 'policy ro:$CWD rw:$CWD/out': a forked child, a second
 * thread, and threads racing each other are all confined, and each denial is logged.
 */
#include "policy_t.h"
#include <pthread.h>
#include <sys/wait.h>

static void *thread_main(void *arg) {
    (void) arg;
    int r = open("/etc/hostname", O_RDONLY);
    int e = errno;
    int w = open("out/thread.txt", O_WRONLY | O_CREAT, 0644);
    if (w >= 0) close(w);
    return (void *) (long) (r < 0 && e == EACCES && w >= 0);
}

#define N 4
static void *worker(void *arg) {
    long id = (long) arg, bad = 0;
    char p[64];
    for (int i = 0; i < 10; i++) {
        snprintf(p, sizeof p, "out/w%ld-%d", id, i);
        int fd = open(p, O_WRONLY | O_CREAT, 0644);
        if (fd < 0) bad++;
        else close(fd);
        if (open("/etc/passwd", O_RDONLY) >= 0 || errno != EACCES) bad++;
        snprintf(p, sizeof p, "w%ld-%d", id, i);
        if (open(p, O_WRONLY | O_CREAT, 0644) >= 0 || errno != EACCES) bad++;
    }
    return (void *) bad;
}

int main(void) {
    setvbuf(stdout, 0, _IONBF, 0);
    res("mkdir out", mkdir("out", 0755));
    pid_t pid = fork();
    if (pid == 0) {
        res("child: open /etc/passwd", open("/etc/passwd", O_RDONLY));
        res("child: create CWD/child.txt", open("child.txt", O_WRONLY | O_CREAT, 0644));
        int fd = res("child: create out/child.txt", open("out/child.txt", O_WRONLY | O_CREAT, 0644));
        if (fd >= 0) write(fd, "from the child\n", 15);
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    CHECK("child exited 0", WIFEXITED(status) && WEXITSTATUS(status) == 0);
    show_file("parent: read out/child.txt", "out/child.txt");
    res("parent: open /etc/passwd", open("/etc/passwd", O_RDONLY));

    pthread_t t;
    void *ok;
    pthread_create(&t, 0, thread_main, 0);
    pthread_join(t, &ok);
    CHECK("thread: /etc/hostname denied, out/thread.txt made", ok != 0);

    pthread_t ts[N];
    long bad = 0;
    for (long i = 0; i < N; i++) pthread_create(&ts[i], 0, worker, (void *) i);
    for (int i = 0; i < N; i++) {
        pthread_join(ts[i], &ok);
        bad += (long) ok;
    }
    CHECK("4 threads x 10 rounds: every result right", bad == 0);

    /* a child that forks again, with threads */
    pid = fork();
    if (pid == 0) {
        pthread_create(&t, 0, thread_main, 0);
        pthread_join(t, &ok);
        _exit(ok ? 0 : 1);
    }
    waitpid(pid, &status, 0);
    CHECK("child's thread: confined", WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return 0;
}
