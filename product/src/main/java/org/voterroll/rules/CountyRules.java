package org.voterroll.rules;

import java.time.LocalDate;
import java.util.Map;

/** What the rules need to know of the county and this election. */
public record CountyRules(String countyCode, LocalDate electionDay, LocalDate previousElectionDay, int inMigrantMonths,
                          Map<String, String> districtOfArea, Map<String, String> districtOfUnit,
                          Map<String, String> townshipOfDistrict) {

    public boolean inCounty(String areaCode) {
        return areaCode != null && areaCode.startsWith(countyCode);
    }
}
