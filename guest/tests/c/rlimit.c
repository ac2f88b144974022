/* getrlimit/setrlimit/prlimit64: relations only. */
#include "t.h"
#include <sys/resource.h>

int main(void)
{
    struct rlimit r;
    CHECK("getrlimit STACK", getrlimit(RLIMIT_STACK, &r) == 0);
    CHECK("STACK cur <= max", r.rlim_max == RLIM_INFINITY || r.rlim_cur <= r.rlim_max);
    CHECK("STACK cur >= 128 KiB", r.rlim_cur >= 128 * 1024);
    CHECK("getrlimit NOFILE", getrlimit(RLIMIT_NOFILE, &r) == 0);
    CHECK("NOFILE cur <= max", r.rlim_cur <= r.rlim_max);
    CHECK("NOFILE cur >= 64", r.rlim_cur >= 64);
    struct rlimit old, nw = { 20, r.rlim_max };
    CHECK("prlimit64 set NOFILE=20, get old", syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &nw, &old) == 0);
    CHECK("old value equals getrlimit", old.rlim_cur == r.rlim_cur && old.rlim_max == r.rlim_max);
    CHECK("getrlimit sees 20", getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur == 20);
    int last = -1;
    errno = 0;
    for (int i = 0; i < 40; i++) { int fd = open("/dev/null", O_RDONLY); if (fd < 0) break; last = fd; }
    printf("highest fd opened under NOFILE=20: %d (%s)\n", last, errname(errno));
    CHECK("dup2 beyond limit -> EBADF", dup2(0, 25) == -1 && errno == EBADF);
    for (int i = 3; i <= last; i++) close(i);
    CHECK("cur > max -> EINVAL", setrlimit(RLIMIT_NOFILE, &(struct rlimit){ 100, 50 }) == -1 && errno == EINVAL);
    CHECK("prlimit64 get only (pid = self)", syscall(SYS_prlimit64, getpid(), RLIMIT_STACK, NULL, &r) == 0);
    CHECK("getrlimit bad resource -> EINVAL", getrlimit(1000, &r) == -1 && errno == EINVAL);
    CHECK("getrlimit AS", getrlimit(RLIMIT_AS, &r) == 0 && (r.rlim_max == RLIM_INFINITY || r.rlim_cur <= r.rlim_max));
    CHECK("getrusage self", ({ struct rusage u; getrusage(RUSAGE_SELF, &u) == 0 && u.ru_maxrss >= 0; }));
    return 0;
}
