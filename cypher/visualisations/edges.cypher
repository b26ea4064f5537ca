// The relationships a network page draws between two of its nodes ($refs: element ids of nodes the caller may
// see, as visualisations/nodes returned them in the same transaction), with their type.
// Access: both ends are among $refs, already confined to $scope by visualisations/nodes; nothing else is read.
UNWIND $refs AS ref
MATCH (n) WHERE elementId(n) = ref
MATCH (n)-[r:REPORTED_BY|HAS_VICTIM|HAS_SUBJECT|CONCERNS|NAMES_ACCOUNT|IN_CASE|POSTED_BY|ON_PLATFORM|IN_CAMPAIGN|PART_OF|CONTROLS|SAID_TO_USE|RESOLVES|LINKED_SERIES|DUPLICATE_OF]->(m)
WHERE elementId(m) IN $refs
RETURN ref AS source, elementId(m) AS target, type(r) AS relation
