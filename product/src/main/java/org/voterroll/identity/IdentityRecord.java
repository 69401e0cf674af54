package org.voterroll.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;

import org.voterroll.identity.match.PartyView;
import org.voterroll.normalize.IdNumbers;
import org.voterroll.normalize.Sex;

/** What identity resolution knows of one input record. */
public record IdentityRecord(long recId, String source, String idNumber, String idStatus, String name, Character sex,
                             LocalDate birthDate, YearMonth birthMonth, String areaCode, String householdKey,
                             String relation, String rowHash, String fileName, int lineNo, LocalDate endDate,
                             String address, String formerName) {

    /** The columns {@link #read} expects, for a SELECT over src_record aliased r. */
    public static final String COLUMNS = """
            r.rec_id, r.source, r.id_number, r.id_status, r.name, r.sex, r.birth_date, r.birth_month, r.area_code,
            r.household_key, r.relation, r.row_hash, r.file_name, r.line_no, r.end_date, r.address, r.former_name
            """;

    /**
     * {@link #COLUMNS} for grouping by number, which sorts every record with a number: without the file, line and row
     * hash that grouping does not read, the sort and the transfer carry a quarter less.
     */
    public static final String GROUPING_COLUMNS = """
            r.rec_id, r.source, r.id_number, r.id_status, r.name, r.sex, r.birth_date, r.birth_month, r.area_code,
            r.household_key, r.relation, NULL AS row_hash, NULL AS file_name, 0 AS line_no, r.end_date, r.address,
            r.former_name
            """;

    public static IdentityRecord read(ResultSet rs) throws SQLException {
        String sex = rs.getString("sex");
        LocalDate b = rs.getObject("birth_date", LocalDate.class);
        String m = rs.getString("birth_month");
        return new IdentityRecord(rs.getLong("rec_id"), rs.getString("source"), rs.getString("id_number"),
                rs.getString("id_status"), rs.getString("name"), sex == null ? null : sex.charAt(0),
                b, m == null ? null : YearMonth.parse(m), rs.getString("area_code"),
                rs.getString("household_key"), rs.getString("relation"), rs.getString("row_hash"),
                rs.getString("file_name"), rs.getInt("line_no"), rs.getObject("end_date", LocalDate.class), rs.getString("address"),
                rs.getString("former_name"));
    }

    /** The record under another spelling of its name. */
    public IdentityRecord withName(String spelling) {
        return new IdentityRecord(recId, source, idNumber, idStatus, spelling, sex, birthDate, birthMonth, areaCode, householdKey, relation,
                rowHash, fileName, lineNo, endDate, address, formerName);
    }

    public boolean isHuji() {
        return "huji".equals(source);
    }

    /** A residence registration not yet ended: where the person lives now, if not at their register. */
    public boolean isActiveResidence() {
        return "liudong".equals(source) && endDate == null && areaCode != null;
    }

    public boolean hasUsableNumber() {
        return "VALID".equals(idStatus) || "LEGACY15".equals(idStatus);
    }

    /** Sex as the record states it, else as its number (valid or not) encodes it. */
    public Character effectiveSex() {
        if (sex != null) return sex;
        Sex encoded = idNumber != null && idNumber.length() == 18 ? IdNumbers.sex(idNumber) : null;
        if (encoded != null) return encoded == Sex.MALE ? 'M' : 'F';
        return null;
    }

    /** Birth date as stated, else as the number encodes it (if that is a real date). */
    public LocalDate effectiveBirthDate() {
        if (birthDate != null) return birthDate;
        if (birthMonth == null && idNumber != null && idNumber.length() == 18) return IdNumbers.birthDate(idNumber);
        return null;
    }

    public YearMonth effectiveBirthMonth() {
        LocalDate d = effectiveBirthDate();
        return d != null ? YearMonth.from(d) : birthMonth;
    }

    /** A usable number whose encoded sex or birth contradicts the record's own fields is not trusted (docs/decisions.md). */
    public boolean numberContradictsRecord() {
        if (idNumber == null || idNumber.length() != 18) return false;
        LocalDate encoded = IdNumbers.birthDate(idNumber);
        if (encoded == null) return true;
        if (birthDate != null && !birthDate.equals(encoded)) return true;
        if (birthDate == null && birthMonth != null && !birthMonth.equals(YearMonth.from(encoded))) return true;
        Character encodedSex = IdNumbers.sex(idNumber) == Sex.MALE ? 'M' : 'F';
        return sex != null && !sex.equals(encodedSex);
    }

    /**
     * The number as it is compared with a person's: a legacy number as it was written, 15 digits, so that a digit mistyped
     * in it compares as one digit (IdShape); any other as normalised.
     */
    public String comparedNumber() {
        String written = "LEGACY15".equals(idStatus) ? IdNumbers.to15(idNumber) : null;
        return written != null ? written : idNumber;
    }

    /** The record as one side of a scored pair; sex and birth date it states only through its number are marked so. */
    public PartyView toParty() {
        LocalDate birth = birthDate != null ? birthDate : (birthMonth == null ? effectiveBirthDate() : null);
        return new PartyView(comparedNumber(), name, effectiveSex(), birth, birthDate == null ? birthMonth : null, areaCode, householdKey,
                relation, null, address, null, formerName, sex == null && effectiveSex() != null, birthDate == null && birth != null);
    }

    public String where() {
        return fileName + ":" + lineNo;
    }
}
