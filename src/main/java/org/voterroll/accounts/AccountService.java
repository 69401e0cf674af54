package org.voterroll.accounts;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creates and changes accounts. Passwords are stored as bcrypt hashes ({bcrypt}… via the delegating encoder). */
@Service
public class AccountService {
    static final int MIN_PASSWORD = 10;

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    public AccountService(AccountRepository accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    public PasswordEncoder encoder() {
        return encoder;
    }

    public Account create(String name, Role role, String scope, String password, String actor) {
        if (name == null || !name.matches("[\\p{L}\\p{N}._-]{2,100}")) {
            throw new IllegalArgumentException("--name: 2 to 100 letters, digits, '.', '_' or '-'");
        }
        String s = scope == null || scope.isBlank() ? null : scope.trim();
        role.checkScope(s);
        checkPassword(password);
        try {
            accounts.insert(name, encoder.encode(password), role, s, actor);
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("an account named '" + name + "' already exists");
        }
        audit.record(actor, AuditLog.ACCOUNT, "created " + name + " " + role + (s == null ? "" : " " + s));
        return accounts.find(name).orElseThrow();
    }

    public void setEnabled(long id, boolean enabled, String actor) {
        Account a = accounts.find(id).orElseThrow(() -> new IllegalArgumentException("no account " + id));
        accounts.setEnabled(id, enabled);
        audit.record(actor, AuditLog.ACCOUNT, (enabled ? "enabled " : "disabled ") + a.name());
    }

    public void setPassword(long id, String password, String actor) {
        Account a = accounts.find(id).orElseThrow(() -> new IllegalArgumentException("no account " + id));
        checkPassword(password);
        accounts.setPasswordHash(id, encoder.encode(password));
        audit.record(actor, AuditLog.ACCOUNT, "new password for " + a.name());
    }

    public List<Account> all() {
        return accounts.all();
    }

    /** No default and no trivially short passwords: the first operator types one in. */
    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("the password needs at least " + MIN_PASSWORD + " characters");
        }
    }
}
