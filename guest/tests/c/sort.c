/* qsort on ints/strings/structs, a hand-written merge sort, bsearch. */
#include "t.h"

static int cmp_int(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
struct rec { int key; int seq; };
static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    if (x->key != y->key) return (x->key > y->key) - (x->key < y->key);
    return (x->seq > y->seq) - (x->seq < y->seq);
}
static void msort(int64_t *a, int64_t *tmp, size_t n)
{
    if (n < 2) return;
    size_t m = n / 2;
    msort(a, tmp, m);
    msort(a + m, tmp, n - m);
    size_t i = 0, j = m, k = 0;
    while (i < m && j < n) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
    while (i < m) tmp[k++] = a[i++];
    while (j < n) tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

int main(void)
{
    uint64_t s = 42;
    static int v[50000];
    for (int i = 0; i < 50000; i++) v[i] = (int)(t_rand(&s) % 200001) - 100000;
    qsort(v, 50000, sizeof v[0], cmp_int);
    int sorted = 1;
    for (int i = 1; i < 50000; i++) if (v[i - 1] > v[i]) sorted = 0;
    CHECK("qsort 50000 ints sorted", sorted);
    printf("min=%d median=%d max=%d\n", v[0], v[25000], v[49999]);
    print_hex("hash", fnv1a(v, sizeof v));
    int key = v[31234];
    int *f = bsearch(&key, v, 50000, sizeof v[0], cmp_int);
    CHECK("bsearch finds element", f && *f == key);
    key = 100001;
    CHECK("bsearch misses absent", bsearch(&key, v, 50000, sizeof v[0], cmp_int) == NULL);

    static int64_t w[40000], tmp[40000];
    for (int i = 0; i < 40000; i++) w[i] = (int64_t)t_rand(&s);
    msort(w, tmp, 40000);
    sorted = 1;
    for (int i = 1; i < 40000; i++) if (w[i - 1] > w[i]) sorted = 0;
    CHECK("merge sort 40000 int64 sorted", sorted);
    print_hex("hash", fnv1a(w, sizeof w));

    const char *words[] = { "pear", "apple", "fig", "banana", "cherry", "date", "elderberry", "grape", "Apple", "apple pie", "" };
    int nw = sizeof words / sizeof words[0];
    qsort(words, nw, sizeof words[0], cmp_str);
    printf("words:");
    for (int i = 0; i < nw; i++) printf(" '%s'", words[i]);
    printf("\n");

    static struct rec r[10000];
    for (int i = 0; i < 10000; i++) { r[i].key = (int)(t_rand(&s) % 50); r[i].seq = i; }
    qsort(r, 10000, sizeof r[0], cmp_rec);
    int ok = 1;
    for (int i = 1; i < 10000; i++)
        if (r[i - 1].key > r[i].key || (r[i - 1].key == r[i].key && r[i - 1].seq > r[i].seq)) ok = 0;
    CHECK("struct sort with tie-break", ok);
    print_hex("hash", fnv1a(r, sizeof r));
    /* already sorted and reversed inputs */
    for (int i = 0; i < 50000; i++) v[i] = 50000 - i;
    qsort(v, 50000, sizeof v[0], cmp_int);
    CHECK("reversed input sorted", v[0] == 1 && v[49999] == 50000);
    return 0;
}
