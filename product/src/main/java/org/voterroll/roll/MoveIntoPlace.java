package org.voterroll.roll;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file or directory written whole under a hidden name is moved to its own name in one step, so that a reader (a station,
 * a county run scanning a folder) finds the old or the new one, never half of it; where the file system cannot move
 * atomically, by a plain move with {@code fallback}'s options.
 */
public final class MoveIntoPlace {
    private MoveIntoPlace() {
    }

    public static void move(Path written, Path target, CopyOption... fallback) throws IOException {
        try {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(written, target, fallback);
        }
    }
}
