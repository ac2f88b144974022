/* scanf/fgets parsing of stdin (stdin_scanf.stdin). */
#include "t.h"

int main(void)
{
    int n;
    REQUIRE(scanf("%d", &n) == 1);
    long sum = 0;
    for (int i = 0; i < n; i++) { long v; REQUIRE(scanf("%ld", &v) == 1); sum += v; }
    printf("n=%d sum=%ld\n", n, sum);
    double d;
    char word[32];
    REQUIRE(scanf("%lf %31s", &d, word) == 2);
    printf("double=%.6f word=%s\n", d, word);
    char line[128];
    fgets(line, sizeof line, stdin); /* rest of line */
    int count = 0;
    while (fgets(line, sizeof line, stdin)) { count++; printf("line %d: %s", count, line); }
    printf("eof=%d\n", feof(stdin) != 0);
    return 0;
}
