/* realloc growth (large blocks use mremap in glibc), contents kept. */
#include "t.h"

int main(void)
{
    size_t sz = 1000;
    unsigned char *p = malloc(sz);
    for (size_t i = 0; i < sz; i++) p[i] = (unsigned char)(i * 7);
    int ok = 1;
    while (sz < (48u << 20)) {
        size_t nsz = sz * 2 + 123;
        p = realloc(p, nsz);
        if (!p) { ok = 0; break; }
        for (size_t i = 0; i < sz; i += 997) if (p[i] != (unsigned char)(i * 7)) ok = 0;
        if (p[sz - 1] != (unsigned char)((sz - 1) * 7)) ok = 0;
        for (size_t i = sz; i < nsz; i++) p[i] = (unsigned char)(i * 7);
        sz = nsz;
    }
    CHECK("realloc doubling to >48 MiB keeps contents", ok);
    printf("final size: %zu\n", sz);
    p = realloc(p, 100);
    CHECK("realloc shrink keeps prefix", p && p[99] == (unsigned char)(99 * 7));
    free(p);
    void *q = realloc(NULL, 50);
    CHECK("realloc(NULL) acts as malloc", q != NULL);
    free(q);
    return 0;
}
