/* A listing of /proc names this process and its child (directories), self and
 * thread-self, and the system files beside them (cpuinfo, meminfo); every process entry
 * it lists can be looked into (its stat opens) or has just exited. */
#include "t.h"
#include <dirent.h>
#include <signal.h>
#include <sys/wait.h>

static int listed(const char *name, int want_type)
{
    DIR *d = opendir("/proc");
    if (!d) return 0;
    struct dirent *e;
    int found = 0;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, name) == 0 && (want_type < 0 || e->d_type == want_type)) found = 1;
    closedir(d);
    return found;
}

int main(void)
{
    int p[2];
    REQUIRE(pipe(p) == 0);
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        char b;
        close(p[1]);
        read(p[0], &b, 1);
        _exit(0);
    }
    close(p[0]);
    char me[16], child[16];
    snprintf(me, sizeof me, "%d", getpid());
    snprintf(child, sizeof child, "%d", c);
    CHECK("opendir(/proc)", opendir("/proc") != NULL);
    CHECK("our pid listed, a directory", listed(me, DT_DIR));
    CHECK("the child listed", listed(child, DT_DIR));
    CHECK("self listed", listed("self", -1));
    CHECK("thread-self listed", listed("thread-self", -1));
    CHECK("cpuinfo listed", listed("cpuinfo", -1));
    CHECK("meminfo listed", listed("meminfo", -1));
    /* every numeric entry is a process we can look into, or one that exited meanwhile */
    DIR *d = opendir("/proc");
    struct dirent *e;
    int all = 1, n = 0;
    while (d && (e = readdir(d)) != NULL) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
        char path[300];
        snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
        int fd = open(path, O_RDONLY);
        if (fd >= 0) close(fd);
        else if (kill(atoi(e->d_name), 0) == 0 || errno != ESRCH) all = 0;
        n++;
    }
    if (d) closedir(d);
    CHECK("at least two processes listed", n >= 2);
    CHECK("each listed process can be looked into", all);
    close(p[1]);
    int st;
    waitpid(c, &st, 0);
    CHECK("the reaped child is gone from the listing", !listed(child, -1));
    return 0;
}
