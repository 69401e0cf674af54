package org.voterroll.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins counted per account name and per client address: {@code maxFailures} failures within {@code window}
 * lock the key for {@code firstLockout}; each further lockout of the same key doubles, up to {@code maxLockout}. A
 * successful login or an operator's unlock resets an account; a key idle for a day forgets its lockouts.
 *
 * <p>Logins already past the check when a lock is set still finish (a burst of parallel guesses may get a few more
 * than {@code maxFailures} tries); every later one is refused.
 *
 * <p>Kept in memory, on purpose: one {@code serve} process answers the web (ops/README.md), a restart of it clears every
 * lock, and nothing of an attack is written to the database but its audit lines. Plain Java with a clock, so the rules
 * are tested directly (LoginThrottleTest).
 */
final class LoginThrottle {
    /**
     * Keys with no failure and no lockout for this long are forgotten once there are more than MAX_KEYS: made-up names
     * grow the map by at most 20 per address and lock (the address limit), so it stays small unless many addresses attack.
     */
    static final Duration FORGET = Duration.ofDays(1);
    static final int MAX_KEYS = 10_000;

    record Limits(int maxFailures, Duration window, Duration firstLockout, Duration maxLockout) {
        Duration lockout(int nth) {
            Duration d = firstLockout;
            for (int i = 1; i < nth && d.compareTo(maxLockout) < 0; i++) d = d.multipliedBy(2);
            return d.compareTo(maxLockout) > 0 ? maxLockout : d;
        }
    }

    /** A lock that a failure has just put on an account name or an address: for the audit log. */
    record Lockout(boolean account, String key, Duration length, Instant until, int failures) {}

    private static final class Entry {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil = Instant.MIN;
        int lockouts;
        Instant lastSeen = Instant.MIN;
    }

    private final Clock clock;
    private final Limits perAccount, perAddress;
    private final Map<String, Entry> accounts = new ConcurrentHashMap<>(), addresses = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, Limits perAccount, Limits perAddress) {
        this.clock = clock;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    /** Until when a login for this name from this address is refused without looking at the password; empty: not locked. */
    synchronized Optional<Instant> lockedUntil(String account, String address) {
        Instant now = clock.instant(), until = Instant.MIN;
        for (Entry e : entries(account, address)) if (e.lockedUntil.isAfter(until)) until = e.lockedUntil;
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /** Until when the account name is locked, for the operators' account list. */
    synchronized Optional<Instant> accountLockedUntil(String account) {
        Entry e = account == null ? null : accounts.get(key(account));
        return e != null && e.lockedUntil.isAfter(clock.instant()) ? Optional.of(e.lockedUntil) : Optional.empty();
    }

    /** A wrong password (or an unknown name): counted for the name and the address; returns the locks it sets. */
    synchronized List<Lockout> failed(String account, String address) {
        Instant now = clock.instant();
        List<Lockout> out = new ArrayList<>();
        if (account != null) count(accounts, key(account), perAccount, now, true).ifPresent(out::add);
        if (address != null) count(addresses, key(address), perAddress, now, false).ifPresent(out::add);
        if (accounts.size() + addresses.size() > MAX_KEYS) forgetIdle(now);
        return out;
    }

    /** The right password outside a lock: the account's count and lockout level start again (the address's do not). */
    synchronized void succeeded(String account) {
        if (account != null) accounts.remove(key(account));
    }

    /** An operator's unlock: the account may log in at once. Returns whether it was locked. */
    synchronized boolean unlock(String account) {
        Entry e = account == null ? null : accounts.remove(key(account));
        return e != null && e.lockedUntil.isAfter(clock.instant());
    }

    private Optional<Lockout> count(Map<String, Entry> map, String key, Limits limits, Instant now, boolean account) {
        Entry e = map.computeIfAbsent(key, k -> new Entry());
        if (e.lastSeen.isBefore(now.minus(FORGET))) e.lockouts = 0;
        e.lastSeen = now;
        // failures during a lock are refused before the password is checked and never reach here, and a lock clears
        // the count: what is left are the failures since the last lock ended, of which those within the window count
        while (!e.failures.isEmpty() && e.failures.peekFirst().isBefore(now.minus(limits.window()))) e.failures.pollFirst();
        e.failures.addLast(now);
        if (e.failures.size() < limits.maxFailures()) return Optional.empty();
        e.lockouts++;
        Duration length = limits.lockout(e.lockouts);
        e.lockedUntil = now.plus(length);
        int failures = e.failures.size();
        e.failures.clear();
        return Optional.of(new Lockout(account, key, length, e.lockedUntil, failures));
    }

    private void forgetIdle(Instant now) {
        for (Map<String, Entry> map : List.of(accounts, addresses)) {
            map.values().removeIf(e -> e.lastSeen.isBefore(now.minus(FORGET)) && !e.lockedUntil.isAfter(now));
        }
    }

    private List<Entry> entries(String account, String address) {
        List<Entry> out = new ArrayList<>(2);
        if (account != null && accounts.get(key(account)) != null) out.add(accounts.get(key(account)));
        if (address != null && addresses.get(key(address)) != null) out.add(addresses.get(key(address)));
        return out;
    }

    /** Names are as typed (the account lookup is exact), but bounded: a 1 MB name is not a 1 MB key. */
    private static String key(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
