// Test helper: the state of a graph loaded before CONCERNS kept its poster (migration V018).
MATCH (:Report)-[c:CONCERNS]->(:ContentItem)
REMOVE c.author
