package org.voterroll.run;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The clock that names runs (run id = county code + start time) and stamps summary.json's startedAt and
 * finishedAt. The system clock, unless {@code -Dvoter-roll.test.fixed-clock=2026-12-01T02:00:00} pins it:
 * the kill-and-restart test pins it so that an interrupted run and an uninterrupted one can be compared
 * byte for byte (these three facts are the only ones in a run's files that depend on when it ran).
 */
public final class RunClock {
    private RunClock() {
    }

    public static LocalDateTime now() {
        String fixed = System.getProperty("voter-roll.test.fixed-clock");
        if (fixed != null && !fixed.isBlank()) return LocalDateTime.parse(fixed);
        return LocalDateTime.now(Clock.system(ZoneId.systemDefault()));
    }
}
