package org.voterroll.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named points of a run where tests interrupt it deterministically. Unused in production: with the
 * system property {@code voter-roll.test.pause-at} unset and no action registered, {@link #reach} does nothing.
 * <ul>
 * <li>{@code -Dvoter-roll.test.pause-at=after:resolve,publish:before-move} makes the JVM print
 * {@code PAUSED at <point>} and wait there (until the file {@code voter-roll.test.release-file} exists,
 * else for ever) — the kill test then kills it with SIGKILL;</li>
 * <li>{@link #on} registers an action run in-process at a point (the bad-delivery corpus changes a
 * file while the run reads it).</li>
 * </ul>
 * Points: {@code before:<step>} and {@code after:<step>} of every step (after = its work committed,
 * the step not yet recorded COMPLETED), {@code publish:before-move}, {@code lock:acquired}.
 */
public final class TestHooks {
    private static final Map<String, Runnable> ACTIONS = new ConcurrentHashMap<>();

    private TestHooks() {
    }

    public static void on(String point, Runnable action) {
        ACTIONS.put(point, action);
    }

    public static void clear() {
        ACTIONS.clear();
    }

    public static void reach(String point) {
        Runnable action = ACTIONS.remove(point);
        if (action != null) action.run();
        String pause = System.getProperty("voter-roll.test.pause-at");
        if (pause == null || !Arrays.asList(pause.split(",")).contains(point)) return;
        System.out.println("PAUSED at " + point);
        System.out.flush();
        String release = System.getProperty("voter-roll.test.release-file");
        try {
            while (release == null || !Files.exists(Path.of(release))) Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
