/* SPEC 2: a legacy program only ever sees its root subcon and never knows the others
 * exist, except as holes in its map. /proc/self/maps read by the root lists its own
 * mappings (its stack, its code) but nothing of a server's or another data subcon's. */
#include "sct.h"

static int listed(const char *maps, unsigned long addr) {
    const char *p = maps;
    while (*p) {
        unsigned long a, b;
        if (sscanf(p, "%lx-%lx", &a, &b) == 2 && a <= addr && addr < b) return 1;
        p = strchr(p, '\n');
        if (!p) break;
        p++;
    }
    return 0;
}

int main(int argc, char **argv) {
    struct sc_load l;
    sct_server_entry(argv[0], "server", 0, &l);
    void *d;
    sct_data("data", 1, PROT_READ | PROT_WRITE, &d);
    static char maps[65536];
    int fd = open("/proc/self/maps", O_RDONLY);
    long n = 0, r;
    while ((r = read(fd, maps + n, sizeof maps - 1 - n)) > 0) n += r;
    maps[n] = 0;
    long local;
    printf("the root's stack listed: %s\n", yn(listed(maps, (unsigned long) &local)));
    printf("the root's code listed: %s\n", yn(listed(maps, (unsigned long) main)));
    printf("the server's code listed: %s\n", yn(listed(maps, l.entry)));
    printf("the data subcon listed: %s\n", yn(listed(maps, (unsigned long) d)));
    return 0;
}
