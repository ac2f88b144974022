/*
 * sc_shared - one subcontext shared by several processes.
 *
 * A subcontext can be attached to many contexts (process address spaces) at once. It then
 * sits at the same virtual addresses, backed by the same physical pages, in all of them,
 * and a map or unmap in it takes effect everywhere at the same moment.
 *
 * The parent creates a subcontext "shared" with SC_SHARE_ON_FORK, attaches it, gives its
 * own root R and W over it (control is not access: the creator needs a grant like anybody
 * else) and maps one page into it with sc_mmap. Then it forks three children. fork copies
 * every other subcontext (the root, copy-on-write) but attaches "shared" itself to each
 * child, and mirrors the root's grant onto the child's copy of the root. So:
 *   - all four processes update one counter in the shared page with atomics (amoadd);
 *   - the parent maps a second page into "shared" while the children run, at an address
 *     agreed in advance, and the children see it appear (sc_owner stops saying EFAULT);
 *   - the parent unmaps it and the children see it disappear.
 * Note that the mappings are MAP_PRIVATE: private to the subcontext, not to a process.
 * The children only speak when the parent gives them a turn through a pipe, so the output
 * is deterministic; what they report, they found out by themselves.
 *
 * Run: ./subcons run target/guest/sc/sc_shared
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "subcons.h"
#include "example.h"

#define CHILDREN 3
#define ADDS 10000
/* Where the parent will map page 2 later: agreed in advance, far from everything else. */
#define AGREED ((void *) 0x200000000UL)

/* The first shared page. */
struct board {
    long counter;             /* updated by everybody with atomics */
    char note[64];
};

static long sh;                  /* the shared subcontext (the same sid in every process) */
static long parent_root;         /* the parent's root subcontext */
static struct board *board;
static int go[CHILDREN][2];      /* parent -> child i: "your turn" */
static int done[2];              /* children -> parent: "finished my turn" */

/* ---- the children ---- */

static void wait_turn(int i, char expect) {
    char c;
    if (read(go[i][0], &c, 1) != 1 || c != expect) _exit(2);
}

static void end_turn(void) {
    if (write(done[1], "x", 1) != 1) _exit(2);
}

static void child(int i) {
    int n = i + 1;

    /* Turn A: everybody at once. */
    wait_turn(i, 'A');
    for (int k = 0; k < ADDS; k++) __atomic_fetch_add(&board->counter, 1, __ATOMIC_RELAXED);
    end_turn();

    /* Turn B: what does a child see? */
    wait_turn(i, 'B');
    printf("child %d: my root is a new subcon (a copy of my parent's): %s\n", n, sc_self() != parent_root ? "yes" : "no");
    printf("child %d: the page at the same address belongs to \"%s\", the parent's own subcon: %s\n", n,
           name_of(sc_owner(board)), sc_owner(board) == sh ? "yes" : "no");
    printf("child %d: counter = %ld, note = \"%s\"\n", n, __atomic_load_n(&board->counter, __ATOMIC_RELAXED),
           board->note);
    end_turn();

    /* Turn C: start watching the agreed address. */
    wait_turn(i, 'C');
    printf("child %d: sc_owner(agreed address) = %s: nothing there yet; watching\n", n, result(sc_owner(AGREED)));
    end_turn();
    while (sc_owner(AGREED) != sh) sched_yield();          /* the parent maps it live */

    /* Turn D: it appeared by itself; report it and leave a mark in it. */
    wait_turn(i, 'D');
    long *page2 = AGREED;
    printf("child %d: page 2 appeared, owned by \"%s\"; it says \"%s\"\n", n, name_of(sc_owner(AGREED)),
           (char *) (page2 + 1));
    __atomic_fetch_add(&page2[0], 1, __ATOMIC_RELAXED);
    end_turn();
    while (sc_owner(AGREED) != -EFAULT) sched_yield();     /* the parent unmaps it live */

    /* Turn E: it went away by itself. */
    wait_turn(i, 'E');
    printf("child %d: page 2 is gone: sc_owner = %s\n", n, result(sc_owner(AGREED)));
    end_turn();
    _exit(0);
}

/* ---- the parent ---- */

/* Gives every child in turn the step `step`, waiting for each to finish before the next. */
static void turns(char step) {
    for (int i = 0; i < CHILDREN; i++) {
        char c;
        if (write(go[i][1], &step, 1) != 1 || read(done[0], &c, 1) != 1) exit(1);
    }
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("== one subcontext shared by several processes ==\n");
    parent_root = sc_self();

    sh = sc_create("shared", SC_SHARE_ON_FORK);
    check(sh, "sc_create");
    check(sc_attach(sh, 0, 0), "sc_attach");
    check(sc_grant(sh, parent_root, SC_R | SC_W), "sc_grant");
    long a = sc_mmap(sh, NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    check(a, "sc_mmap");
    board = (struct board *) a;
    strcpy(board->note, "written by the parent before fork");
    printf("parent: created subcon \"%s\" (SC_SHARE_ON_FORK), attached it, granted myself rw, mapped page 1\n",
           name_of(sh));

    pipe(done);
    for (int i = 0; i < CHILDREN; i++) pipe(go[i]);
    for (int i = 0; i < CHILDREN; i++) {
        if (fork() == 0) child(i);
    }
    struct sc_info info;
    sc_info(sh, &info);
    printf("parent: forked %d children; \"%s\" is now attached to %lu contexts\n", CHILDREN, info.name,
           info.contexts);

    /* A: all three children add concurrently; so does the parent. */
    for (int i = 0; i < CHILDREN; i++) write(go[i][1], "A", 1);
    for (int k = 0; k < ADDS; k++) __atomic_fetch_add(&board->counter, 1, __ATOMIC_RELAXED);
    for (int i = 0; i < CHILDREN; i++) {
        char c;
        read(done[0], &c, 1);
    }
    printf("parent: 4 processes each added 1 to the counter %d times at once: counter = %ld (no update lost)\n",
           ADDS, __atomic_load_n(&board->counter, __ATOMIC_RELAXED));

    /* B: each child describes what it sees. */
    turns('B');

    /* C: the children start watching the agreed address. */
    turns('C');

    /* D: map page 2 live; each child finds it by itself. */
    long b = sc_mmap(sh, AGREED, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
                     -1, 0);
    check(b, "sc_mmap(page 2)");
    long *page2 = AGREED;
    strcpy((char *) (page2 + 1), "page 2, mapped live by the parent");
    printf("parent: sc_mmap'd page 2 into \"%s\" at the agreed address while the children run\n", name_of(sh));
    turns('D');
    printf("parent: the children's marks are in my page 2 too: %ld of %d\n", __atomic_load_n(&page2[0], __ATOMIC_RELAXED),
           CHILDREN);

    /* E: unmap it live; each child finds it gone by itself. */
    check(sc_munmap(sh, AGREED, 4096), "sc_munmap");
    printf("parent: sc_munmap'd page 2 from \"%s\"\n", name_of(sh));
    turns('E');

    int all_ok = 1;
    for (int i = 0; i < CHILDREN; i++) {
        int status;
        wait(&status);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) all_ok = 0;
    }
    sc_info(sh, &info);
    printf("parent: the children exited %s; \"%s\" is attached to %lu context again, %lu bytes mapped\n",
           all_ok ? "cleanly" : "with errors", info.name, info.contexts, info.bytes_mapped);
    return all_ok ? 0 : 1;
}
