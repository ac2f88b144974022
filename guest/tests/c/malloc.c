/* malloc/free of many sizes incl. huge mmap-backed blocks. */
#include "t.h"
#include <malloc.h>

int main(void)
{
    uint64_t seed = 12345;
    enum { N = 2000 };
    static unsigned char *ptrs[N];
    static size_t sizes[N];
    int ok = 1;
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < N; i++) {
            size_t sz = (t_rand(&seed) % 4 == 0) ? t_rand(&seed) % 70000 : t_rand(&seed) % 300;
            if (ptrs[i]) {
                for (size_t k = 0; k < sizes[i]; k++)
                    if (ptrs[i][k] != (unsigned char)(i + k)) ok = 0;
                free(ptrs[i]);
            }
            ptrs[i] = malloc(sz + 1);
            sizes[i] = sz;
            if (!ptrs[i] || ((uintptr_t)ptrs[i] & 15)) ok = 0;
            for (size_t k = 0; k < sz; k++) ptrs[i][k] = (unsigned char)(i + k);
        }
    }
    for (int i = 0; i < N; i++) free(ptrs[i]);
    CHECK("2000 blocks x3 rounds, 16-aligned, contents intact", ok);

    size_t huge = 64u << 20;
    unsigned char *h = malloc(huge);
    CHECK("malloc(64 MiB) non-null", h != NULL);
    for (size_t i = 0; i < huge; i += 4096) h[i] = (unsigned char)(i >> 12);
    uint64_t sum = 0;
    for (size_t i = 0; i < huge; i += 4096) sum += h[i];
    printf("64 MiB page-touch sum: %llu\n", (unsigned long long)sum);
    free(h);

    unsigned char *c = calloc(1, 8u << 20);
    int z = 1;
    for (size_t i = 0; i < (8u << 20); i += 1000) if (c[i]) z = 0;
    CHECK("calloc(8 MiB) zeroed", c && z);
    free(c);

    void *a = memalign(4096, 1000);
    CHECK("memalign 4096", a && ((uintptr_t)a & 4095) == 0);
    free(a);
    void *pa = NULL;
    CHECK("posix_memalign 65536", posix_memalign(&pa, 65536, 100) == 0 && ((uintptr_t)pa & 65535) == 0);
    free(pa);
    errno = 0;
    void *bad = malloc((size_t)1 << 62);
    CHECK("malloc(2^62) fails with ENOMEM", bad == NULL && errno == ENOMEM);
    return 0;
}
