// Keeps a trained linkage model (its prior and every level's m and u, as JSON) for incremental runs.
MERGE (m:LinkageModel {id: $id})
SET m.parameters = $parameters, m.records = $records, m.pairs = $pairs, m.trained_at = datetime()
