package org.voterroll.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Real PostgreSQL schemas of their own and real child JVMs for the operations tests. */
public final class OpsTestSupport {
    public static final String BASE_URL = env("VOTER_ROLL_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/voter_roll_test");
    public static final String USER = env("VOTER_ROLL_TEST_DB_USER", "postgres");
    public static final String PASSWORD = env("VOTER_ROLL_TEST_DB_PASSWORD", "");

    private OpsTestSupport() {
    }

    static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    /** The test database's URL with the given schema as the connection's current schema. */
    public static String url(String schema) {
        return BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops the schema: the next application start migrates it afresh. */
    public static void freshSchema(String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(BASE_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    public static JdbcTemplate jdbc(String schema) {
        return new JdbcTemplate(new DriverManagerDataSource(url(schema), USER, PASSWORD));
    }

    /** Every child started, so that a failing test leaves no JVM behind (holding a county's lock). */
    public static final List<Process> CHILDREN = Collections.synchronizedList(new ArrayList<>());

    /** Kills (SIGKILL) every child still alive. */
    public static void killChildren() {
        synchronized (CHILDREN) {
            for (Process p : CHILDREN) p.destroyForcibly();
            CHILDREN.clear();
        }
    }

    /** A child JVM running the command line on the test classpath; its output is collected line by line. */
    public static final class Child {
        public final Process process;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final Thread pump;

        public Child(String schema, Map<String, String> props, String... args) throws IOException {
            this("-Xmx512m", schema, props, args);
        }

        /** With the child's heap limit, e.g. {@code -Xmx256m}. */
        public Child(String heap, String schema, Map<String, String> props, String... args) throws IOException {
            this(List.of("-cp", System.getProperty("java.class.path"), "org.voterroll.VoterRollApplication"), heap, schema, props, args);
        }

        /** {@code java -jar JAR ARGS}: the packaged application as an operator starts it. */
        public static Child ofJar(Path jar, String schema, Map<String, String> props, String... args) throws IOException {
            return new Child(List.of("-jar", jar.toString()), "-Xmx512m", schema, props, args);
        }

        private Child(List<String> launch, String heap, String schema, Map<String, String> props, String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", heap, "-Dfile.encoding=UTF-8",
                    "-Dspring.datasource.url=" + url(schema), "-Dspring.datasource.username=" + USER,
                    "-Dspring.datasource.password=" + PASSWORD));
            props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
            cmd.addAll(launch);
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().remove("VOTER_ROLL_DB_URL");
            process = pb.start();
            CHILDREN.add(process);
            pump = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = r.readLine()) != null) lines.add(l);
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            pump.setDaemon(true);
            pump.start();
        }

        /** Waits until the child prints a line starting with the prefix (or fails with its output). */
        public void awaitLine(String prefix, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                synchronized (lines) {
                    if (lines.stream().anyMatch(l -> l.startsWith(prefix))) return;
                }
                if (!process.isAlive() && !pump.isAlive()) break;
                Thread.sleep(50);
            }
            throw new AssertionError("no line '" + prefix + "' from the child; its output:\n" + output());
        }

        /** kill -9. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        public int exit(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child did not finish in " + timeout + "; output:\n" + output());
            }
            pump.join(5000);
            return process.exitValue();
        }

        public String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }

    /** Every regular file under dir by its relative path, with its bytes. */
    public static Map<String, byte[]> tree(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return m;
    }
}
