package org.voterroll.generate;

/**
 * Open-addressing (linear probing) set of non-zero longs: the only structure of the generator whose size grows
 * with the population (8 bytes per slot, load ≤ 0.75).
 */
final class LongHashSet {
    private long[] table;
    private int mask;
    private int size;
    private int limit;

    LongHashSet(int expected) {
        int cap = 1 << 10;
        while (cap * 0.75 < expected) {
            cap <<= 1;
        }
        table = new long[cap];
        mask = cap - 1;
        limit = (int) (cap * 0.75);
    }

    private static int hash(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return (int) k;
    }

    boolean contains(long k) {
        check(k);
        int i = hash(k) & mask;
        while (true) {
            long t = table[i];
            if (t == 0) {
                return false;
            }
            if (t == k) {
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    /** @return true if the key was not there before */
    boolean add(long k) {
        check(k);
        int i = hash(k) & mask;
        while (true) {
            long t = table[i];
            if (t == 0) {
                table[i] = k;
                if (++size > limit) {
                    grow();
                }
                return true;
            }
            if (t == k) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    void clear() {
        java.util.Arrays.fill(table, 0L);
        size = 0;
    }

    int size() {
        return size;
    }

    int capacity() {
        return table.length;
    }

    private static void check(long k) {
        if (k == 0) {
            throw new IllegalArgumentException("0 is the empty marker");
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = table.length - 1;
        limit = (int) (table.length * 0.75);
        for (long k : old) {
            if (k != 0) {
                int i = hash(k) & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = k;
            }
        }
    }
}
