/* Allocates and touches N MiB (argv[1]); prints whether it got them. Used to test --mem. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    long mib = argc > 1 ? atol(argv[1]) : 16;
    char *p = malloc((size_t) mib << 20);
    if (!p) {
        printf("malloc %ld MiB: failed\n", mib);
        return 1;
    }
    memset(p, 1, (size_t) mib << 20);
    printf("malloc %ld MiB: ok\n", mib);
    return 0;
}
