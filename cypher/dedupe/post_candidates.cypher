// Rule same_account_post, candidates: for each item of the given reports (not a message or a profile) whose
// poster is known, every other item of the same account in any report, received within the window of this one.
// A mention's poster is known when its report names it, or, for an item with a URL, when some report named
// that item's poster so (`first_named`: the earliest such report, so that Python counts it only for pairs
// whose later report came after it). Python links a pair only when the account has one such item in the
// time before the later report: material without a URL and without a time names an account, not which of
// its posts. Only what each report itself gave is read (its own kind, words, time and victims), never what
// later reports add to a shared item, so the online and batch paths agree.
// A victim is read both by `victim_key` and by name ('name:' + name_key): the victim reporting herself is keyed
// by her e-mail and a witness names her, and the two must not read as two victims.
UNWIND $ids AS id
MATCH (r:Report {id: id})-[c:CONCERNS]->(item:ContentItem)-[:POSTED_BY]->(account:Account)
WHERE NOT coalesce(item.kind, '') IN ['direct_message', 'group_message', 'message', 'profile']
  // Only a mention without a URL can be linked: skip, cheaply, accounts with none near this report.
  AND (NOT item.has_url OR EXISTS {
    MATCH (account)<-[:POSTED_BY]-(bare:ContentItem {has_url: false})<-[c3:CONCERNS]-(someone:Report)
    WHERE c3.author = account.id AND abs(someone.received_at.epochSeconds - r.received_at.epochSeconds) <= $window_seconds
      AND NOT coalesce(bare.kind, '') IN ['direct_message', 'group_message', 'message', 'profile'] })
WITH r, c, item, account,
     CASE WHEN c.author = account.id THEN null ELSE head(COLLECT {
       MATCH (item)<-[c5:CONCERNS]-(r5:Report) WHERE c5.author = account.id
       RETURN [r5.received_at.epochSeconds, r5.received_at.nanosecond, r5.id] AS first
       ORDER BY r5.received_at, r5.id LIMIT 1 }) END AS first_named
WHERE c.author = account.id OR first_named IS NOT NULL
MATCH (account)<-[:POSTED_BY]-(twin:ContentItem)<-[c2:CONCERNS]-(other:Report)
WHERE (other <> r OR twin <> item) AND NOT coalesce(twin.kind, '') IN ['direct_message', 'group_message', 'message', 'profile']
  AND abs(other.received_at.epochSeconds - r.received_at.epochSeconds) <= $window_seconds
  AND (c2.author = account.id OR twin.has_url)
WITH r, c, item, account, first_named, twin,
     collect({report: other.id, item: twin.key, has_url: twin.has_url, named: coalesce(c2.author = account.id, false),
              arrival: [other.received_at.epochSeconds, other.received_at.nanosecond],
              kinds: [k IN [twin.kind, c2.kind] WHERE k IS NOT NULL], posted_ms: c2.posted_at.epochMillis,
              text: c2.text, strands: coalesce(other.strands, []),
              victims: [(other)-[v:HAS_VICTIM]->() WHERE v.victim_key IS NOT NULL | v.victim_key]
                + [(other)-[:HAS_VICTIM]->(p:Person) WHERE p.name_key IS NOT NULL | 'name:' + p.name_key]}) AS seen
WITH r, c, item, account, first_named, twin, seen,
     CASE WHEN any(o IN seen WHERE NOT o.named) THEN head(COLLECT {
       MATCH (twin)<-[c5:CONCERNS]-(r5:Report) WHERE c5.author = account.id
       RETURN [r5.received_at.epochSeconds, r5.received_at.nanosecond, r5.id] AS first
       ORDER BY r5.received_at, r5.id LIMIT 1 }) END AS twin_first_named
UNWIND seen AS o
WITH r, c, item, account, first_named, o {.*, first_named: CASE WHEN o.named THEN null ELSE twin_first_named END} AS o
RETURN r.id AS report, item.key AS item, account.id AS account, coalesce(c.author = account.id, false) AS named, first_named,
       [r.received_at.epochSeconds, r.received_at.nanosecond] AS arrival,
       item.has_url AS has_url, [k IN [item.kind, c.kind] WHERE k IS NOT NULL] AS kinds,
       c.posted_at.epochMillis AS posted_ms, c.text AS text, coalesce(r.strands, []) AS strands,
       [(r)-[v:HAS_VICTIM]->() WHERE v.victim_key IS NOT NULL | v.victim_key]
         + [(r)-[:HAS_VICTIM]->(p:Person) WHERE p.name_key IS NOT NULL | 'name:' + p.name_key] AS victims,
       collect(o) AS others
