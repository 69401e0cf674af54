package org.voterroll.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voterroll.ops.OpsTestSupport;

/**
 * {@link CountyLockTest} with the packaged application as an operator (or two cron entries) starts it: two
 * {@code java -jar target/voter-roll.jar reconcile} processes on one county at the same instant — exactly one runs,
 * the other exits 3 naming the run, host and pid that hold the county. An integration test (failsafe, after
 * {@code package}): {@code mvn verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CountyLockJarIT}.
 */
class CountyLockJarIT {
    @TempDir Path tmp;

    @AfterEach
    void noChildLeftBehind() {
        OpsTestSupport.killChildren();
    }

    @Test
    void twoJavaDashJarProcessesOnOneCountyExactlyOneRuns() throws Exception {
        Path jar = Path.of(System.getProperty("voter-roll.jar", "target/voter-roll.jar"));
        assertThat(jar).as("the packaged application (mvn package)").isRegularFile();
        var winner = CountyLockTest.exactlyOneRuns("ops_lock_jar", tmp, (props, args) -> OpsTestSupport.Child.ofJar(jar, "ops_lock_jar", props, args));
        // Spring Boot's first line names what it was started from: the jar, not the build's classes
        assertThat(winner.output()).containsPattern("Starting VoterRollApplication v\\S+ using Java .*\\(" + java.util.regex.Pattern.quote(jar.toAbsolutePath().normalize().toString()));
    }
}
