/* Thread scaling benchmark: a fixed total amount of integer work (64
 * independent chunks: xorshift streams feeding a small hash-mixing and
 * multiply/divide kernel over a private 16 KiB table) split statically
 * between argv[1] threads (1 or 2, default 1).  No sharing and no locks in
 * the hot loop: each chunk writes its result once into its own cache-line
 * padded slot; the checksum combines the slots in chunk order, so it is
 * the same for any thread count. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNKS 64
/* About 11 s of one thread under Subcons: long enough that the fixed cost of every run
 * (JVM start and warm-up, about 0.5 s) does not hide how the work scales. */
#define ITERS 16200000

struct slot { uint64_t v; char pad[56]; };
static struct slot results[CHUNKS] __attribute__((aligned(64)));
static int nthreads = 1;

static uint64_t chunk(int id)
{
    uint32_t table[4096];
    uint64_t s = 0x9e3779b97f4a7c15ULL ^ ((uint64_t)id * 0xbf58476d1ce4e5b9ULL);
    for (int i = 0; i < 4096; i++) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; table[i] = (uint32_t)s; }
    uint64_t h = (uint64_t)id + 1;
    for (int i = 0; i < ITERS; i++) {
        s ^= s << 13; s ^= s >> 7; s ^= s << 17;
        uint32_t k = (uint32_t)(s >> 20) & 4095;
        uint32_t t = table[k];
        t = (t ^ (t >> 15)) * 0x2c1b3c6dU;
        t ^= (uint32_t)h;
        table[k] = t;
        h = (h ^ t) * 0x100000001b3ULL;
        h += (s % 1000003) + (uint64_t)(t / ((uint32_t)k + 1));
        h = (h << 7) | (h >> 57);
    }
    for (int i = 0; i < 4096; i += 64) h ^= (uint64_t)table[i] << (i & 31);
    return h;
}

static void *worker(void *arg)
{
    long t = (long)arg;
    for (int c = (int)t; c < CHUNKS; c += nthreads) results[c].v = chunk(c);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc > 1) nthreads = atoi(argv[1]);
    if (nthreads < 1 || nthreads > CHUNKS) { fprintf(stderr, "threads: 1..%d\n", CHUNKS); return 2; }
    pthread_t th[CHUNKS];
    for (long t = 1; t < nthreads; t++)
        if (pthread_create(&th[t], NULL, worker, (void *)t) != 0) { perror("pthread_create"); return 1; }
    worker((void *)0L);
    for (long t = 1; t < nthreads; t++) pthread_join(th[t], NULL);
    uint64_t sum = 0xcbf29ce484222325ULL;
    for (int c = 0; c < CHUNKS; c++) sum = (sum ^ results[c].v) * 0x100000001b3ULL;
    printf("threads_bench checksum: %016llx\n", (unsigned long long)sum);
    return 0;
}
