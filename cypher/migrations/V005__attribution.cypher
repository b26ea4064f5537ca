// Attribution: analysts' decisions about accounts, stored linkage models, and the lookups of resolved people.
CREATE CONSTRAINT attribution_decision_id IF NOT EXISTS FOR (n:AttributionDecision) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT linkage_model_id IF NOT EXISTS FOR (n:LinkageModel) REQUIRE n.id IS UNIQUE;
CREATE INDEX attribution_decision_active IF NOT EXISTS FOR (n:AttributionDecision) ON (n.active);
CREATE INDEX person_resolved_role IF NOT EXISTS FOR (n:Person) ON (n.resolved, n.role);
