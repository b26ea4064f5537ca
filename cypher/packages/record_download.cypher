// Notes on package $id that $by downloaded $file now (the package's own continuity; the audit trail has it too).
MATCH (p:EvidencePackage {id: $id})
SET p.downloaded_at = coalesce(p.downloaded_at, []) + [datetime()],
    p.downloaded_by = coalesce(p.downloaded_by, []) + [$by],
    p.downloaded_files = coalesce(p.downloaded_files, []) + [$file]
RETURN p.id AS id
