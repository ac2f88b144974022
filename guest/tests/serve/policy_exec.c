/*
 * execve and sc_load under 'policy ro:$CWD rw:$CWD/out' (the fixture copied this program to
 * out/prog, and the passthru server to out/mod): running or loading anything outside is
 * refused, so is a script in rw space whose interpreter is outside; out/prog runs, and the
 * policy stays with it through a chain of ten execs (each exec leaves a server's upcall
 * unfinished: the policy must not run out of stack or slots).
 */
#include "policy_t.h"
#include "subcons.h"
#include <libgen.h>

static void chain(int n) {
    printf("exec %d: running\n", n);
    if (n > 0) {
        char arg[16];
        snprintf(arg, sizeof arg, "%d", n - 1);
        fflush(stdout);
        execl("out/prog", "prog", "chain", arg, (char *) 0);
        printf("exec %d: execl failed: %s\n", n, errname(errno));
        return;
    }
    res("chain end: create CWD/escape", open("escape", O_WRONLY | O_CREAT, 0644));
    res("chain end: open /etc/passwd", open("/etc/passwd", O_RDONLY));
    res("chain end: create out/done", open("out/done", O_WRONLY | O_CREAT, 0644));
}

int main(int argc, char **argv) {
    setvbuf(stdout, 0, _IONBF, 0);
    if (argc > 2 && !strcmp(argv[1], "chain")) {
        chain(atoi(argv[2]));
        return 0;
    }
    char build[4096], p[8192];
    snprintf(build, sizeof build, "%s", argv[0]);
    char *serve_dir = dirname(build);               /* BUILD/serve */
    snprintf(p, sizeof p, "%s/../servers/passthru", serve_dir);

    res("execve argv[0] (outside)", execl(argv[0], argv[0], "chain", "0", (char *) 0));
    res("execve /bin/sh", execl("/bin/sh", "sh", "-c", "true", (char *) 0));
    res("execve out/script.sh (#!/bin/sh)", execl("out/script.sh", "script.sh", (char *) 0));
    res("execve out/evil (-> /etc/passwd)", execl("out/evil", "evil", (char *) 0));
    res("execve ro.txt (readable, not a program)", execl("ro.txt", "ro.txt", (char *) 0));

    long sid = raw("sc_create", sc_create("mod", 0));
    raw("sc_attach", sc_attach(sid, 0, 0));
    struct sc_load l;
    raw("sc_load BUILD/servers/passthru (outside)", sc_load(sid, p, &l));
    raw("sc_load out/evil", sc_load(sid, "out/evil", &l));
    raw("sc_load out/mod", sc_load(sid, "out/mod", &l));

    execl("out/prog", "prog", "chain", "10", (char *) 0);
    printf("execl out/prog failed: %s\n", errname(errno));
    return 1;
}
