/* Pipelines of forked processes: a producer child writes through a pipe to
 * a consumer child; a three-stage pipeline (generate | transform | sum) with
 * the stages wired by dup2 onto stdin/stdout; 1 MiB through full pipes;
 * EOF only once every write end is closed. */
#include "t.h"
#include <ctype.h>
#include <sys/wait.h>

#define TOTAL (1 << 20)

static void producer(void)
{
    /* stdout is the pipe: deterministic bytes */
    static char buf[4096];
    uint64_t s = 1;
    for (int done = 0; done < TOTAL; done += (int)sizeof buf) {
        for (size_t i = 0; i < sizeof buf; i++) buf[i] = "abcdefghijklmnopqrstuvwxyz\n"[t_rand(&s) % 27];
        for (size_t off = 0; off < sizeof buf;) {
            ssize_t w = write(1, buf + off, sizeof buf - off);
            if (w <= 0) _exit(2);
            off += (size_t)w;
        }
    }
    _exit(0);
}

static void upcase(void)
{
    static char buf[3000];   /* odd size: reads and writes not aligned to the producer's */
    ssize_t n;
    while ((n = read(0, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++) buf[i] = (char)toupper((unsigned char)buf[i]);
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(1, buf + off, (size_t)(n - off));
            if (w <= 0) _exit(2);
            off += w;
        }
    }
    _exit(n == 0 ? 0 : 3);
}

static void summer(int report_fd)
{
    static unsigned char buf[5000];
    uint64_t h = 1469598103934665603ULL, lines = 0, upper = 0, total = 0;
    ssize_t n;
    while ((n = read(0, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            h ^= buf[i]; h *= 1099511628211ULL;
            if (buf[i] == '\n') lines++;
            if (isupper(buf[i])) upper++;
        }
        total += (uint64_t)n;
    }
    uint64_t r[4] = { h, lines, upper, total };
    write(report_fd, r, sizeof r);
    _exit(0);
}

static pid_t stage(int in, int out, void (*fn)(void), int closefds[], int nclose)
{
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) {
        if (in >= 0) { dup2(in, 0); }
        if (out >= 0) { dup2(out, 1); }
        for (int i = 0; i < nclose; i++) close(closefds[i]);
        fn();
    }
    return c;
}

/* the expected digest, computed in-process */
static void expected(uint64_t r[4])
{
    uint64_t s = 1, h = 1469598103934665603ULL, lines = 0, upper = 0;
    for (int i = 0; i < TOTAL; i++) {
        unsigned char c = (unsigned char)"abcdefghijklmnopqrstuvwxyz\n"[t_rand(&s) % 27];
        c = (unsigned char)toupper(c);
        h ^= c; h *= 1099511628211ULL;
        if (c == '\n') lines++;
        if (isupper(c)) upper++;
    }
    r[0] = h; r[1] = lines; r[2] = upper; r[3] = TOTAL;
}

static int report_fd;
static void summer_stage(void) { summer(report_fd); }

int main(void)
{
    /* two stages: producer -> consumer (which uppercases into a report pipe) */
    int a[2], b[2], rep[2];
    REQUIRE(pipe(a) == 0 && pipe(b) == 0 && pipe(rep) == 0);
    report_fd = rep[1];
    int cl1[] = { a[0], a[1], b[0], b[1], rep[0], rep[1] };
    pid_t p1 = stage(-1, a[1], producer, cl1, 6);
    pid_t p2 = stage(a[0], b[1], upcase, cl1, 6);
    int cl3[] = { a[0], a[1], b[0], b[1], rep[0] };
    pid_t p3 = stage(b[0], -1, summer_stage, cl3, 5);
    close(a[0]); close(a[1]); close(b[0]); close(b[1]); close(rep[1]);
    uint64_t got[4] = { 0 }, want[4];
    CHECK("report read", read(rep[0], got, sizeof got) == sizeof got);
    expected(want);
    CHECK("three stages: byte count 1 MiB", got[3] == TOTAL);
    CHECK("three stages: line count", got[1] == want[1]);
    CHECK("three stages: no lowercase left", got[2] + got[1] == TOTAL);
    CHECK("three stages: digest of transformed data", got[0] == want[0]);
    int st, ok = 1;
    pid_t ps[3] = { p1, p2, p3 };
    for (int i = 0; i < 3; i++) ok &= waitpid(ps[i], &st, 0) == ps[i] && WIFEXITED(st) && WEXITSTATUS(st) == 0;
    CHECK("all stages exited 0", ok);

    /* EOF needs every write end closed: a copy held by a sibling delays it */
    int c[2], hold[2];
    REQUIRE(pipe(c) == 0 && pipe(hold) == 0);
    fflush(stdout);
    pid_t holder = fork();
    if (holder == 0) { close(c[0]); close(hold[1]); char x; read(hold[0], &x, 1); _exit(0); }
    close(hold[0]);
    pid_t writer = fork();
    if (writer == 0) { close(c[0]); write(c[1], "data", 4); _exit(0); }
    close(c[1]);
    char buf[16];
    ssize_t n1 = read(c[0], buf, sizeof buf);
    CHECK("reader gets the data", n1 == 4 && memcmp(buf, "data", 4) == 0);
    REQUIRE(waitpid(writer, &st, 0) == writer);
    fcntl(c[0], F_SETFL, O_NONBLOCK);
    CHECK("writer gone, holder alive: EAGAIN, not EOF", read(c[0], buf, sizeof buf) == -1 && errno == EAGAIN);
    close(hold[1]);   /* the holder exits */
    REQUIRE(waitpid(holder, &st, 0) == holder);
    CHECK("EOF once the last write end closed", read(c[0], buf, sizeof buf) == 0);
    return 0;
}
