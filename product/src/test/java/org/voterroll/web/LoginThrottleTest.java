package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The throttle's rules on a clock the test moves: counts within the window, lockouts that double to the cap, resets. */
class LoginThrottleTest {
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }

        void pass(Duration d) { now = now.plus(d); }
    }

    final Moving clock = new Moving();
    final LoginThrottle throttle = new LoginThrottle(clock,
            new LoginThrottle.Limits(5, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofHours(4)),
            new LoginThrottle.Limits(20, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofHours(4)));

    void fail(int times, String account, String address) {
        for (int i = 0; i < times; i++) throttle.failed(account, address);
    }

    @Test
    void fiveFailuresWithinTheWindowLockTheAccountFourDoNot() {
        fail(4, "clerk", "10.0.0.1");
        assertThat(throttle.lockedUntil("clerk", "10.0.0.1")).isEmpty();
        var locks = throttle.failed("clerk", "10.0.0.2");
        assertThat(locks).singleElement().satisfies(l -> {
            assertThat(l.account()).isTrue();
            assertThat(l.length()).isEqualTo(Duration.ofMinutes(15));
            assertThat(l.failures()).isEqualTo(5);
        });
        // locked from every address, until the lock ends
        assertThat(throttle.lockedUntil("clerk", "10.0.0.9")).contains(clock.now.plus(Duration.ofMinutes(15)));
        assertThat(throttle.lockedUntil("other", "10.0.0.9")).isEmpty();
        clock.pass(Duration.ofMinutes(15));
        assertThat(throttle.lockedUntil("clerk", "10.0.0.9")).isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        fail(4, "clerk", null);
        clock.pass(Duration.ofMinutes(16));
        assertThat(throttle.failed("clerk", null)).isEmpty();
        fail(3, "clerk", null);
        assertThat(throttle.lockedUntil("clerk", null)).isEmpty();
        assertThat(throttle.failed("clerk", null)).hasSize(1);
    }

    @Test
    void eachFurtherLockoutDoublesUpToTheCap() {
        Duration[] expected = {Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
                Duration.ofHours(4), Duration.ofHours(4)};
        for (Duration d : expected) {
            fail(4, "clerk", null);
            var locks = throttle.failed("clerk", null);
            assertThat(locks).singleElement().extracting(LoginThrottle.Lockout::length).isEqualTo(d);
            clock.pass(d);
            assertThat(throttle.lockedUntil("clerk", null)).isEmpty();
        }
    }

    @Test
    void aSuccessOrAnUnlockStartsTheAccountAgainButNotTheAddress() {
        fail(5, "clerk", null);
        assertThat(throttle.unlock("clerk")).isTrue();
        assertThat(throttle.lockedUntil("clerk", null)).isEmpty();
        assertThat(throttle.unlock("clerk")).isFalse();
        // after an unlock the next lock is the first again
        fail(4, "clerk", null);
        assertThat(throttle.failed("clerk", null)).singleElement().extracting(LoginThrottle.Lockout::length).isEqualTo(Duration.ofMinutes(15));
        clock.pass(Duration.ofMinutes(15));
        fail(4, "clerk", "10.0.0.1");
        throttle.succeeded("clerk");
        assertThat(throttle.failed("clerk", "10.0.0.1")).isEmpty();
        assertThat(throttle.accountLockedUntil("clerk")).isEmpty();
    }

    @Test
    void twentyFailuresFromOneAddressLockItForEveryName() {
        for (int i = 0; i < 19; i++) assertThat(throttle.failed("name" + i, "10.0.0.7")).isEmpty();
        var locks = throttle.failed("name19", "10.0.0.7");
        assertThat(locks).singleElement().satisfies(l -> {
            assertThat(l.account()).isFalse();
            assertThat(l.key()).isEqualTo("10.0.0.7");
        });
        assertThat(throttle.lockedUntil("anyone", "10.0.0.7")).isPresent();
        assertThat(throttle.lockedUntil("anyone", "10.0.0.8")).isEmpty();
        // a success of one account does not clear the address
        throttle.succeeded("name3");
        assertThat(throttle.lockedUntil("name3", "10.0.0.7")).isPresent();
    }

    @Test
    void aHugeNameIsABoundedKeyAndIdleKeysAreForgotten() {
        String huge = "x".repeat(1_000_000);
        fail(5, huge, null);
        assertThat(throttle.lockedUntil(huge, null)).isPresent();
        clock.pass(Duration.ofDays(2));
        for (int i = 0; i <= LoginThrottle.MAX_KEYS; i++) throttle.failed("n" + i, null);
        // the forgotten name starts from nothing: one failure sets no lock
        assertThat(throttle.failed(huge, null)).isEmpty();
    }
}
