package org.voterroll.accounts;

import java.util.regex.Pattern;

/**
 * What an account may do; TOWNSHIP and STATION accounts are bound to one code (their scope), a COUNTY account to its county or
 * none, a PROVINCE account to the leading digits of its province (2) or prefecture city (4), or none.
 */
public enum Role {
    OPERATOR("运维人员", null),
    TOWNSHIP("乡镇工作人员", Pattern.compile("\\d{9}")),
    STATION("登记站", Pattern.compile("\\d{9}-\\d{2,3}|[0-9A-Za-z-]{1,40}")),
    /** The county election office (县选举委员会): the items no township can handle, and the whole county's queue to read. */
    COUNTY("县选举委员会", Pattern.compile("\\d{6}")),
    /**
     * The provincial or city election office: the province runs of the counties under its code, read-only (the counties' runs,
     * their cross-county items and registration rates); no county's queue or files.
     */
    PROVINCE("省（市）选举委员会", Pattern.compile("\\d{2}|\\d{4}"));

    private final String label;
    private final Pattern scope;

    Role(String label, Pattern scope) {
        this.label = label;
        this.scope = scope;
    }

    public String label() { return label; }

    /** Rejects a scope the role cannot have: an operator sees everything, the others exactly one code. */
    public void checkScope(String code) {
        if (scope == null) {
            if (code != null && !code.isBlank()) throw new IllegalArgumentException("运维人员账户没有范围，请将“范围”留空");
            return;
        }
        // a county office may be bound to its county's code, or to none in a database that holds one county; a province office
        // to its area's leading digits, or to none (every province run of the database)
        if ((this == COUNTY || this == PROVINCE) && (code == null || code.isBlank())) return;
        if (code == null || !scope.matcher(code).matches()) {
            if (this == COUNTY) throw new IllegalArgumentException("县选举办公室账户的范围须为6位县级区划代码（如 341299），或留空");
            if (this == PROVINCE) throw new IllegalArgumentException("省（市）选举委员会账户的范围须为省级区划代码的前2位（如 34）或地级市的前4位（如 3412），或留空");
            throw new IllegalArgumentException(this == TOWNSHIP ? "乡镇工作人员账户的范围须为9位乡镇代码（如 341299100）"
                    : "登记站账户的范围须为选区编码（如 341299100-02）");
        }
    }

    public static Role parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("角色须为 OPERATOR（操作员）、TOWNSHIP（乡镇工作人员）、STATION（登记站）、COUNTY（县选举办公室）或 PROVINCE（省（市）选举委员会），收到的是「" + s + "」");
        }
    }
}
