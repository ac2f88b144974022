/* Reads stdin (stdin_read.stdin) to EOF with small reads, then via stdio. */
#include "t.h"

int main(void)
{
    static unsigned char buf[65536];
    size_t n = 0;
    ssize_t r;
    int reads = 0;
    while ((r = read(0, buf + n, 7)) > 0) { n += (size_t)r; reads++; }
    CHECK("read returned 0 at EOF", r == 0);
    CHECK("read again at EOF returns 0", read(0, buf, 10) == 0);
    printf("bytes: %zu\n", n);
    int lines = 0;
    for (size_t i = 0; i < n; i++) if (buf[i] == '\n') lines++;
    printf("lines: %d\n", lines);
    print_hex("fnv1a", fnv1a(buf, n));
    printf("--- content ---\n");
    fwrite(buf, 1, n, stdout);
    printf("--- end ---\n");
    CHECK("stdio sees EOF too", getchar() == EOF && feof(stdin));
    return 0;
}
