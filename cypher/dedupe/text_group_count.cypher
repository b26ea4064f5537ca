// How many copy-paste text groups there are, and how many items they hold.
MATCH (g:TextGroup)
RETURN count(g) AS groups, COUNT { MATCH (:ContentItem)-[:HAS_TEXT]->(:TextGroup) } AS items
