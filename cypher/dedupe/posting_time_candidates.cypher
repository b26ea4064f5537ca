// Rule same_posting_time, candidates: for each item of the given reports (not a message or a profile) given
// with the time it was posted, every mention of material on the same platform (this report's others too)
// given with a time within $reach_seconds of it, in reports received within the window of this one. Only
// rows where a mention without a URL or poster takes part are returned. Python links such a mention to an
// item named by URL or poster when, in the time before the later report, that item is the only one of the
// platform given as posted within the minute. Only what each report gave is read (its kind, words, time,
// poster and victims), never what later reports added to a shared item, so the online and batch paths agree.
// A victim is read both by `victim_key` and by name ('name:' + name_key): the victim reporting herself is keyed
// by her e-mail and a witness names her, and the two must not read as two victims.
UNWIND $ids AS id
MATCH (r:Report {id: id})-[c:CONCERNS]->(item:ContentItem)
WHERE c.posted_at IS NOT NULL AND item.platform <> 'unknown'
  AND NOT coalesce(item.kind, '') IN ['direct_message', 'group_message', 'message', 'profile']
WITH r, c, item, duration({seconds: $reach_seconds}) AS reach
MATCH (other:Report)-[c2:CONCERNS]->(twin:ContentItem)
WHERE c2.posted_at >= c.posted_at - reach AND c2.posted_at <= c.posted_at + reach
  AND (other <> r OR twin <> item) AND twin.platform = item.platform
  AND NOT coalesce(twin.kind, '') IN ['direct_message', 'group_message', 'message', 'profile']
  AND abs(other.received_at.epochSeconds - r.received_at.epochSeconds) <= $window_seconds
WITH r, c, item,
     collect({report: other.id, item: twin.key, platform: twin.platform, has_url: twin.has_url, account: c2.author,
              arrival: [other.received_at.epochSeconds, other.received_at.nanosecond],
              kinds: [k IN [twin.kind, c2.kind] WHERE k IS NOT NULL], posted_ms: c2.posted_at.epochMillis,
              text: c2.text, strands: coalesce(other.strands, []),
              victims: [(other)-[v:HAS_VICTIM]->() WHERE v.victim_key IS NOT NULL | v.victim_key]
                + [(other)-[:HAS_VICTIM]->(p:Person) WHERE p.name_key IS NOT NULL | 'name:' + p.name_key]}) AS others
WHERE (NOT item.has_url AND c.author IS NULL) OR any(o IN others WHERE NOT o.has_url AND o.account IS NULL)
RETURN r.id AS report, item.key AS item, item.platform AS platform, item.has_url AS has_url, c.author AS account,
       [r.received_at.epochSeconds, r.received_at.nanosecond] AS arrival,
       [k IN [item.kind, c.kind] WHERE k IS NOT NULL] AS kinds, c.posted_at.epochMillis AS posted_ms,
       c.text AS text, coalesce(r.strands, []) AS strands,
       [(r)-[v:HAS_VICTIM]->() WHERE v.victim_key IS NOT NULL | v.victim_key]
         + [(r)-[:HAS_VICTIM]->(p:Person) WHERE p.name_key IS NOT NULL | 'name:' + p.name_key] AS victims, others
