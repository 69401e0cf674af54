package org.voterroll.generate;

/**
 * A designed scenario with a target count {@code max(min, rate × span)} spread over positions 0..span-1 (the
 * running number of county persons): slot j opens at a random position of its share of the first 80 % of the
 * span, and the first eligible candidate at or after an open slot takes it. This gives every scenario at least
 * {@code min} cases in a small county while keeping the stream single-pass.
 */
final class Quota {
    final String name;
    final int target;
    private final long span;
    private final Rng r;
    private long nextPos;
    int filled;

    private final double fraction;

    Quota(String name, double rate, int min, long span, Rng r) {
        this(name, rate, min, span, r, 0.8);
    }

    /** @param fraction the share of the span the slots are spread over (from its start) */
    Quota(String name, double rate, int min, long span, Rng r, double fraction) {
        this.name = name;
        this.fraction = fraction;
        this.target = (int) Math.max(min, Math.round(rate * span));
        this.span = Math.max(1, span);
        this.r = r;
        this.nextPos = slot(0);
    }

    private long slot(int j) {
        if (j >= target) {
            return Long.MAX_VALUE;
        }
        double width = fraction * span / target;
        return (long) (j * width + r.nextDouble() * width);
    }

    boolean want(long pos) {
        return pos >= nextPos;
    }

    void take() {
        filled++;
        nextPos = slot(filled);
    }

    boolean tryTake(long pos, boolean eligible) {
        if (eligible && pos >= nextPos) {
            take();
            return true;
        }
        return false;
    }
}
