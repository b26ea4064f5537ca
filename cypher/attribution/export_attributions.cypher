// Attribution export: every resolved subject with its accounts, most certain first.
MATCH (s:Subject)-[c:CONTROLS]->(a:Account)
WITH s, a, c ORDER BY c.confidence DESC, a.id
WITH s, collect({platform: a.platform, handle: a.handle, confidence: c.confidence}) AS accounts
RETURN s.id AS person, accounts
ORDER BY person
