package org.voterroll.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A household of the police register, written to every source at once. */
final class Household {
    /** a demolition case (被征收户) */
    static final class Case {
        Geo.Project project;
        String caseNo;
        /** RESET (产权调换, handed over ≤ E), AFTER_E, EMPTY (产权调换, no hand-over yet), MONEY (货币补偿) */
        String type;
        LocalDate handover;
        int resettleVillage = -1;
        String resettleAddress = "";
    }

    final int village;
    final String hh;
    final String address;
    final List<Person> members = new ArrayList<>(6);
    Case cq;
    boolean surveyed;
    String tongjiId;

    Household(int village, String hh, String address) {
        this.village = village;
        this.hh = hh;
        this.address = address;
    }
}
