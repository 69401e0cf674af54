package org.voterroll.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {
    private final JdbcTemplate jdbc;

    public AccountRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> find(String name) {
        return jdbc.query("SELECT * FROM account WHERE name = ?", AccountRepository::map, name).stream().findFirst();
    }

    public Optional<Account> find(long id) {
        return jdbc.query("SELECT * FROM account WHERE account_id = ?", AccountRepository::map, id).stream().findFirst();
    }

    public List<Account> all() {
        return jdbc.query("SELECT * FROM account ORDER BY role, scope_code, name", AccountRepository::map);
    }

    public void insert(String name, String hash, Role role, String scope, String createdBy) {
        jdbc.update("""
                INSERT INTO account (name, password_hash, role, scope_code, enabled, created_at, created_by)
                VALUES (?, ?, ?, ?, TRUE, ?, ?)""", name, hash, role.name(), scope, Timestamp.valueOf(LocalDateTime.now()), createdBy);
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.update("UPDATE account SET enabled = ? WHERE account_id = ?", enabled, id);
    }

    public void setPasswordHash(long id, String hash) {
        jdbc.update("UPDATE account SET password_hash = ? WHERE account_id = ?", hash, id);
    }

    private static Account map(ResultSet rs, int i) throws SQLException {
        return new Account(rs.getLong("account_id"), rs.getString("name"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                rs.getString("scope_code"), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toLocalDateTime(), rs.getString("created_by"));
    }
}
