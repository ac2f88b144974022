/* getrandom with flags 0 and GRND_NONBLOCK, bad flags. */
#include "t.h"
#include <sys/random.h>

static int nonzero(const unsigned char *b, size_t n) { for (size_t i = 0; i < n; i++) if (b[i]) return 1; return 0; }

int main(void)
{
    unsigned char a[32] = {0}, b[32] = {0};
    CHECK("getrandom(32, 0) returns 32", getrandom(a, 32, 0) == 32);
    CHECK("filled 32 bytes, not all zero", nonzero(a, 32));
    CHECK("getrandom(32, GRND_NONBLOCK) returns 32", getrandom(b, 32, GRND_NONBLOCK) == 32);
    CHECK("two calls differ", memcmp(a, b, 32) != 0);
    static unsigned char big[4096];
    CHECK("getrandom 4096", getrandom(big, sizeof big, 0) == 4096);
    int hist[256] = {0};
    for (int i = 0; i < 4096; i++) hist[big[i]]++;
    int maxc = 0;
    for (int i = 0; i < 256; i++) if (hist[i] > maxc) maxc = hist[i];
    CHECK("no byte value over 60/4096 times", maxc <= 60);
    CHECK("GRND_RANDOM ok", getrandom(a, 16, GRND_RANDOM | GRND_NONBLOCK) > 0 || errno == EAGAIN);
    CHECK("length 0 returns 0", getrandom(a, 0, 0) == 0);
    CHECK("bad flags -> EINVAL", getrandom(a, 16, 0x80) == -1 && errno == EINVAL);
    CHECK("bad buffer -> EFAULT", syscall(SYS_getrandom, (void *)8, 16, 0) == -1 && errno == EFAULT);
    return 0;
}
