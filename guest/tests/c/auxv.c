/* Auxiliary vector: relations only. */
#include "t.h"
#include <elf.h>
#include <link.h>
#include <sys/auxv.h>

extern char _start[];

static int phdr_cb(struct dl_phdr_info *info, size_t size, void *data)
{
    const ElfW(Phdr) **out = data;
    if (!out[0]) { out[0] = info->dlpi_phdr; out[1] = (const void *)(uintptr_t)info->dlpi_phnum; }
    (void)size;
    return 0;
}

int main(int argc, char **argv)
{
    (void)argc;
    CHECK("AT_PAGESZ == 4096", getauxval(AT_PAGESZ) == 4096);
    unsigned long phdr = getauxval(AT_PHDR), phnum = getauxval(AT_PHNUM), phent = getauxval(AT_PHENT);
    CHECK("AT_PHENT == sizeof(Elf64_Phdr)", phent == sizeof(Elf64_Phdr));
    const ElfW(Phdr) *res[2] = { 0, 0 };
    dl_iterate_phdr(phdr_cb, res);
    CHECK("AT_PHDR == dl_iterate_phdr phdr", (unsigned long)res[0] == phdr);
    CHECK("AT_PHNUM == dl_iterate_phdr phnum", (unsigned long)res[1] == phnum);

    /* Compare with the ELF header of /proc/self/exe */
    FILE *f = fopen("/proc/self/exe", "rb");
    Elf64_Ehdr eh;
    int ok = f && fread(&eh, sizeof eh, 1, f) == 1;
    CHECK("read ELF header of /proc/self/exe", ok);
    if (ok) {
        CHECK("e_phnum == AT_PHNUM", eh.e_phnum == phnum);
        CHECK("e_phentsize == AT_PHENT", eh.e_phentsize == phent);
        CHECK("e_entry == AT_ENTRY", eh.e_entry == getauxval(AT_ENTRY));
        CHECK("e_machine == EM_RISCV", eh.e_machine == EM_RISCV);
        /* AT_PHDR matches the PT_PHDR / first PT_LOAD mapping of e_phoff */
        Elf64_Phdr ph[64];
        int nph = eh.e_phnum < 64 ? eh.e_phnum : 64;
        fseek(f, (long)eh.e_phoff, SEEK_SET);
        ok = fread(ph, sizeof ph[0], nph, f) == (size_t)nph;
        unsigned long expect = 0;
        for (int i = 0; ok && i < nph; i++)
            if (ph[i].p_type == PT_LOAD && eh.e_phoff >= ph[i].p_offset &&
                eh.e_phoff < ph[i].p_offset + ph[i].p_filesz) {
                expect = ph[i].p_vaddr + (eh.e_phoff - ph[i].p_offset);
                break;
            }
        CHECK("AT_PHDR == vaddr of e_phoff", expect == phdr);
        CHECK("phdrs in memory equal file phdrs", ok && memcmp((void *)phdr, ph, nph * sizeof ph[0]) == 0);
    }
    if (f) fclose(f);

    CHECK("AT_ENTRY == &_start", getauxval(AT_ENTRY) == (unsigned long)_start);
    unsigned char *rnd = (unsigned char *)getauxval(AT_RANDOM);
    CHECK("AT_RANDOM non-null", rnd != NULL);
    if (rnd) {
        unsigned acc = 0;
        for (int i = 0; i < 16; i++) acc |= rnd[i];
        CHECK("AT_RANDOM 16 bytes readable, not all zero", acc != 0);
    }
    const char *execfn = (const char *)getauxval(AT_EXECFN);
    CHECK("AT_EXECFN == argv[0]", execfn && strcmp(execfn, argv[0]) == 0);
    unsigned long hw = getauxval(AT_HWCAP);
    printf("AT_HWCAP IMAFDC:");
    for (const char *p = "IMAFDC"; *p; p++)
        if (hw & (1UL << (*p - 'A'))) printf(" %c", *p);
    printf("\n");
    CHECK("AT_UID == getuid()", getauxval(AT_UID) == getuid());
    CHECK("AT_EUID == geteuid()", getauxval(AT_EUID) == geteuid());
    CHECK("AT_GID == getgid()", getauxval(AT_GID) == getgid());
    CHECK("AT_EGID == getegid()", getauxval(AT_EGID) == getegid());
    CHECK("AT_SECURE == 0", getauxval(AT_SECURE) == 0);
    errno = 0;
    unsigned long ms = getauxval(AT_MINSIGSTKSZ);
    CHECK("AT_MINSIGSTKSZ non-zero or absent", ms != 0 || errno == ENOENT);
    CHECK("AT_CLKTCK == 100", getauxval(AT_CLKTCK) == 100);
    errno = 0;
    getauxval(12345);
    CHECK("unknown type gives ENOENT", errno == ENOENT);
    return 0;
}
