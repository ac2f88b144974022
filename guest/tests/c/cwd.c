/* getcwd/chdir/fchdir and relative paths after chdir. */
#include "t.h"
#include <sys/stat.h>

static int ends_with(const char *s, const char *suf) { size_t a = strlen(s), b = strlen(suf); return a >= b && strcmp(s + a - b, suf) == 0; }

int main(void)
{
    char start[4096], cur[4096];
    CHECK("getcwd", getcwd(start, sizeof start) != NULL);
    CHECK("cwd absolute", start[0] == '/');
    CHECK("PWD-independent: getcwd == realpath(.)", ({ char rp[4096]; realpath(".", rp) && strcmp(rp, start) == 0; }));
    int home = open(".", O_RDONLY | O_DIRECTORY);
    mkdir("sub", 0755);
    mkdir("sub/deeper", 0755);
    CHECK("chdir sub", chdir("sub") == 0);
    getcwd(cur, sizeof cur);
    CHECK("cwd ends with /sub", ends_with(cur, "/sub"));
    CHECK("cwd = start + /sub", strncmp(cur, start, strlen(start)) == 0 && strcmp(cur + strlen(start), "/sub") == 0);
    close(open("here.txt", O_CREAT | O_WRONLY, 0644));
    CHECK("relative create lands in sub", access("../sub/here.txt", F_OK) == 0);
    CHECK("chdir deeper/../deeper", chdir("deeper/../deeper") == 0);
    getcwd(cur, sizeof cur);
    CHECK("cwd normalized to /sub/deeper", ends_with(cur, "/sub/deeper"));
    CHECK("relative path ../../sub/here.txt", access("../../sub/here.txt", F_OK) == 0);
    CHECK("fchdir back", fchdir(home) == 0);
    getcwd(cur, sizeof cur);
    CHECK("cwd restored", strcmp(cur, start) == 0);
    CHECK("chdir to file -> ENOTDIR", chdir("sub/here.txt") == -1 && errno == ENOTDIR);
    CHECK("chdir missing -> ENOENT", chdir("nope") == -1 && errno == ENOENT);
    int f = open("sub/here.txt", O_RDONLY);
    CHECK("fchdir to file -> ENOTDIR", fchdir(f) == -1 && errno == ENOTDIR);
    CHECK("fchdir bad fd -> EBADF", fchdir(99) == -1 && errno == EBADF);
    CHECK("getcwd size 1 -> ERANGE", getcwd(cur, 1) == NULL && errno == ERANGE);
    long r = syscall(SYS_getcwd, cur, sizeof cur);
    CHECK("raw getcwd returns length incl NUL", r == (long)strlen(start) + 1);
    CHECK("chdir /", chdir("/") == 0 && getcwd(cur, sizeof cur) && strcmp(cur, "/") == 0);
    CHECK("relative etc/passwd from /", access("etc/passwd", R_OK) == 0);
    CHECK("/.. is /", chdir("..") == 0 && getcwd(cur, sizeof cur) && strcmp(cur, "/") == 0);
    fchdir(home);
    /* removed cwd: getcwd fails with ENOENT */
    mkdir("gone", 0755);
    chdir("gone");
    rmdir("../gone");
    CHECK("getcwd in removed dir -> ENOENT", getcwd(cur, sizeof cur) == NULL && errno == ENOENT);
    return 0;
}
