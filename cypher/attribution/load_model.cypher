// The stored linkage model of this id, if any.
MATCH (m:LinkageModel {id: $id})
RETURN m.parameters AS parameters, m.trained_at AS trained_at
