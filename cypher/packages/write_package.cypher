// A new version of case $case's evidence package: its zip bytes, hash, manifest of files and who made it.
// Earlier versions stay as they are.
MATCH (c:Case {id: $case})
CREATE (c)-[:HAS_PACKAGE]->(p:EvidencePackage {id: $id, case: $case, version: $version})
SET p.generated_at = datetime($generated_at), p.generated_by = $by, p.generated_role = $role,
    p.for_force = $for_force, p.sha256 = $sha256, p.size = $size, p.files_json = $files_json,
    p.exhibits = $exhibits, p.contacts_included = $contacts_included, p.carries = $carries, p.bundle = $bundle
RETURN p.id AS id
