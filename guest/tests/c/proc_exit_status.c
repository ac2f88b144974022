/* Every exit status 0..255 reaches the parent through waitpid; exit codes
 * are truncated to 8 bits; WIFEXITED/WIFSIGNALED/WIFSTOPPED relations. */
#include "t.h"
#include <sys/wait.h>

int main(void)
{
    int bad = 0, exited_ok = 0;
    /* 64 children alive at a time, reaped by pid in reverse order */
    for (int base = 0; base < 256; base += 64) {
        pid_t pids[64];
        fflush(stdout);
        for (int i = 0; i < 64; i++) {
            pids[i] = fork();
            REQUIRE(pids[i] >= 0);
            if (pids[i] == 0) _exit(base + i);
        }
        for (int i = 63; i >= 0; i--) {
            int st = -1;
            if (waitpid(pids[i], &st, 0) != pids[i]) { bad++; continue; }
            if (WIFEXITED(st) && !WIFSIGNALED(st) && !WIFSTOPPED(st) && WEXITSTATUS(st) == base + i) exited_ok++;
            else if (bad++ < 5) printf("status %d wrong: raw 0x%x\n", base + i, st);
        }
    }
    printf("statuses 0..255 received exactly: %d of 256\n", exited_ok);
    CHECK("no waitpid failures", bad == 0);

    /* exit codes above 255 keep the low 8 bits: exit(256+7), _exit(-1), exit_group(1000) */
    int codes[] = { 256 + 7, -1, 1000, 512 };
    for (unsigned k = 0; k < sizeof codes / sizeof codes[0]; k++) {
        fflush(stdout);
        pid_t p = fork();
        REQUIRE(p >= 0);
        if (p == 0) {
            if (k == 0) exit(codes[k]);
            if (k == 2) syscall(SYS_exit_group, codes[k]);
            _exit(codes[k]);
        }
        int st;
        REQUIRE(waitpid(p, &st, 0) == p);
        printf("exit(%d) -> status %d\n", codes[k], WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    }
    /* a raw status word: exited with 5 is 5 << 8 */
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) _exit(5);
    int st;
    waitpid(p, &st, 0);
    CHECK("raw status word for exit 5 is 0x500", st == 0x500);
    /* returning from main is exit */
    fflush(stdout);
    p = fork();
    if (p == 0) return 77;
    waitpid(p, &st, 0);
    CHECK("return 77 from main -> 77", WIFEXITED(st) && WEXITSTATUS(st) == 77);
    return 0;
}
