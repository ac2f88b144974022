/* Environment: exactly the runner's five variables. */
#include "t.h"
extern char **environ;
int main(int argc, char **argv, char **envp)
{
    const char *names[] = { "PATH", "HOME", "LANG", "TZ", "SUBCONS_TEST" };
    for (unsigned i = 0; i < 5; i++) {
        const char *v = getenv(names[i]);
        printf("%s=%s\n", names[i], v ? v : "(unset)");
    }
    int n = 0;
    while (envp[n]) n++;
    printf("envp count: %d\n", n);
    CHECK("environ == envp", environ == envp);
    CHECK("getenv(NOPE) is NULL", getenv("NOPE_NOT_SET") == NULL);
    CHECK("setenv works", setenv("NEWVAR", "v1", 1) == 0 && strcmp(getenv("NEWVAR"), "v1") == 0);
    CHECK("unsetenv works", unsetenv("TZ") == 0 && getenv("TZ") == NULL);
    /* sorted listing of envp names as delivered */
    const char *sorted[16];
    int m = 0;
    for (int i = 0; envp[i] && m < 16; i++) sorted[m++] = envp[i];
    for (int i = 0; i < m; i++)
        for (int j = i + 1; j < m; j++)
            if (strcmp(sorted[j], sorted[i]) < 0) { const char *t = sorted[i]; sorted[i] = sorted[j]; sorted[j] = t; }
    for (int i = 0; i < m; i++) printf("env[%d]: %s\n", i, sorted[i]);
    return 0;
}
