/* SPEC 3 and 4.2: a transfer needs X (or an entry, or a return); R and W do not allow one.
 * The root calls T (RWX) thousands of times, the transfers cached and the loop compiled;
 * then its grant is replaced by RW: it still reads T's code, but the next call is a
 * subcontext fault (execute/transfer, rights rw-). */
#include "sct.h"

SCT_BLOB(code, "li a0, 11\n ret\n");

int main(void) {
    long me = sc_self();
    void *a;
    long t = sct_code("target", code, code_end, &a);
    long (*fn)(void) = (long (*)(void)) a;
    printf("grant root RWX: %s\n", err(sc_grant(t, me, SC_RWX)));
    printf("grant target X over root: %s\n", err(sc_grant(me, t, SC_X)));
    long ok = 1;
    for (int i = 0; i < 20000; i++) ok &= fn() == 11;
    printf("calls: %s\n", yn(ok));
    printf("grant root RW: %s\n", err(sc_grant(t, me, SC_R | SC_W)));
    printf("reads the code: %s\n", yn(memcmp(a, code, code_end - code) == 0));
    fflush(stdout);
    for (int i = 0; i < 20000; i++) ok &= fn() == 11;     /* stopped at once */
    printf("called with RW: %ld\n", ok);
    return 0;
}
