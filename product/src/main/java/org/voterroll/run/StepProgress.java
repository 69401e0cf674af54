package org.voterroll.run;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * How far a tasklet step is: its phase, the things done of that phase and, where the total is known, a percentage and
 * an estimate of the time left. A tasklet's StepContribution reaches the step's read/write counts only when it returns,
 * so the heartbeat (ProgressReporter) read 0 for the whole of a tasklet step; a tasklet updates this in memory instead
 * (no database call).
 */
public final class StepProgress {
    private static final Map<Long, StepProgress> BY_STEP = new ConcurrentHashMap<>();

    private volatile String phase = "";
    private volatile String unit = "";
    private volatile long total;
    private volatile long phaseStart = System.nanoTime();
    private final AtomicLong done = new AtomicLong();

    /** The progress of the step this chunk context belongs to. */
    public static StepProgress of(ChunkContext context) {
        Long id = context.getStepContext().getStepExecution().getId();
        return id == null ? new StepProgress() : BY_STEP.computeIfAbsent(id, k -> new StepProgress());
    }

    static StepProgress peek(long stepExecutionId) {
        return BY_STEP.get(stepExecutionId);
    }

    static void forget(long stepExecutionId) {
        BY_STEP.remove(stepExecutionId);
    }

    /** A new phase: {@code total} things of {@code unit} to do, 0 when not known beforehand. */
    public StepProgress phase(String name, String unit, long total) {
        this.phase = name;
        this.unit = unit;
        this.total = total;
        this.done.set(0);
        this.phaseStart = System.nanoTime();
        return this;
    }

    public void advance(long n) {
        done.addAndGet(n);
    }

    /** e.g. "decide: 12,000 / 50,000 persons (24.00 %), about 38 s left". */
    public String describe() {
        return describe(done.get(), total, (System.nanoTime() - phaseStart) / 1_000_000_000.0);
    }

    String describe(long done, long total, double seconds) {
        StringBuilder b = new StringBuilder(phase);
        if (!unit.isEmpty()) {
            b.append(": ").append(String.format(Locale.ROOT, "%,d", done));
            if (total > 0) b.append(String.format(Locale.ROOT, " / %,d", total));
            b.append(' ').append(unit);
        }
        if (total > 0) {
            b.append(String.format(Locale.ROOT, " (%.2f %%)", 100.0 * Math.min(done, total) / total));
            if (done > 0 && done < total) {
                long left = Math.round(seconds * (total - done) / done);
                b.append(", about ").append(left).append(" s left");
            }
        }
        return b.toString();
    }
}
