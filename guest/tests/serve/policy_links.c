/*
 * Symbolic and hard links, and renames, under 'policy ro:$CWD rw:$CWD/out'. The fixture
 * (policy_plant.server) planted links in rw space that lead out: every use of them that
 * reaches outside is refused by the real-path check, while the links themselves can be
 * read and removed. The program cannot make such links (symlinkat checks the target, and
 * refuses ".." in it, which a rename could turn outwards), nor hard-link or rename a file
 * into or out of rw space. The victim for writes is $CWD/ro.txt, never a system file.
 */
#include "policy_t.h"
#include <stdio.h>

int main(void) {
    char cwd[4096], p[8192], buf[256];
    struct stat st;
    if (!getcwd(cwd, sizeof cwd)) return 2;

    /* planted links */
    show_file("read out/inside (-> a.txt)", "out/inside");
    res("open out/evil (-> /etc/passwd)", open("out/evil", O_RDONLY));
    res("stat out/evil", stat("out/evil", &st));
    res("lstat out/evil (the link itself)", lstat("out/evil", &st));
    long n = res("readlink out/evil", readlink("out/evil", buf, sizeof buf - 1));
    buf[n < 0 ? 0 : n] = 0;
    printf("out/evil says: %s\n", buf);
    res("open out/evildir/passwd (-> /etc)", open("out/evildir/passwd", O_RDONLY));
    res("open out/rel (-> ../../..etc/passwd)", open("out/rel", O_RDONLY));
    res("open out/toro O_WRONLY|O_TRUNC (-> ro.txt)", open("out/toro", O_WRONLY | O_TRUNC));
    res("truncate out/toro", truncate("out/toro", 0));
    res("chmod out/toro", chmod("out/toro", 0600));
    show_file("read out/toro (reading ro.txt is fine)", "out/toro");
    res("create through out/dangle (-> CWD/made-outside)", open("out/dangle", O_WRONLY | O_CREAT, 0644));
    res("create through out/dangle2 (-> dangle -> ...)", open("out/dangle2", O_WRONLY | O_CREAT, 0644));
    res("stat CWD/made-outside (must not exist)", stat("made-outside", &st));
    res("create through out/dangle_in (-> new_in.txt)", open("out/dangle_in", O_WRONLY | O_CREAT, 0644));
    res("stat out/new_in.txt", stat("out/new_in.txt", &st));

    /* the program's own links */
    res("symlink out/mine -> /etc/passwd", symlink("/etc/passwd", "out/mine"));
    res("symlink out/mine -> ../ro.txt", symlink("../ro.txt", "out/mine"));
    snprintf(p, sizeof p, "%s/ro.txt", cwd);
    res("symlink out/mine -> CWD/ro.txt (read-only space)", symlink(p, "out/mine"));
    res("open out/mine", open("out/mine", O_RDONLY));
    res("symlink out/ok -> a.txt", symlink("a.txt", "out/ok"));
    show_file("read out/ok", "out/ok");
    snprintf(p, sizeof p, "%s/out/a.txt", cwd);
    res("symlink out/ok2 -> CWD/out/a.txt", symlink(p, "out/ok2"));
    show_file("read out/ok2", "out/ok2");
    res("symlink out/l2 -> evildir/passwd (through a link that leads out)", symlink("evildir/passwd", "out/l2"));
    res("symlink out/l3 -> toro (a link to read-only space)", symlink("toro", "out/l3"));
    res("symlink out/l4 -> inside (-> a.txt)", symlink("inside", "out/l4"));
    show_file("read out/l4", "out/l4");
    res("mkdir out/d1", mkdir("out/d1", 0755));
    res("symlink out/d1/up -> .. (a rename could move it)", symlink("..", "out/d1/up"));
    res("symlink CWD/x -> out/a.txt (link in read-only space)", symlink("out/a.txt", "x"));

    /* hard links */
    res("link ro.txt -> out/hard", link("ro.txt", "out/hard"));
    res("link /etc/passwd -> out/pw", link("/etc/passwd", "out/pw"));
    res("link out/a.txt -> CWD/hard", link("out/a.txt", "hard"));
    res("link out/a.txt -> out/hard2", link("out/a.txt", "out/hard2"));
    int rofd = open("ro.txt", O_RDONLY);
    res("linkat(ro.txt's fd, AT_EMPTY_PATH) -> out/h", linkat(rofd, "", AT_FDCWD, "out/h", AT_EMPTY_PATH));
    snprintf(p, sizeof p, "/proc/self/fd/%d", rofd);
    res("linkat(/proc/self/fd/N, AT_SYMLINK_FOLLOW) -> out/h", linkat(AT_FDCWD, p, AT_FDCWD, "out/h", AT_SYMLINK_FOLLOW));

    /* renames */
    res("rename out/hard2 -> CWD/escaped", rename("out/hard2", "escaped"));
    res("rename ro.txt -> out/stolen", rename("ro.txt", "out/stolen"));
    res("rename out/hard2 -> out/renamed", rename("out/hard2", "out/renamed"));
    res("renameat2 EXCHANGE out/renamed <-> ro.txt",
        syscall(SYS_renameat2, AT_FDCWD, "out/renamed", AT_FDCWD, "ro.txt", 2 /* RENAME_EXCHANGE */));
    res("rename out -> CWD/out2", rename("out", "out2"));

    /* links that lead out may not be moved or given another name */
    res("rename out/evil -> out/evil2", rename("out/evil", "out/evil2"));
    res("rename out/toro -> out/d1/toro", rename("out/toro", "out/d1/toro"));
    res("link out/evildir -> out/ed2", link("out/evildir", "out/ed2"));
    res("renameat2 EXCHANGE out/renamed <-> out/evil",
        syscall(SYS_renameat2, AT_FDCWD, "out/renamed", AT_FDCWD, "out/evil", 2 /* RENAME_EXCHANGE */));
    res("rename out/inside -> out/inside2 (leads inside)", rename("out/inside", "out/inside2"));
    show_file("read out/inside2", "out/inside2");

    /* removing the planted link */
    res("unlink out/evil", unlink("out/evil"));
    res("open out/evil", open("out/evil", O_RDONLY));
    show_file("ro.txt unchanged", "ro.txt");
    return 0;
}
