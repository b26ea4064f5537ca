// Every force area: its code, name and nation (for explanations and for checking codes).
MATCH (f:Force)
RETURN f.code AS code, f.name AS name, f.nation AS nation
ORDER BY f.code
