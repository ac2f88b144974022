/* Tries to read a file outside the guest root in every way a path can; prints what it could read. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void try(const char *path) {
    char buf[64] = {0};
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("%-28s blocked\n", path);
        return;
    }
    int n = read(fd, buf, sizeof buf - 1);
    close(fd);
    printf("%-28s READ %s\n", path, n > 0 && strstr(buf, "SECRET") ? "THE SECRET" : "something else");
}

int main(void) {
    try("inside.txt");
    try("../secret.txt");
    try("/../secret.txt");
    try("/../../../../secret.txt");
    try("sub/../../secret.txt");
    try("link_abs");
    try("link_rel");
    try("link_chain");
    try("sub/link_up");
    for (int i = 0; i < 8; i++) chdir("..");
    char cwd[256];
    printf("cwd after 8x chdir(..): %s\n", getcwd(cwd, sizeof cwd) ? cwd : "?");
    try("secret.txt");
    try("inside.txt");
    return 0;
}
