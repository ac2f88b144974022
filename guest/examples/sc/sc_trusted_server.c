/*
 * sc_trusted_server - a trusted server and an untrusted client in one process.
 *
 * This is the configuration the subcontexts design notes call the most interesting one:
 *   - the client has no data access to the server, and may call it only at one well-known
 *     point entry;
 *   - the server has full data access to the client: it reads and writes the client's
 *     buffers through plain pointers, as if server and client were one program.
 *
 * Here the client itself builds the arrangement and then gives away the power to undo it:
 *   1. sc_create  a new, empty subcontext "kvstore" (the client controls it);
 *   2. sc_attach  it to the client's own context (the process's address space);
 *   3. sc_load    the server's static-pie ELF (argv[0] + ".server") into it, at an
 *                 address free in this context;
 *   4. sc_grant   the server R and W over the client (its root subcontext);
 *   5. sc_entry   the client one point entry into the server: the ELF entry point, which is
 *                 scrt's entry stub;
 *   6. sc_control hand control of the server to the server itself, then control of the
 *                 client's own root to the server. From then on only the server may change
 *                 the rights, entries and mappings of either (section 5 of SPEC.md).
 * Then the client uses the service, checks that it cannot undo any of the above, and
 * finally attacks the server from forked children (so this program still exits 0): a
 * direct read of the server's table, and a call into the server that skips the entry stub.
 * Each attack dies with a "subcons: fault:" line on stderr.
 *
 * Run: ./subcons run target/guest/sc/sc_trusted_server   (add --trace=subcons to watch)
 *      ./subcons run target/guest/sc/sc_trusted_server --maps   also prints /proc/self/maps
 *      and /proc/self/subcons (with raw addresses and sids) once the server has run.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "subcons.h"
#define EXAMPLE_WHO "client: "
#define EXAMPLE_ATTACKER "the attacker"
#include "example.h"

/* The server's portal operations (see sc_trusted_server.server.c). */
#define KV_PUT   1
#define KV_GET   2
#define KV_COUNT 3

/*
 * The address of a symbol of the loaded server: the client loaded the binary itself, so an
 * attacker knows the layout exactly (load address + the symbol's value in the ELF file).
 */
static unsigned long server_symbol(const char *path, const struct sc_load *l, const char *name) {
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    unsigned char *elf = malloc(size);
    if (fread(elf, 1, size, f) != (size_t) size) size = 0;
    fclose(f);
    Elf64_Ehdr *eh = (Elf64_Ehdr *) elf;
    Elf64_Phdr *ph = (Elf64_Phdr *) (elf + eh->e_phoff);
    Elf64_Shdr *sh = (Elf64_Shdr *) (elf + eh->e_shoff);
    unsigned long lowest = ~0UL, found = 0;
    for (int i = 0; i < eh->e_phnum; i++)
        if (ph[i].p_type == PT_LOAD && ph[i].p_vaddr < lowest) lowest = ph[i].p_vaddr;
    for (int i = 0; size && i < eh->e_shnum && !found; i++) {
        if (sh[i].sh_type != SHT_SYMTAB) continue;
        Elf64_Sym *sym = (Elf64_Sym *) (elf + sh[i].sh_offset);
        const char *names = (const char *) elf + sh[sh[i].sh_link].sh_offset;
        for (unsigned long k = 0; k < sh[i].sh_size / sizeof *sym; k++)
            if (strcmp(names + sym[k].st_name, name) == 0) found = l->base + sym[k].st_value - lowest;
    }
    free(elf);
    return found;
}

static volatile long *table;          /* the server's kv_table */
static sc_portal_fn server_main_fn;   /* the server's server_main, behind its entry stub */

/* The portal: the server's entry point, called like any function pointer. */
static sc_portal_fn kv;

/* Announces a call, then makes it: the server's own lines appear between the two. */
static long call(const char *what, long op, long a1, long a2, long a3) {
    printf("client: %s\n", what);
    return kv(op, a1, a2, a3, 0, 0, 0, 0);
}

static void read_the_table(void) {
    long first = *table;              /* code in the client, page owned by kvstore, no rights */
    printf("  child: read %lx\n", first);
}

static void skip_the_stub(void) {
    server_main_fn(KV_COUNT, 0, 0, 0, 0, 0, 0, 0);   /* not an entry point: a denied transfer */
}

/* Copies a /proc file to stdout (for --maps: raw addresses and sids, so not part of the story). */
static void dump(const char *path) {
    FILE *f = fopen(path, "r");
    char line[512];
    printf("---- %s\n", path);
    while (f && fgets(line, sizeof line, f)) fputs(line, stdout);
    if (f) fclose(f);
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IONBF, 0);     /* the server writes to fd 1 too: keep the order */
    char path[4096];
    snprintf(path, sizeof path, "%s.server", argv[0]);

    long me = sc_self();
    printf("== a trusted server and an untrusted client in one process ==\n");
    printf("client: I run in subcon \"%s\", the root subcontext execve made for this program\n", name_of(me));

    /* 1-3: a new subcontext holding the server, attached to this process. */
    long srv = sc_create("kvstore", 0);
    check(srv, "sc_create");
    struct sc_info info;
    sc_info(srv, &info);
    printf("client: sc_create made subcon \"%s\": empty, controlled by \"%s\", attached nowhere (%lu contexts)\n",
           info.name, name_of(info.controller), info.contexts);
    /*
     * Attach before loading: sc_load picks an address free in every context the subcon is
     * attached to, so attached here it cannot collide with anything of this process.
     */
    check(sc_attach(srv, 0, 0), "sc_attach");
    printf("client: sc_attach added \"%s\" to my context (the process's address space)\n", name_of(srv));
    struct sc_load l;
    check(sc_load(srv, path, &l), "sc_load");
    printf("client: sc_load put the server's ELF into \"%s\": its pages are holes in my map\n", name_of(srv));

    /* 4-5: the rights. */
    check(sc_grant(me, srv, SC_R | SC_W), "sc_grant");
    printf("client: sc_grant: \"%s\" includes \"%s\" with rw (the server may use all my memory)\n", name_of(srv),
           name_of(me));
    check(sc_entry(srv, me, (void *) l.entry, 1), "sc_entry");
    printf("client: sc_entry: I may enter \"%s\" at its entry stub, and nowhere else\n", name_of(srv));

    /* 6: give the power away. */
    check(sc_control(srv, srv), "sc_control(server)");
    check(sc_control(me, srv), "sc_control(me)");
    sc_info(me, &info);
    printf("client: sc_control: \"%s\" now controls itself, and I am controlled by \"%s\"\n", name_of(srv),
           name_of(info.controller));

    /* The client cannot take any of it back. */
    unsigned long table_addr = server_symbol(path, &l, "kv_table");
    unsigned long main_addr = server_symbol(path, &l, "server_main");
    if (!table_addr || !main_addr) {
        printf("client: cannot find the server's symbols in %s\n", path);
        return 1;
    }
    table = (volatile long *) table_addr;
    server_main_fn = (sc_portal_fn) main_addr;
    printf("client: can I undo it? (I know the server's layout: I loaded its binary)\n");
    printf("  sc_grant(kvstore, me, r)           = %s  (let me read the server)\n", result(sc_grant(srv, me, SC_R)));
    printf("  sc_grant(me, kvstore, 0)           = %s  (revoke the server's rights over me)\n",
           result(sc_grant(me, srv, 0)));
    printf("  sc_entry(kvstore, me, server_main) = %s  (a second entry point)\n",
           result(sc_entry(srv, me, (void *) main_addr, 1)));
    printf("  sc_detach(kvstore, 0)              = %s  (remove the server)\n", result(sc_detach(srv, 0)));
    printf("  sc_control(me, me)                 = %s  (take myself back)\n", result(sc_control(me, me)));
    printf("  sc_owner(kv_table)                 = %s  (I may not even see who owns it)\n",
           result(sc_owner((void *) table_addr)));
    void *m = mmap((void *) (table_addr & ~4095UL), 4096, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("  mmap(kv_table's page, MAP_FIXED)   = %s  (a hole in my map: I cannot map over it)\n",
           result(m == MAP_FAILED ? -errno : 0));

    /* The service: the server works on my strings and buffers in place. */
    kv = (sc_portal_fn) l.entry;
    char buf[64];
    printf("client: using the service through its one portal (an ordinary indirect call)\n");
    long r = call("put(\"alpha\", \"first letter\")", KV_PUT, (long) "alpha", (long) "first letter", 0);
    printf("client:   = %s\n", result(r));
    r = call("put(\"omega\", \"last letter\")", KV_PUT, (long) "omega", (long) "last letter", 0);
    printf("client:   = %s\n", result(r));
    r = call("get(\"omega\", buf)", KV_GET, (long) "omega", (long) buf, sizeof buf);
    printf("client:   = %s, and my buffer now holds \"%s\"\n", result(r), r >= 0 ? buf : "");
    r = call("get(\"gamma\", buf)", KV_GET, (long) "gamma", (long) buf, sizeof buf);
    printf("client:   = %s\n", result(r));
    r = call("count()", KV_COUNT, 0, 0, 0);
    printf("client:   = %s\n", result(r));
    printf("client: back in \"%s\" after every call (the scid CSR says so)\n", name_of(sc_scid()));

    if (argc > 1 && strcmp(argv[1], "--maps") == 0) {
        dump("/proc/self/maps");
        dump("/proc/self/subcons");
    }

    /* A confused-deputy attempt: ask the trusted server to write into its own table. */
    r = call("get(\"alpha\", buf) where buf is really the server's table", KV_GET, (long) "alpha", table_addr,
             sizeof buf);
    printf("client:   = %s\n", result(r));

    /* Direct attacks: each one kills its process, so each runs in a child. */
    attack("read the server's table directly", read_the_table);
    attack("call server_main directly, skipping the entry stub", skip_the_stub);

    r = call("count()", KV_COUNT, 0, 0, 0);
    printf("client:   = %s: the store is intact\n", result(r));
    return 0;
}
