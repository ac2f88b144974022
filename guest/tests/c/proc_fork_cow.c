/* fork: parent and child get separate copies of globals, bss, heap, stack
 * and a large malloc'ed buffer; writes after fork stay private (COW). */
#include "t.h"
#include <sys/wait.h>

static int g_data = 100;             /* .data */
static long g_bss;                   /* .bss */
static char g_arr[8192];

#define BIG (8u << 20)               /* 8 MiB, mmap-backed */

static uint64_t sum_big(const unsigned char *b)
{
    uint64_t s = 0;
    for (size_t i = 0; i < BIG; i += 512) s += b[i];
    return s;
}

int main(void)
{
    int stack_var = 5;
    char *heap = malloc(64);
    unsigned char *big = malloc(BIG);
    REQUIRE(heap && big);
    strcpy(heap, "parent-heap");
    memset(big, 1, BIG);
    g_bss = 9;
    memset(g_arr, 'a', sizeof g_arr);

    int to_parent[2], go[2];
    REQUIRE(pipe(to_parent) == 0 && pipe(go) == 0);
    fflush(stdout);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        /* child: see the parent's values, then overwrite everything */
        int ok = g_data == 100 && g_bss == 9 && stack_var == 5 && strcmp(heap, "parent-heap") == 0
                 && g_arr[4000] == 'a' && sum_big(big) == BIG / 512;
        g_data = 200; g_bss = -1; stack_var = 6; strcpy(heap, "child-heap");
        memset(g_arr, 'c', sizeof g_arr);
        memset(big, 2, BIG);
        char c;
        /* wait until the parent has written its own values */
        REQUIRE(read(go[0], &c, 1) == 1);
        ok = ok && g_data == 200 && g_bss == -1 && stack_var == 6 && strcmp(heap, "child-heap") == 0
             && g_arr[100] == 'c' && sum_big(big) == 2 * (BIG / 512);
        char r = ok ? 'Y' : 'N';
        write(to_parent[1], &r, 1);
        _exit(ok ? 0 : 1);
    }
    /* parent: modify its copies while the child is alive */
    g_data = 300; g_bss = 33; stack_var = 7; strcpy(heap, "parent-2");
    big[0] = 3; big[BIG - 1] = 3; g_arr[0] = 'p';
    REQUIRE(write(go[1], "g", 1) == 1);
    char r = 0;
    REQUIRE(read(to_parent[0], &r, 1) == 1);
    int st;
    REQUIRE(waitpid(pid, &st, 0) == pid);
    CHECK("child saw parent's values at fork and kept its own writes", r == 'Y');
    CHECK("child exited 0", WIFEXITED(st) && WEXITSTATUS(st) == 0);
    CHECK("parent globals kept (.data)", g_data == 300);
    CHECK("parent .bss kept", g_bss == 33);
    CHECK("parent stack var kept", stack_var == 7);
    CHECK("parent heap string kept", strcmp(heap, "parent-2") == 0);
    CHECK("parent big buffer unaffected by child's memset", big[1] == 1 && big[BIG / 2] == 1 && big[0] == 3 && big[BIG - 1] == 3);
    CHECK("parent g_arr unaffected", g_arr[0] == 'p' && g_arr[1] == 'a' && g_arr[8191] == 'a');
    CHECK("big sum as parent wrote it", sum_big(big) == BIG / 512 + 2);

    /* a chain of generations: each child multiplies its copy by 10; the
     * last one reports through its exit status, each parent passes it on */
    g_data = 1;
    int depth = 0;
    fflush(stdout);
    for (; depth < 3; depth++) {
        pid_t c = fork();
        REQUIRE(c >= 0);
        if (c == 0) { g_data *= 10; continue; }
        int s2;
        waitpid(c, &s2, 0);
        int code = WIFEXITED(s2) ? WEXITSTATUS(s2) : 99;
        if (depth > 0) _exit(code);
        CHECK("each generation's copy is private (last saw 1000, first kept 1)", code == 0 && g_data == 1);
        return 0;
    }
    _exit(g_data == 1000 ? 0 : 1);
}
