package org.voterroll.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.voterroll.codes.Source;

/**
 * The notices a province run sends a county (RULES.md "Inside a province run", 谁登记、谁告知): {@code waidi} files in the
 * {@code exchange/} folder of the county's directory (beside election.yml), written whole by the province run and read by
 * the county's next run as parts of its {@code waidi} snapshot, beside what the inbox delivers.
 * <p>
 * They live outside the inbox because the inbox is the agencies' delivery, complete with its READY list: a file the
 * province run put there would be no part of the next night's delivery.
 */
public final class Exchange {
    /** the folder under the county directory, and the prefix of its files' names as the run records them */
    public static final String DIR = "exchange";
    /** what the names of exchange files recorded by a run start with */
    public static final String PREFIX = DIR + "/";
    /** the one file a province run writes: every notice of the province's other counties to this one */
    public static final String PROVINCE_FILE = "waidi_省内往来.csv";
    /** rec_id keeps 12 bits of a file's number (RecordMapper): the inbox's files are numbered from 1, these from here */
    static final int FIRST_FILE_NO = 4001;

    private Exchange() {
    }

    public static Path dir(Path countyDir) {
        return countyDir.resolve(DIR);
    }

    /** The name a run records for an exchange file: told apart from the inbox's files by its folder. */
    public static String recordedName(DeliveryFile f) {
        return PREFIX + f.fileName();
    }

    public static boolean isExchange(String recordedName) {
        return recordedName.startsWith(PREFIX);
    }

    /** Where a file the run recorded lies: an exchange file under the county directory, every other in the inbox. */
    public static Path locate(String recordedName, Path inbox, Path countyDir) {
        return isExchange(recordedName) ? countyDir.resolve(recordedName) : inbox.resolve(recordedName);
    }

    /**
     * The usable and unusable {@code waidi} files of the county's exchange folder, numbered after the inbox's; none when
     * there is no folder. Any other file there is no notice of a province run: it is reported, never read.
     */
    public static List<DeliveryFile> scan(Path countyDir) throws IOException {
        Path dir = dir(countyDir);
        if (!Files.isDirectory(dir)) return List.of();
        List<DeliveryFile> found = new ArrayList<>();
        for (DeliveryFile f : new DeliveryScanner().scan(dir)) {
            DeliveryFile numbered = f.numbered(FIRST_FILE_NO + found.size());
            found.add(f.source() == Source.WAIDI ? numbered
                    : numbered.with(DeliveryFile.Status.UNKNOWN_SOURCE, "省级往来目录只读取 waidi 文件，此文件不读取 (the exchange folder holds waidi notices only)"));
        }
        return found;
    }
}
