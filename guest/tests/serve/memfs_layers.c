/*
 * memfs_layers: two memfs layers with different prefixes (A = argv[1] served by the inner
 * one, B = argv[2] by the outer one, which serves the inner memfs). Each keeps its own
 * files; their fds interleave with real ones in one numbering; a rename or link from one
 * to the other is EXDEV; dup2 of one layer's fd over the other's works; a forked child
 * sees both; the host sees neither.
 */
#include "t.h"
#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>

static void put(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    write(fd, text, strlen(text));
    close(fd);
}

static void show(const char *title, int fd) {
    char buf[64] = {0};
    long n = pread(fd, buf, sizeof buf - 1, 0);
    printf("%s: %ld \"%s\"\n", title, n, n >= 0 ? buf : errname(errno));
}

static int host_sees(const char *dir) {
    char parent[1024];
    snprintf(parent, sizeof parent, "%s", dir);
    char *slash = strrchr(parent, '/');
    *slash = 0;
    DIR *d = opendir(slash == parent ? "/" : parent);
    struct dirent *e;
    int seen = 0;
    while ((e = readdir(d))) seen |= strcmp(e->d_name, slash + 1) == 0;
    closedir(d);
    return seen;
}

int main(int argc, char **argv) {
    if (argc < 3) return 2;
    const char *A = argv[1], *B = argv[2];
    char ax[1100], by[1100], bx[1100];
    snprintf(ax, sizeof ax, "%s/x", A);
    snprintf(by, sizeof by, "%s/y", B);
    snprintf(bx, sizeof bx, "%s/x", B);
    struct stat st;
    printf("A and B are directories: %s\n", stat(A, &st) == 0 && S_ISDIR(st.st_mode) && stat(B, &st) == 0 && S_ISDIR(st.st_mode) ? "yes" : "no");
    put(ax, "in A");
    put(by, "in B");
    int fa = open(ax, O_RDONLY), fb = open(by, O_RDONLY), fr = open("/dev/null", O_RDONLY);
    printf("fds: A %d, B %d, real %d\n", fa, fb, fr);
    show("read A", fa);
    show("read B", fb);
    printf("B's x does not exist: %s\n", stat(bx, &st) < 0 && errno == ENOENT ? "yes" : "no");
    printf("rename A -> B: %s\n", rename(ax, bx) < 0 ? errname(errno) : "ok");
    printf("rename B -> A: %s\n", rename(by, ax) < 0 ? errname(errno) : "ok");
    printf("link A -> B: %s\n", link(ax, bx) < 0 ? errname(errno) : "ok");
    printf("dev of A and B differ: %s\n", fstat(fa, &st) == 0 && ({ struct stat s2; fstat(fb, &s2) == 0 && s2.st_dev != st.st_dev; }) ? "yes" : "no");
    printf("dup2 B over A: %d\n", dup2(fb, fa));
    show("fd of A now reads", fa);
    printf("dup2 A-file over B's fd: %d\n", dup2(open(ax, O_RDONLY), fb));
    show("fd of B now reads", fb);
    pid_t pid = fork();
    if (pid == 0) {
        char p[1100];
        snprintf(p, sizeof p, "%s/child", A);
        put(p, "child in A");
        snprintf(p, sizeof p, "%s/child", B);
        put(p, "child in B");
        _exit(0);
    }
    waitpid(pid, 0, 0);
    char p[1100];
    snprintf(p, sizeof p, "%s/child", A);
    int c = open(p, O_RDONLY);
    show("child's file in A", c);
    close(c);
    snprintf(p, sizeof p, "%s/child", B);
    c = open(p, O_RDONLY);
    show("child's file in B", c);
    close(c);
    printf("host sees A: %s, B: %s\n", host_sees(A) ? "yes" : "no", host_sees(B) ? "yes" : "no");
    return 0;
}
