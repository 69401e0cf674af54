package org.voterroll.properties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.voterroll.properties.Invariants.Name;
import org.voterroll.properties.TinyCounty.Delivered;
import org.voterroll.reconcile.ReconcileService;
import org.voterroll.run.Run;

/**
 * Runs the real job on generated counties, and shrinks a county that breaks an invariant to one where every piece and
 * every mess left is needed for the failure: the pieces are dropped one at a time, then each piece's messes.
 */
final class Nights {
    /** The tries of one county: where it was written, the first night and (for invariant 7) the second. */
    record Try(TinyCounty county, Delivered delivered, Run first, Run second) {}

    /** A county shrunk as far as its failure allows, with what it still breaks and how many runs that took. */
    record Shrunk(TinyCounty county, Delivered delivered, List<String> violations, int runs) {}

    /** The guard limits that let a tiny county publish whatever the roll or a source did since the try before. */
    static final String[] GUARD = {"voter-roll.guard.max-roll-change=1000", "voter-roll.guard.max-source-shrink=1"};

    private final ReconcileService service;
    private final Invariants invariants;
    private final Path root;
    private int counter;

    Nights(ReconcileService service, Invariants invariants, Path root) {
        this.service = service;
        this.invariants = invariants;
        this.root = root;
    }

    /** Writes the county and runs it once, or twice into the same database from the same delivery. */
    Try run(TinyCounty county, boolean twoNights) throws Exception {
        Path dir = Files.createDirectories(root.resolve("county-" + (++counter)));
        Delivered d = county.write(dir);
        Run first = night(d, dir.resolve("out"));
        Run second = twoNights && Run.COMPLETED.equals(first.status()) ? night(d, dir.resolve("out")) : null;
        return new Try(county, d, first, second);
    }

    private Run night(Delivered d, Path out) {
        try {
            // the same baseline both nights: a second night compares with it, not with the first night's roll
            return service.reconcile(d.county(), d.inbox(), out, d.previous());
        } catch (Exception e) {
            return new Run("-", TinyCounty.CODE, "试验县", TinyCounty.ELECTION_DAY, null, 12, d.county(), d.inbox(), out, d.previous(),
                    null, "THREW", null, LocalDateTime.now(), null, null, e.toString(), null);
        }
    }

    List<String> check(Name name, Try t) {
        return invariants.check(name, t.delivered(), t.first(), t.second());
    }

    Shrunk shrink(Name name, Try failing, int maxRuns) throws Exception {
        TinyCounty county = failing.county();
        Try last = failing;
        int runs = 0;
        boolean smaller = true;
        while (smaller && runs < maxRuns) {
            smaller = false;
            for (int i = county.pieces().size() - 1; i >= 0 && runs < maxRuns; i--) {
                if (county.pieces().size() == 1) break;
                TinyCounty less = county.without(i);
                Try t = run(less, name == Name.SAME_ROLL_TWICE);
                runs++;
                if (!check(name, t).isEmpty()) {
                    county = less;
                    last = t;
                    smaller = true;
                }
            }
            for (int i = 0; i < county.pieces().size() && runs < maxRuns; i++) {
                for (Mess m : new ArrayList<>(county.pieces().get(i).mess())) {
                    if (runs >= maxRuns) break;
                    TinyCounty simpler = county.with(i, county.pieces().get(i).without(m));
                    Try t = run(simpler, name == Name.SAME_ROLL_TWICE);
                    runs++;
                    if (!check(name, t).isEmpty()) {
                        county = simpler;
                        last = t;
                        smaller = true;
                    }
                }
            }
        }
        return new Shrunk(county, last.delivered(), check(name, last), runs);
    }

    static <T> List<T> first(List<T> list, int n) {
        return list.size() <= n ? list : list.subList(0, n);
    }
}
