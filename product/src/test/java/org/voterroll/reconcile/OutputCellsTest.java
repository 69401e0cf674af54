package org.voterroll.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.voterroll.normalize.IdNumbers;
import org.voterroll.run.Run;

/** An address typed with a line break, a tab and full-width spaces in it is one line of the roll (docs/rules.md). */
@SpringBootTest(properties = ExampleDelivery.ANY_ROLL_CHANGE)
@ActiveProfiles("test")
class OutputCellsTest {
    static final String NUMBER = "34129919700101032" + IdNumbers.checkDigit("34129919700101032");
    static final Charset GB18030 = Charset.forName("GB18030");

    @Autowired ReconcileService service;

    @Test
    void anAddressWithALineBreakIsOneLineOfTheRoll(@TempDir Path tmp) throws Exception {
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp).append("huji_20261201.csv", GB18030, List.of(
                NUMBER + ",上官文静,,女,汉族,1970-01-01,100097,户主,\"城关镇东风村\r\n5组\t8号　　后院\",341299100201,正常,,"));
        Run run = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        Path rolls = Path.of(run.outputPath()).resolve("rolls");
        CSVRecord line = null;
        int rows = 0;
        for (Path f : Files.list(rolls).toList()) {
            String text = Files.readString(f, GB18030);
            try (Reader r = new java.io.StringReader(text)) {
                List<CSVRecord> records = CSVFormat.RFC4180.parse(r).getRecords();
                // every record on one physical line: as many lines as records
                assertThat(text.split("\r\n", -1)).as(f.toString()).hasSize(records.size() + 1);
                for (CSVRecord rec : records) if (rec.get(6).equals(NUMBER)) line = rec;
                rows += records.size();
            }
        }
        assertThat(rows).isPositive();
        assertThat(line).as("上官文静 listed").isNotNull();
        assertThat(line.get(7)).isEqualTo("城关镇东风村 5组 8号 后院");
    }
}
