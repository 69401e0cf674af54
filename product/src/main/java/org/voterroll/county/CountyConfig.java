package org.voterroll.county;

import java.nio.file.Path;

/** A county's reference files: election.yml and xuanqu.csv, checked against each other, and the optional matching.yml. */
public record CountyConfig(ElectionSettings settings, Districts districts, MatchingFile matching) {

    public static CountyConfig load(Path countyDir) {
        ElectionSettings s = ElectionSettings.load(countyDir.resolve("election.yml"));
        Districts d = Districts.load(countyDir.resolve("xuanqu.csv"), s.countyCode());
        return new CountyConfig(s, d, MatchingFile.load(countyDir));
    }
}
