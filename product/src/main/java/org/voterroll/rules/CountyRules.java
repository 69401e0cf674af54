package org.voterroll.rules;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.voterroll.county.Townships;

/** What the rules need to know of the county and this election. */
public record CountyRules(String countyCode, LocalDate electionDay, LocalDate previousElectionDay, int inMigrantMonths,
                          Map<String, String> districtOfArea, Map<String, String> districtOfUnit,
                          Map<String, String> townshipOfDistrict, Set<String> townships) {

    public CountyRules(String countyCode, LocalDate electionDay, LocalDate previousElectionDay, int inMigrantMonths,
                       Map<String, String> districtOfArea, Map<String, String> districtOfUnit,
                       Map<String, String> townshipOfDistrict) {
        this(countyCode, electionDay, previousElectionDay, inMigrantMonths, districtOfArea, districtOfUnit, townshipOfDistrict,
                Set.copyOf(townshipOfDistrict.values()));
    }

    public boolean inCounty(String areaCode) {
        return areaCode != null && areaCode.startsWith(countyCode);
    }

    /**
     * The township of xuanqu.csv that handles an item about this area code, or null for the county office: a code whose
     * township has no district in xuanqu.csv names nobody who could handle it (RULES.md "Exceptions").
     */
    public String townshipOf(String areaCode) {
        return Townships.of(areaCode, townships);
    }

    /** The township of the unit district a credit code belongs to, or null. */
    public String townshipOfUnit(String creditCode) {
        String district = creditCode == null ? null : districtOfUnit.get(creditCode);
        return district == null ? null : townshipOfDistrict.get(district);
    }
}
