package org.subcons.hart;

import static org.subcons.hart.Mmu.LE16;
import static org.subcons.hart.Mmu.LE32;
import static org.subcons.hart.Mmu.LE64;

/** Small helpers compiled units call for loads and stores on a TLB hit (HotSpot inlines them). */
public final class UnitRuntime {
    private UnitRuntime() {
    }

    public static long get1(byte[] p, int o) {
        return p[o] & 0xffL;
    }

    public static long get2(byte[] p, int o) {
        return (short) LE16.get(p, o) & 0xffffL;
    }

    public static long get4(byte[] p, int o) {
        return (int) LE32.get(p, o) & 0xffffffffL;
    }

    public static long get8(byte[] p, int o) {
        return (long) LE64.get(p, o);
    }

    public static void put1(byte[] p, int o, long v) {
        p[o] = (byte) v;
    }

    public static void put2(byte[] p, int o, long v) {
        LE16.set(p, o, (short) v);
    }

    public static void put4(byte[] p, int o, long v) {
        LE32.set(p, o, (int) v);
    }

    public static void put8(byte[] p, int o, long v) {
        LE64.set(p, o, v);
    }
}
