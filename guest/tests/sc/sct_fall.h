/* Two adjacent code pages in two subcons: a's page at P ends where b's page at P + 4096
 * begins. a_fall runs off the end of a's page (its last instruction is a nop) into b's
 * first instruction; a_branch gets there by a taken branch from a's last-but-one
 * instruction. Both first point ra at a_back in a, so b's `ret` returns into a (through
 * the frame the transfer pushed), and a returns to its caller. */
SCT_BLOB(apage,
         "a_fall: mv t1, ra\n lla ra, a_back\n j a_tail_fall\n"
         "a_branch: mv t1, ra\n lla ra, a_back\n li t2, 1\n j a_tail_branch\n"
         "a_back: mv ra, t1\n ret\n"
         ".org apage + 4088\n"
         "a_tail_branch: bnez t2, . + 8\n"
         "a_tail_fall: nop\n");
SCT_BLOB(bpage, "li a0, 42\n ret\n");
#define A_FALL 0
#define A_BRANCH 16

static char *fa, *fb;
static long sa, sb;

static void fall_setup(void) {
    long me = sc_self();
    int anon = MAP_PRIVATE | MAP_ANONYMOUS;
    if (apage_end - apage != 4096) sct_die("apage is not a page", 0);
    sa = sct_check("sc_create", sc_create("a", 0));
    sct_check("sc_attach", sc_attach(sa, 0, 0));
    fa = (char *) sct_check("sc_mmap", sc_mmap(sa, 0, 2 * PAGE, PROT_READ | PROT_WRITE, anon, -1, 0));
    sct_check("sc_munmap", sc_munmap(sa, fa + PAGE, PAGE));
    sb = sct_check("sc_create", sc_create("b", 0));
    sct_check("sc_attach", sc_attach(sb, 0, 0));
    fb = (char *) sct_check("sc_mmap", sc_mmap(sb, fa + PAGE, PAGE, PROT_READ | PROT_WRITE, anon | MAP_FIXED, -1, 0));
    if (fb != fa + PAGE) sct_die("b is not right after a", 0);
    sct_check("grant", sc_grant(sa, me, SC_R | SC_W));
    sct_check("grant", sc_grant(sb, me, SC_R | SC_W));
    memcpy(fa, apage, PAGE);
    memcpy(fb, bpage, bpage_end - bpage);
    sct_check("revoke", sc_grant(sa, me, 0));
    sct_check("revoke", sc_grant(sb, me, 0));
    sct_check("mprotect", sc_mprotect(sa, fa, PAGE, PROT_READ | PROT_EXEC));
    sct_check("mprotect", sc_mprotect(sb, fb, PAGE, PROT_READ | PROT_EXEC));
    __builtin___clear_cache(fa, fa + 2 * PAGE);
    sct_check("entry", sc_entry(sa, me, fa + A_FALL, 1));
    sct_check("entry", sc_entry(sa, me, fa + A_BRANCH, 1));
}

static long fall(void) { return ((long (*)(void)) (fa + A_FALL))(); }
static long branch(void) { return ((long (*)(void)) (fa + A_BRANCH))(); }
