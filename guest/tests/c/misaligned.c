/* Misaligned loads/stores of every width (integer and FP) at every offset.
 * Linux user mode allows them (emulated by the kernel/firmware if needed). */
#include "t.h"

int main(void)
{
    static uint8_t buf[64] __attribute__((aligned(16)));
    for (int i = 0; i < 64; i++) buf[i] = (uint8_t)(0xf0 - i * 7);
    uint64_t acc = 0;
    for (int off = 0; off < 8; off++) {
        uint8_t *p = buf + 8 + off;
        uint64_t h, hu, w, wu, d;
        __asm__ volatile("lh %0, 0(%1)" : "=r"(h) : "r"(p));
        __asm__ volatile("lhu %0, 0(%1)" : "=r"(hu) : "r"(p));
        __asm__ volatile("lw %0, 0(%1)" : "=r"(w) : "r"(p));
        __asm__ volatile("lwu %0, 0(%1)" : "=r"(wu) : "r"(p));
        __asm__ volatile("ld %0, 0(%1)" : "=r"(d) : "r"(p));
        printf("off %d: lh=%016llx lhu=%016llx lw=%016llx lwu=%016llx ld=%016llx\n", off, (unsigned long long)h,
               (unsigned long long)hu, (unsigned long long)w, (unsigned long long)wu, (unsigned long long)d);
        float f;
        double dd;
        __asm__ volatile("flw %0, 0(%1)" : "=f"(f) : "r"(p));
        __asm__ volatile("fld %0, 0(%1)" : "=f"(dd) : "r"(p));
        uint32_t fb;
        uint64_t db;
        memcpy(&fb, &f, 4);
        memcpy(&db, &dd, 8);
        printf("       flw=%08x fld=%016llx\n", fb, (unsigned long long)db);
        acc ^= h + hu + w + wu + d + fb + db;
    }
    uint64_t v = 0x1122334455667788ULL;
    for (int off = 0; off < 8; off++) {
        memset(buf, 0, sizeof buf);
        uint8_t *p = buf + 8 + off;
        __asm__ volatile("sh %1, 0(%0)" :: "r"(p), "r"(v) : "memory");
        __asm__ volatile("sw %1, 4(%0)" :: "r"(p), "r"(v) : "memory");
        __asm__ volatile("sd %1, 12(%0)" :: "r"(p), "r"(v) : "memory");
        double dv;
        float fv;
        uint64_t bits = 0xa1b2c3d4e5f60718ULL;
        uint32_t fbits = 0x9abcdef0u;
        memcpy(&dv, &bits, 8);
        memcpy(&fv, &fbits, 4);
        __asm__ volatile("fsd %1, 24(%0)" :: "r"(p), "f"(dv) : "memory");
        __asm__ volatile("fsw %1, 36(%0)" :: "r"(p), "f"(fv) : "memory");
        printf("store off %d: ", off);
        for (int i = 8; i < 52; i++) printf("%02x", buf[i]);
        printf("\n");
    }
    /* a misaligned access crossing a page boundary */
    static uint8_t pg[8192] __attribute__((aligned(4096)));
    for (int i = 0; i < 16; i++) pg[4088 + i] = (uint8_t)(i + 1);
    uint64_t x;
    __asm__ volatile("ld %0, 0(%1)" : "=r"(x) : "r"(pg + 4093));
    print_hex("ld across page boundary", x);
    __asm__ volatile("sd %1, 0(%0)" :: "r"(pg + 4095), "r"(v) : "memory");
    __asm__ volatile("ld %0, 0(%1)" : "=r"(x) : "r"(pg + 4095));
    print_hex("sd/ld across page boundary", x);
    print_hex("accumulated", acc);
    return 0;
}
