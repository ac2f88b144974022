/*
 * Time of check, time of use: while the main thread makes calls, another thread keeps
 * changing the strings they point to, between a path the policy allows and one it does not
 * (and openat2's flags between reading and truncating). The policy copies what it checks
 * and hands the kernel its copy, so the read-only $CWD/ro.txt must come out untouched and no
 * link may ever lead outside. Served by 'policy -q ro:$CWD rw:$CWD/out' (with the fixture).
 */
#include "policy_t.h"
#include <linux/openat2.h>
#include <pthread.h>

static char path[32] __attribute__((aligned(16)));
static char target[32] __attribute__((aligned(16)));
static struct open_how how;
static volatile int stop;

static void *racer(void *arg) {
    (void) arg;
    static const char a[32] = "out/v.txt", b[32] = "ro.txt";
    static const char ta[32] = "a.txt", tb[32] = "/etc/passwd";
    for (unsigned long i = 0; !stop; i++) {
        memcpy(path, i & 1 ? a : b, sizeof path);
        memcpy(target, i & 1 ? ta : tb, sizeof target);
        how.flags = i & 1 ? O_RDONLY : O_RDWR | O_TRUNC;
    }
    return 0;
}

int main(void) {
    setvbuf(stdout, 0, _IONBF, 0);
    strcpy(path, "out/v.txt");
    pthread_t t;
    pthread_create(&t, 0, racer, 0);
    int outside = 0, made = 0;
    char buf[64];
    for (int i = 0; i < 40; i++) {
        int fd = open("out/v.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) close(fd);
        truncate(path, 0);
        chmod(path, 0600);
        unlink(path);
        fd = syscall(SYS_openat2, AT_FDCWD, "ro.txt", &how, sizeof how);
        if (fd >= 0) close(fd);
        if (symlink(target, "out/lnk") == 0) {
            made++;
            long n = readlink("out/lnk", buf, sizeof buf - 1);
            buf[n < 0 ? 0 : n] = 0;
            if (buf[0] == '/' || strstr(buf, "..")) outside++;     /* a mix of the two strings is fine if it stays inside */
            unlink("out/lnk");
        }
    }
    stop = 1;
    pthread_join(t, 0);
    show_file("ro.txt", "ro.txt");
    struct stat st;
    CHECK("ro.txt keeps its mode", stat("ro.txt", &st) == 0 && (st.st_mode & 0777) == 0644);
    CHECK("links made, none leading out", made > 0 && outside == 0);
    return 0;
}
