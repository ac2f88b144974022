/* SPEC 3: effective permission = page prot AND rights; a grant never widens the page's own
 * permissions. With RW over a read-only page of another subcon, the root reads it, but a
 * store or an AMO is an ordinary page fault (SIGSEGV, SEGV_ACCERR, catchable, no subcontext
 * fault), exactly like a store to its own read-only page. When the controller makes the page
 * writable again, the same store works. */
#include "sct.h"

static long amoadd(volatile long *p, long v) {
    long old;
    __asm__ volatile("amoadd.d %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v) : "memory");
    return old;
}

static const char *what(int sig) {
    static char b[64];
    if (sig == 0) return "completed";
    snprintf(b, sizeof b, "%s %s", sig == SIGSEGV ? "SIGSEGV" : "other signal", sct_segv_code());
    return b;
}

int main(void) {
    long me = sc_self();
    void *a;
    long d = sct_data("data", 1, PROT_READ | PROT_WRITE, &a);
    sct_poke(d, a, 77);
    printf("page made read-only: %s\n", err(sc_mprotect(d, a, PAGE, PROT_READ)));
    printf("grant RW: %s\n", err(sc_grant(d, me, SC_R | SC_W)));
    printf("read: %s\n", yn(*(volatile long *) a == 77));
    printf("writable (system call): %s\n", CANW(a, 1));
    printf("store: %s\n", what(SCT_CATCH(SIGSEGV, *(volatile long *) a = 78)));
    printf("amoadd: %s\n", what(SCT_CATCH(SIGSEGV, amoadd(a, 1))));
    printf("unchanged: %s\n", yn(*(volatile long *) a == 77));
    volatile long *own = mmap(0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("store to an own read-only page: %s\n", what(SCT_CATCH(SIGSEGV, *own = 1)));
    printf("page made writable: %s\n", err(sc_mprotect(d, a, PAGE, PROT_READ | PROT_WRITE)));
    printf("store: %s\n", what(SCT_CATCH(SIGSEGV, *(volatile long *) a = 78)));
    printf("stored: %s\n", yn(*(volatile long *) a == 78));
    for (int i = 0; i < 1000; i++) *(volatile long *) a += 1;
    printf("page made read-only again: %s\n", err(sc_mprotect(d, a, PAGE, PROT_READ)));
    printf("store: %s\n", what(SCT_CATCH(SIGSEGV, *(volatile long *) a = 79)));
    printf("unchanged: %s\n", yn(*(volatile long *) a == 1078));
    return 0;
}
