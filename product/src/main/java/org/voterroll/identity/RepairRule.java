package org.voterroll.identity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.voterroll.identity.match.IdShape;

/**
 * RULES.md's second certain link: a number that fails its check digit (or contradicts its record) is
 * one wrong digit or one adjacent swap away from exactly one known person, whose name (not a homophone), sex and birth
 * agree as the record itself states them.
 * <p>
 * A person without a police record has no reference spelling (SOURCES.md: the police name is the reference): each of
 * the records under their number spells them as an agency wrote it, and the person shows the commonest. A police row
 * 杨剑涛 one digit from the number of a person known from a unit's row 杨剑涛 and a resettlement's 杨建涛 (shown 杨建涛)
 * agrees with the person's own unit row: the name agrees.
 */
public final class RepairRule {
    private RepairRule() {}

    /**
     * @param hits    the distinct persons whose numbers are repair candidates of the record's number
     * @param speltSo the keys of those persons without a police record one of whose records under their number is spelt
     *                exactly as this record
     */
    public static Optional<Link> apply(IdentityRecord r, List<PersonSeed> hits, Set<String> speltSo) {
        if (hits.size() != 1) return Optional.empty();
        PersonSeed p = hits.get(0);
        boolean named = NameRules.same(p.name(), r.name()) || (!p.fromHuji() && speltSo.contains(p.personKey()));
        if (!named) return Optional.empty();
        // the record's own sex and birth: what it has only from its mistyped number is that number, no evidence of whose
        // it is (minzheng, waidi, xuanwei and chaiqian rows state no birth, so their repairs would rest on the name alone)
        if (r.sex() == null || !Objects.equals(r.sex(), p.sex())) return Optional.empty();
        if (p.birthDate() == null) return Optional.empty();
        boolean birthAgrees;
        if (r.birthDate() != null) birthAgrees = r.birthDate().equals(p.birthDate());
        else if (r.birthMonth() != null) birthAgrees = r.birthMonth().equals(java.time.YearMonth.from(p.birthDate()));
        else birthAgrees = false;
        if (!birthAgrees) return Optional.empty();
        IdShape shape = IdShape.of(r.comparedNumber(), p.idNumber());
        return Optional.of(new Link(r.recId(), p.personKey(), Link.Method.REPAIRED, true, null,
                "号码纠错(" + shape + ")，姓名、性别、出生一致"));
    }
}
