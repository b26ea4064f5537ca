// Rule same_victim_post, candidates: for each item of the given reports (not a message or a profile), every
// mention of material on the same platform (this report's others too) in reports naming one of the same
// victims (`victim_key`), received within the window of this one. Reports with no mention without a URL or
// poster among those are dropped first, before their items are read (most reports: the check halved the rule's
// cost at intake); only rows where such a mention takes part are returned. Python links it to an item named
// by URL or poster when, in the time before the later report, the reports naming that victim hold only that
// item of the platform. Only what each report gave is read, never what later reports added to a shared item,
// so the online and batch paths agree.
// A victim is read both by `victim_key` and by name ('name:' + name_key) when fitting mentions: the victim
// reporting herself is keyed by her e-mail and a witness names her, and the two must not read as two
// victims. Reports are found by `victim_key` alone, so that either report finds the other.
UNWIND $ids AS id
MATCH (r:Report {id: id})
WITH r, [(r)-[v:HAS_VICTIM]->() WHERE v.victim_key IS NOT NULL | v.victim_key] AS keys
UNWIND keys AS victim
MATCH (other:Report)-[:HAS_VICTIM {victim_key: victim}]->()
WHERE abs(other.received_at.epochSeconds - r.received_at.epochSeconds) <= $window_seconds
WITH r, keys, collect(DISTINCT other) AS near
WHERE any(o IN near WHERE EXISTS {
  MATCH (o)-[cb:CONCERNS]->(b:ContentItem {has_url: false})
  WHERE cb.author IS NULL AND b.platform <> 'unknown'
    AND NOT coalesce(b.kind, '') IN ['direct_message', 'group_message', 'message', 'profile'] })
MATCH (r)-[c:CONCERNS]->(item:ContentItem)
WHERE item.platform <> 'unknown'
  AND NOT coalesce(item.kind, '') IN ['direct_message', 'group_message', 'message', 'profile']
UNWIND near AS other
MATCH (other)-[c2:CONCERNS]->(twin:ContentItem)
WHERE (other <> r OR twin <> item) AND twin.platform = item.platform
  AND NOT coalesce(twin.kind, '') IN ['direct_message', 'group_message', 'message', 'profile']
WITH r, c, item, keys,
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
       keys + [(r)-[:HAS_VICTIM]->(p:Person) WHERE p.name_key IS NOT NULL | 'name:' + p.name_key] AS victims, others
