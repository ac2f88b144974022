/* SPEC 2: a subcon's mappings may be anything mmap can make, file-backed ones included.
 * A shared file mapping in a data subcon and another of the same file in the root see the
 * same pages: the root's stores through its own mapping and pwrite appear in the subcon's
 * (read with an R grant), which the root still may not write; a private file mapping in the
 * subcon reads the file. */
#include "sct.h"

int main(void) {
    long me = sc_self();
    int fd = open("sc_mmap_file.data", O_RDWR | O_CREAT | O_TRUNC, 0600);
    ftruncate(fd, 2 * PAGE);
    pwrite(fd, "hello", 5, 0);
    long x = sct_check("sc_create", sc_create("file", 0));
    sct_check("sc_attach", sc_attach(x, 0, 0));
    char *xs = (char *) sc_mmap(x, 0, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *xp = (char *) sc_mmap(x, 0, PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
    printf("shared and private file mappings in the subcon: %s\n", yn((long) xs > 0 && (long) xp > 0));
    char *rs = mmap(0, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    printf("owners: subcon %s, root %s\n", err(sc_owner(xs)), yn(sc_owner(rs) == me));
    printf("grant R: %s\n", err(sc_grant(x, me, SC_R)));
    printf("the subcon's mapping reads the file: %s\n", yn(memcmp(xs, "hello", 5) == 0));
    rs[100] = 'Z';
    printf("the root's store shows in the subcon's mapping: %s\n", yn(xs[100] == 'Z'));
    pwrite(fd, "W", 1, PAGE);
    printf("pwrite shows in the subcon's second page: %s\n", yn(xs[PAGE] == 'W'));
    printf("the private mapping reads the file: %s\n", yn(memcmp(xp, "hello", 5) == 0));
    printf("the root may write the subcon's mapping: %s\n", CANW(xs + 8, 1));
    printf("its bytes unchanged: %s\n", yn(rs[8] == 0));
    return 0;
}
