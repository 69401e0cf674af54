package org.voterroll.properties;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.voterroll.properties.Invariants.Name;
import org.voterroll.properties.Nights.Shrunk;
import org.voterroll.properties.Nights.Try;
import org.voterroll.reconcile.ReconcileService;

/**
 * Property-based tests of the whole job: small counties ({@link TinyCounty}) built from random combinations of every
 * kind of mess of SOURCES.md, each run through the real job against PostgreSQL, twice; each invariant of issue 18 is a
 * test of its own, held on every try. A failing try is shrunk to the fewest pieces and messes that still break the
 * invariant, and the failure message gives it as Java source to keep as a regression test (ShrunkCasesTest).
 *
 * <p>Bounded for the suite: {@code properties.tries} counties (default 25, under a second each), from {@code properties.seed}
 * (default fixed, so that the suite is the same on every machine; {@code random} for a new one, printed). A longer
 * hunt: {@code mvn test -Dtest=CountyProperties -Dproperties.tries=200 -Dproperties.seed=random} (docs/properties.md).
 */
@SpringBootTest(properties = {"voter-roll.guard.max-roll-change=1000", "voter-roll.guard.max-source-shrink=1"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountyProperties {
    private static final Logger log = LoggerFactory.getLogger(CountyProperties.class);
    static final int TRIES = Integer.getInteger("properties.tries", 25);
    static final int SHRINK_RUNS = Integer.getInteger("properties.shrink-runs", 60);
    static final long SEED = seed(System.getProperty("properties.seed", "20261215"));

    @Autowired ReconcileService service;
    @Autowired JdbcTemplate jdbc;
    @TempDir static Path tmp;

    Nights nights;
    final List<Try> tries = new ArrayList<>();

    static long seed(String s) {
        return "random".equals(s) ? new Random().nextLong() : Long.parseLong(s);
    }

    @BeforeAll
    void runTheCounties() throws Exception {
        nights = new Nights(service, new Invariants(jdbc), tmp);
        Random seeds = new Random(SEED);
        long t0 = System.nanoTime();
        for (int i = 0; i < TRIES; i++) {
            TinyCounty county = TinyCounty.generate(new Random(seeds.nextLong()));
            tries.add(nights.run(county, true));
        }
        log.info("properties: {} counties from seed {} in {} s ({} people, {} rows)", TRIES, SEED, (System.nanoTime() - t0) / 1_000_000_000,
                tries.stream().mapToInt(t -> t.delivered().citizens().size()).sum(), tries.stream().mapToInt(t -> t.delivered().rows().size()).sum());
    }

    @Test
    void theRunCompletes() throws Exception {
        holds(Name.COMPLETES);
    }

    @Test
    void everyRowIsReadAcceptedOrRejected() throws Exception {
        holds(Name.ROWS_COUNTED);
    }

    @Test
    void aRecordHasOneLinkPerPersonAndOneCertainLink() throws Exception {
        holds(Name.LINKS_UNIQUE);
    }

    @Test
    void noRemovalWithoutANumberOrHouseholdLink() throws Exception {
        holds(Name.REMOVAL_BY_NUMBER);
    }

    @Test
    void everyConsequentialUncertainRecordIsReviewedWithItsCandidates() throws Exception {
        holds(Name.DOUBT_RAISED);
    }

    @Test
    void noOneTwiceAndThePlainCasesRight() throws Exception {
        holds(Name.NOT_WRONG_NOT_TWICE);
    }

    @Test
    void twoNightsOnOneDeliveryGiveTheSameRoll() throws Exception {
        holds(Name.SAME_ROLL_TWICE);
    }

    @Test
    void aDoubtfulRecordIsOneItem() throws Exception {
        holds(Name.ONE_ITEM_PER_RECORD);
    }

    @Test
    void aPreviousVoterNeverVanishesOnUncertainEvidence() throws Exception {
        holds(Name.PREVIOUS_VOTER_KEPT);
    }

    private void holds(Name name) throws Exception {
        for (Try t : tries) {
            List<String> wrong = nights.check(name, t);
            if (wrong.isEmpty()) continue;
            Shrunk s = nights.shrink(name, t, SHRINK_RUNS);
            fail("invariant " + name.title + " broken (seed " + SEED + ", " + tries.size() + " tries)\n"
                    + "on " + t.county() + ":\n  " + String.join("\n  ", Nights.first(wrong, 8))
                    + "\n\nshrunk in " + s.runs() + " runs to\n" + s.county().source() + "\nwhich still breaks it:\n  "
                    + String.join("\n  ", Nights.first(s.violations(), 8)) + "\nits delivery:\n" + s.delivered().listing()
                    + "its people:\n  " + String.join("\n  ", s.delivered().citizens().stream().map(Citizen::toString).toList()));
        }
    }
}
