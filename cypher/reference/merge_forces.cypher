// The police force areas from reference/police_force_areas.csv: one Force per ONS code.
UNWIND $rows AS row
MERGE (f:Force {code: row.code})
SET f.name = row.name, f.nation = row.nation
