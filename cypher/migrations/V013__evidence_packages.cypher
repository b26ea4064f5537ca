// Evidence packages for forces: keyed by id; one version number per case (regenerating makes the next one).
CREATE CONSTRAINT evidence_package_id IF NOT EXISTS FOR (n:EvidencePackage) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT evidence_package_version IF NOT EXISTS FOR (n:EvidencePackage) REQUIRE (n.case, n.version) IS UNIQUE;
