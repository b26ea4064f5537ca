// Copy-paste evidence (batch): removes the groups before they are found again.
MATCH (g:TextGroup)
CALL (g) { DETACH DELETE g } IN TRANSACTIONS OF 10000 ROWS
