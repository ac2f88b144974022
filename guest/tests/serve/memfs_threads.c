/*
 * memfs_threads: several threads in memfs at once. Each thread writes its own file in
 * many small writes (through its own fd and through stdio), all of them append to one
 * shared file with O_APPEND, make and remove directories and rename files, while the main
 * thread stats and lists. Then the main thread checks every byte. Threads share the fd
 * table (an fd opened by one is usable by another). Run with memfs serving argv[1]
 * (memfs_threads) and on the real directory (memfs_threads_real): the same output.
 */
#include "t.h"
#include <dirent.h>
#include <pthread.h>
#include <sys/stat.h>

#define THREADS 4
#define LINES 150

static char base[1024];
static int shared_fd;

static void path(char *out, const char *fmt, int i) {
    char rel[64];
    snprintf(rel, sizeof rel, fmt, i);
    snprintf(out, 1200, "%s/%s", base, rel);
}

static void *worker(void *arg) {
    int id = (int) (long) arg;
    char p[1200], q[1200], line[64];
    path(p, "own-%d.txt", id);
    int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    for (int i = 0; i < LINES; i++) {
        int n = snprintf(line, sizeof line, "thread %d line %03d\n", id, i);
        if (write(fd, line, n) != n) return (void *) 1;
        n = snprintf(line, sizeof line, "T%d:%03d\n", id, i);
        if (write(shared_fd, line, n) != n) return (void *) 2;
    }
    close(fd);
    path(p, "dir-%d", id);
    for (int i = 0; i < 20; i++) {
        if (mkdir(p, 0755) < 0) return (void *) 3;
        path(q, "dir-%d/f", id);
        FILE *f = fopen(q, "w");
        if (!f) return (void *) 4;
        fprintf(f, "%d %d\n", id, i);
        fclose(f);
        if (unlink(q) < 0 || rmdir(p) < 0) return (void *) 5;
    }
    path(p, "own-%d.txt", id);
    path(q, "done-%d.txt", id);
    if (rename(p, q) < 0) return (void *) 6;
    return 0;
}

static void *opener(void *path) {
    return (void *) (long) open(path, O_RDONLY);
}

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    snprintf(base, sizeof base, "%s", argv[1]);
    mkdir(base, 0755);
    char p[1200];
    snprintf(p, sizeof p, "%s/shared.log", base);
    shared_fd = open(p, O_WRONLY | O_CREAT | O_APPEND, 0644);
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++) pthread_create(&t[i], 0, worker, (void *) i);
    int stats = 0;
    for (int k = 0; k < 30; k++) {         /* meanwhile: stat and list */
        struct stat st;
        if (stat(p, &st) == 0) stats++;
        DIR *d = opendir(base);
        while (d && readdir(d)) {
        }
        if (d) closedir(d);
    }
    int failed = 0;
    for (int i = 0; i < THREADS; i++) {
        void *r;
        pthread_join(t[i], &r);
        if (r) printf("thread %d failed at step %ld\n", i, (long) r), failed++;
    }
    printf("threads ok: %s, stats while running: %s\n", failed ? "no" : "yes", stats == 30 ? "yes" : "no");
    close(shared_fd);
    for (int i = 0; i < THREADS; i++) {
        char q[1200], line[64], want[64];
        snprintf(q, sizeof q, "%s/done-%d.txt", base, i);
        FILE *f = fopen(q, "r");
        int good = 0;
        for (int k = 0; f && fgets(line, sizeof line, f); k++) {
            snprintf(want, sizeof want, "thread %d line %03d\n", i, k);
            good += strcmp(line, want) == 0;
        }
        if (f) fclose(f);
        printf("file of thread %d: %d/%d lines right\n", i, good, LINES);
    }
    FILE *f = fopen(p, "r");
    int next[THREADS] = {0}, bad = 0, total = 0;
    char line[64];
    while (fgets(line, sizeof line, f)) {
        int id, n;
        total++;
        if (sscanf(line, "T%d:%d", &id, &n) != 2 || id < 0 || id >= THREADS || n != next[id]) bad++;
        else next[id]++;
    }
    fclose(f);
    printf("shared log: %d lines, %d out of order or torn\n", total, bad);
    /* An fd opened by one thread works in another: the table is the process's. */
    pthread_t r;
    void *got;
    pthread_create(&r, 0, opener, p);
    pthread_join(r, &got);
    int fd = (int) (long) got;
    char first[8] = {0};
    long n = read(fd, first, 7);
    printf("main reads the fd another thread opened: %ld %s\n", n, first[0] == 'T' && first[6] == '\n' ? "ok" : first);
    close(fd);
    DIR *d = opendir(base);
    int entries = 0;
    struct dirent *e;
    while ((e = readdir(d))) entries += e->d_name[0] != '.';
    closedir(d);
    printf("entries at end: %d\n", entries);
    return 0;
}
