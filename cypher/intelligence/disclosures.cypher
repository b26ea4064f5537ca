// Disclosures of intelligence, latest first, keyset-paged after $after {sort, id}; with no victims' data in them,
// only who received which reports, when and how. A force-scoped caller gets nothing.
MATCH (d:Disclosure)
WHERE $scope.all AND ($after IS NULL OR d.at < $after.sort OR (d.at = $after.sort AND d.id > $after.id))
RETURN d.id AS id, d.at AS sort, d.recipient AS recipient, d.by AS by, d.at AS at, d.reports AS reports,
       d.with_victim_data AS with_victim_data, d.victim_data_reports AS victim_data_reports,
       d.sanitised_reports AS sanitised_reports, d.format AS format, d.sha256 AS sha256, d.bytes AS bytes,
       d.justification AS justification
ORDER BY d.at DESC, d.id
LIMIT $limit
