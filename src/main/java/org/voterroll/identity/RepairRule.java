package org.voterroll.identity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.voterroll.identity.match.IdShape;

/**
 * RULES.md's second certain link: a number that fails its check digit (or contradicts its record) is
 * one wrong digit or one adjacent swap away from exactly one known person, whose name, sex and birth agree.
 */
public final class RepairRule {
    private RepairRule() {}

    /** @param hits the distinct persons whose numbers are repair candidates of the record's number */
    public static Optional<Link> apply(IdentityRecord r, List<PersonSeed> hits) {
        if (hits.size() != 1) return Optional.empty();
        PersonSeed p = hits.get(0);
        if (!NameRules.agree(p.name(), r.name())) return Optional.empty();
        if (r.effectiveSex() == null || !Objects.equals(r.effectiveSex(), p.sex())) return Optional.empty();
        if (p.birthDate() == null) return Optional.empty();
        boolean birthAgrees;
        if (r.birthDate() != null) birthAgrees = r.birthDate().equals(p.birthDate());
        else if (r.birthMonth() != null) birthAgrees = r.birthMonth().equals(java.time.YearMonth.from(p.birthDate()));
        else birthAgrees = p.birthDate().equals(r.effectiveBirthDate());
        if (!birthAgrees) return Optional.empty();
        IdShape shape = IdShape.of(r.idNumber(), p.idNumber());
        return Optional.of(new Link(r.recId(), p.personKey(), Link.Method.REPAIRED, true, null,
                "号码纠错(" + shape + ")，姓名、性别、出生一致"));
    }
}
