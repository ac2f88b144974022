/* stdio buffering: printf, fflush, interleaving with write(1), setvbuf. */
#include "t.h"

int main(void)
{
    printf("1 printf\n");
    fflush(stdout);
    write(1, "2 write\n", 8);
    printf("3 printf, buffered");
    printf(" (continued)\n");
    fputs("4 fputs\n", stdout);
    putchar('5');
    putchar('\n');
    fflush(stdout);
    write(1, "6 write\n", 8);
    /* line buffered: each newline flushes */
    static char lbuf[256];
    setvbuf(stdout, lbuf, _IOLBF, sizeof lbuf);
    printf("7 line-buffered\n");
    write(1, "8 write after line-buffered printf\n", 35);
    /* unbuffered */
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("9 unbuffered ");
    write(1, "10 write\n", 9);
    fprintf(stderr, "stderr is not compared\n");
    /* fwrite of binary-ish data and large output */
    setvbuf(stdout, NULL, _IOFBF, 4096);
    for (int i = 0; i < 200; i++) printf("%03d%c", i, i % 20 == 19 ? '\n' : ' ');
    char big[2000];
    memset(big, 'z', sizeof big);
    big[sizeof big - 1] = '\n';
    CHECK("fwrite 10000 bytes", fwrite(big, 1, sizeof big, stdout) == sizeof big);
    /* fopen/fprintf/fclose/fgets to a file */
    FILE *f = fopen("out.txt", "w+");
    fprintf(f, "line %d\nline %s\n", 1, "two");
    rewind(f);
    char l[32];
    fgets(l, sizeof l, f);
    printf("file first line: %s", l);
    fclose(f);
    f = fopen("out.txt", "a");
    fputs("line 3\n", f);
    fclose(f);
    f = fopen("out.txt", "r");
    int lines = 0;
    while (fgets(l, sizeof l, f)) lines++;
    fclose(f);
    printf("lines after append: %d\n", lines);
    printf("last line without newline, flushed by exit");
    return 0;
}
