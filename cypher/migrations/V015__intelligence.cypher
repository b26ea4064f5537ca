// Intelligence for the National Intelligence Model: reports, their grading versions and disclosures, keyed by id;
// reports listed by when drafted, disclosures by when made.
CREATE CONSTRAINT intelligence_report_id IF NOT EXISTS FOR (n:IntelligenceReport) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT intelligence_grading_id IF NOT EXISTS FOR (n:IntelligenceGrading) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT disclosure_id IF NOT EXISTS FOR (n:Disclosure) REQUIRE n.id IS UNIQUE;
CREATE INDEX intelligence_report_drafted IF NOT EXISTS FOR (n:IntelligenceReport) ON (n.drafted_at);
CREATE INDEX disclosure_at IF NOT EXISTS FOR (n:Disclosure) ON (n.at);
