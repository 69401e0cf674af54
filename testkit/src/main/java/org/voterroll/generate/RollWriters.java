package org.voterroll.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The previous roll, one file per district (OUTPUTS.md roll format, UTF-8). Lines arrive in generation order, so
 * most go to the few districts of the current township: an access-ordered cache keeps at most 256 files open and
 * re-opens evicted ones in append mode (the bytes do not depend on the cache).
 */
final class RollWriters implements Closeable {
    static final String[] HEADER = {"选区编码", "选区名称", "序号", "姓名", "性别", "出生日期", "公民身份号码", "户籍地址", "居住地址", "登记依据", "变动"};

    private final Path dir;
    private final Geo geo;
    private final int[] seq;
    private final boolean[] created;
    private final Map<Integer, Writer> open;
    private final StringBuilder b = new StringBuilder(256);
    long lines;

    RollWriters(Path dir, Geo geo) throws IOException {
        this.dir = dir;
        this.geo = geo;
        Files.createDirectories(dir);
        this.seq = new int[geo.districts.length];
        this.created = new boolean[geo.districts.length];
        this.open = new LinkedHashMap<>(512, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Writer> e) {
                if (size() > 256) {
                    try {
                        e.getValue().close();
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                    return true;
                }
                return false;
            }
        };
    }

    private Writer writer(int d) {
        Writer w = open.get(d);
        if (w != null) {
            return w;
        }
        try {
            Path p = dir.resolve(geo.districts[d].code + ".csv");
            if (!created[d]) {
                w = new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 13);
                w.write(String.join(",", HEADER));
                w.write('\n');
                created[d] = true;
            } else {
                w = new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8, StandardOpenOption.APPEND), 1 << 13);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        open.put(d, w);
        return w;
    }

    void line(int d, String name, boolean male, String birth, String id, String hujiAddr, String liveAddr, String basis, String change) {
        Geo.District dist = geo.districts[d];
        b.setLength(0);
        b.append(dist.code).append(',').append(dist.name).append(',').append(++seq[d]).append(',').append(name).append(',')
                .append(Fmt.sex(male)).append(',').append(birth).append(',').append(id).append(',');
        field(hujiAddr);
        b.append(',');
        field(liveAddr);
        b.append(',').append(basis).append(',').append(change).append('\n');
        try {
            writer(d).write(b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines++;
    }

    private void field(String v) {
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
            b.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
            b.append(v);
        }
    }

    @Override
    public void close() throws IOException {
        for (Writer w : open.values()) {
            w.close();
        }
        open.clear();
        for (int d = 0; d < created.length; d++) {
            if (!created[d]) {
                Files.writeString(dir.resolve(geo.districts[d].code + ".csv"), String.join(",", HEADER) + "\n");
                created[d] = true;
            }
        }
    }
}
