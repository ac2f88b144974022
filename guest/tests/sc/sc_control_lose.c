/* SPEC 5: sc_control passes control on. The root gives a data subcon to a self-controlled
 * server: from then on the root is refused every controller operation on it (EPERM), and
 * the server's code may do them all (sc_* calls made by code in the server have the server
 * as principal, SPEC 4.5): it maps into the subcon, grants the root R over it, and finally
 * hands control back. */
#include "sct.h"

int main(int argc, char **argv) {
    long me = sc_self();
    struct sc_load l;
    long s = sct_server_entry(argv[0], "server", 0, &l);
    void *a;
    long x = sct_data("data", 1, PROT_READ | PROT_WRITE, &a);
    printf("server controls itself: %s\n", err(sc_control(s, s)));
    printf("data to the server: %s\n", err(sc_control(x, s)));
    struct sc_info i;
    sc_info(x, &i);
    printf("data's controller is the server: %s\n", yn(i.controller == s));
    printf("root: sc_mmap %s\n", err(sc_mmap(x, 0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)));
    printf("root: sc_munmap %s\n", err(sc_munmap(x, a, PAGE)));
    printf("root: sc_mprotect %s\n", err(sc_mprotect(x, a, PAGE, PROT_READ)));
    printf("root: sc_grant %s\n", err(sc_grant(x, me, SC_R)));
    printf("root: sc_entry %s\n", err(sc_entry(x, me, a, 1)));
    printf("root: sc_detach %s\n", err(sc_detach(x, 0)));
    printf("root: sc_control %s\n", err(sc_control(x, me)));
    printf("root may read data: %s\n", err(sc_owner(a)));
    long m = CALL(l, OP_SYSCALL, SC_NR_MMAP, x, 0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1);
    printf("server: sc_mmap %s\n", err(m > 0 ? 0 : m));
    sc_info(x, &i);
    printf("data maps two pages: %s\n", yn(i.bytes_mapped == 2 * PAGE));
    printf("server: sc_grant root R over data %s\n", err(CALL(l, OP_SYSCALL, SC_NR_GRANT, x, me, SC_R)));
    printf("root reads data: %s\n", yn(*(volatile long *) a == 0 && *(volatile long *) m == 0));
    printf("server: sc_mprotect %s\n", err(CALL(l, OP_SYSCALL, SC_NR_MPROTECT, x, m, PAGE, PROT_READ)));
    printf("server: sc_munmap %s\n", err(CALL(l, OP_SYSCALL, SC_NR_MUNMAP, x, m, PAGE)));
    printf("server: sc_control back to root %s\n", err(CALL(l, OP_SYSCALL, SC_NR_CONTROL, x, me)));
    printf("root: sc_grant %s\n", err(sc_grant(x, me, SC_R | SC_W)));
    *(volatile long *) a = 9;
    printf("root writes data: %s\n", yn(*(volatile long *) a == 9));
    return 0;
}
