/* Memory benchmark: random read-modify-write and pointer chasing over a
 * 64 MiB array, plus large memcpy/memset streams.  Prints a checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    size_t n = (64u << 20) / sizeof(uint64_t);
    uint64_t *a = malloc(n * sizeof *a);
    for (size_t i = 0; i < n; i++) a[i] = i * 0x9E3779B97F4A7C15ULL;
    uint64_t x = 1, sum = 0;
    for (long k = 0; k < 20000000; k++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        size_t idx = x & (n - 1);
        a[idx] += x;
        sum += a[(idx * 7 + 12345) & (n - 1)];
    }
    printf("random rmw checksum: %016llx\n", (unsigned long long)sum);
    /* pointer chase through a random cyclic permutation of 1M slots */
    size_t m = 1u << 20;
    uint32_t *next = malloc(m * sizeof *next), *perm = malloc(m * sizeof *perm);
    for (size_t i = 0; i < m; i++) perm[i] = (uint32_t)i;
    for (size_t i = m - 1; i > 0; i--) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; size_t j = x % (i + 1); uint32_t t = perm[i]; perm[i] = perm[j]; perm[j] = t; }
    for (size_t i = 0; i < m; i++) next[perm[i]] = perm[(i + 1) % m];
    uint32_t p = perm[0];
    uint64_t steps = 0;
    for (long k = 0; k < 12000000; k++) { p = next[p]; steps += p; }
    printf("pointer chase: %llu\n", (unsigned long long)steps);
    /* streams */
    uint8_t *b = (uint8_t *)a, *c = malloc(16u << 20);
    for (int rep = 0; rep < 20; rep++) {
        memcpy(c, b + rep * 4096, 16u << 20);
        memset(b + (rep * 7919) % (32u << 20), rep, 8u << 20);
        sum += c[rep * 1000003 % (16u << 20)];
    }
    uint64_t h = 0;
    for (size_t i = 0; i < n; i += 4099) h = h * 1099511628211ULL + a[i];
    printf("checksum: %016llx %016llx\n", (unsigned long long)sum, (unsigned long long)h);
    free(a); free(c); free(next); free(perm);
    return 0;
}
