/* _exit(7): no atexit handlers, no stdio flush. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
static void h(void) { printf("atexit handler MUST NOT RUN\n"); }
int main(void)
{
    atexit(h);
    printf("flushed line before _exit\n");
    fflush(stdout);
    printf("unflushed line MUST NOT APPEAR (stdout is not a tty)\n");
    _exit(7);
}
