package org.voterroll.reconcile;

import org.voterroll.Examples;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/** The spec's example county and delivery, copied so that a test can add its own rows to them. */
final class ExampleDelivery {
    /**
     * The tests that add rows to the example county each publish a roll a few lines apart from the one before, whichever
     * test ran before; against the example's ten lines that is more than the guard lets through unconfirmed.
     */
    static final String ANY_ROLL_CHANGE = "voter-roll.guard.max-roll-change=1000";

    final Path county;
    final Path inbox;

    private ExampleDelivery(Path county, Path inbox) {
        this.county = county;
        this.inbox = inbox;
    }

    static ExampleDelivery copyTo(Path dir) throws IOException {
        return new ExampleDelivery(copy(Examples.DIR.resolve("county"), dir.resolve("county")), copy(Examples.DIR.resolve("inbox"), dir.resolve("inbox")));
    }

    /** Rows appended to one of the delivery's files, in that file's encoding. */
    ExampleDelivery append(String file, Charset charset, List<String> lines) throws IOException {
        Files.writeString(inbox.resolve(file), String.join("\n", lines) + "\n", charset, StandardOpenOption.APPEND);
        return this;
    }

    /** One row of one of the delivery's files replaced (the row that starts with {@code start}), in that file's encoding. */
    ExampleDelivery replace(String file, Charset charset, String start, String row) throws IOException {
        Path f = inbox.resolve(file);
        List<String> rows = new java.util.ArrayList<>(Files.readAllLines(f, charset));
        int at = -1;
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).startsWith(start)) at = i;
        if (at < 0) throw new IllegalArgumentException("no row of " + file + " starts with " + start);
        rows.set(at, row);
        Files.writeString(f, String.join("\n", rows) + "\n", charset);
        return this;
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
        return to;
    }
}
