package org.voterroll.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.voterroll.decisions.DecisionBook.Decision;
import org.voterroll.decisions.Fingerprint;
import org.voterroll.decisions.Verdict;
import org.voterroll.identity.match.Thresholds;

/**
 * Which of a record's fuzzy candidates (pairs scoring at least the lower threshold) become links.
 * <ul>
 * <li>One candidate per person, whichever phases found them: the best score, every evidence.</li>
 * <li>At most {@value #MAX_CANDIDATES} candidates, best first (ties by person key, so a rerun keeps the same ones), and
 *     beside them every person the record's number is one typo from (a named candidate), whatever it scores; a record
 *     without a number, when nobody reaches the threshold, keeps every namesake it names (NamesakeRule).</li>
 * <li>A township's verdict on the pair wins: DIFFERENT drops it, SAME_PERSON or CONFIRM_DEATH makes it a certain
 *     {@link Link.Method#DECIDED} link (one per record: the best so decided).</li>
 * <li>The best candidate is {@link Link.Method#MATCHED} when it scores above the upper threshold and no other does, or
 *     the next one trails it by {@value #MATCH_MARGIN} bits or more (a hundred times less likely: the survey row taken
 *     at one 王德华's home, not at the other's): weighted evidence beyond name, sex and birth singles the person out.
 *     Still not a certain link (RULES.md lists those): the rules never let it change a listing, district or death
 *     without a person's decision.</li>
 * <li>Every other kept candidate is {@link Link.Method#FUZZY}: the review band.</li>
 * </ul>
 */
public final class CandidateRule {
    /** Candidates kept per record for review: more would only bury the right one. */
    public static final int MAX_CANDIDATES = 3;
    /** How far (log2 of the likelihood ratio) the best candidate above the upper threshold must lead another one there. */
    public static final double MATCH_MARGIN = 6.65;

    /** @param named one of the record's likeliest people by its number (one digit or swap away), kept below the lower threshold */
    public record Candidate(String personKey, double score, String evidence, boolean named) {
        public Candidate(String personKey, double score, String evidence) {
            this(personKey, score, evidence, false);
        }
    }

    private CandidateRule() {}

    /**
     * A record's candidates, one per person: phases find the same person for a record in several ways (its household
     * case, its block, a number one digit from theirs); the person keeps the best score and every distinct evidence.
     */
    static Map<String, Candidate> merged(List<Candidate> candidates) {
        Map<String, Candidate> byPerson = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            byPerson.merge(c.personKey(), c, (a, b) -> {
                Candidate best = a.score() >= b.score() ? a : b, other = best == a ? b : a;
                boolean named = a.named() || b.named();
                if (other.evidence() == null || other.evidence().equals(best.evidence())
                        || (best.evidence() != null && best.evidence().contains(other.evidence()))) {
                    return new Candidate(best.personKey(), best.score(), best.evidence(), named);
                }
                return new Candidate(best.personKey(), best.score(),
                        best.evidence() == null ? other.evidence() : best.evidence() + "；" + other.evidence(), named);
            });
        }
        return byPerson;
    }

    /**
     * @param numbered the record carries a number: its named candidates are the persons one typo from it; a record without
     *                 one has its namesakes named instead
     */
    public static List<Link> apply(long recId, String rowHash, boolean numbered, List<Candidate> candidates, Thresholds thresholds,
                                   Function<String, Optional<Decision>> decisions) {
        List<Candidate> sorted = new ArrayList<>(merged(candidates).values());
        // the persons the record's number is one typo from are named for review whatever they score and whoever else
        // reaches the threshold (RULES.md: the likeliest people are the number one typo away *and* the same name and
        // birth): a 王帼 whose number's birth digits are mistyped scores best for a stranger born on the mistyped day, and
        // her own person, born ten years earlier, is the one the notice is about. They stay FUZZY, never acted on. A
        // numberless record's namesakes are named only when nobody reaches the threshold: up to ten people of one name
        // beside a likely one would only bury it.
        boolean anyReaches = sorted.stream().anyMatch(c -> c.score() >= thresholds.lower());
        sorted.removeIf(c -> c.score() < thresholds.lower() && !(c.named() && (numbered || !anyReaches)));
        sorted.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::personKey));
        List<Candidate> kept = new ArrayList<>(sorted.subList(0, Math.min(MAX_CANDIDATES, sorted.size())));
        // the named beyond the first few: a numbered record's persons one typo away, and a numberless record's namesakes
        // when nobody reaches the threshold (NamesakeRule names at most ten; keeping three of four 付卫东 of the county,
        // by person key, left out the one a rights decision was about: independent7)
        if (numbered || !anyReaches) for (Candidate c : sorted.subList(kept.size(), sorted.size())) if (c.named()) kept.add(c);
        List<Link> links = new ArrayList<>();
        List<Candidate> open = new ArrayList<>();
        for (Candidate c : kept) {
            Optional<Decision> d = decisions.apply(Fingerprint.of("LINK", rowHash, c.personKey()));
            if (d.isPresent() && d.get().verdict() == Verdict.DIFFERENT) continue;
            // one certain link per record: should townships have said "same person" of two candidates, the better one
            // is taken and the other stays a candidate for review
            if (d.isPresent() && links.isEmpty() && (d.get().verdict() == Verdict.SAME_PERSON || d.get().verdict() == Verdict.CONFIRM_DEATH)) {
                links.add(new Link(recId, c.personKey(), Link.Method.DECIDED, true, c.score(), c.evidence()));
            } else {
                open.add(c);
            }
        }
        boolean decided = !links.isEmpty();
        for (int i = 0; i < open.size(); i++) {
            Candidate c = open.get(i);
            boolean alone = i == 0 && !decided && thresholds.decide(c.score()) == Thresholds.Decision.MATCH
                    && (open.size() == 1 || thresholds.decide(open.get(1).score()) != Thresholds.Decision.MATCH
                        || c.score() - open.get(1).score() >= MATCH_MARGIN);
            links.add(new Link(recId, c.personKey(), alone ? Link.Method.MATCHED : Link.Method.FUZZY, false, c.score(), c.evidence()));
        }
        return links;
    }
}
