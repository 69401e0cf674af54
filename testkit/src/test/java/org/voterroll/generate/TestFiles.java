package org.voterroll.generate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading generated files back the way a consumer would (strict decoding, commons-csv, header by name). */
final class TestFiles {
    record Table(List<String> header, List<Map<String, String>> rows, List<CSVRecord> records) {
    }

    private TestFiles() {
    }

    /** strict decoding: malformed bytes fail */
    static String decode(Path p, Charset cs) throws IOException {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(Files.readAllBytes(p))).toString();
    }

    static Table csv(Path p, Charset cs) throws IOException {
        String text = decode(p, cs);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (Reader in = new StringReader(text);
             CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get())) {
            List<CSVRecord> recs = parser.getRecords();
            List<String> header = new ArrayList<>();
            for (String h : recs.get(0)) {
                header.add(h.trim());
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord r : recs.subList(1, recs.size())) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < r.size(); i++) {
                    m.put(header.get(i), r.get(i));
                }
                rows.add(m);
            }
            return new Table(header, rows, recs.subList(1, recs.size()));
        }
    }

    /** the identity number as the engine would normalise it (full-width, spaces, dashes, x; 15 → 18) */
    static String normId(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if (c >= '０' && c <= '９') {
                b.append((char) (c - '０' + '0'));
            } else if (c >= '0' && c <= '9') {
                b.append(c);
            } else if (c == 'x' || c == 'X') {
                b.append('X');
            }
        }
        String s = b.toString();
        if (s.length() == 15) {
            return Ids.to18(s);
        }
        return s;
    }
}
