/* uname: sysname and machine; others only checked for shape. */
#include "t.h"
#include <sys/utsname.h>

int main(void)
{
    struct utsname u;
    CHECK("uname", uname(&u) == 0);
    printf("sysname: %s\n", u.sysname);
    printf("machine: %s\n", u.machine);
    int maj = 0, min = 0;
    CHECK("release looks like N.N", sscanf(u.release, "%d.%d", &maj, &min) == 2 && maj >= 3);
    CHECK("nodename non-empty", u.nodename[0] != 0);
    CHECK("version non-empty", u.version[0] != 0);
    char host[256];
    CHECK("gethostname == nodename", gethostname(host, sizeof host) == 0 && strcmp(host, u.nodename) == 0);
    CHECK("uname NULL -> EFAULT", syscall(SYS_uname, NULL) == -1 && errno == EFAULT);
    return 0;
}
