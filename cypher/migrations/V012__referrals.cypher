// Platform referrals: keyed by id, listed by status and platform, found by case and campaign.
CREATE CONSTRAINT referral_id IF NOT EXISTS FOR (r:Referral) REQUIRE r.id IS UNIQUE;
CREATE INDEX referral_status IF NOT EXISTS FOR (r:Referral) ON (r.status);
CREATE INDEX referral_platform IF NOT EXISTS FOR (r:Referral) ON (r.platform);
CREATE INDEX referral_case IF NOT EXISTS FOR (r:Referral) ON (r.case);
CREATE INDEX referral_campaign IF NOT EXISTS FOR (r:Referral) ON (r.campaign);
