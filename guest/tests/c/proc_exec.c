/* execve of the test's own binary (argv[0]) with a mode argument: argv and
 * envp arrive exactly (empty strings, spaces, many entries, an empty
 * environment), pid and ppid are kept, the new image starts with fresh
 * globals, unflushed stdio data of the old image is lost, the exit status
 * of the new image reaches the parent, AT_EXECFN/auxv follow the new path.
 * QEMU_DIFFERS: qemu-user cannot execve a RISC-V binary. */
#include "t.h"
#include <sys/auxv.h>
#include <sys/wait.h>

extern char **environ;
static int fresh = 5;

static int child(int argc, char **argv)
{
    const char *mode = argv[1];
    if (strcmp(mode, "args") == 0) {
        printf("child argc %d\n", argc);
        for (int i = 1; i < argc; i++) printf("  argv[%d] = \"%s\"\n", i, argv[i]);
        CHECK("  argv[argc] == NULL", argv[argc] == NULL);
        int n = 0;
        for (char **e = environ; *e; e++) printf("  env[%d] = \"%s\"\n", n++, *e);
        printf("  envc %d\n", n);
        CHECK("  getenv(\"EMPTY\") is \"\"", getenv("EMPTY") && getenv("EMPTY")[0] == 0);
        CHECK("  PATH not inherited (envp replaced it)", getenv("PATH") == NULL);
        return 0;
    }
    if (strcmp(mode, "ids") == 0) {
        /* argv[2] = pid before exec, argv[3] = ppid before exec */
        CHECK("  pid kept across exec", getpid() == atoi(argv[2]));
        CHECK("  ppid kept across exec", getppid() == atoi(argv[3]));
        CHECK("  fresh globals in the new image", fresh == 5);
        CHECK("  AT_EXECFN is the path given to execve", strcmp((char *)getauxval(AT_EXECFN), argv[4]) == 0);
        return 0;
    }
    if (strcmp(mode, "noenv") == 0) {
        CHECK("  empty environment", environ == NULL || environ[0] == NULL);
        return 0;
    }
    if (strcmp(mode, "status") == 0) return atoi(argv[2]);
    return 99;
}

static int run(char *const argv[], char *const envp[])
{
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) {
        execve(argv[0], argv, envp);
        _exit(127);
    }
    int st;
    REQUIRE(waitpid(c, &st, 0) == c);
    return st;
}

int main(int argc, char **argv)
{
    if (argc > 1) return child(argc, argv);
    char *self = argv[0];

    char *a1[] = { self, "args", "", "two words", "tab\there", "x=y", "-", "--", "last", NULL };
    char *e1[] = { "B=2", "A=1", "EMPTY=", "WITH SPACE=v v", "=noname", "NOEQUALS", NULL };
    int st = run(a1, e1);
    CHECK("args child exited 0", WIFEXITED(st) && WEXITSTATUS(st) == 0);

    /* many arguments */
    static char *many[1004];   /* NULL-terminated: static zero */
    static char bufs[1000][8];
    many[0] = self;
    many[1] = "status";
    many[2] = "61";
    for (int i = 0; i < 1000; i++) { snprintf(bufs[i], sizeof bufs[i], "a%d", i); many[3 + i] = bufs[i]; }
    char *e0[] = { NULL };
    st = run(many, e0);
    CHECK("1000 extra arguments: exit status 61", WIFEXITED(st) && WEXITSTATUS(st) == 61);

    char *a3[] = { self, "noenv", NULL };
    st = run(a3, e0);
    CHECK("empty envp child exited 0", WIFEXITED(st) && WEXITSTATUS(st) == 0);
    st = run(a3, NULL);   /* Linux accepts NULL envp */
    CHECK("NULL envp child exited 0", WIFEXITED(st) && WEXITSTATUS(st) == 0);

    /* exec in place (no fork): the pid stays, unflushed output is lost */
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        char pid[16], ppid[16];
        snprintf(pid, sizeof pid, "%d", getpid());
        snprintf(ppid, sizeof ppid, "%d", getppid());
        fresh = 6;
        printf("this unflushed text is lost\n");   /* stdout is not a terminal: fully buffered */
        char *a[] = { self, "ids", pid, ppid, self, NULL };
        execve(self, a, e0);
        _exit(127);
    }
    waitpid(c, &st, 0);
    CHECK("ids child exited 0", WIFEXITED(st) && WEXITSTATUS(st) == 0);
    for (int code = 0; code < 256; code += 85) {
        char num[8];
        snprintf(num, sizeof num, "%d", code);
        char *a[] = { self, "status", num, NULL };
        st = run(a, e0);
        printf("exec'd image exit %d -> parent sees %d\n", code, WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    }
    return 0;
}
