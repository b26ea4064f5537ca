// The platforms (reference data, visible to every reading role): all of them, or those in $ids.
MATCH (p:Platform)
WHERE $ids IS NULL OR p.id IN $ids
RETURN p.id AS id, coalesce(p.name, p.id) AS name
ORDER BY p.id
