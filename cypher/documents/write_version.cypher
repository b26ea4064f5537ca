// A new version of the document $kind/$key, numbered one above the latest edited one (1 for the first edit);
// older versions stay. Two edits at once collide on the id constraint rather than overwrite each other.
OPTIONAL MATCH (old:DocumentVersion {kind: $kind, key: $key})
WITH coalesce(max(old.version), 0) + 1 AS next
CREATE (v:DocumentVersion {id: $kind + ':' + $key + ':' + toString(next), kind: $kind, key: $key, version: next,
  title: $title, subject: $subject, body: $body, tags_json: $tags_json, edited_by: $by, edited_at: datetime(), reason: $reason})
RETURN v.kind AS kind, v.key AS key, v.version AS version, v.title AS title, v.subject AS subject, v.body AS body,
       v.tags_json AS tags_json, v.edited_by AS edited_by, v.edited_at AS edited_at, v.reason AS reason
