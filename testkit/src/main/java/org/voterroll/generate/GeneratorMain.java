package org.voterroll.generate;

import java.nio.file.Path;

/**
 * Command line for measurements and the memory check: {@code GeneratorMain <persons> <seed> <out> [townships]}.
 * (The application's own CLI calls {@link CountyGenerator#generate} directly.)
 */
public final class GeneratorMain {
    private GeneratorMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: GeneratorMain <persons> <seed> <out dir> [townships]");
            System.exit(2);
        }
        GeneratorOptions o = new GeneratorOptions(Integer.parseInt(args[0]), Long.parseLong(args[1]),
                args.length > 3 ? Integer.parseInt(args[3]) : 0, Path.of(args[2]));
        long t0 = System.nanoTime();
        GenerationResult res = CountyGenerator.generate(o);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Runtime rt = Runtime.getRuntime();
        System.out.println("persons=" + res.persons() + " rows=" + res.rowsPerSource() + " ms=" + ms
                + " heapUsedMB=" + (rt.totalMemory() - rt.freeMemory()) / (1 << 20) + " maxHeapMB=" + rt.maxMemory() / (1 << 20));
    }
}
