/* execve of "#!" scripts whose interpreter is this test's own binary
 * (absolute argv[0], written into the script in cwd): the interpreter gets
 * argv = { interpreter, [optional argument], script path as given,
 * original argv[1..] }, original argv[0] dropped; the optional argument is
 * the rest of the line (inner spaces kept, trailing blanks stripped); a
 * space after "#!" is allowed; a script may name another script as its
 * interpreter; a script without execute permission fails with EACCES.
 * QEMU_DIFFERS: qemu-user cannot execve a RISC-V binary. */
#include "t.h"
#include <sys/stat.h>
#include <sys/wait.h>

static int interp(int argc, char **argv)
{
    /* argv[0] is the interpreter path (the absolute path of this binary) */
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = 0;
    printf("  interpreter argc %d\n", argc);
    CHECK("  argv[0] is the interpreter path", strcmp(argv[0], exe) == 0);
    for (int i = 1; i < argc; i++) printf("  argv[%d] = \"%s\"\n", i, argv[i]);
    return 0;
}

static void script(const char *name, const char *first_line_fmt, const char *self, mode_t mode)
{
    FILE *f = fopen(name, "w");
    REQUIRE(f);
    fprintf(f, first_line_fmt, self);
    fprintf(f, "this line is never read by the kernel\n");
    fclose(f);
    chmod(name, mode);
}

static void run(const char *what, char *const argv[])
{
    printf("%s:\n", what);
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) {
        char *envp[] = { "X=1", NULL };
        execve(argv[0], argv, envp);
        printf("  execve failed: %s\n", errname(errno));
        fflush(stdout);
        _exit(127);
    }
    int st;
    REQUIRE(waitpid(c, &st, 0) == c);
    printf("  exit status %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
}

int main(int argc, char **argv)
{
    /* run as the interpreter: recognised by the environment run() passes */
    if (getenv("X")) return interp(argc, argv);
    const char *self = argv[0];

    script("plain.sh", "#!%s\n", self, 0755);
    char *a1[] = { "./plain.sh", "one", "two three", NULL };
    run("no optional argument", a1);

    script("opt.sh", "#!%s  -opt  with  spaces \t\n", self, 0755);
    char *a2[] = { "./opt.sh", "x", NULL };
    run("optional argument", a2);

    script("space.sh", "#! %s -o\n", self, 0755);
    char *a3[] = { "./space.sh", NULL };
    run("space after #!", a3);

    script("nested.sh", "#!./plain.sh\n", self, 0755);   /* interpreter is a script */
    char *a4[] = { "./nested.sh", "arg", NULL };
    run("script as interpreter", a4);

    /* argv[0] passed by the caller is dropped: use a different one */
    char *a7[] = { "some-other-argv0", "p", NULL };
    printf("caller's argv[0] replaced:\n");
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        char *envp[] = { "X=1", NULL };
        execve("./plain.sh", a7, envp);
        _exit(127);
    }
    int st;
    waitpid(c, &st, 0);
    printf("  exit status %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);

    script("noexec.sh", "#!%s\n", self, 0644);
    char *a6[] = { "./noexec.sh", NULL };
    errno = 0;
    CHECK("script without execute permission -> EACCES", execve("./noexec.sh", a6, NULL) == -1 && errno == EACCES);
    return 0;
}
