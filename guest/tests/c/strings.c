/* memcpy/memmove/memset/memcmp/strlen/strcmp/strchr/... over many sizes and
 * alignments, checked against naive reference implementations. */
#include "t.h"

static size_t ref_strlen(const char *s) { size_t n = 0; while (s[n]) n++; return n; }
static int sgn(int x) { return (x > 0) - (x < 0); }
static int ref_cmp(const unsigned char *a, const unsigned char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

int main(void)
{
    static unsigned char src[1024], dst[1024], ref[1024];
    uint64_t s = 7;
    int ok_cpy = 1, ok_move = 1, ok_set = 1, ok_cmp = 1, ok_len = 1, ok_scmp = 1, ok_chr = 1;
    for (int i = 0; i < 1024; i++) src[i] = (unsigned char)t_rand(&s);
    for (size_t n = 0; n < 300; n += (n < 40 ? 1 : 13)) {
        for (int sa = 0; sa < 8; sa++) for (int da = 0; da < 8; da++) {
            memset(dst, 0xEE, sizeof dst);
            memcpy(dst + da, src + sa, n);
            if (memcmp(dst + da, src + sa, n) != 0 || (da > 0 && dst[da - 1] != 0xEE) || dst[da + n] != 0xEE) ok_cpy = 0;
            /* memmove overlapping both directions */
            memcpy(ref, src, sizeof ref);
            memcpy(dst, src, sizeof dst);
            memmove(dst + 16 + da, dst + 16 + sa, n);
            for (size_t i = 0; i < n; i++) ref[16 + da + i] = src[16 + sa + i];
            if (memcmp(dst, ref, sizeof ref) != 0) ok_move = 0;
            memset(dst, 0, sizeof dst);
            memset(dst + da, sa + 1, n);
            for (size_t i = 0; i < sizeof dst; i++)
                if (dst[i] != ((i >= (size_t)da && i < da + n) ? sa + 1 : 0)) { ok_set = 0; break; }
        }
        for (int a = 0; a < 8; a++) {
            memcpy(dst + a, src, n);
            if (n) dst[a + (n * 7) / 10] ^= 0x80;
            if (sgn(memcmp(dst + a, src, n)) != ref_cmp(dst + a, src, n)) ok_cmp = 0;
            char str[400];
            memset(str, 'x', n);
            str[n] = 0;
            if (strlen(str) != n || ref_strlen(str) != n) ok_len = 0;
            char *p = (char *)dst + a;
            memcpy(p, str, n + 1);
            if (strlen(p) != n) ok_len = 0;
            if (strcmp(p, str) != 0) ok_scmp = 0;
            if (n) { p[n - 1] = 'y'; if (strcmp(p, str) <= 0 || strncmp(p, str, n - 1) != 0) ok_scmp = 0; }
            if (n) { if (strchr(p, 'y') != p + n - 1 || strrchr(p, 'x') != (n > 1 ? p + n - 2 : NULL)) ok_chr = 0; }
            if (memchr(p, 0, n + 1) != p + n) ok_chr = 0;
        }
    }
    CHECK("memcpy all sizes/alignments", ok_cpy);
    CHECK("memmove overlapping", ok_move);
    CHECK("memset", ok_set);
    CHECK("memcmp sign", ok_cmp);
    CHECK("strlen", ok_len);
    CHECK("strcmp/strncmp", ok_scmp);
    CHECK("strchr/strrchr/memchr", ok_chr);
    /* high-bit bytes compare unsigned */
    CHECK("strcmp unsigned chars", strcmp("\x80", "\x7f") > 0 && memcmp("\xff", "\x01", 1) > 0);
    char buf[128];
    strcpy(buf, "hello");
    strcat(buf, ", world");
    printf("strcat: %s\n", buf);
    CHECK("strncpy pads with NUL", (strncpy(buf, "ab", 6), buf[2] == 0 && buf[5] == 0));
    printf("strstr: %s\n", strstr("the needle in the haystack", "needle"));
    printf("strspn: %zu strcspn: %zu\n", strspn("aaabbbc", "ab"), strcspn("hello, world", ",;"));
    char tok[] = "a,b;;c,,d";
    printf("strtok:");
    for (char *t = strtok(tok, ",;"); t; t = strtok(NULL, ",;")) printf(" [%s]", t);
    printf("\n");
    printf("strcasecmp: %d %d\n", strcasecmp("HeLLo", "hello") == 0, strncasecmp("ABCx", "abcy", 3) == 0);
    char *d = strdup("duplicate");
    printf("strdup: %s strndup: %s\n", d, strndup("abcdef", 3));
    printf("memrchr: %td\n", (char *)memrchr("abcabc", 'b', 6) - "abcabc");
    printf("strnlen: %zu %zu\n", strnlen("abcdef", 3), strnlen("ab", 10));
    const char *big = "abcdefghijklmnopqrstuvwxyz";
    CHECK("memmem", memmem(big, 26, "xyz", 3) == big + 23);
    printf("strverscmp: %d\n", sgn(strverscmp("file10", "file9")));
    return 0;
}
