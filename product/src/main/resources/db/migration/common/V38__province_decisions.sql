-- a county's decisions on the province's items are found by the item's fingerprint (issue 21: a county's run reads
-- which of its people it decided to strike as listed by another county, CrossCountyStandings)
CREATE INDEX province_exception_fingerprint ON province_exception (county_code, fingerprint);
