/* Integer benchmark: sieve of Eratosthenes, open-addressing hash table,
 * quicksort, integer hashing.  Prints a checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

static void quicksort(uint32_t *a, long lo, long hi)
{
    while (lo < hi) {
        uint32_t p = a[lo + (hi - lo) / 2];
        long i = lo, j = hi;
        while (i <= j) {
            while (a[i] < p) i++;
            while (a[j] > p) j--;
            if (i <= j) { uint32_t t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; }
        else { quicksort(a, i, hi); hi = j; }
    }
}

int main(void)
{
    uint64_t sum = 0;
    /* sieve */
    enum { N = 10000000 };
    static uint8_t comp[N + 1];
    long primes = 0;
    for (long i = 2; i <= N; i++) {
        if (comp[i]) continue;
        primes++;
        sum += (uint64_t)i * (uint64_t)primes;
        for (long j = i * i; j <= N; j += i) comp[j] = 1;
    }
    printf("primes below %d: %ld\n", N, primes);
    /* hash table */
    enum { HBITS = 21, HSIZE = 1 << HBITS, KEYS = 1200000 };
    static uint64_t keys[HSIZE], vals[HSIZE];
    for (long i = 0; i < KEYS; i++) {
        uint64_t k = next() | 1, h = (k * 0x9E3779B97F4A7C15ULL) >> (64 - HBITS);
        while (keys[h] && keys[h] != k) h = (h + 1) & (HSIZE - 1);
        keys[h] = k;
        vals[h] += (uint64_t)i;
    }
    rng = 88172645463325252ULL;
    uint64_t found = 0;
    for (long i = 0; i < KEYS; i++) {
        uint64_t k = next() | 1, h = (k * 0x9E3779B97F4A7C15ULL) >> (64 - HBITS);
        while (keys[h] != k) h = (h + 1) & (HSIZE - 1);
        found += vals[h];
    }
    sum ^= found;
    printf("hash lookups checksum: %llu\n", (unsigned long long)found);
    /* sort */
    enum { M = 4000000 };
    uint32_t *a = malloc(M * sizeof *a);
    for (long i = 0; i < M; i++) a[i] = (uint32_t)next();
    quicksort(a, 0, M - 1);
    for (long i = 1; i < M; i++) if (a[i - 1] > a[i]) { printf("not sorted\n"); return 1; }
    for (long i = 0; i < M; i += 1000) sum = sum * 31 + a[i];
    /* integer mixing: multiply, divide, shifts */
    uint64_t x = 1;
    for (long i = 1; i < 60000000; i++) {
        x = x * 6364136223846793005ULL + (uint64_t)i;
        sum += (x >> 33) % (uint64_t)(i | 1) + (x / (uint64_t)(i + 7));
    }
    printf("checksum: %016llx\n", (unsigned long long)sum);
    free(a);
    return 0;
}
