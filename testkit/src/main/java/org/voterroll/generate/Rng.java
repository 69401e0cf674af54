package org.voterroll.generate;

/** SplitMix64: small, fast, and its sequence is fixed by its definition (deterministic across JVMs). */
final class Rng {
    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** uniform in [0, n) */
    int nextInt(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n=" + n);
        }
        return (int) ((nextLong() >>> 1) % n);
    }

    long nextLong(long n) {
        return (nextLong() >>> 1) % n;
    }

    /** uniform in [lo, hi] */
    int range(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    <T> T pick(T[] a) {
        return a[nextInt(a.length)];
    }

    char pick(String s) {
        return s.charAt(nextInt(s.length()));
    }

    Rng fork(long salt) {
        return new Rng(nextLong() ^ salt);
    }
}
