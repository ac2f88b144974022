/* SPEC 3: an X grant gives call-anywhere access to the executable pages of the target only;
 * it never makes a page executable. The root holds RWX over a subcon whose page contains
 * code but is mapped RW: calling it is an ordinary page fault (SIGSEGV, SEGV_ACCERR,
 * catchable, no subcontext fault). Once the controller makes the page R-X, the call works
 * (the callee holds X over the root, so it may return). */
#include "sct.h"

SCT_BLOB(code, "li a0, 9\n ret\n");

int main(void) {
    long me = sc_self();
    void *a;
    long t = sct_data("target", 1, PROT_READ | PROT_WRITE, &a);
    printf("grant root RWX: %s\n", err(sc_grant(t, me, SC_RWX)));
    printf("grant target X over root: %s\n", err(sc_grant(me, t, SC_X)));
    memcpy(a, code, code_end - code);
    __builtin___clear_cache((char *) a, (char *) a + PAGE);
    printf("code written: %s\n", yn(memcmp(a, code, code_end - code) == 0));
    long (*fn)(void) = (long (*)(void)) a;
    volatile long r = -1;
    int sig = SCT_CATCH(SIGSEGV, r = fn());
    printf("call into the RW page: %s %s\n", sig == SIGSEGV ? "SIGSEGV" : sig ? "other" : "completed", sig ? sct_segv_code() : "");
    printf("page made R-X: %s\n", err(sc_mprotect(t, a, PAGE, PROT_READ | PROT_EXEC)));
    sig = SCT_CATCH(SIGSEGV, r = fn());
    printf("call into the R-X page: %s, result %ld\n", sig ? "signal" : "completed", (long) r);
    return 0;
}
