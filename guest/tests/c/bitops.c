/* __builtin_popcount/clz/ctz/parity/bswap/ffs over many inputs. */
#include "t.h"

static int ref_pop(uint64_t x) { int n = 0; while (x) { n += x & 1; x >>= 1; } return n; }
static int ref_clz(uint64_t x) { int n = 0; for (int i = 63; i >= 0 && !(x >> i & 1); i--) n++; return n; }
static int ref_ctz(uint64_t x) { int n = 0; while (!(x & 1)) { n++; x >>= 1; } return n; }

int main(void)
{
    uint64_t s = 99;
    int ok = 1;
    uint64_t acc = 0;
    for (int i = 0; i < 20000; i++) {
        uint64_t x = t_rand(&s) >> (i % 64);
        if (!x) x = 1;
        uint32_t w = (uint32_t)x;
        if (__builtin_popcountll(x) != ref_pop(x)) ok = 0;
        if (__builtin_clzll(x) != ref_clz(x)) ok = 0;
        if (__builtin_ctzll(x) != ref_ctz(x)) ok = 0;
        if (w && (__builtin_popcount(w) != ref_pop(w) || __builtin_clz(w) != ref_clz(w) - 32 || __builtin_ctz(w) != ref_ctz(w))) ok = 0;
        acc = acc * 31 + (uint64_t)__builtin_popcountll(x) + (uint64_t)__builtin_clzll(x) * 64 + (uint64_t)__builtin_ctzll(x) * 4096;
    }
    CHECK("popcount/clz/ctz agree with reference", ok);
    print_hex("checksum", acc);
    printf("popcount(0)=%d popcountll(~0)=%d\n", __builtin_popcount(0), __builtin_popcountll(~0ULL));
    printf("clz(1)=%d clzll(1)=%d ctz(0x80000000)=%d ctzll(1<<63)=%d\n", __builtin_clz(1), __builtin_clzll(1),
           __builtin_ctz(0x80000000u), __builtin_ctzll(1ULL << 63));
    printf("parity(7)=%d parityll(3)=%d ffs(0)=%d ffs(8)=%d ffsll(1<<40)=%d\n", __builtin_parity(7), __builtin_parityll(3),
           __builtin_ffs(0), __builtin_ffs(8), __builtin_ffsll(1LL << 40));
    print_hex("bswap64", __builtin_bswap64(0x0102030405060708ULL));
    print_hex32("bswap32", __builtin_bswap32(0xaabbccdd));
    printf("bswap16: 0x%04x\n", __builtin_bswap16(0x1234));
    printf("clrsb(-1)=%d clrsbll(1)=%d\n", __builtin_clrsb(-1), __builtin_clrsbll(1));
    /* rotates as the compiler recognizes them */
    uint64_t v = 0x8000000000000001ULL;
    volatile int k = 5;
    print_hex("rotl(v,5)", (v << k) | (v >> (64 - k)));
    uint32_t v32 = 0x80000001u;
    print_hex32("rotr32(v,5)", (v32 >> k) | (v32 << (32 - k)));
    return 0;
}
