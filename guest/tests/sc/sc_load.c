/* SPEC 9 and 12: sc_load loads a static-pie ELF into a subcon at a free address, applying
 * its R_RISCV_RELATIVE relocations, and reports base, entry and end; the same binary loads
 * twice into one subcon at different addresses and both copies work. Errors: no such file
 * (ENOENT), a file that is not a static-pie ELF (refused), bad pointers (EFAULT), no such
 * sid (ESRCH). */
#include "sct.h"

int main(int argc, char **argv) {
    long me = sc_self();
    char path[512];
    snprintf(path, sizeof path, "%s.server", argv[0]);
    long s = sct_check("sc_create", sc_create("server", 0));
    sct_check("sc_attach", sc_attach(s, 0, 0));
    struct sc_load a, b;
    printf("load: %s\n", err(sc_load(s, path, &a)));
    printf("base page-aligned, base <= entry < end: %s\n", yn(a.base % PAGE == 0 && a.base <= a.entry && a.entry < a.end));
    printf("load again: %s\n", err(sc_load(s, path, &b)));
    printf("the copies do not overlap: %s\n", yn(a.end <= b.base || b.end <= a.base));
    struct sc_info i;
    sc_info(s, &i);
    printf("bytes mapped cover both: %s\n", yn(i.bytes_mapped >= (a.end - a.base) + (b.end - b.base)));
    printf("entries: %s %s\n", err(sc_entry(s, me, (void *) a.entry, 1)), err(sc_entry(s, me, (void *) b.entry, 1)));
    printf("both copies run: %s %s\n", yn(CALL(a, OP_ADD, 1, 2) == 3), yn(CALL(b, OP_ADD, 3, 4) == 7));
    printf("relocations applied: %s %s\n", yn(CALL(a, OP_RELOC) == 1), yn(CALL(b, OP_RELOC) == 1));
    printf("each copy has its own data: %s\n", yn(CALL(a, OP_SECRET_SET, 5) == 0 && CALL(b, OP_SECRET_GET) == 0x5ec7e7));
    printf("both run as the subcon: %s\n", yn(CALL(a, OP_SCID) == s && CALL(b, OP_SCID) == s));
    printf("owner of the image: %s\n", err(sc_owner((void *) a.base)));
    sc_grant(s, me, SC_R);
    printf("the image starts with an ELF header: %s\n", yn(memcmp((void *) a.base, "\177ELF", 4) == 0));
    printf("no such file: %s\n", err(sc_load(s, "/nonexistent/server", &b)));
    printf("not a static-pie ELF (the client itself): %s\n", sc_load(s, argv[0], &b) < 0 ? "refused" : "loaded");
    printf("not an ELF: %s\n", sc_load(s, "/proc/self/cmdline", &b) < 0 ? "refused" : "loaded");
    printf("path NULL: %s\n", err(sc_load(s, 0, &b)));
    printf("out NULL: %s\n", err(sc_load(s, path, 0)));
    printf("no such sid: %s\n", err(sc_load(1000000, path, &b)));
    return 0;
}
