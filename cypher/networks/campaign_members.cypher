// Community projection and export: every campaign with its accounts.
MATCH (a:Account)-[:IN_CAMPAIGN]->(c:Campaign)
WITH c, a ORDER BY a.id
RETURN c.id AS campaign, c.kind AS kind, c.start AS start, c.end AS end, c.victims AS victims,
       c.strength AS strength, collect({platform: a.platform, handle: a.handle, id: a.id}) AS accounts
ORDER BY c.start, c.id
