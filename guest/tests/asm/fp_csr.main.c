/* Driver for fp_csr.S: prints the sequence of CSR values observed. */
#include "t.h"

void csr_ops(uint64_t *out);

int main(void)
{
    static const char *what[] = {
        "csrrw fflags,0x1f -> old", "csrr fflags", "csrr fcsr", "csrrci fflags,5 -> old", "csrr fflags",
        "csrrsi frm,3 -> old", "csrr fcsr", "csrrwi frm,1 -> old", "fdiv.s 1/3 dyn (frm=RTZ)", "csrrw fcsr,-1 -> old",
        "csrr fcsr", "csrr frm", "csrr fflags", "csrrc fcsr,0x22 -> old", "csrrs fcsr,x0", "csrrwi fflags,0x1e -> old",
        "csrr fcsr", "csrrw fflags,0xe4 -> old", "csrr fcsr", "csrrw frm,0x2a -> old", "csrr fcsr", "fsrmi 4 -> old",
        "fsflagsi 3 -> old", "frcsr", "fscsr 1 -> old", "frrm", "csrrsi fflags,0", "csrrci frm,0", "csrrc fflags,x0",
        "csrwi fcsr,0; csrr fcsr" };
    uint64_t out[30];
    memset(out, 0xee, sizeof out);
    csr_ops(out);
    for (int i = 0; i < 30; i++) printf("%-28s 0x%llx\n", what[i], (unsigned long long)out[i]);
    return 0;
}
