/* fflags after operations: NX, UF, OF, DZ, NV, sticky accumulation. */
#include "t.h"

static float vf(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static double vd(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }

#define T(desc, expr) do { fclr(); volatile __typeof__(expr) r_ = (expr); (void)r_; printf("%-40s %s\n", desc, flagstr(fflags())); } while (0)

int main(void)
{
    volatile float one = 1.0f, three = 3.0f, zero = 0.0f, maxf = 3.4028235e38f, minf = 1.17549435e-38f;
    volatile double done = 1.0, dthree = 3.0, dzero = 0.0, dmax = 1.7976931348623157e308, dmin = 2.2250738585072014e-308;
    volatile float snan = vf(0x7f800001), qnan = vf(0x7fc00000);
    volatile double dsnan = vd(0x7ff0000000000001ULL), dqnan = vd(0x7ff8000000000000ULL);
    T("1+3 (exact)", one + three);
    T("1/3 single", one / three);
    T("1/3 double", done / dthree);
    T("1/0 single", one / zero);
    T("-1/0 double", -done / dzero);
    T("0/0 single", zero / zero);
    T("(1/0)-(1/0) double", (done / dzero) - (done / dzero));
    T("(1/0)*0 single", (one / zero) * zero);
    T("max*2 single", maxf * 2.0f);
    T("max+max double", dmax + dmax);
    T("min*min single (underflow)", minf * minf);
    T("dmin/3 double (tiny inexact)", dmin / dthree);
    T("2^-140*1 single (tiny exact)", vf(0x00080000) * one);
    T("dmin/2 double (exact subnormal)", dmin / 2.0);
    T("sNaN+1 single", snan + one);
    T("qNaN+1 single", qnan + one);
    T("sNaN*1 double", dsnan * done);
    T("qNaN*1 double", dqnan * done);
    T("sqrt(-1) single", __builtin_sqrtf(-one));
    T("sqrt(2) double", __builtin_sqrt(2.0 * done));
    T("sqrt(4) double", __builtin_sqrt(4.0 * done));
    T("sqrt(qNaN) double", __builtin_sqrt(dqnan));
    T("(int)3.5f", (int)(three + 0.5f));
    T("(int)3.0f", (int)three);
    T("(int)(3f*1e10f)", (int)(three * 1e10f));
    T("(unsigned)-1.0 double", (unsigned)(-done));
    T("(long)NaN double", (long)dqnan);
    T("(float)0.1 from double", (float)(done / 10));
    T("(float)1e300 from double", (float)(dmax / 1e8));
    T("(float)1e-300 from double", (float)(dmin * 1e8));
    T("(double)3.0f (exact widening)", (double)three);
    T("(double)sNaN single", (double)snan);
    T("(float)(int)16777217", (float)(int)(16777217 + (int)zero));
    T("feq qNaN", qnan == one);
    T("feq sNaN", snan == one);
    T("flt qNaN", qnan < one);
    T("fle qNaN double", dqnan <= done);
    T("flt 1<3", one < three);
    /* sticky accumulation across several operations */
    fclr();
    volatile float a = one / three;
    volatile float b = one / zero;
    volatile float c = maxf * 4.0f;
    (void)a; (void)b; (void)c;
    printf("accumulated 1/3, 1/0, max*4: %s\n", flagstr(fflags()));
    unsigned long old;
    __asm__ volatile("fsflags %0, %1" : "=r"(old) : "r"(0x1fUL));
    printf("fsflags returned old: %s, now: %s\n", flagstr((unsigned)old), flagstr(fflags()));
    __asm__ volatile("fsflags %0, %1" : "=r"(old) : "r"(0xffUL));
    printf("fsflags 0xff keeps 5 bits: 0x%02x\n", fflags());
    fclr();
    return 0;
}
