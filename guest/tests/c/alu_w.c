/* Shifts (incl. amounts >= 32 for W forms, masking of shift amounts),
 * sign extension of W results, SLT/SLTU/SLTI/SLTIU. */
#include "t.h"

#define R3(insn) static uint64_t f_##insn(uint64_t a, uint64_t b) { uint64_t r; __asm__(#insn " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); return r; }
R3(sll) R3(srl) R3(sra) R3(sllw) R3(srlw) R3(sraw) R3(addw) R3(subw) R3(slt) R3(sltu) R3(add) R3(sub) R3(xor) R3(or) R3(and)

int main(void)
{
    uint64_t vals[] = { 0x8000000000000001ULL, 0x00000000deadbeefULL, 0x123456789abcdef0ULL, 0x0000000080000000ULL };
    unsigned amts[] = { 0, 1, 31, 32, 33, 63, 64, 65, 95, 127, 0xffffffe0u };
    for (unsigned i = 0; i < 4; i++) {
        uint64_t x = vals[i];
        for (unsigned k = 0; k < sizeof amts / sizeof amts[0]; k++) {
            uint64_t s = amts[k];
            printf("x=%016llx s=%-10u sll=%016llx srl=%016llx sra=%016llx sllw=%016llx srlw=%016llx sraw=%016llx\n",
                   (unsigned long long)x, (unsigned)s, (unsigned long long)f_sll(x, s), (unsigned long long)f_srl(x, s),
                   (unsigned long long)f_sra(x, s), (unsigned long long)f_sllw(x, s), (unsigned long long)f_srlw(x, s),
                   (unsigned long long)f_sraw(x, s));
        }
    }
    uint64_t r;
    __asm__("slliw %0, %1, 31" : "=r"(r) : "r"(1ULL)); print_hex("slliw 1,31", r);
    __asm__("srliw %0, %1, 0" : "=r"(r) : "r"(0xffffffff80000000ULL)); print_hex("srliw x,0 (sext)", r);
    __asm__("srliw %0, %1, 1" : "=r"(r) : "r"(0xffffffff80000000ULL)); print_hex("srliw x,1", r);
    __asm__("sraiw %0, %1, 4" : "=r"(r) : "r"(0x0000000080000000ULL)); print_hex("sraiw 0x80000000,4", r);
    __asm__("slli %0, %1, 63" : "=r"(r) : "r"(3ULL)); print_hex("slli 3,63", r);
    __asm__("srai %0, %1, 63" : "=r"(r) : "r"(0x8000000000000000ULL)); print_hex("srai min,63", r);
    __asm__("srli %0, %1, 63" : "=r"(r) : "r"(0x8000000000000000ULL)); print_hex("srli min,63", r);
    print_hex("addw 0x7fffffff+1", f_addw(0x7fffffff, 1));
    print_hex("addw ignores upper", f_addw(0xffffffff00000001ULL, 0x1234567800000002ULL));
    print_hex("subw 0-1", f_subw(0, 1));
    print_hex("subw 0x80000000-1", f_subw(0x80000000ULL, 1));
    __asm__("addiw %0, %1, -1" : "=r"(r) : "r"(0x100000000ULL)); print_hex("addiw 2^32,-1", r);
    __asm__("addiw %0, %1, 0" : "=r"(r) : "r"(0x00000000ffffffffULL)); print_hex("sext.w 0xffffffff", r);
    __asm__("addiw %0, %1, 0" : "=r"(r) : "r"(0xabcdef017fffffffULL)); print_hex("sext.w 0x...7fffffff", r);
    __asm__("addi %0, %1, -2048" : "=r"(r) : "r"(0ULL)); print_hex("addi 0,-2048", r);
    __asm__("xori %0, %1, -1" : "=r"(r) : "r"(0x0f0f0f0f0f0f0f0fULL)); print_hex("xori -1 (not)", r);
    __asm__("andi %0, %1, -16" : "=r"(r) : "r"(0x123456789abcdefULL)); print_hex("andi -16", r);
    __asm__("ori %0, %1, 0x7ff" : "=r"(r) : "r"(0x8000000000000000ULL)); print_hex("ori 0x7ff", r);
    print_hex("add wrap", f_add(0x7fffffffffffffffULL, 1));
    print_hex("sub wrap", f_sub(0x8000000000000000ULL, 1));
    print_hex("xor/or/and", f_xor(0xff00ff00ff00ff00ULL, 0x0ff00ff00ff00ff0ULL) ^ f_or(1, 2) ^ f_and(0xf0, 0x3c));

    int64_t sv[] = { INT64_MIN, -1, 0, 1, INT64_MAX };
    printf("slt/sltu matrix:");
    for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++)
        printf(" %llu%llu", (unsigned long long)f_slt(sv[i], sv[j]), (unsigned long long)f_sltu(sv[i], sv[j]));
    printf("\n");
    __asm__("slti %0, %1, -1" : "=r"(r) : "r"(-2LL)); printf("slti -2<-1: %llu\n", (unsigned long long)r);
    __asm__("slti %0, %1, 2047" : "=r"(r) : "r"(2047LL)); printf("slti 2047<2047: %llu\n", (unsigned long long)r);
    __asm__("sltiu %0, %1, -1" : "=r"(r) : "r"(0xfffffffffffffffeULL)); printf("sltiu 2^64-2 <u (imm -1 = 2^64-1): %llu\n", (unsigned long long)r);
    __asm__("sltiu %0, %1, 1" : "=r"(r) : "r"(0ULL)); printf("seqz 0: %llu\n", (unsigned long long)r);
    __asm__("sltu %0, zero, %1" : "=r"(r) : "r"(5ULL)); printf("snez 5: %llu\n", (unsigned long long)r);
    __asm__("li %0, 0\n\tadd zero, %0, %0\n\taddi %0, zero, 5" : "=&r"(r)); printf("writes to x0 ignored, x0=0: %llu\n", (unsigned long long)r);
    return 0;
}
