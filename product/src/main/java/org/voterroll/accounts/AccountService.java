package org.voterroll.accounts;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.voterroll.county.Places;

/** Creates and changes accounts. Passwords are stored as bcrypt hashes ({bcrypt}… via the delegating encoder). */
@Service
public class AccountService {
    static final int MIN_PASSWORD = 10;

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final Places places;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    public AccountService(AccountRepository accounts, AuditLog audit, Places places) {
        this.accounts = accounts;
        this.audit = audit;
        this.places = places;
    }

    public PasswordEncoder encoder() {
        return encoder;
    }

    public Account create(String name, Role role, String scope, String password, String actor) {
        if (name == null || !name.matches("[\\p{L}\\p{N}._-]{2,100}")) {
            throw new IllegalArgumentException("用户名须为2到100个字母、数字或 . _ -，请改填用户名");
        }
        String s = scope == null || scope.isBlank() ? null : scope.trim();
        role.checkScope(s);
        checkPlace(role, s);
        checkPassword(password);
        try {
            accounts.insert(name, encoder.encode(password), role, s, actor);
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("已有名为“" + name + "”的账户，请换一个用户名");
        }
        // the scope by its name too: the operator reading the audit log knows 河口乡, not 341299201
        String place = s == null ? null : places.name(s);
        audit.record(actor, AuditLog.ACCOUNT, "创建账户 " + name + "（" + role.label() + (s == null ? "" : " " + (place == null ? s : place + " " + s)) + "）");
        return accounts.find(name).orElseThrow();
    }

    public void setEnabled(long id, boolean enabled, String actor) {
        Account a = accounts.find(id).orElseThrow(() -> new IllegalArgumentException("没有编号为 " + id + " 的账户"));
        accounts.setEnabled(id, enabled);
        audit.record(actor, AuditLog.ACCOUNT, (enabled ? "启用账户 " : "停用账户 ") + a.name());
    }

    public void setPassword(long id, String password, String actor) {
        Account a = accounts.find(id).orElseThrow(() -> new IllegalArgumentException("没有编号为 " + id + " 的账户"));
        checkPassword(password);
        accounts.setPasswordHash(id, encoder.encode(password));
        audit.record(actor, AuditLog.ACCOUNT, "更改账户 " + a.name() + " 的密码");
    }

    public List<Account> all() {
        return accounts.all();
    }

    /**
     * A TOWNSHIP account only for a township of the county, a STATION account only for one of its districts, as the
     * county's latest run read them from xuanqu.csv: a mistyped code would make an account that sees nothing.
     */
    private void checkPlace(Role role, String code) {
        if (role == Role.TOWNSHIP && places.township(code).isEmpty()) {
            throw new IllegalArgumentException(places.known()
                    ? "乡镇代码 " + code + " 不是本县的乡镇，请填写选区设置（xuanqu.csv）“乡镇代码”一列中的代码" + example(true)
                    : "尚未读入本县的选区设置，无法核对乡镇代码 " + code + "：请先完成一次核对运行，再创建乡镇账户");
        }
        if (role == Role.STATION && places.district(code).isEmpty()) {
            throw new IllegalArgumentException(places.known()
                    ? "选区编码 " + code + " 不是本县的选区，请填写选区设置（xuanqu.csv）“选区编码”一列中的编码" + example(false)
                    : "尚未读入本县的选区设置，无法核对选区编码 " + code + "：请先完成一次核对运行，再创建登记站账户");
        }
    }

    private String example(boolean township) {
        return places.districts().stream().findFirst()
                .map(d -> township ? "，例如 " + d.townshipCode() + "（" + (d.townshipName() == null ? "" : d.townshipName()) + "）"
                        : "，例如 " + d.code() + "（" + d.name() + "）")
                .orElse("");
    }

    /** No default and no trivially short passwords: the first operator types one in. */
    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("密码至少需要 " + MIN_PASSWORD + " 个字符，请设一个更长的密码");
        }
    }
}
