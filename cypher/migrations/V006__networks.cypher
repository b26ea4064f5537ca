// Campaigns and communities found over the account graph.
CREATE CONSTRAINT campaign_id IF NOT EXISTS FOR (n:Campaign) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (n:Community) REQUIRE n.id IS UNIQUE;
CREATE INDEX account_offender_rank IF NOT EXISTS FOR (n:Account) ON (n.offender_rank);
CREATE INDEX person_offender_rank IF NOT EXISTS FOR (n:Person) ON (n.offender_rank);
