/* fork + dup2 + execve pipelines: stdout of an exec'd image redirected into
 * a pipe that the parent reads; a three-stage pipeline gen | upper | count
 * whose stages are this binary exec'd with a mode, wired with dup2 onto
 * fds 0 and 1; stdin redirected from a file.
 * QEMU_DIFFERS: qemu-user cannot execve a RISC-V binary. */
#include "t.h"
#include <ctype.h>
#include <sys/wait.h>

static int stage_main(const char *mode)
{
    if (strcmp(mode, "hello") == 0) {
        printf("printed by the exec'd image on its stdout\n");
        fprintf(stderr, "stderr is not redirected\n");
        return 3;
    }
    if (strcmp(mode, "gen") == 0) {
        for (int i = 0; i < 5000; i++) printf("line %d of the generator\n", i);
        return 0;
    }
    if (strcmp(mode, "upper") == 0) {
        int c;
        while ((c = getchar()) != EOF) putchar(toupper(c));
        return 0;
    }
    if (strcmp(mode, "count") == 0) {
        long lines = 0, bytes = 0, lower = 0;
        uint64_t h = 1469598103934665603ULL;
        int c;
        while ((c = getchar()) != EOF) {
            bytes++;
            if (c == '\n') lines++;
            if (islower(c)) lower++;
            h ^= (unsigned char)c; h *= 1099511628211ULL;
        }
        printf("count: %ld lines, %ld bytes, %ld lowercase, digest %016llx\n", lines, bytes, lower, (unsigned long long)h);
        return 0;
    }
    if (strcmp(mode, "cat") == 0) {
        char b[256];
        ssize_t n;
        while ((n = read(0, b, sizeof b)) > 0) write(1, b, (size_t)n);
        return 0;
    }
    return 99;
}

static pid_t spawn(const char *self, const char *mode, int in, int out, const int *closefds, int n)
{
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) {
        if (in >= 0) dup2(in, 0);
        if (out >= 0) dup2(out, 1);
        for (int i = 0; i < n; i++) close(closefds[i]);
        char *a[] = { (char *)self, (char *)mode, NULL };
        execv(self, a);
        _exit(127);
    }
    return c;
}

static uint64_t expected_digest(long *bytes)
{
    uint64_t h = 1469598103934665603ULL;
    char line[64];
    *bytes = 0;
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(line, sizeof line, "line %d of the generator\n", i);
        for (int k = 0; k < n; k++) { h ^= (unsigned char)toupper(line[k]); h *= 1099511628211ULL; }
        *bytes += n;
    }
    return h;
}

int main(int argc, char **argv)
{
    if (argc > 1) return stage_main(argv[1]);
    const char *self = argv[0];
    int st;

    /* 1. stdout of the exec'd image into a pipe */
    int p[2];
    REQUIRE(pipe(p) == 0);
    pid_t c = spawn(self, "hello", -1, p[1], p, 2);
    close(p[1]);
    char buf[256];
    ssize_t n = read(p[0], buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("parent read from the pipe: %s", buf);
    CHECK("then EOF", read(p[0], buf, sizeof buf) == 0);
    close(p[0]);
    CHECK("its exit status 3", waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 3);

    /* 2. gen | upper | count, count's output into a pipe read by us */
    int a[2], b[2], r[2];
    REQUIRE(pipe(a) == 0 && pipe(b) == 0 && pipe(r) == 0);
    int all[] = { a[0], a[1], b[0], b[1], r[0], r[1] };
    pid_t g = spawn(self, "gen", -1, a[1], all, 6);
    pid_t u = spawn(self, "upper", a[0], b[1], all, 6);
    pid_t k = spawn(self, "count", b[0], r[1], all, 6);
    for (int i = 0; i < 6; i++) if (all[i] != r[0]) close(all[i]);
    n = read(r[0], buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    long bytes;
    uint64_t h = expected_digest(&bytes);
    char want[200];
    snprintf(want, sizeof want, "count: 5000 lines, %ld bytes, 0 lowercase, digest %016llx\n", bytes, (unsigned long long)h);
    CHECK("pipeline result as computed in-process", strcmp(buf, want) == 0);
    printf("%s", buf);
    int ok = 1;
    pid_t ps[] = { g, u, k };
    for (int i = 0; i < 3; i++) ok &= waitpid(ps[i], &st, 0) == ps[i] && WIFEXITED(st) && WEXITSTATUS(st) == 0;
    CHECK("all three stages exited 0", ok);

    /* 3. stdin from a file, stdout appended to a file */
    int in = open("input", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(in, "from a file\n", 12);
    lseek(in, 0, SEEK_SET);
    int out = open("output", O_WRONLY | O_CREAT | O_APPEND, 0644);
    write(out, "existing\n", 9);
    int fds[] = { in, out };
    c = spawn(self, "cat", in, out, fds, 2);
    CHECK("cat exited 0", waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
    close(in);
    close(out);
    int f = open("output", O_RDONLY);
    n = read(f, buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    CHECK("output file holds both lines", strcmp(buf, "existing\nfrom a file\n") == 0);
    return 0;
}
