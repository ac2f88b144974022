/* SPEC 9: sctls is one word per thread per subcon, visible only to code in that subcon.
 * The root's value is untouched by the server's (the scrt stub keeps its stack record
 * there) and by a code subcon's; a code subcon starts at 0 and keeps what it wrote; a new
 * thread starts at 0 in every subcon and has its own words. */
#include "sct.h"

SCT_BLOB(code, "csrr a0, 0x8c0\n ret\n"
               ".balign 16\n csrw 0x8c0, a0\n ret\n");

static struct sc_load l;
static char *b;
static long main_server_tls;

static long get(void) { return ((long (*)(void)) b)(); }
static void set(long v) { ((void (*)(long)) (b + 16))(v); }

static void *thread(void *arg) {
    printf("thread: root sctls starts at 0: %s\n", yn(sc_get_sctls() == 0));
    sc_set_sctls(0x5555);
    printf("thread: code subcon's sctls starts at 0: %s\n", yn(get() == 0));
    set(88);
    printf("thread: code subcon keeps its value: %s\n", yn(get() == 88));
    long st = CALL(l, OP_SCTLS);
    printf("thread: server's sctls is its own: %s\n", yn(st != 0 && st != main_server_tls && st != 0x5555));
    printf("thread: root keeps its value: %s\n", yn(sc_get_sctls() == 0x5555));
    return 0;
}

int main(int argc, char **argv) {
    long me = sc_self();
    sct_server_entry(argv[0], "server", 0, &l);
    void *p;
    long c = sct_code("code", code, code_end, &p);
    b = p;
    sc_entry(c, me, b, 1);
    sc_entry(c, me, b + 16, 1);
    printf("root sctls starts at 0: %s\n", yn(sc_get_sctls() == 0));
    sc_set_sctls(0x1234);
    printf("root reads its value: %s\n", yn(sc_get_sctls() == 0x1234));
    main_server_tls = CALL(l, OP_SCTLS);
    printf("server's sctls is its own: %s\n", yn(main_server_tls != 0 && main_server_tls != 0x1234));
    printf("root keeps its value: %s\n", yn(sc_get_sctls() == 0x1234));
    printf("code subcon's sctls starts at 0: %s\n", yn(get() == 0));
    set(77);
    printf("code subcon keeps its value: %s\n", yn(get() == 77));
    printf("root keeps its value: %s\n", yn(sc_get_sctls() == 0x1234));
    fflush(stdout);
    pthread_t t;
    pthread_create(&t, 0, thread, 0);
    pthread_join(t, 0);
    fflush(stdout);
    printf("main: code subcon still 77: %s\n", yn(get() == 77));
    printf("main: server's sctls unchanged: %s\n", yn(CALL(l, OP_SCTLS) == main_server_tls));
    printf("main: root still 0x1234: %s\n", yn(sc_get_sctls() == 0x1234));
    return 0;
}
