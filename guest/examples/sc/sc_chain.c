/*
 * sc_chain - inclusion is transitive, and masks narrow along the way.
 *
 * The rights of S over T are the OR, over every path S -> ... -> T of inclusions, of the
 * AND of the masks along the path. Here A is this program (its root subcontext, named
 * "sc_chain" after the program), and B, C and D are subcontexts it creates:
 *
 *   part 1: A includes B with r, B includes C with rw.
 *           A may read C (r AND rw = r) but not write it: the write, in a forked child, is
 *           a subcontext fault, which kills the child outright (its SIGSEGV handler never
 *           runs: subcontext faults are not catchable).
 *   part 2: the same chain through D, a subcontext attached to no process at all and
 *           holding no pages: A includes D with r, D includes C with rw. The rights graph
 *           is global, so A still reads C.
 *   part 3: A includes D with rw: now A may write C. But a grant never widens a page's own
 *           protection: C's read-only page still refuses the write, and that is an
 *           ordinary page fault (SIGSEGV with SEGV_ACCERR), which A catches and survives.
 *
 * A creates B, C and D, so it controls them and may grant itself rights over them: it
 * does so to fill their pages, then sets the grants each part needs.
 *
 * Run: ./subcons run target/guest/sc/sc_chain
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "subcons.h"
#include "example.h"

static long A, B, C, D;
static char *b_page, *c_page, *c_ro_page;

/* The story's name for a subcontext: "A" for the root, else its own name. */
static const char *label(long sid) {
    return sid == A ? "A" : name_of(sid);
}

/* sc_grant with a line of narration: "grantee includes target with mask". */
static void grant(long target, long grantee, unsigned long mask) {
    check(sc_grant(target, grantee, mask), "sc_grant");
    static const char *masks[] = {"nothing (revoked)", "r", "w", "rw"};
    printf("  sc_grant(%s, %s, %s): %s includes %s with %s\n", label(target), label(grantee),
           mask == 0 ? "0" : masks[mask], label(grantee), label(target), masks[mask]);
}

/* A's rights over the attached subcontexts, from /proc/self/subcons (without the sids). */
static void show_rights(void) {
    FILE *f = fopen("/proc/self/subcons", "r");
    char line[512];
    printf("  /proc/self/subcons, rights of the current subcon (A) over each attached one:");
    while (f && fgets(line, sizeof line, f)) {
        char name[64];
        const char *r = strstr(line, " rights ");
        if (strncmp(line, "subcon ", 7) || !r || sscanf(line + 7, "%63[^#]", name) != 1) continue;
        char rights[8] = "";
        sscanf(r + 8, "%7s", rights);
        printf(" %s %s", strcmp(name, name_of(A)) ? name : "A", rights);
    }
    printf("\n");
    if (f) fclose(f);
}

/* A new attached subcontext with `pages` fresh read-write pages (A gets rw to fill them). */
static long make(const char *name, int pages, char **first) {
    long s = sc_create(name, 0);
    check(s, "sc_create");
    check(sc_attach(s, 0, 0), "sc_attach");
    long a = sc_mmap(s, NULL, 4096UL * pages, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    check(a, "sc_mmap");
    check(sc_grant(s, A, SC_R | SC_W), "sc_grant");
    *first = (char *) a;
    return s;
}

/* ---- the write attempts, with a SIGSEGV handler installed ---- */

static sigjmp_buf recover;
static volatile sig_atomic_t handler_code;

static void on_segv(int sig, siginfo_t *si, void *ctx) {
    (void) sig, (void) ctx;
    handler_code = si->si_code;
    siglongjmp(recover, 1);
}

static void install_handler(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
}

/* A write that rights forbid: a subcontext fault kills the process, so try it in a child. */
static void write_in_child(const char *what, char *where) {
    printf("A: writing %s, in a child process with a SIGSEGV handler\n", what);
    pid_t pid = fork();
    if (pid == 0) {
        install_handler();
        if (sigsetjmp(recover, 1) == 0) {
            where[0] = '!';
            printf("  child: the write went through: that is a bug\n");
        } else {
            printf("  child: my SIGSEGV handler ran: that is a bug\n");
        }
        _exit(1);
    }
    int status;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        printf("A: the child was killed by SIG%s before its handler could run: a subcontext fault\n",
               sigabbrev_np(WTERMSIG(status)));
    else
        printf("A: the child exited with status %d\n", WEXITSTATUS(status));
}

/* A write that the page's own protection forbids: an ordinary, catchable page fault. */
static void write_here(const char *what, char *where) {
    printf("A: writing %s, with a SIGSEGV handler\n", what);
    install_handler();
    if (sigsetjmp(recover, 1) == 0) {
        where[0] = '!';
        printf("A: the write went through: that is a bug\n");
    } else {
        printf("A: my handler caught SIGSEGV with si_code %s: an ordinary page fault, as on Linux\n",
               handler_code == SEGV_ACCERR ? "SEGV_ACCERR" : "other than SEGV_ACCERR");
    }
    signal(SIGSEGV, SIG_DFL);
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    A = sc_self();
    printf("== a chain of inclusions with masks ==\n");
    printf("A is this program's root subcon (\"%s\")\n", name_of(A));

    B = make("B", 1, &b_page);
    strcpy(b_page, "B's page");
    C = make("C", 2, &c_page);
    c_ro_page = c_page + 4096;
    strcpy(c_page, "C's data page");
    strcpy(c_ro_page, "C's read-only page");
    check(sc_mprotect(C, c_ro_page, 4096, PROT_READ), "sc_mprotect");
    D = sc_create("D", 0);
    check(D, "sc_create");
    printf("A created B (one page), C (a data page and a read-only page) and D (no pages, not attached)\n");

    printf("\n-- part 1: A includes B with r, B includes C with rw --\n");
    grant(B, A, SC_R);                 /* replaces the rw A used to fill B's page */
    grant(C, A, 0);                    /* A's direct access to C goes */
    grant(C, B, SC_R | SC_W);
    show_rights();
    printf("A: sc_owner(C's data page) = \"%s\"\n", name_of(sc_owner(c_page)));
    printf("A: reads C's data page through B: \"%s\"\n", c_page);
    write_in_child("C's data page (rights r AND rw = r)", c_page);

    printf("\n-- part 2: the same chain through D, which is attached to no process --\n");
    grant(B, A, 0);
    printf("A: without B, sc_owner(C's data page) = %s\n", result(sc_owner(c_page)));
    grant(D, A, SC_R);
    grant(C, D, SC_R | SC_W);
    struct sc_info info;
    sc_info(D, &info);
    printf("A: D is attached to %lu contexts and maps %lu bytes, yet:\n", info.contexts, info.bytes_mapped);
    show_rights();
    printf("A: reads C's data page through D: \"%s\"\n", c_page);

    printf("\n-- part 3: A includes D with rw: the page protections still apply --\n");
    grant(D, A, SC_R | SC_W);
    show_rights();
    strcpy(c_page, "C's data page, written by A");
    printf("A: wrote C's data page: \"%s\"\n", c_page);
    write_here("C's read-only page (rights rw, page r)", c_ro_page);
    printf("A: C's read-only page still says \"%s\"\n", c_ro_page);
    return 0;
}
