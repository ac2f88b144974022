/*
 * Bad pointers under 'policy ro:$CWD rw:$CWD/out': the policy copies path strings out of the
 * program's memory itself, and must answer as Linux does (EFAULT, ENAMETOOLONG, ENOENT)
 * without faulting, and without reading for the program memory it may not read.
 */
#include "policy_t.h"
#include <linux/openat2.h>
#include <sys/mman.h>
#pragma GCC diagnostic ignored "-Wnonnull"

int main(void) {
    setvbuf(stdout, 0, _IONBF, 0);
    res("open(NULL)", open(NULL, O_RDONLY));
    res("open(0x1000)", open((char *) 0x1000, O_RDONLY));
    res("open(-1)", open((char *) -1L, O_RDONLY));
    res("open(\"\")", open("", O_RDONLY));
    res("mkdir(\"\")", mkdir("", 0755));
    /* a string running into an unmapped page */
    char *two = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(two + 4096, 4096);
    memset(two, 'a', 4096);
    res("open(string running off its page)", open(two, O_RDONLY));
    memcpy(two + 4090, "out/", 4);
    two[4095] = 0;
    /* paths of 4096 bytes (too long) and 4095 (the longest allowed): "out/./././..." */
    res("mkdir out", mkdir("out", 0755));
    char *longp = malloc(8192);
    strcpy(longp, "out");
    for (int i = 3; i < 4096; i += 2) memcpy(longp + i, "/.", 2);
    longp[4096] = 0;
    res("open(4096-byte path)", open(longp, O_RDONLY));
    longp[4095] = 0;
    res("open(4095-byte path)", open(longp, O_RDONLY));
    memset(longp, 'b', 4095);
    memcpy(longp, "out/", 4);
    res("create(4095-byte path, one long component)", open(longp, O_WRONLY | O_CREAT, 0644));
    res("stat(NULL buffer)", stat(".", NULL));
    res("rename(out, NULL)", rename("out", NULL));
    res("rename(nonexistent/x, NULL)", rename("nonexistent/x", NULL));
    res("symlink(NULL, out/l)", symlink(NULL, "out/l"));
    res("symlink(NULL, nonexistent/l)", symlink(NULL, "nonexistent/l"));
    res("link(out, NULL)", link("out", NULL));
    struct open_how *how = (struct open_how *) (two + 4096 - 8);     /* runs off the page */
    res("openat2(how running off its page)", syscall(SYS_openat2, AT_FDCWD, "out", how, sizeof *how));
    res("openat2(how size 8)", syscall(SYS_openat2, AT_FDCWD, "out", two, 8));
    res("execve(NULL)", execve(NULL, NULL, NULL));
    /* a string in a page the program may not read itself */
    char *none = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    strcpy(none, "out");
    mprotect(none, 4096, PROT_NONE);
    res("open(string in a PROT_NONE page)", open(none, O_RDONLY));
    res("mkdir(string in a PROT_NONE page)", mkdir(none, 0755));
    res("still running", 0);
    return 0;
}
