package org.voterroll.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.voterroll.identity.match.AddressComparison;

/**
 * Which namesakes a record with neither a number nor a birth of its own names as its likeliest people (the NAMESAKE
 * blocking rule): the persons whose name reads as its name ({@link NameRules#agree}: 孙炜 names 孙伟), of its sex when it
 * has one (RULES.md: never dropped without an item naming them). Too many of them for a list to help a clerk: those of
 * the record's dwelling (a common name has a score of namesakes in one village of a million-person county, issue 18),
 * else of its village, else of its very name; a resettlement case row still too crowded, by its case's household.
 */
final class NamesakeRule {
    private NamesakeRule() {}

    /** The most persons of one name a record without number or birth names as its likeliest people. */
    static final int NAMED = 10;

    /** A person whose name (or former name) reads as the record's, and what else ties them. */
    record Namesake(long personId, boolean sameName, boolean sameVillage, boolean sameDwelling) {
        /** The person met again under their other spelling: their very name if either is. */
        Namesake and(Namesake other) {
            return new Namesake(personId, sameName || other.sameName(), sameVillage, sameDwelling);
        }
    }

    /** What a person is to the record under one spelling of their name (their name or former name), if a namesake. */
    record Person(long personId, String spelling, String sex, String areaCode, String residenceArea, String address,
                  String residenceAddress) {}

    static Optional<Namesake> of(IdentityRecord r, Person p) {
        if (r.sex() != null && p.sex() != null && !p.sex().isEmpty() && p.sex().charAt(0) != r.sex()) return Optional.empty();
        if (!NameRules.agree(p.spelling(), r.name())) return Optional.empty();
        String village = r.areaCode() != null && r.areaCode().length() == 12 ? r.areaCode() : null;
        boolean sameVillage = village != null && (village.equals(p.areaCode()) || village.equals(p.residenceArea()));
        boolean sameDwelling = r.address() != null
                && (AddressComparison.oneDwelling(r.address(), r.areaCode(), p.address(), p.areaCode())
                    || AddressComparison.oneDwelling(r.address(), r.areaCode(), p.residenceAddress(),
                                                     p.residenceArea() != null ? p.residenceArea() : p.areaCode()));
        return Optional.of(new Namesake(p.personId(), p.spelling().equals(r.name()), sameVillage, sameDwelling));
    }

    /** The namesakes to name, by person id, or empty when they are too many (or none) however narrowed. */
    static Optional<List<Long>> named(List<Namesake> all) {
        List<Namesake> named = all.size() <= NAMED ? all : all.stream().filter(Namesake::sameDwelling).toList();
        if (named.isEmpty() || named.size() > NAMED) named = all.stream().filter(Namesake::sameVillage).toList();
        if (named.isEmpty() || named.size() > NAMED) named = all.stream().filter(Namesake::sameName).toList();
        if (named.size() > NAMED || named.isEmpty()) return Optional.empty();
        return Optional.of(named.stream().map(Namesake::personId).toList());
    }

    /**
     * A resettlement case row with too many namesakes for a list (a common name in a county of a million, issue 18: an
     * unanchored case named nobody) is told apart by its case: the namesakes whose household holds the most of the case's
     * other names are its likeliest people, when at least one other name is there and they are few enough to list.
     *
     * @param namesakes      the row's namesakes, by person id
     * @param caseNames      the names of the case's other rows
     * @param householdNames person id → the names of the others of their household
     */
    static Optional<List<Long>> byCaseHousehold(List<Long> namesakes, Set<String> caseNames, Map<Long, List<String>> householdNames) {
        Map<Long, Long> support = new LinkedHashMap<>();
        for (Long person : namesakes) {
            long n = caseNames.stream().filter(name -> householdNames.getOrDefault(person, List.of()).stream()
                    .anyMatch(h -> NameRules.agree(h, name))).count();
            if (n > 0) support.put(person, n);
        }
        long best = support.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Long> named = support.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
        return best > 0 && named.size() <= NAMED ? Optional.of(named) : Optional.empty();
    }
}
