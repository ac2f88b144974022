/* SPEC 4.2-4.3: only a transfer through a point entry pushes a trusted return frame. The
 * root calls T with call-anywhere (X) rights; T may return while it holds X over the root,
 * but once that is revoked T's plain `ret` into the root is a subcontext fault (T holds no
 * rights over the root and there is no frame to return through). */
#include "sct.h"

SCT_BLOB(code, "li a0, 11\n ret\n");

int main(void) {
    long me = sc_self();
    void *a;
    long t = sct_code("callee", code, code_end, &a);
    long (*fn)(void) = (long (*)(void)) a;
    printf("grant root X: %s\n", err(sc_grant(t, me, SC_X)));
    printf("grant callee X over root: %s\n", err(sc_grant(me, t, SC_X)));
    long ok = 1;
    for (int i = 0; i < 100; i++) ok &= fn() == 11;
    printf("calls return: %s\n", yn(ok));
    printf("revoke the callee's X: %s\n", err(sc_grant(me, t, 0)));
    fflush(stdout);
    long r = fn();                                 /* the return is stopped */
    printf("returned: %ld\n", r);
    return 0;
}
