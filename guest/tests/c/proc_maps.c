/* /proc/self/maps parsing: [stack], the program's own file, a new
 * mapping ([heap] is checked in maps_heap.c, qemu 7.2 lacks it). */
#include "t.h"
#include <sys/mman.h>

int main(int argc, char **argv)
{
    (void)argc;
    void *heap = malloc(100); /* make sure the heap exists */
    sbrk(8192);
    void *anon = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    FILE *f = fopen("/proc/self/maps", "r");
    CHECK("open /proc/self/maps", f != NULL);
    char line[1024];
    int stack = 0, prog = 0, wellformed = 1, sp_in_stack = 0, anon_found = 0, exec_prog = 0;
    uintptr_t sp = (uintptr_t)&line;
    int n = 0;
    while (f && fgets(line, sizeof line, f)) {
        unsigned long lo, hi, off;
        char perms[8];
        int pos = 0;
        n++;
        if (sscanf(line, "%lx-%lx %4s %lx %*x:%*x %*u%n", &lo, &hi, perms, &off, &pos) < 4 || lo >= hi || strlen(perms) != 4)
            wellformed = 0;
        char *name = line + pos;
        while (*name == ' ') name++;
        name[strcspn(name, "\n")] = 0;
        if (strcmp(name, "[stack]") == 0) { stack = 1; if (sp >= lo && sp < hi) sp_in_stack = 1; }
        if (strcmp(name, argv[0]) == 0) { prog = 1; if (perms[2] == 'x') exec_prog = 1; }
        if (lo == (uintptr_t)anon && hi == (uintptr_t)anon + 3 * 4096 && perms[0] == 'r' && perms[1] == '-') anon_found = 1;
    }
    CHECK("lines well formed", wellformed && n > 3);
    CHECK("[stack] line present", stack);
    CHECK("sp inside [stack]", sp_in_stack);
    CHECK("line naming argv[0]", prog);
    CHECK("executable mapping of argv[0]", exec_prog);
    CHECK("new 3-page anonymous r-- mapping listed", anon_found);
    free(heap);
    return 0;
}
