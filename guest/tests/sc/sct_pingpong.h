/* Two subcons, ping and pong, with the same recursive code: f(n, other, self) returns n
 * by calling other(n - 1, self, other) through a point entry until n is 0, so a call
 * f(n) from the root holds n + 1 frames on the trusted stack at its deepest. They keep
 * their return addresses on the caller's (the root's) stack, so both hold RW over the root. */
SCT_BLOB(pp_code,
         "beqz a0, 1f\n"
         "addi sp, sp, -16\n sd ra, 8(sp)\n"
         "addi a0, a0, -1\n mv t0, a1\n mv a1, a2\n mv a2, t0\n"
         "jalr t0\n"
         "ld ra, 8(sp)\n addi sp, sp, 16\n addi a0, a0, 1\n"
         "1: ret\n");

static void *pp_ping, *pp_pong;

static void pp_setup(void) {
    long me = sc_self();
    long a = sct_code("ping", pp_code, pp_code_end, &pp_ping);
    long b = sct_code("pong", pp_code, pp_code_end, &pp_pong);
    sct_check("grant", sc_grant(me, a, SC_R | SC_W));
    sct_check("grant", sc_grant(me, b, SC_R | SC_W));
    sct_check("entry", sc_entry(a, me, pp_ping, 1));
    sct_check("entry", sc_entry(b, a, pp_pong, 1));
    sct_check("entry", sc_entry(a, b, pp_ping, 1));
}

/* A call from the root that holds `frames` frames at its deepest. */
static long pp_frames(long frames) {
    return ((long (*)(long, void *, void *)) pp_ping)(frames - 1, pp_pong, pp_ping) + 1;
}
