package org.voterroll.properties;

/**
 * The kinds of mess of SOURCES.md that a generated county's records may carry. A piece of a county (see {@link Piece})
 * applies the ones it holds to its target records; shrinking takes them away one by one.
 */
enum Mess {
    /** one character of the number wrong, any of the 18 (the check digit and the {@code X} too) */
    NUMBER_TYPO,
    /** two adjacent characters of the number swapped (the {@code X} with the digit before it too) */
    NUMBER_SWAP,
    /** the number left empty */
    NUMBER_EMPTY,
    /** the legacy 15-digit form of the number (GB 11643-1989) */
    NUMBER_LEGACY15,
    /**
     * the legacy form with one digit wrong: it has no check digit, so it converts to a well-formed number of nobody
     * (independent6); a person born from 2000 on has no legacy form and gets a plain typo
     */
    NUMBER_LEGACY15_TYPO,
    /** full-width digits, spaces or {@code -} inside, a lower-case {@code x}, surrounding spaces */
    NUMBER_FULL_WIDTH,
    /** a homophone (同音字) for one character of the given name: only in non-police sources; in the police register's
     *  second record of one person (一人多户) a name one character apart */
    NAME_HOMOPHONE,
    /** traditional characters (陳/陈) */
    NAME_TRADITIONAL,
    /** a minority name's middle dot in another form, or none */
    NAME_DOTS,
    /** a rare character replaced by {@code *} or {@code ?} */
    NAME_WILDCARD,
    /** other spellings of dates and sex ({@code YYYY年M月D日}, {@code 1}/{@code 2}), spaces inside names, empty lines */
    FORMAT,
    /** a resettlement case whose other members carry no number either (no anchored member) */
    UNANCHORED
}
