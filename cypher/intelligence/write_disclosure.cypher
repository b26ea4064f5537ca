// A Disclosure of intelligence: to whom, by whom, when, which reports (each DISCLOSED, saying whether with
// victims' data), in which format, the SHA-256 of the file, and the justification.
CREATE (d:Disclosure {id: $id, recipient: $recipient, by: $by, at: datetime(), reports: $reports,
  with_victim_data: $with_victim_data, victim_data_reports: $included, sanitised_reports: $sanitised,
  format: $format, sha256: $sha256, bytes: $bytes, justification: $justification})
WITH d
UNWIND $reports AS key
MATCH (r:IntelligenceReport {id: key})
CREATE (d)-[:DISCLOSED {victim_data: key IN $included}]->(r)
WITH DISTINCT d
RETURN d.id AS id, d.at AS at
