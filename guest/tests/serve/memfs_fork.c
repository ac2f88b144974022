/*
 * memfs_fork: memfs files are one for the whole process tree, fd tables are per process.
 * A child writes a memfs file the parent reads; a memfs fd inherited across fork shares
 * its offset (one open file description, as in Linux); closing it in the child leaves
 * the parent's; fds the child opens are its own; vfork + exec of a program that reads a
 * file; a grandchild. Run with memfs serving argv[1] (memfs_fork) and on the real directory
 * (memfs_fork_real): the same output.
 */
#include "memfs_t.h"
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>

static int wait_child(pid_t pid) {
    int st;
    if (waitpid(pid, &st, 0) != pid) return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

int main(int argc, char **argv) {
    if (argc >= 3 && strcmp(argv[1], "--reader") == 0) {
        /* The program posix_spawn runs: reads the file it is given. */
        show("spawned reader sees", argv[2]);
        return 7;
    }
    if (argc < 2) return 2;
    snprintf(base, sizeof base, "%s", argv[1]);
    setvbuf(stdout, 0, _IONBF, 0);
    mkdir(base, 0755);

    /* 1. A child writes a file; the parent reads it after the child exits. */
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open(P("from-child"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        write(fd, "written by the child", 20);
        close(fd);
        _exit(0);
    }
    printf("child exit: %d\n", wait_child(pid));
    show("parent reads", P("from-child"));

    /* 2. An fd inherited across fork shares the offset both ways. */
    int fd = open(P("shared"), O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "parent:", 7);
    pid = fork();
    if (pid == 0) {
        printf("child offset at start: %ld\n", (long) lseek(fd, 0, SEEK_CUR));
        write(fd, "child:", 6);
        int mine = open(P("child-only"), O_WRONLY | O_CREAT, 0644);
        printf("child's own fd is next free: %s\n", mine == fd + 1 ? "yes" : "no");
        close(fd);                      /* the parent's stays open */
        printf("child closed it: %s\n", fcntl(fd, F_GETFD) < 0 && errno == EBADF ? "yes" : "no");
        _exit(0);
    }
    printf("child exit: %d\n", wait_child(pid));
    printf("parent offset after child: %ld\n", (long) lseek(fd, 0, SEEK_CUR));
    write(fd, "parent-again", 12);
    char buf[64] = {0};
    pread(fd, buf, sizeof buf - 1, 0);
    printf("shared content: %s\n", buf);
    printf("parent fd still works: %s\n", fcntl(fd, F_GETFL) >= 0 ? "yes" : "no");
    int next = open(P("parent-next"), O_WRONLY | O_CREAT, 0644);
    printf("parent's next fd unaffected by child's: %s\n", next == fd + 1 ? "yes" : "no");
    close(next);

    /* 3. A grandchild writes, its parent renames, the top reads. */
    pid = fork();
    if (pid == 0) {
        pid_t g = fork();
        if (g == 0) {
            FILE *f = fopen(P("gc.txt"), "w");
            fprintf(f, "grandchild %d\n", 3);
            fclose(f);
            _exit(0);
        }
        int st = wait_child(g);
        _exit(st == 0 && rename(P("gc.txt"), P("gc-renamed.txt")) == 0 ? 0 : 1);
    }
    printf("grandchild chain exit: %d\n", wait_child(pid));
    show("top reads", P("gc-renamed.txt"));
    show("old name", P("gc.txt"));

    /* 4. posix_spawn (vfork-like) of this program, reading a file; fds stay as they were. */
    int before = dup(fd);
    close(before);
    char *args[] = {argv[0], "--reader", (char *) P("from-child"), 0};
    pid_t sp;
    int e = posix_spawn(&sp, argv[0], 0, 0, args, 0);
    int status = e == 0 ? wait_child(sp) : -1;
    printf("posix_spawn: %s, spawned exit: %d\n", errname(e), status);
    int after = dup(fd);
    printf("fd numbering unchanged by spawn: %s\n", after == before ? "yes" : "no");
    close(after);

    /* 5. Many children at once, each appending its line with O_APPEND. */
    int n = 6;
    for (int i = 0; i < n; i++) {
        if (fork() == 0) {
            int a = open(P("appends"), O_WRONLY | O_CREAT | O_APPEND, 0644);
            char line[32];
            int len = snprintf(line, sizeof line, "child %d\n", i);
            for (int k = 0; k < 20; k++) write(a, line, len);
            close(a);
            _exit(0);
        }
    }
    int ok = 0;
    for (int i = 0; i < n; i++) ok += wait(0) > 0;
    struct stat st;
    stat(P("appends"), &st);
    printf("children done: %d, append size: %lld (expected %d)\n", ok, (long long) st.st_size, n * 20 * 8);
    FILE *f = fopen(P("appends"), "r");
    int counts[6] = {0}, bad = 0;
    char line[64];
    while (fgets(line, sizeof line, f)) {
        int c;
        if (sscanf(line, "child %d", &c) == 1 && c >= 0 && c < n) counts[c]++;
        else bad++;
    }
    fclose(f);
    printf("lines per child:");
    for (int i = 0; i < n; i++) printf(" %d", counts[i]);
    printf(" torn: %d\n", bad);
    close(fd);
    return 0;
}
