// The history of a case's sharing with forces.
CREATE CONSTRAINT case_share_id IF NOT EXISTS FOR (n:CaseShare) REQUIRE n.id IS UNIQUE;
