/* Mixed benchmark: LZ77 compression/decompression of generated text and a
 * small bytecode interpreter.  Prints sizes and checksums. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t fnv(const uint8_t *p, size_t n) { uint64_t h = 1469598103934665603ULL; while (n--) { h ^= *p++; h *= 1099511628211ULL; } return h; }

/* LZ77 with a hash of 3-byte prefixes; token format: literal run or match. */
static size_t compress(const uint8_t *in, size_t n, uint8_t *out)
{
    enum { HB = 14, WIN = 65535 };
    static int32_t head[1 << HB];
    memset(head, -1, sizeof head);
    size_t i = 0, o = 0, lit_start = 0;
    while (i + 3 <= n) {
        uint32_t h = ((uint32_t)in[i] << 16 | in[i + 1] << 8 | in[i + 2]) * 2654435761u >> (32 - HB);
        int32_t cand = head[h];
        head[h] = (int32_t)i;
        size_t len = 0;
        if (cand >= 0 && i - (size_t)cand <= WIN)
            while (i + len < n && len < 258 && in[cand + len] == in[i + len]) len++;
        if (len >= 4) {
            while (lit_start < i) {
                size_t run = i - lit_start > 127 ? 127 : i - lit_start;
                out[o++] = (uint8_t)run;
                memcpy(out + o, in + lit_start, run);
                o += run; lit_start += run;
            }
            size_t dist = i - (size_t)cand;
            out[o++] = 0x80 | (uint8_t)((len - 4) >> 8);
            out[o++] = (uint8_t)(len - 4);
            out[o++] = (uint8_t)(dist >> 8);
            out[o++] = (uint8_t)dist;
            i += len;
            lit_start = i;
        } else i++;
    }
    while (lit_start < n) {
        size_t run = n - lit_start > 127 ? 127 : n - lit_start;
        out[o++] = (uint8_t)run;
        memcpy(out + o, in + lit_start, run);
        o += run; lit_start += run;
    }
    return o;
}

static size_t decompress(const uint8_t *in, size_t n, uint8_t *out)
{
    size_t i = 0, o = 0;
    while (i < n) {
        uint8_t t = in[i++];
        if (t & 0x80) {
            size_t len = ((size_t)(t & 0x7f) << 8 | in[i]) + 4;
            size_t dist = (size_t)in[i + 1] << 8 | in[i + 2];
            i += 3;
            for (size_t k = 0; k < len; k++, o++) out[o] = out[o - dist];
        } else {
            memcpy(out + o, in + i, t);
            i += t; o += t;
        }
    }
    return o;
}

/* bytecode VM: stack machine */
enum { PUSH, ADD, SUB, MUL, MOD, DUP, SWAP, JNZ, LOAD, STORE, HALT, LT, JMP, DROP };

static int64_t run(const int64_t *code)
{
    int64_t st[64], vars[8] = {0};
    int sp = 0, pc = 0;
    for (;;) {
        int64_t op = code[pc++];
        switch (op) {
        case PUSH: st[sp++] = code[pc++]; break;
        case ADD: sp--; st[sp - 1] += st[sp]; break;
        case SUB: sp--; st[sp - 1] -= st[sp]; break;
        case MUL: sp--; st[sp - 1] *= st[sp]; break;
        case MOD: sp--; st[sp - 1] %= st[sp]; break;
        case DUP: st[sp] = st[sp - 1]; sp++; break;
        case SWAP: { int64_t t = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = t; } break;
        case JNZ: sp--; if (st[sp]) pc = (int)code[pc]; else pc++; break;
        case JMP: pc = (int)code[pc]; break;
        case LOAD: st[sp++] = vars[code[pc++]]; break;
        case STORE: vars[code[pc++]] = st[--sp]; break;
        case LT: sp--; st[sp - 1] = st[sp - 1] < st[sp]; break;
        case DROP: sp--; break;
        case HALT: return vars[1];
        }
    }
}

int main(void)
{
    size_t n = 6u << 20;
    uint8_t *text = malloc(n), *comp = malloc(n + n / 64 + 16), *back = malloc(n);
    static const char *words[] = { "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "subcons", "emulates",
                                   "riscv", "linux", "programs", "in", "java", "with", "a", "kernel", "and", "machine" };
    uint64_t r = 12345;
    size_t p = 0;
    while (p < n) {
        r = r * 6364136223846793005ULL + 1442695040888963407ULL;
        const char *w = words[(r >> 33) % 20];
        while (*w && p < n) text[p++] = (uint8_t)*w++;
        if (p < n) text[p++] = (r >> 40) % 11 == 0 ? '\n' : ' ';
    }
    size_t cn = 0, dn = 0;
    for (int rep = 0; rep < 3; rep++) {
        cn = compress(text, n, comp);
        dn = decompress(comp, cn, back);
    }
    printf("lz77: %zu -> %zu bytes, roundtrip %s\n", n, cn, dn == n && memcmp(text, back, n) == 0 ? "ok" : "BAD");
    printf("compressed hash: %016llx\n", (unsigned long long)fnv(comp, cn));
    /* i=0; acc=0; while (i < N) { acc = (acc*31 + i) % 1000000007; i++ } */
    int64_t prog[] = { PUSH, 0, STORE, 0, PUSH, 0, STORE, 1,
                       /* 8: */ LOAD, 0, PUSH, 8000000, LT, JNZ, 16, HALT,
                       /* 16: */ LOAD, 1, PUSH, 31, MUL, LOAD, 0, ADD, PUSH, 1000000007, MOD, STORE, 1,
                       LOAD, 0, PUSH, 1, ADD, STORE, 0, JMP, 8 };
    printf("vm result: %lld\n", (long long)run(prog));
    free(text); free(comp); free(back);
    return 0;
}
