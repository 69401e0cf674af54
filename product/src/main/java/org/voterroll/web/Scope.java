package org.voterroll.web;

import org.voterroll.accounts.CurrentUser;
import org.voterroll.accounts.Role;

/**
 * The server-side scope check every township and station handler makes before it reads anything: the path
 * names a township or district, the account is bound to one, and they must be the same.
 */
final class Scope {
    private Scope() {}

    static void township(CurrentUser user, String townshipCode) {
        if (user.role() != Role.TOWNSHIP || townshipCode == null || !townshipCode.equals(user.scope())) throw new OutOfScope();
    }

    /** A county office account reaches its own county only (any county when it is bound to none). */
    static void county(CurrentUser user, String countyCode) {
        if (user.role() != Role.COUNTY || countyCode == null || (user.scope() != null && !countyCode.equals(user.scope()))) throw new OutOfScope();
    }

    /**
     * The province page: an operator sees every province run, a province office those under its area code (every one when
     * bound to none); the scope to read them with, null for all. Nobody else.
     */
    static String province(CurrentUser user) {
        if (user.role() == Role.OPERATOR) return null;
        if (user.role() != Role.PROVINCE) throw new OutOfScope();
        return user.scope();
    }

    static void district(CurrentUser user, String districtCode) {
        if (user.role() != Role.STATION || districtCode == null || !districtCode.equals(user.scope())) throw new OutOfScope();
    }

    /** Thrown when a request reaches outside the account's scope; answered by {@link WebErrors} with an empty 403. */
    static final class OutOfScope extends RuntimeException {
        OutOfScope() {
            super("out of scope", null, false, false);
        }
    }

    /** Thrown for a run, item or file that does not exist; answered with an empty 404. */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super("not found", null, false, false);
        }
    }
}
