/* Raw exit_group syscall with status 300 -> exit status 300 & 0xff = 44. */
#include "t.h"
int main(void)
{
    printf("exit_group(300)\n");
    fflush(stdout);
    syscall(SYS_exit_group, 300);
    return 1;
}
