package org.voterroll.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One designed person and everything the generator decided about them (lives only while its household is written). */
final class Person {
    static final class Liudong {
        int village;
        String address;
        LocalDate reg;
        LocalDate end;
    }

    static final class Shebao {
        Geo.Employer employer;
        String state;
        String termReason;
        LocalDate termDate;
        /** the number as the agency has it, before formatting mess: exact, 15-digit, mistyped or unusable */
        String number;
        /** the number links to the person by a certain link (exact, 15-digit or one-typo repair) */
        boolean certain = true;
        boolean typo;
        boolean fullFields;
    }

    static final class Rights {
        String type;
        LocalDate start;
        LocalDate end;

        Rights(String type, LocalDate start, LocalDate end) {
            this.type = type;
            this.start = start;
            this.end = end;
        }
    }

    long index;
    int village;
    String hh;
    String relation;
    String address;
    String surname;
    String name;
    boolean minority;
    String ethnic = "汉族";
    String formerName = "";
    boolean male;
    LocalDate birth;
    String id;
    boolean edge;

    boolean inMigrant;
    String homeRegion;
    boolean proof;
    LocalDate proofDate;
    /** a planted cross-county person: the 12-digit code of their registered address in the home county */
    String homeVillage;
    /** registered here, living in this other county of the province */
    String livesIn;

    String status = "正常";
    LocalDate statusDate;
    String moveTo = "";
    String hujiNumber;

    String special;
    boolean shared;
    boolean idInvalid;
    boolean ghost;
    String dupKind;
    String dupNumber;
    String dupName;
    /** the person whose name (or a homophone of it), sex and birth date this stranger shares */
    Person lookalikeOf;

    final List<Liudong> liudong = new ArrayList<>(1);
    final List<Shebao> shebao = new ArrayList<>(1);
    final List<Rights> rights = new ArrayList<>(0);
    String rightsBody;

    String tjState;
    String tjDest;
    boolean tjElsewhereRow;

    Household.Case cq;
    boolean cqNoNumber;

    /** minzheng: null, "normal" (huji 死亡 too), "conflict" (huji 正常), "review" (unusable number) */
    String mzKind;
    LocalDate mzDeath;
    String mzNumber;
    LocalDate sbDeath;

    String wdType;
    LocalDate wdDate;
    String wdRegion;

    boolean prevMissing;
    int prevOther = -1;
    boolean prevDuplicate;

    // ---- truth ----
    boolean listed;
    int district = -1;
    String basis = "";
    String reason = "";
    String added = "";
    boolean away;
    boolean book;
    int months = -1;
    final List<String> exceptions = new ArrayList<>(0);
    boolean review;
    boolean onPrev;
    int prevDistrict = -1;
    String prevBasis;
    String prevLiveAddress;

    boolean adultAt(LocalDate d) {
        return !birth.plusYears(18).isAfter(d);
    }

    int ageAt(LocalDate d) {
        return java.time.Period.between(birth, d).getYears();
    }

    boolean normal() {
        return "正常".equals(status);
    }
}
