// Every exact postcode -> force link (the ONS postcode directory's), by postcode.
MATCH (pc:Postcode)-[:IN_FORCE {exact: true}]->(f:Force)
RETURN pc.code AS postcode, f.code AS force
ORDER BY postcode
