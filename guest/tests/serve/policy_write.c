/*
 * Everything that changes the file tree or metadata needs rw, under
 * 'policy ro:$CWD rw:$CWD/out' with the fixture's $CWD/ro.txt in read-only space: the path
 * calls, their descriptor forms (fchmod, fchown, futimens, AT_EMPTY_PATH), and opens that
 * would write (O_TRUNC even with O_RDONLY, O_CREAT of an existing file, O_TMPFILE).
 */
#include "policy_t.h"
#include <sys/time.h>

int main(void) {
    setvbuf(stdout, 0, _IONBF, 0);
    struct stat st;
    struct timespec ts[2] = {{1, 0}, {1, 0}};
    int ro = open("ro.txt", O_RDONLY);
    res("open ro.txt O_RDONLY", ro);
    res("open ro.txt O_WRONLY", open("ro.txt", O_WRONLY));
    res("open ro.txt O_RDWR", open("ro.txt", O_RDWR));
    res("open ro.txt O_RDONLY|O_TRUNC", open("ro.txt", O_RDONLY | O_TRUNC));
    res("open ro.txt O_RDONLY|O_CREAT (exists)", open("ro.txt", O_RDONLY | O_CREAT, 0644));
    res("open ro.txt O_PATH", open("ro.txt", O_PATH));
    res("open CWD O_TMPFILE", open(".", O_TMPFILE | O_RDWR, 0600));
    res("truncate ro.txt", truncate("ro.txt", 0));
    res("chmod ro.txt", chmod("ro.txt", 0600));
    res("chown ro.txt (same owner)", chown("ro.txt", getuid(), getgid()));
    res("lchown ro.txt", lchown("ro.txt", getuid(), getgid()));
    res("utimensat ro.txt", utimensat(AT_FDCWD, "ro.txt", ts, 0));
    res("utimensat ro.txt NOFOLLOW", utimensat(AT_FDCWD, "ro.txt", ts, AT_SYMLINK_NOFOLLOW));
    res("fchmod(ro.txt's fd)", fchmod(ro, 0600));
    res("fchown(ro.txt's fd)", fchown(ro, getuid(), getgid()));
    res("futimens(ro.txt's fd)", futimens(ro, ts));
    res("fchownat(ro.txt's fd, \"\", AT_EMPTY_PATH)", fchownat(ro, "", getuid(), getgid(), AT_EMPTY_PATH));
    res("fstatat(ro.txt's fd, \"\", AT_EMPTY_PATH) (reading is fine)", fstatat(ro, "", &st, AT_EMPTY_PATH));
    res("fstat(ro.txt's fd)", fstat(ro, &st));
    res("mknod CWD/fifo", mknod("fifo", S_IFIFO | 0644, 0));
    res("mkfifo out/fifo", mkfifo("out/fifo", 0644));
    res("unlink ro.txt", unlink("ro.txt"));
    res("rmdir out (not empty; allowed)", rmdir("out"));
    res("mkdir CWD/d", mkdir("d", 0755));
    show_file("ro.txt unchanged", "ro.txt");
    CHECK("ro.txt keeps its mode and times", stat("ro.txt", &st) == 0 && (st.st_mode & 0777) == 0644 && st.st_mtime > 1);

    /* the same in rw space works */
    int fd = res("create out/w.txt", open("out/w.txt", O_RDWR | O_CREAT, 0644));
    res("truncate out/w.txt", truncate("out/w.txt", 0));
    res("chmod out/w.txt", chmod("out/w.txt", 0600));
    res("utimensat out/w.txt", utimensat(AT_FDCWD, "out/w.txt", ts, 0));
    res("fchmod(out/w.txt's fd)", fchmod(fd, 0640));
    res("fchown(out/w.txt's fd)", fchown(fd, getuid(), getgid()));
    res("futimens(out/w.txt's fd)", futimens(fd, ts));
    res("fchownat(out/w.txt's fd, \"\", AT_EMPTY_PATH)", fchownat(fd, "", getuid(), getgid(), AT_EMPTY_PATH));
    CHECK("out/w.txt: mode 0640, mtime 1", stat("out/w.txt", &st) == 0 && (st.st_mode & 0777) == 0640 && st.st_mtime == 1);
    int tmp = res("open out O_TMPFILE", open("out", O_TMPFILE | O_RDWR, 0600));
    res("fchmod(O_TMPFILE fd: unlinked)", fchmod(tmp, 0600));
    res("fchmod(a pipe)", ({ int p[2]; pipe(p); fchmod(p[0], 0600); }));
    res("unlink out/fifo", unlink("out/fifo"));
    return 0;
}
