/* pipe/pipe2 within one process: ordering, EOF after close, EPIPE with
 * SIGPIPE ignored, O_NONBLOCK EAGAIN, O_CLOEXEC, partial reads. */
#include "t.h"
#include <signal.h>
#include <sys/stat.h>

int main(void)
{
    int p[2];
    CHECK("pipe", pipe(p) == 0);
    printf("pipe fds: %d %d\n", p[0], p[1]);
    CHECK("write 5", write(p[1], "hello", 5) == 5);
    CHECK("write 6", write(p[1], " world", 6) == 6);
    char b[64] = {0};
    CHECK("read returns available bytes (<= request)", read(p[0], b, 3) == 3 && memcmp(b, "hel", 3) == 0);
    ssize_t n = read(p[0], b, sizeof b);
    printf("rest: %.*s\n", (int)n, b);
    struct stat st;
    CHECK("fstat: FIFO", fstat(p[0], &st) == 0 && S_ISFIFO(st.st_mode));
    CHECK("read end O_RDONLY", (fcntl(p[0], F_GETFL) & O_ACCMODE) == O_RDONLY);
    CHECK("write end O_WRONLY", (fcntl(p[1], F_GETFL) & O_ACCMODE) == O_WRONLY);
    close(p[1]);
    CHECK("EOF after writer closed", read(p[0], b, sizeof b) == 0);
    close(p[0]);

    int q[2];
    CHECK("pipe2 O_NONBLOCK|O_CLOEXEC", pipe2(q, O_NONBLOCK | O_CLOEXEC) == 0);
    CHECK("FD_CLOEXEC on both", fcntl(q[0], F_GETFD) == FD_CLOEXEC && fcntl(q[1], F_GETFD) == FD_CLOEXEC);
    CHECK("O_NONBLOCK set", (fcntl(q[0], F_GETFL) & O_NONBLOCK) != 0);
    CHECK("empty nonblocking read -> EAGAIN", read(q[0], b, 1) == -1 && errno == EAGAIN);
    /* fill the pipe until EAGAIN: capacity is at least 4096 */
    static char chunk[4096];
    memset(chunk, 'x', sizeof chunk);
    long total = 0;
    for (;;) { ssize_t w = write(q[1], chunk, sizeof chunk); if (w < 0) break; total += w; if (total > (1 << 24)) break; }
    CHECK("full pipe write -> EAGAIN", errno == EAGAIN);
    CHECK("capacity >= 4096", total >= 4096);
    long got = 0;
    for (;;) { ssize_t r = read(q[0], chunk, sizeof chunk); if (r <= 0) break; got += r; }
    CHECK("read back everything written", got == total);
    CHECK("pipe2 bad flags -> EINVAL", pipe2(q, 0x12345) == -1 && errno == EINVAL);
    signal(SIGPIPE, SIG_IGN);
    int r2[2];
    pipe(r2);
    close(r2[0]);
    CHECK("write without reader -> EPIPE", write(r2[1], "x", 1) == -1 && errno == EPIPE);
    /* writev/readv through a pipe */
    int v[2];
    pipe(v);
    fflush(stdout);
    dprintf(v[1], "formatted %d %s", 42, "via dprintf");
    close(v[1]);
    n = read(v[0], b, sizeof b - 1);
    b[n > 0 ? n : 0] = 0;
    printf("dprintf through pipe: %s\n", b);
    return 0;
}
