"""GraphQL for evidence packages: generate the next version of a case's package, and list a case's versions.

Both need GENERATE_PACKAGES and a justification; the case is reached only within the caller's scope (the Cypher
checks it), so a force officer asking for another force's case is told it is not found. Generating is audited
as an alteration naming the package and every node it carries; listing as a consultation of the case. The files
themselves are downloaded over REST (api/packages.py), each download audited.
"""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.extensions import ShownError
from api.graphql.mutations import Justification
from api.packages import download_paths
from domain.access import Right
from graph import packages
from graph.audit import Operation
from graph.port import Row


@strawberry.type(description="One file of an evidence package: its path in the zip, SHA-256 and size in bytes.")
class PackageFile:
    path: str
    sha256: str
    size: int


@strawberry.type(description="Where to download a package's files (GET, with the same bearer token; audited).")
class PackageDownloads:
    bundle: str = strawberry.field(description="The zip: package.json, package.html, package.pdf, exhibits, manifest.")
    pdf: str
    html: str


@strawberry.type(description="A download of the package: who, when, which file.")
class PackageDownload:
    at: datetime
    by: str
    file: str


@strawberry.type(description="One version of a case's evidence package for its owning force.")
class EvidencePackage:
    id: strawberry.ID
    case_id: str
    version: int
    generated_at: datetime
    generated_by: str
    generated_role: str | None
    for_force: str | None = strawberry.field(description="The owning force when it was generated (or HUB).")
    sha256: str = strawberry.field(description="The package's hash: the SHA-256 of its manifest.json.")
    size: int
    exhibits: int
    contacts_included: bool = strawberry.field(description="Whether it holds complainants' and victims' contacts.")
    files: list[PackageFile]
    downloads: PackageDownloads
    downloaded: list[PackageDownload]


def download_urls(package_id: str) -> PackageDownloads:
    """Return the REST addresses of a package's three downloads."""
    return PackageDownloads(**download_paths(package_id))


def _files(rows: list[dict]) -> list[PackageFile]:
    return [PackageFile(path=row["path"], sha256=row["sha256"], size=row["size"]) for row in rows]


def _listed(row: Row) -> EvidencePackage:
    return EvidencePackage(
        id=strawberry.ID(row["id"]), case_id=row["case"], version=row["version"], generated_at=row["generated_at"],
        generated_by=row["generated_by"], generated_role=row["generated_role"], for_force=row["for_force"],
        sha256=row["sha256"], size=row["size"], exhibits=row["exhibits"],
        contacts_included=bool(row["contacts_included"]), files=_files(row["files"]),
        downloads=download_urls(row["id"]),
        downloaded=[PackageDownload(at=d["at"], by=d["by"], file=d["file"]) for d in row["downloads"]],
    )


@strawberry.type
class PackageQuery:
    """Evidence packages of a case."""

    @strawberry.field(description="Every version of a case's evidence package, oldest first ([] when none, or the "
                                  "case is outside what the caller may see).")
    async def evidence_packages(self, info: Info[Context, None], case_id: str) -> list[EvidencePackage]:
        info.context.require_personal_data(Right.GENERATE_PACKAGES)
        rows = await info.context.run(packages.list_packages, info.context.port, case_id,
                                      scope=info.context.scope)
        if rows:
            info.context.consulted([case_id])
        return [_listed(row) for row in rows]


@strawberry.type
class PackageMutation:
    """Generating evidence packages."""

    @strawberry.mutation(description="Generate the next version of a case's evidence package (earlier ones are kept).")
    async def generate_evidence_package(self, info: Info[Context, None], case_id: str,
                                        justification: Justification = None) -> EvidencePackage:
        why = info.context.require_personal_data(Right.GENERATE_PACKAGES, justification)
        try:
            made = await info.context.run(packages.generate, info.context.port, case_id,
                                          maker=packages.Maker.of(info.context.principal))
        except packages.PackageError as refusal:
            raise ShownError(str(refusal)) from None
        await info.context.log(Operation.ALTERATION, f"graphql mutation {info.field_name}", made.node_ids,
                               justification=why,
                               details=f"evidence package {made.id} version {made.version} of case {made.case} "
                                       f"generated, SHA-256 {made.sha256}")
        return EvidencePackage(
            id=strawberry.ID(made.id), case_id=made.case, version=made.version, generated_at=made.generated_at,
            generated_by=info.context.principal.user, generated_role=info.context.principal.role.value,
            for_force=made.for_force, sha256=made.sha256, size=made.size, exhibits=made.exhibits,
            contacts_included=made.contacts_included, files=_files(made.files), downloads=download_urls(made.id),
            downloaded=[],
        )
