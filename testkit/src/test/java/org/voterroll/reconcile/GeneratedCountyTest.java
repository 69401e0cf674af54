package org.voterroll.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.voterroll.generate.CountyGenerator;
import org.voterroll.generate.GeneratorOptions;
import org.voterroll.quality.TruthCheck;
import org.voterroll.run.Run;

/** A generated county with every scenario of the generator, held against its ground truth. */
@SpringBootTest
@ActiveProfiles("test")
class GeneratedCountyTest {
    @Autowired ReconcileService service;

    @Test
    void noErrorNoOmissionNoDuplicateAndEveryRequiredException(@TempDir Path tmp) throws Exception {
        CountyGenerator.generate(new GeneratorOptions(3000, 20261215L, 0, tmp.resolve("county")));
        Path c = tmp.resolve("county");
        Run run = service.reconcile(c.resolve("county"), c.resolve("inbox"), tmp.resolve("out"), c.resolve("previous"));
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        TruthCheck.Result r = TruthCheck.check(c.resolve("truth"), Path.of(run.outputPath()));
        assertThat(r.shouldList()).isGreaterThan(2000);
        assertThat(r.wrong()).as("错").isEmpty();
        assertThat(r.missing()).as("漏").isEmpty();
        assertThat(r.duplicated()).as("重").isEmpty();
        assertThat(r.missingExceptions()).as("required exceptions").isEmpty();
        assertThat(r.bookErrors()).as("added / removed / away / in-migrant books").isEmpty();
    }
}
