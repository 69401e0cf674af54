package org.voterroll.accounts;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in account as Spring Security holds it: its role and the one code it is bound to. */
public record CurrentUser(String name, String passwordHash, Role role, String scope, boolean enabled) implements UserDetails {

    public static CurrentUser of(Account a) {
        return new CurrentUser(a.name(), a.passwordHash(), a.role(), a.scope(), a.enabled());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() { return passwordHash; }

    @Override
    public String getUsername() { return name; }

    @Override
    public boolean isEnabled() { return enabled; }

    @Override
    public String toString() {
        // never the hash, e.g. in a log line
        return "CurrentUser[" + name + ", " + role + (scope == null ? "" : ", " + scope) + "]";
    }
}
