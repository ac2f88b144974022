/* Process/thread/user ids: relations and consistency with auxv. */
#include "t.h"
#include <sched.h>
#include <sys/auxv.h>

int main(void)
{
    pid_t pid = getpid();
    CHECK("pid > 0", pid > 0);
    CHECK("gettid == getpid (single thread)", gettid() == pid);
    CHECK("raw gettid == getpid", syscall(SYS_gettid) == pid);
    CHECK("getppid > 0", getppid() > 0);
    CHECK("getppid != getpid", getppid() != pid);
    CHECK("getuid == AT_UID", getuid() == getauxval(AT_UID));
    CHECK("geteuid == AT_EUID", geteuid() == getauxval(AT_EUID));
    CHECK("getgid == AT_GID", getgid() == getauxval(AT_GID));
    CHECK("getegid == AT_EGID", getegid() == getauxval(AT_EGID));
    CHECK("uid == euid", getuid() == geteuid());
    uid_t r, e, s;
    CHECK("getresuid consistent", getresuid(&r, &e, &s) == 0 && r == getuid() && e == geteuid());
    gid_t gr, ge, gs;
    CHECK("getresgid consistent", getresgid(&gr, &ge, &gs) == 0 && gr == getgid() && ge == getegid());
    int ng = getgroups(0, NULL);
    CHECK("getgroups count >= 0", ng >= 0);
    int tidword = 0;
    long t = syscall(SYS_set_tid_address, &tidword);
    CHECK("set_tid_address returns tid", t == pid);
    /* >= 0, not > 0: in a container whose session or group leader lives in an
     * outer PID namespace, Linux (so qemu, the oracle) reports 0 for them */
    CHECK("getpgid(0) succeeds", getpgid(0) >= 0);
    CHECK("getsid(0) succeeds", getsid(0) >= 0);
    CHECK("getpgrp == getpgid(0)", getpgrp() == getpgid(0));
    CHECK("sysconf(_SC_PAGESIZE) == 4096", sysconf(_SC_PAGESIZE) == 4096);
    CHECK("getpagesize() == 4096", getpagesize() == 4096);
    CHECK("sysconf(_SC_NPROCESSORS_ONLN) > 0", sysconf(_SC_NPROCESSORS_ONLN) > 0);
    CHECK("sysconf(_SC_NPROCESSORS_CONF) > 0", sysconf(_SC_NPROCESSORS_CONF) > 0);
    CHECK("sysconf(_SC_CLK_TCK) == 100", sysconf(_SC_CLK_TCK) == 100);
    CHECK("sysconf(_SC_OPEN_MAX) > 0", sysconf(_SC_OPEN_MAX) > 0);
    CHECK("sched_getcpu >= 0 or ENOSYS", sched_getcpu() >= 0 || errno == ENOSYS);
    CHECK("/proc/self/stat starts with pid", ({
        char b[64] = {0}; int fd = open("/proc/self/stat", O_RDONLY);
        read(fd, b, 63); atoi(b) == pid; }));
    return 0;
}
