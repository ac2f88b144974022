/* sc_load and sc_mmap(NULL) into a subcon not attached anywhere yet choose addresses free
 * in the caller's context too, so the usual order create, load, attach works, twice, even
 * after the client has mapped memory of its own. */
#include "sct.h"

int main(int argc, char **argv) {
    char path[512];
    snprintf(path, sizeof path, "%s.server", argv[0]);
    void *mine = mmap(0, 16 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("own mapping: %s\n", yn(mine != MAP_FAILED));
    long me = sc_self();
    struct sc_load l[2];
    for (int i = 0; i < 2; i++) {
        long s = sct_check("sc_create", sc_create(i ? "second" : "first", 0));
        printf("load %d before attach: %s\n", i, err(sc_load(s, path, &l[i])));
        long d = sc_mmap(s, 0, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        printf("map %d before attach: %s\n", i, d > 0 ? "ok" : err(d));
        printf("attach %d: %s\n", i, err(sc_attach(s, 0, 0)));
        printf("entry %d: %s\n", i, err(sc_entry(s, me, (void *) l[i].entry, 1)));
        printf("copy %d runs: %s\n", i, yn(CALL(l[i], OP_ADD, 20, i) == 20 + i));
    }
    return 0;
}
