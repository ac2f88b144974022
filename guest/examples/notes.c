/*
 * notes - a small, ordinary program: appends a note to a file, then reads the file back
 * and prints it. It knows nothing of Subcons; the demo runs it under user-level services.
 *   notes FILE TEXT...
 */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: notes FILE TEXT...\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "a");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    for (int i = 2; i < argc; i++) fprintf(f, "%s%s", argv[i], i + 1 < argc ? " " : "\n");
    fclose(f);
    f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    char line[256];
    int n = 0;
    while (fgets(line, sizeof line, f)) printf("note %d: %s", ++n, line);
    fclose(f);
    printf("%d note%s in %s\n", n, n == 1 ? "" : "s", argv[1]);
    return 0;
}
