/*
 * A test fixture for the policy cases: at its init it plants, in the directory given as its
 * argument, what a confined program cannot make itself, then gets out of the way. Put it
 * after the policy in a .serve file: it then serves the policy, and its init runs before the
 * program starts; it installs no handler and gives the policy control of itself back, so
 * the run is as if the policy were alone:
 *
 *   DIR/out/            a directory (the cases give rw:DIR/out)
 *   DIR/ro.txt          a file in read-only space
 *   DIR/out/evil        -> /etc/passwd         (a symlink leading out)
 *   DIR/out/evildir     -> /etc
 *   DIR/out/rel         -> ../../../../../../../../../../etc/passwd
 *   DIR/out/inside      -> a.txt               (a symlink that stays inside)
 *   DIR/out/toro        -> DIR/ro.txt          (leads to read-only space)
 *   DIR/out/dangle      -> DIR/made-outside    (dangling, leads to read-only space)
 *   DIR/out/dangle2     -> dangle              (a chain)
 *   DIR/out/dangle_in   -> new_in.txt          (dangling, stays inside)
 *   DIR/out/a.txt       "inside\n"
 *   DIR/out/mod         a copy of the passthru server (a static-pie ELF, for sc_load)
 *   DIR/out/script.sh   "#!/bin/sh" script (its interpreter is outside)
 *   DIR/out/prog        with a second argument NAME: a copy of the program BUILD/NAME
 */
#include "service.h"

#define AT_FDCWD (-100)

static void put(const char *dir, const char *name, const char *text, int mode) {
    char p[512];
    sc_snprintf(p, sizeof p, "%s/%s", dir, name);
    long fd = sys_openat(AT_FDCWD, p, 01 | 0100 | 01000, mode);     /* O_WRONLY|O_CREAT|O_TRUNC */
    if (fd < 0) return;
    sys_write((int) fd, text, strlen(text));
    sys_close((int) fd);
}

static void link_(const char *dir, const char *name, const char *target) {
    char p[512];
    sc_snprintf(p, sizeof p, "%s/%s", dir, name);
    sys_call(36, (long) target, AT_FDCWD, (long) p, 0, 0, 0);        /* symlinkat */
}

static void copy(const char *from, const char *dir, const char *name) {
    char p[512];
    sc_snprintf(p, sizeof p, "%s/%s", dir, name);
    long in = sys_openat(AT_FDCWD, from, 0, 0);
    if (in < 0) return;
    long out = sys_openat(AT_FDCWD, p, 01 | 0100 | 01000, 0755);
    char buf[4096];
    long n;
    while (out >= 0 && (n = sys_read((int) in, buf, sizeof buf)) > 0) sys_write((int) out, buf, n);
    sys_close((int) in);
    if (out >= 0) sys_close((int) out);
}

long service_init(long served, long self, int argc, char **argv) {
    if (argc < 2) return -22;
    const char *d = argv[1];
    char out[512], passthru[512];
    sc_snprintf(out, sizeof out, "%s/out", d);
    sys_call(34, AT_FDCWD, (long) out, 0755, 0, 0, 0);                 /* mkdirat */
    put(d, "ro.txt", "read-only data\n", 0644);
    put(out, "a.txt", "inside\n", 0644);
    link_(out, "evil", "/etc/passwd");
    link_(out, "evildir", "/etc");
    link_(out, "rel", "../../../../../../../../../../etc/passwd");
    link_(out, "inside", "a.txt");
    char ro[512];
    sc_snprintf(ro, sizeof ro, "%s/ro.txt", d);
    link_(out, "toro", ro);
    sc_snprintf(ro, sizeof ro, "%s/made-outside", d);
    link_(out, "dangle", ro);
    link_(out, "dangle2", "dangle");
    link_(out, "dangle_in", "new_in.txt");
    put(out, "script.sh", "#!/bin/sh\necho script ran\n", 0755);
    /* argv[0] is BUILD/serve/policy_plant.server: the passthru server is BUILD/servers/passthru. */
    size_t n = strlen(argv[0]);
    while (n > 0 && argv[0][n - 1] != '/') n--;
    if (n > 0) n--;
    while (n > 0 && argv[0][n - 1] != '/') n--;
    memcpy(passthru, argv[0], n);
    strcpy(passthru + n, "servers/passthru");
    copy(passthru, out, "mod");
    if (argc > 2) {
        strcpy(passthru + n, argv[2]);
        copy(passthru, out, "prog");
    }
    (void) self;
    return sc_control(served, served);
}

long service_call(long nr, long a0, long a1, long a2, long a3, long a4, long a5) {
    (void) nr, (void) a0, (void) a1, (void) a2, (void) a3, (void) a4, (void) a5;
    return sc_pass();
}
