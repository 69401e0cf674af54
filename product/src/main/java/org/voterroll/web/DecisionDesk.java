package org.voterroll.web;

import org.springframework.stereotype.Component;
import org.voterroll.accounts.AuditLog;
import org.voterroll.accounts.CurrentUser;
import org.voterroll.decisions.Verdict;
import org.voterroll.accounts.Role;
import java.util.List;

/** Opens an item for a township account (scope first, then existence) and records decisions on it. */
@Component
class DecisionDesk {
    private final ExceptionQueue queue;
    private final AuditLog audit;

    DecisionDesk(ExceptionQueue queue, AuditLog audit) {
        this.queue = queue;
        this.audit = audit;
    }

    /**
     * The item, if it is the account's: a township's for its clerk, one without a township for the county office of its
     * county; 403 for anyone else's, 404 for none.
     */
    ExceptionQueue.Item open(CurrentUser user, String runId, int itemNo) {
        if (user.role() == Role.COUNTY) {
            ExceptionQueue.Item item = queue.item(runId, itemNo).orElse(null);
            if (item == null) {
                if (user.scope() != null && !runId.startsWith(user.scope())) throw new Scope.OutOfScope();
                throw new Scope.NotFound();
            }
            Scope.county(user, queue.countyOf(runId));
            // a township's item is its clerk's to decide; the county office reads it on /county/all only
            if (item.townshipCode() != null) throw new Scope.OutOfScope();
            return item;
        }
        if (user.scope() == null) throw new Scope.OutOfScope();
        ExceptionQueue.Item item = queue.item(runId, itemNo).orElse(null);
        if (item == null) {
            // a run of another county is refused as out of scope rather than told apart from a missing item
            if (!runId.startsWith(user.scope().substring(0, 6))) throw new Scope.OutOfScope();
            throw new Scope.NotFound();
        }
        Scope.township(user, item.townshipCode());
        return item;
    }

    /** Stores the decision (who and when) and audits it; returns the problem in words instead when it is not acceptable. */
    String decide(CurrentUser user, ExceptionQueue.Item item, String verdictName, String district, String note) {
        return decide(user, item, verdictName, district, note, "运行 " + item.runId() + " 异常 " + item.itemNo());
    }

    /** As above; {@code subject} names the item in the audit line (a province run's item is not one of the county run's). */
    String decide(CurrentUser user, ExceptionQueue.Item item, String verdictName, String district, String note, String subject) {
        Verdict verdict;
        try {
            verdict = verdictName == null ? null : Verdict.valueOf(verdictName);
        } catch (IllegalArgumentException e) {
            verdict = null;
        }
        String county = queue.countyOf(item.runId());
        // a clerk chooses among their own township's districts, the county office among the county's
        java.util.Collection<String> allowed = user.role() == Role.COUNTY ? queue.districts(item.runId())
                : queue.districtsOf(item.runId(), user.scope()).keySet();
        if (verdict == Verdict.CHOOSE_DISTRICT && district != null && !district.isBlank() && !allowed.contains(district)
                && queue.districts(item.runId()).contains(district)) {
            // another township's district: a scope refusal like any other (audited by WebErrors), not a slip of the form
            throw new Scope.OutOfScope();
        }
        String problem = Verdicts.problem(item.code(), verdict, district, List.copyOf(allowed), note);
        if (problem != null) return problem;
        queue.decide(item, county, verdict, district, note == null || note.isBlank() ? null : note.trim(), user.name());
        audit.record(user.name(), AuditLog.DECISION, subject + "（"
                + org.voterroll.roll.Labels.exception(item.code()) + "）：" + verdict.label()
                + (verdict == Verdict.CHOOSE_DISTRICT ? " " + districtName(item.runId(), district) : ""));
        return null;
    }

    /** 河口乡第一选区（341299201-01）: the operator reading the audit log knows the district by its name. */
    private String districtName(String runId, String district) {
        String name = queue.districtNames(runId).get(district);
        return name == null ? district : name + "（" + district + "）";
    }
}
