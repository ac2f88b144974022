/* SPEC 5: control is transitive (S controls X iff S is X's controller or controls X's
 * controller) and has no cycles: sc_control that would make one fails with EINVAL; an
 * unknown sid gives ESRCH. A subcon may be made its own controller; then its former
 * controllers lose control of it and of everything it controls. */
#include "sct.h"

static long me;

static const char *ctl(long sid) {
    struct sc_info i;
    long r = sc_info(sid, &i);
    if (r < 0) return err(r);
    if (i.controller == me) return "root";
    if (i.controller == sid) return "itself";
    static char b[4][64];
    static int n;
    char *o = b[n++ & 3];
    struct sc_info c;
    sc_info(i.controller, &c);
    snprintf(o, 64, "%s", c.name);
    return o;
}

/* sc_mmap of one page into sid: "0" when it maps, else the error. */
static const char *map(long sid) {
    long r = sc_mmap(sid, 0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return r > 0 ? "0" : err(r);
}

int main(void) {
    me = sc_self();
    long x = sc_create("x", 0), y = sc_create("y", 0), z = sc_create("z", 0);
    struct sc_info ri;
    sc_info(me, &ri);
    printf("the root controls itself: %s\n", yn(ri.controller == me));
    printf("created subcons are controlled by their creator: %s %s %s\n", ctl(x), ctl(y), ctl(z));
    printf("y to x: %s\n", err(sc_control(y, x)));
    printf("z to y: %s\n", err(sc_control(z, y)));
    printf("controllers: x %s, y %s, z %s\n", ctl(x), ctl(y), ctl(z));
    printf("x to z (cycle x z y): %s\n", err(sc_control(x, z)));
    printf("x to y (cycle x y): %s\n", err(sc_control(x, y)));
    printf("root to x (cycle root x): %s\n", err(sc_control(me, x)));
    printf("x to no such sid: %s\n", err(sc_control(x, 1000000)));
    printf("no such sid to x: %s\n", err(sc_control(1000000, x)));
    printf("controllers unchanged: x %s, y %s, z %s\n", ctl(x), ctl(y), ctl(z));
    printf("the root controls z through y and x: map %s, grant %s\n", map(z), err(sc_grant(z, me, SC_R)));
    printf("z back to root: %s\n", err(sc_control(z, me)));
    printf("x to itself: %s\n", err(sc_control(x, x)));
    printf("controllers: x %s, y %s, z %s\n", ctl(x), ctl(y), ctl(z));
    printf("the root lost x: map %s, grant %s, control %s\n", map(x), err(sc_grant(x, me, SC_R)), err(sc_control(x, me)));
    printf("the root lost y: map %s, grant %s, control %s\n", map(y), err(sc_grant(y, me, SC_R)), err(sc_control(y, me)));
    printf("the root keeps z: map %s\n", map(z));
    return 0;
}
