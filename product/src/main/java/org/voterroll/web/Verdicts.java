package org.voterroll.web;

import java.util.List;

import org.voterroll.decisions.Verdict;

/** Which decisions make sense for which exception code (the nightly job acts on these; any item may be dismissed with a note). */
final class Verdicts {
    private Verdicts() {}

    static List<Verdict> forCode(String code) {
        return switch (code) {
            case "MATCH_REVIEW", "PERSON_MULTI_RECORD" -> List.of(Verdict.SAME_PERSON, Verdict.DIFFERENT, Verdict.DISMISS);
            case "DEATH_REVIEW" -> List.of(Verdict.CONFIRM_DEATH, Verdict.DIFFERENT, Verdict.DISMISS);
            case "ID_SHARED" -> List.of(Verdict.DIFFERENT, Verdict.DISMISS);
            case "NO_DISTRICT" -> List.of(Verdict.CHOOSE_DISTRICT, Verdict.DISMISS);
            // a request from another county of a province run is answered, not dismissed: issued, or refused with the reason
            case "CERTIFICATE_REQUEST" -> List.of(Verdict.ISSUE_CERTIFICATE, Verdict.REFUSE_CERTIFICATE);
            // one person on two counties' rolls: this county keeps them or strikes them; ignoring it would leave 重登 standing
            case "CROSS_COUNTY_DUPLICATE" -> List.of(Verdict.KEEP_HERE, Verdict.REMOVE_HERE);
            default -> List.of(Verdict.DISMISS);
        };
    }

    /** Checks a decision before it is stored; returns the problem in words for the form, or null. */
    static String problem(String code, Verdict verdict, String district, List<String> districts, String note) {
        if (verdict == null) return "请选择处理结果";
        if (!forCode(code).contains(verdict)) return "此类异常不能选择“" + verdict.label() + "”";
        if (verdict == Verdict.CHOOSE_DISTRICT && (district == null || !districts.contains(district))) return "请选择本县的选区";
        if (verdict == Verdict.DISMISS && (note == null || note.isBlank())) return "忽略须填写说明";
        if (verdict == Verdict.REFUSE_CERTIFICATE && (note == null || note.isBlank())) return "不予出具须填写理由";
        // striking a voter off needs the ground it rests on (本人确认、对方县核实……); keeping one changes nothing here
        if (verdict == Verdict.REMOVE_HERE && (note == null || note.isBlank())) return "本县核减须填写依据";
        if (note != null && note.length() > 2000) return "说明不能超过2000字";
        return null;
    }
}
