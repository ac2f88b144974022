/*
 * example.h - what the subcontext examples share: call results as text, subcontext names,
 * stopping on a failed set-up call, and running an attack in a child process.
 *
 * Before including it, an example may define EXAMPLE_WHO, the prefix of its own lines
 * (e.g. "client: "), and EXAMPLE_ATTACKER, what it calls the attacking child.
 */
#ifndef EXAMPLE_H
#define EXAMPLE_H

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "subcons.h"

#ifndef EXAMPLE_WHO
#define EXAMPLE_WHO ""
#endif
#ifndef EXAMPLE_ATTACKER
#define EXAMPLE_ATTACKER "the child"
#endif

/* A call result as text: a number, or the errno name of a -errno (eight kept at once). */
static inline const char *result(long r) {
    static char buf[8][32];
    static int next;
    char *b = buf[next++ % 8];
    if (r >= 0) snprintf(b, 32, "%ld", r);
    else snprintf(b, 32, "-%s", strerrorname_np((int) -r));
    return b;
}

/* A subcontext's name (sc_info needs no rights: names are for diagnostics). */
static inline const char *name_of(long sid) {
    static struct sc_info info[4];
    static int next;
    struct sc_info *i = &info[next++ % 4];
    return sc_info(sid, i) < 0 ? "?" : i->name;
}

/* A set-up call that must work: the example stops when it does not. */
static inline void check(long r, const char *what) {
    if (r < 0) {
        printf(EXAMPLE_WHO "%s failed: %s\n", what, result(r));
        exit(1);
    }
}

/* Runs an attack in a forked child and reports how the child ended. */
static inline void attack(const char *what, void (*fn)(void)) {
    printf(EXAMPLE_WHO "attack in a child process: %s\n", what);
    pid_t pid = fork();
    if (pid == 0) {
        fn();
        printf("  child: the attack worked: that is a bug\n");
        _exit(1);
    }
    int status;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        printf(EXAMPLE_WHO EXAMPLE_ATTACKER " was killed by SIG%s: stopped\n", sigabbrev_np(WTERMSIG(status)));
    else
        printf(EXAMPLE_WHO EXAMPLE_ATTACKER " exited with status %d\n", WEXITSTATUS(status));
}

#endif
