// Copy-paste evidence (online), the common case: items whose exact text already has its TextGroup join it
// (those with an author), and the group's count of accounts grows by their authors not yet in it. Only the
// new items and their authors' own items are read, never the whole group, so a text posted tens of thousands
// of times costs the same as a rare one. Returns every key whose group exists (with an author or not), so
// the caller sends only the others to `link_text_groups`.
UNWIND $keys AS key
MATCH (item:ContentItem {key: key})
WHERE item.text_key IS NOT NULL
MATCH (g:TextGroup {id: item.text_key})
WITH g, collect(item) AS items
WITH g, items, [item IN items WHERE EXISTS { (item)-[:POSTED_BY]->(:Account) }] AS authored
FOREACH (item IN authored | MERGE (item)-[:HAS_TEXT]->(g))
WITH g, items, authored, [item IN authored | item.key] AS joined
CALL (g, authored, joined) {
  UNWIND authored AS item
  MATCH (item)-[:POSTED_BY]->(author:Account)
  WITH DISTINCT author
  // From the author's own posts (few), never from the index of the text (tens of thousands).
  WITH author, [(author)<-[:POSTED_BY]-(other:ContentItem) | other] AS posts
  WHERE none(other IN posts WHERE other.text_key = g.id AND NOT other.key IN joined)
  RETURN count(author) AS newcomers
}
SET g.accounts = coalesce(g.accounts, 0) + newcomers
RETURN [item IN items | item.key] AS keys
