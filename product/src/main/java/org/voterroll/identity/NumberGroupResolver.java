package org.voterroll.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * Resolves the records that carry one usable identity number (RULES.md "One person, one line"):
 * the police records under it are one person when their names agree (一人多户 with a legacy number),
 * several persons when they clearly differ (重号); every other record links to the person it names.
 */
public final class NumberGroupResolver {
    private final NameFrequencies frequencies;
    private final Twins twins;

    public NumberGroupResolver(NameFrequencies frequencies, Twins twins) {
        this.frequencies = frequencies;
        this.twins = twins;
    }

    public NumberGroupResolver(NameFrequencies frequencies) {
        this(frequencies, new Twins());
    }

    public NumberGroupResolver() {
        this(new NameFrequencies());
    }

    public record Result(List<PersonSeed> persons, List<Link> links, List<IdentityRecord> pending, boolean shared) {}

    /** @param group records with this usable number, police first, original 18-digit before legacy, then by rec_id */
    public Result resolve(String number, List<IdentityRecord> group) {
        List<PersonSeed> persons = new ArrayList<>();
        Map<String, List<String>> namesOf = new HashMap<>();
        List<Link> links = new ArrayList<>();
        List<IdentityRecord> pending = new ArrayList<>();
        List<IdentityRecord> others = new ArrayList<>();
        // 重号 (RULES.md: "two different people under one number ... list both"): a police row whose sex or birth the
        // number contradicts, while another police row holds the number as its own, is the number's second holder, not
        // a mistyped number of nobody's (徐超伟 and 王洁雪, a woman eight years older, under one number: she was on no roll)
        // (the holders first, so that the number's own key stays with a row it agrees with; the sort is stable)
        List<IdentityRecord> ordered = group.stream().sorted(Comparator.comparingInt(NumberGroupResolver::place)).toList();
        boolean heldByThePolice = !ordered.isEmpty() && place(ordered.get(0)) == 0;
        for (IdentityRecord r : ordered) {
            if (r.numberContradictsRecord() && !(r.isHuji() && heldByThePolice)) {
                pending.add(r);
                continue;
            }
            if (!r.isHuji()) {
                others.add(r);
                continue;
            }
            PersonSeed home = null;
            String evidence = "号码相同";
            for (PersonSeed p : persons) {
                if (NameRules.agree(p.name(), r.name())) {
                    home = p;
                    break;
                }
                if (isLegacyDuplicate(p, r)) {
                    home = p;
                    evidence = "号码相同（15位旧号），另一户，姓名差一字：一人多户";
                    break;
                }
            }
            if (home == null) {
                home = PersonSeed.of(persons.isEmpty() ? number : number + "#" + r.name(), number, r);
                persons.add(home);
            }
            namesOf.computeIfAbsent(home.personKey(), k -> new ArrayList<>()).add(r.name());
            if (r.formerName() != null) namesOf.get(home.personKey()).add(r.formerName());
            links.add(new Link(r.recId(), home.personKey(), Link.Method.NUMBER, true, null, evidence));
        }
        if (persons.isEmpty() && !others.isEmpty()) {
            IdentityRecord giver = nameGiver(others);
            persons.add(PersonSeed.of(number, number, giver));
            namesOf.put(number, new ArrayList<>(List.of(giver.name())));
        }
        List<IdentityRecord> linked = new ArrayList<>();
        for (IdentityRecord r : others) {
            if (persons.size() == 1) {
                if (names(namesOf.get(persons.get(0).personKey()), r.name()) && !namesTheTwin(persons.get(0), r)) {
                    links.add(new Link(r.recId(), persons.get(0).personKey(), Link.Method.NUMBER, true, null, "号码相同"));
                    linked.add(r);
                } else {
                    pending.add(r);
                }
                continue;
            }
            List<PersonSeed> named = persons.stream().filter(p -> NameRules.agree(p.name(), r.name()) && !namesTheTwin(p, r)).toList();
            if (named.size() == 1) {
                links.add(new Link(r.recId(), named.get(0).personKey(), Link.Method.NUMBER, true, null, "号码相同，姓名一致（重号）"));
            } else {
                for (PersonSeed p : persons) {
                    links.add(new Link(r.recId(), p.personKey(), Link.Method.SHARED_NUMBER, false, null,
                            "重号：号码相同，姓名" + (named.isEmpty() ? "与各人均不符" : "与多人相符")));
                }
            }
            linked.add(r);
        }
        return new Result(withResidences(persons, links, linked), links, pending, persons.size() > 1);
    }

    /** A group's police rows the number agrees with, then those it contradicts, then the other agencies' rows. */
    private static int place(IdentityRecord r) {
        return !r.isHuji() ? 2 : r.numberContradictsRecord() ? 1 : 0;
    }

    /**
     * A record under its number names that number's person when its name agrees with one of theirs (the police
     * records' names and former names). One that names someone else — 方丽 under 胡宁军's number, a twin under the
     * other's — carries a number copied from another person's document: it is linked like a record without a usable
     * number (RULES.md: a number that "disagrees with the rest of the record"), never for certain by the number.
     */
    private static boolean names(List<String> personNames, String name) {
        for (String n : personNames) if (NameRules.agree(n, name)) return true;
        return false;
    }

    /**
     * A record spelt exactly as the person's twin (same household, same birth date) whose name reads like the person's
     * only as a homophone names the twin as much as the person: it is not linked by the number, and fuzzy linking names
     * both for review (issue 18: a homophone of 李明 that is his twin 李鸣's very name went to 李明 for certain). Nor is
     * a record of another agency spelt as a homophone of both twins: one twin would be struck off, moved or put in the
     * away book on the strength of a number that a clerk may have taken from the other's papers (送博 at a unit under
     * 宋波's number was his twin 宋博's; a survey's 外出 under 任泽's number was his twin 任则's). A twin of the other
     * sex than the record states is not named by it.
     */
    private boolean namesTheTwin(PersonSeed p, IdentityRecord r) {
        return p.fromHuji() && twins.isTwinOf(p.householdKey(), p.birthDate(), p.name(), r.name(), r.sex());
    }

    /**
     * SOURCES.md's 一人多户: the same person registered a second time under the legacy 15-digit form of their number, in
     * another household, with a name one character apart (王建国 / 王建华). Under one 18-digit number twice the same
     * names stay two persons for a township to look at (PERSON_MULTI_RECORD); the 15-digit form is the old registration
     * of the same number, which RULES.md counts as the same number.
     */
    private static boolean isLegacyDuplicate(PersonSeed p, IdentityRecord r) {
        return "LEGACY15".equals(r.idStatus()) && r.householdKey() != null && !r.householdKey().equals(p.householdKey())
                && NameRules.oneGivenCharApart(p.name(), r.name());
    }

    /** A person's active residence registration is a second place to find them at: its village, if not theirs, and its dwelling. */
    private static List<PersonSeed> withResidences(List<PersonSeed> persons, List<Link> links, List<IdentityRecord> others) {
        Map<Long, IdentityRecord> residences = new HashMap<>();
        for (IdentityRecord r : others) if (r.isActiveResidence()) residences.put(r.recId(), r);
        if (residences.isEmpty()) return persons;
        Map<String, IdentityRecord> residenceOf = new HashMap<>();
        for (Link l : links) {
            IdentityRecord r = residences.get(l.recId());
            if (r != null && l.certain()) residenceOf.put(l.personKey(), r);
        }
        List<PersonSeed> out = new ArrayList<>(persons.size());
        for (PersonSeed p : persons) {
            IdentityRecord r = residenceOf.get(p.personKey());
            if (r == null) {
                out.add(p);
            } else {
                String area = r.areaCode() == null || r.areaCode().equals(p.areaCode()) ? null : r.areaCode();
                out.add(p.withResidence(area, r.address()));
            }
        }
        return out;
    }

    /**
     * The record whose spelling names a person known only outside the police register: a spelling
     * without '*'/'?' if any; of those, the police residence registration's (liudong: SOURCES.md has
     * homophone mis-typing only in non-police sources) if there is one; the one most records agree on;
     * on a tie the one of common characters ({@link NameFrequencies}); then the first.
     */
    IdentityRecord nameGiver(List<IdentityRecord> others) {
        List<IdentityRecord> full = others.stream().filter(r -> r.name().indexOf('*') < 0 && r.name().indexOf('?') < 0).toList();
        if (full.isEmpty()) return others.get(0);
        Map<String, Integer> votes = new HashMap<>();
        for (IdentityRecord r : full) votes.merge(r.name(), 1, Integer::sum);
        List<IdentityRecord> police = full.stream().filter(r -> "liudong".equals(r.source())).toList();
        List<IdentityRecord> spellings = police.isEmpty() ? full : police;
        Character sex = others.stream().map(IdentityRecord::sex).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        IdentityRecord best = spellings.get(0);
        for (IdentityRecord r : spellings) {
            int byVotes = Integer.compare(votes.get(r.name()), votes.get(best.name()));
            if (byVotes > 0 || (byVotes == 0 && frequencies.commonness(r.name(), sex) > frequencies.commonness(best.name(), sex))) best = r;
        }
        if (police.isEmpty()) {
            // the residence registration lost a rare character (王超?): its spelling, completed from a full one (王钞赟 → 王超赟)
            for (IdentityRecord r : others) {
                if (!"liudong".equals(r.source())) continue;
                String completed = completed(r.name(), best.name());
                if (completed != null) return best.withName(completed);
            }
        }
        return best;
    }

    /** {@code partial}'s characters with its '*' / '?' taken from {@code full}, when the two spell one name; else null. */
    static String completed(String partial, String full) {
        if (partial.indexOf('*') < 0 && partial.indexOf('?') < 0) return null;
        int[] p = partial.codePoints().toArray();
        int[] f = full.codePoints().toArray();
        if (p.length != f.length || !NameRules.agree(partial, full)) return null;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < p.length; i++) out.appendCodePoint(p[i] == '*' || p[i] == '?' ? f[i] : p[i]);
        return out.toString();
    }
}
