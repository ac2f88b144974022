/*
 * Known bug (KNOWN_BUGS.txt): under --enforce=tagged, a signal sent to a served program is
 * never delivered (its handler does not run), while under views it is. One raise(SIGUSR1)
 * under passthru.
 */
#include <signal.h>
#include <stdio.h>

static volatile int hits;
static void on_usr1(int s) { (void) s; hits++; }

int main(void) {
    signal(SIGUSR1, on_usr1);
    raise(SIGUSR1);
    printf("handler ran: %s\n", hits == 1 ? "yes" : "no");
    return 0;
}
