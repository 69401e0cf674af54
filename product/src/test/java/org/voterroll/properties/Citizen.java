package org.voterroll.properties;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A person of a generated county as they truly are: the generator's truth that the invariants hold a run against.
 * Mutable only while the county is rendered.
 */
final class Citizen {
    final int index;
    final int piece;
    final String number;
    final String name;
    final boolean male;
    final LocalDate birth;
    final String household;
    final String village;
    String status = "正常";
    /** every 18-character number this person is known under (a 一人多户 second registration's legacy form is the same) */
    final Set<String> numbers = new LinkedHashSet<>();
    /** some record of a removal (death, rights, elsewhere) or a police status other than 正常 names this person */
    boolean anyRemoval;
    /** a removal record with the person's own number and a name that agrees after normalisation */
    boolean cleanRemoval;
    /** an active insurance record at the works with a district of its own, with the person's own number and name */
    boolean cleanUnit;
    /** the person's number is also someone else's (重号), or the person has a second registration (一人多户) */
    boolean tangled;
    /** the household register is outside the county */
    boolean inMigrant;

    Citizen(int index, int piece, String number, String name, boolean male, LocalDate birth, String household, String village) {
        this.index = index;
        this.piece = piece;
        this.number = number;
        this.name = name;
        this.male = male;
        this.birth = birth;
        this.household = household;
        this.village = village;
        numbers.add(number);
    }

    boolean adultOn(LocalDate day) {
        LocalDate eighteen = birth.plusYears(18); // plusYears keeps 29 February at 28 February in a common year
        return !eighteen.isAfter(day);
    }

    /** RULES.md leaves nothing open about them: a living adult with a clean police record and no notices is listed. */
    boolean plainlyListed(LocalDate day) {
        return adultOn(day) && "正常".equals(status) && !anyRemoval && !tangled && !inMigrant;
    }

    @Override
    public String toString() {
        return name + " (" + number + ", " + (male ? "男" : "女") + ", " + birth + ", 户 " + household + ")";
    }
}
