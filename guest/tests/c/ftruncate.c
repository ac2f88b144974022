/* ftruncate/truncate grow and shrink. */
#include "t.h"
#include <sys/stat.h>

static long long sz(const char *p) { struct stat st; stat(p, &st); return (long long)st.st_size; }

int main(void)
{
    int fd = open("t.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "abcdefghij", 10);
    CHECK("ftruncate to 4", ftruncate(fd, 4) == 0 && sz("t.bin") == 4);
    CHECK("offset not changed by ftruncate", lseek(fd, 0, SEEK_CUR) == 10);
    CHECK("ftruncate grow to 8192", ftruncate(fd, 8192) == 0 && sz("t.bin") == 8192);
    char buf[8192];
    pread(fd, buf, sizeof buf, 0);
    int z = 1;
    for (int i = 4; i < 8192; i++) if (buf[i]) z = 0;
    CHECK("grown part reads as zero", z && memcmp(buf, "abcd", 4) == 0);
    CHECK("truncate by path to 2", truncate("t.bin", 2) == 0 && sz("t.bin") == 2);
    CHECK("ftruncate negative -> EINVAL", ftruncate(fd, -1) == -1 && errno == EINVAL);
    int ro = open("t.bin", O_RDONLY);
    CHECK("ftruncate on O_RDONLY -> EINVAL or EBADF", ftruncate(ro, 0) == -1 && (errno == EINVAL || errno == EBADF));
    CHECK("truncate missing -> ENOENT", truncate("nope", 0) == -1 && errno == ENOENT);
    mkdir("dd", 0755);
    CHECK("truncate dir -> EISDIR", truncate("dd", 0) == -1 && errno == EISDIR);
    CHECK("ftruncate to 0", ftruncate(fd, 0) == 0 && sz("t.bin") == 0);
    write(fd, "X", 1);
    CHECK("write after truncate at old offset makes hole", sz("t.bin") == 11);
    return 0;
}
