// Rule same_item_without_url: material reported without a URL (or with one in the other report) is the
// same item when the same account posted both at the same time (within $max_gap_seconds), with the same
// words or words missing on one side. The same words alone are not enough: accounts repeat themselves.
// Direct messages are left to the dm_match rule, which only suggests; a profile is not posted at a time, and
// is never the same item as a post.
UNWIND $ids AS id
MATCH (r:Report {id: id})-[c:CONCERNS]->(item:ContentItem)-[:POSTED_BY]->(account:Account)
WHERE NOT coalesce(item.kind, '') IN ['direct_message', 'profile'] AND c.posted_at IS NOT NULL  // no time: nothing to match
MATCH (account)<-[:POSTED_BY]-(twin:ContentItem)<-[c2:CONCERNS]-(other:Report)
WHERE other <> r AND twin <> item AND (NOT item.has_url OR NOT twin.has_url)
  AND NOT coalesce(twin.kind, '') IN ['direct_message', 'profile']
WITH r, other, item, twin, c, c2,
     CASE WHEN c.posted_at IS NULL OR c2.posted_at IS NULL THEN null
          ELSE abs(duration.inSeconds(c.posted_at, c2.posted_at).seconds) END AS gap,
     CASE WHEN item.text_key IS NULL OR twin.text_key IS NULL THEN null
          ELSE item.text_key = twin.text_key END AS same_words
WHERE gap IS NOT NULL AND gap <= $max_gap_seconds AND coalesce(same_words, true)
WITH CASE WHEN [r.received_at, r.id] > [other.received_at, other.id] THEN r ELSE other END AS later,
     CASE WHEN [r.received_at, r.id] > [other.received_at, other.id] THEN other ELSE r END AS earlier,
     item, twin, gap, same_words
MERGE (later)-[d:DUPLICATE_OF {rule: 'same_item_without_url'}]->(earlier)
SET d.score = 0.95,
    d.evidence = ['same account', 'items ' + item.key + ' and ' + twin.key]
      + CASE WHEN gap IS NULL THEN [] ELSE ['posted ' + toString(gap) + 's apart'] END
      + CASE WHEN same_words THEN ['same words'] ELSE [] END
