/*
 * A program under 'policy ro:$CWD rw:$CWD/out' tries to get out from under it: remove or
 * replace its handler, take control, make a subcontext of its own and run code there (whose
 * system calls would reach the kernel directly if the new subcontext had no handler), and
 * finally read the server's memory, which must kill it.
 */
#include "policy_t.h"
#include "subcons.h"
#include <sys/mman.h>

/* Position-independent code for a subcontext of the program's: openat("/etc/passwd"). */
__asm__(".pushsection .text\n"
        ".option push\n"
        ".option norelax\n"
        ".balign 4\n"
        ".globl probe_start\n"
        "probe_start:\n"
        "  li a0, -100\n"
        "  lla a1, 1f\n"
        "  li a2, 0\n"
        "  li a3, 0\n"
        "  li a7, 56\n"
        "  ecall\n"
        "  ret\n"
        "1: .asciz \"/etc/passwd\"\n"
        ".balign 4\n"
        ".globl probe_end\n"
        "probe_end:\n"
        ".option pop\n"
        ".popsection\n");
extern char probe_start[], probe_end[];

int main(void) {
    setvbuf(stdout, 0, _IONBF, 0);
    long me = sc_self();
    struct sc_info info;
    if (sc_info(me, &info) < 0) return 2;
    long server = info.controller;
    CHECK("controlled by another subcon", server != me);
    raw("remove own handler", sc_handler(me, 0, 0, 0));
    raw("replace own handler", sc_handler(me, me, (void *) main, 0));
    raw("take control", sc_control(me, me));
    raw("take control of the server", sc_control(server, me));
    raw("grant self rights over the server", sc_grant(server, me, SC_RWX));
    raw("detach the server", sc_detach(server, 0));

    /* A subcontext of the program's own. */
    long sid = raw("sc_create", sc_create("probe", 0));
    CHECK("sc_info: the program controls it", sc_info(sid, &info) == 0 && info.controller == me);
    raw("sc_attach", sc_attach(sid, 0, 0));
    long code = raw("sc_mmap rwx", sc_mmap(sid, 0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    raw("grant self rw over it", sc_grant(sid, me, SC_R | SC_W));
    memcpy((void *) code, probe_start, probe_end - probe_start);
    __builtin___clear_cache((char *) code, (char *) code + (probe_end - probe_start));
    raw("entry into it", sc_entry(sid, me, (void *) code, 1));
    raw("its openat(/etc/passwd)", ((long (*)(void)) code)());
    raw("remove its handler", sc_handler(sid, 0, 0, 0));
    raw("its openat(/etc/passwd) again", ((long (*)(void)) code)());

    /* The server's pages: sc_owner says EPERM for them. */
    char *mine = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    unsigned long addr = 0;
    for (unsigned long a = (unsigned long) mine; a < (unsigned long) mine + (1ul << 32); a += 4096) {
        if (sc_owner((void *) a) == -EPERM) {
            addr = a;
            break;
        }
    }
    CHECK("server page found", addr != 0);
    raw("open(a path in the server's memory)", open((const char *) addr, O_RDONLY) < 0 ? -errno : 0);
    volatile char c = *(volatile char *) addr;
    printf("read server memory: %d (not stopped!)\n", c);
    return 0;
}
