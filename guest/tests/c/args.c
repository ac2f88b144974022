/* argc/argv from args.args, argv[0] is the absolute path of the binary. */
#include "t.h"
int main(int argc, char **argv)
{
    printf("argc: %d\n", argc);
    CHECK("argv[0] absolute", argv[0][0] == '/');
    const char *slash = strrchr(argv[0], '/');
    printf("argv[0] basename: %s\n", slash ? slash + 1 : argv[0]);
    for (int i = 1; i < argc; i++)
        printf("argv[%d]: \"%s\" (len %zu)\n", i, argv[i], strlen(argv[i]));
    CHECK("argv[argc] == NULL", argv[argc] == NULL);
    extern char **environ;
    CHECK("environ follows argv", environ == argv + argc + 1);
    return 0;
}
