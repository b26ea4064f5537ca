// Rule dm_match, candidates: messages without a URL from the same account, sent within the window of
// each other, in two different reports. Scored in Python; offered for review, never merged blind. Times
// travel as epoch numbers (arrival: [seconds, nanosecond]), which the driver reads far faster than datetimes.
UNWIND $ids AS id
MATCH (r:Report {id: id})-[c:CONCERNS]->(item:ContentItem {has_url: false})-[:POSTED_BY]->(account:Account)
MATCH (account)<-[:POSTED_BY]-(item2:ContentItem {has_url: false})<-[c2:CONCERNS]-(other:Report)
WHERE other <> r AND item2 <> item
  AND (c.posted_at IS NULL OR c2.posted_at IS NULL
       OR abs(duration.inSeconds(c.posted_at, c2.posted_at).seconds) <= $window_seconds)
RETURN r.id AS report, other.id AS other, item.key AS item, item2.key AS other_item,
       item.platform AS platform, account.id AS account,
       c.posted_at.epochMillis AS posted_ms, c2.posted_at.epochMillis AS other_posted_ms,
       c.text AS text, c2.text AS other_text,
       [(r)-[v:HAS_VICTIM]->() WHERE v.victim_key IS NOT NULL | v.victim_key] AS victims,
       [(other)-[v:HAS_VICTIM]->() WHERE v.victim_key IS NOT NULL | v.victim_key] AS other_victims,
       [r.received_at.epochSeconds, r.received_at.nanosecond] AS arrival,
       [other.received_at.epochSeconds, other.received_at.nanosecond] AS other_arrival
