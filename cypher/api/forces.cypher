// The police force areas (reference data, visible to every reading role): all, or those in $ids.
MATCH (f:Force)
WHERE $ids IS NULL OR f.code IN $ids
RETURN f.code AS id, f.name AS name, f.nation AS nation
ORDER BY f.code
