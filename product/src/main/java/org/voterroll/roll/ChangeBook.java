package org.voterroll.roll;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.voterroll.identity.match.ChineseNames;
import org.voterroll.identity.match.NameAgreement;
import org.voterroll.rules.Reason;

/**
 * 三增三减 for one identity number: the people now registered under it against the lines the previous
 * roll had under it. Pure; docs/decisions.md gives the reasons.
 */
public final class ChangeBook {

    /**
     * @param newInCounty not in the county's register at the county's last completed run (absent from it, an in-migrant
     *                    then, or moved out of the county then); false when that run is not known (a first run from a
     *                    baseline roll)
     */
    public record Current(long personId, String name, boolean listed, String district, Reason reason, LocalDate birthDate,
                          boolean rightsAtPrevious, boolean inMigrant, boolean newInCounty) {}

    public record PreviousLine(int lineNo, String district, String name) {}

    public record Added(long personId, String district, String reason) {}

    public record Removed(PreviousLine line, Long personId, String reason) {}

    public record Changes(List<Added> added, List<Removed> removed) {}

    private final LocalDate previousElectionDay;

    public ChangeBook(LocalDate previousElectionDay) {
        this.previousElectionDay = previousElectionDay;
    }

    public Changes compare(List<Current> now, List<PreviousLine> before) {
        List<List<PreviousLine>> mine = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) mine.add(new ArrayList<>());
        List<Removed> removed = new ArrayList<>();
        for (PreviousLine line : before) {
            int owner = owner(now, line);
            if (owner < 0) removed.add(new Removed(line, null, "其他"));
            else mine.get(owner).add(line);
        }
        List<Added> added = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            Current c = now.get(i);
            boolean kept = false;
            for (PreviousLine line : mine.get(i)) {
                if (c.listed() && line.district().equals(c.district()) && !kept) {
                    kept = true;
                } else if (c.listed() && line.district().equals(c.district())) {
                    removed.add(new Removed(line, c.personId(), "其他"));
                } else if (c.listed()) {
                    removed.add(new Removed(line, c.personId(), "迁出"));
                } else {
                    removed.add(new Removed(line, c.personId(), c.reason() == null ? "其他" : c.reason().removalReason()));
                }
            }
            if (c.listed() && !kept) added.add(new Added(c.personId(), c.district(), addedReason(c, !mine.get(i).isEmpty())));
        }
        return new Changes(added, removed);
    }

    private String addedReason(Current c, boolean listedBefore) {
        if (listedBefore) return "迁入";
        if (previousElectionDay != null && c.birthDate() != null && c.birthDate().plusYears(18).isAfter(previousElectionDay)) return "新满十八周岁";
        if (c.rightsAtPrevious()) return "恢复政治权利";
        // RULES.md: 迁入 "listed before in another district of the county, or newly in the county"
        if (c.inMigrant() || c.newInCounty()) return "迁入";
        return "补登";
    }

    /** The person a previous line belongs to: the only one under the number, else the one whose name agrees. */
    private static int owner(List<Current> now, PreviousLine line) {
        if (now.isEmpty()) return -1;
        if (now.size() == 1) return 0;
        for (int i = 0; i < now.size(); i++) {
            NameAgreement a = ChineseNames.compare(now.get(i).name(), line.name());
            if (a == NameAgreement.EXACT || a == NameAgreement.DOT_VARIANT || a == NameAgreement.WILDCARD || a == NameAgreement.HOMOPHONE) return i;
        }
        return -1;
    }
}
