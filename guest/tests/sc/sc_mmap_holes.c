/* SPEC 1-2: a legacy program sees other subcons only as holes in its map: mmap(NULL) and
 * hinted mmaps never land in another subcon's range. An island of another subcon is left
 * in the middle of a freed 1 MiB region; hundreds of mappings then fill the space around
 * it, none overlapping it; afterwards every page of the region but the island's can be
 * mapped again, and the island is intact. */
#include "sct.h"

#define MB (1024 * 1024UL)
#define ISLAND (64 * 1024UL)

static int overlaps(void *a, unsigned long n, void *b, unsigned long m) {
    return (char *) a < (char *) b + m && (char *) b < (char *) a + n;
}

int main(void) {
    int anon = MAP_PRIVATE | MAP_ANONYMOUS;
    char *r = mmap(0, MB, PROT_READ | PROT_WRITE, anon, -1, 0);
    char *island = r + 512 * 1024;
    long s = sct_check("sc_create", sc_create("island", 0));
    sct_check("sc_attach", sc_attach(s, 0, 0));
    printf("hole made: %s\n", err(munmap(island, ISLAND)));
    long a = sc_mmap(s, island, ISLAND, PROT_READ | PROT_WRITE, anon | MAP_FIXED, -1, 0);
    printf("island mapped in the hole: %s\n", yn(a == (long) island));
    sct_poke(s, island, 77);
    printf("munmap of the whole region by the root: %s\n", err(munmap(r, MB)));
    printf("island still there: %s\n", err(sc_owner(island)));
    int bad = 0;
    /* hints at the island: placed elsewhere (then unmapped again) */
    void *h = mmap(r, MB, PROT_READ, anon, -1, 0);
    bad += h == MAP_FAILED || overlaps(h, MB, island, ISLAND);
    munmap(h, MB);
    h = mmap(island, PAGE, PROT_READ, anon, -1, 0);
    bad += h == MAP_FAILED || overlaps(h, PAGE, island, ISLAND);
    munmap(h, PAGE);
    h = mmap(island + ISLAND - PAGE, 2 * PAGE, PROT_READ, anon, -1, 0);
    bad += h == MAP_FAILED || overlaps(h, 2 * PAGE, island, ISLAND);
    munmap(h, 2 * PAGE);
    for (int i = 0; i < 400; i++) {
        char *m = mmap(0, PAGE, PROT_READ, anon, -1, 0);
        if (m == MAP_FAILED || overlaps(m, PAGE, island, ISLAND)) bad++;
    }
    for (int i = 0; i < 20; i++) {
        char *m = mmap(0, 24 * PAGE, PROT_READ, anon, -1, 0);
        if (m == MAP_FAILED || overlaps(m, 24 * PAGE, island, ISLAND)) bad++;
    }
    printf("mappings overlapping the island: %d\n", bad);
    /* the region again, page by page with MAP_FIXED_NOREPLACE: everything but the island is free */
    munmap(r, MB);
    int fresh = 0, refused = 0, other = 0;
    for (char *a = r; a < r + MB; a += PAGE) {
        void *m = mmap(a, PAGE, PROT_READ, anon | MAP_FIXED_NOREPLACE, -1, 0);
        if (m == a) fresh++;
        else if (m == MAP_FAILED && errno == EEXIST) refused++;
        else other++;
    }
    printf("pages of the region mapped again: %d, refused with EEXIST: %d, other: %d\n", fresh, refused, other);
    printf("island intact: %s\n", yn(sct_peek(s, island) == 77));
    return 0;
}
