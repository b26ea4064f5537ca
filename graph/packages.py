"""Evidence packages: generated from the graph for a case, kept as versions, listed, fetched and downloaded.

A package is built in one write transaction: the case is locked and read within the generating caller's scope
(a force officer reaches only the cases their force owns, investigates or has been shared; any other case is
"not found"), assembled and rendered by the pure modules in domain/, and stored as a new `EvidencePackage` node
holding the zip's bytes, version n+1 of the case's packages. Earlier versions are never changed: each download
is noted on the package (and audited by the caller).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from domain.access import HUB_SCOPE, Principal
from domain.evidence_bundle import PACKAGE_HTML, PACKAGE_PDF, build, member
from domain.evidence_package import PackageInputs, assemble, node_ids
from domain.package_html import render_html
from domain.package_pdf import render_pdf
from graph.guidance import guidance_for_case
from graph.port import GraphError, GraphPort, Row, Tx

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # Debian's fonts-dejavu-core; Helvetica when absent
BUNDLE = "bundle.zip"
DOWNLOADS = {BUNDLE: None, "package.pdf": PACKAGE_PDF, "package.html": PACKAGE_HTML}  # file name -> zip member
EVIDENCE_WITHHELD = ("attribution evidence in words is withheld from force officers (it can describe reports outside "
                     "the force's cases); ask the hub for it")


class PackageError(GraphError):
    """A package cannot be made or found as asked; the message names the case or package and why."""


@dataclass(frozen=True)
class Maker:
    """Who generates a package, and what they may see: the scope of their reads and whether contacts are shown."""

    by: str
    role: str
    scope: dict[str, Any]
    contacts_withheld: str | None = None

    @classmethod
    def of(cls, principal: Principal) -> "Maker":
        """The maker for an API or workbench caller."""
        return cls(principal.user, principal.role.value, principal.scope, principal.contacts_withheld)

    @classmethod
    def command_line(cls, by: str) -> "Maker":
        """The maker for the hub's operators at the command line: the whole graph, contacts shown."""
        return cls(by, "command_line", dict(HUB_SCOPE))


@dataclass(frozen=True)
class Generated:
    """A package just made: its id, case, version, hash, files and the ids of the nodes it carries."""

    id: str
    case: str
    version: int
    sha256: str
    size: int
    files: list[dict[str, Any]]
    exhibits: int
    generated_at: datetime
    for_force: str
    contacts_included: bool
    node_ids: list[str]


@dataclass(frozen=True)
class Fetched:
    """A stored package's bytes with what its downloads are checked against."""

    id: str
    case: str
    version: int
    sha256: str
    for_force: str | None
    contacts_included: bool
    carries: list[str]  # the ids of the graph nodes the package holds (case, reports, people, accounts, items)
    data: bytes

    def file(self, name: str) -> bytes:
        """Return one download (bundle.zip, package.pdf, package.html), checked against the manifest."""
        if name not in DOWNLOADS:
            raise PackageError(f"package {self.id}: no file {name!r}; the files are {', '.join(DOWNLOADS)}")
        inner = DOWNLOADS[name]
        return self.data if inner is None else member(self.data, inner)


def fonts(folder: Path = FONT_DIR) -> tuple[Path | None, Path | None]:
    """Return DejaVu Sans (regular, bold) when installed, else (None, None): the PDF then uses Helvetica."""
    regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
    if not regular.is_file():
        return None, None
    return regular, bold if bold.is_file() else None


def _advice(port: GraphPort, case_id: str) -> list[dict[str, Any]]:
    return [{"key": doc.key, "title": doc.title, "body": doc.body} for doc in guidance_for_case(port, case_id)]


def generate(port: GraphPort, case_id: str, *, maker: Maker, now: Callable[[], datetime] | None = None) -> Generated:
    """Make the next version of a case's package and store it; raise PackageError when the case is not found."""
    case_id = case_id.strip()
    if not case_id:
        raise PackageError("case: give the id of the case to package")
    advice = _advice(port, case_id)
    clock = now or (lambda: datetime.now(timezone.utc))
    font, font_bold = fonts()

    def work(tx: Tx) -> Generated:
        locked = tx.run("packages/lock_case", case=case_id, scope=maker.scope)
        if not locked:
            raise PackageError(f"no case {case_id!r}, or it is outside what you may see")
        params = {"case": case_id, "scope": maker.scope}
        inputs = PackageInputs(
            package_id=f"package:{uuid.uuid4()}", version=locked[0]["version"], generated_at=clock(),
            generated_by=maker.by, generated_role=maker.role, case=tx.run("packages/case", **params)[0],
            reports=tx.run("packages/reports", **params), items=tx.run("packages/items", **params),
            people=tx.run("packages/people", **params, contacts=maker.contacts_withheld is None),
            accounts=tx.run("packages/accounts", **params), earlier=tx.run("packages/packages", **params),
            contacts_withheld=maker.contacts_withheld,
            evidence_withheld=None if maker.scope.get("all") else EVIDENCE_WITHHELD, guidance=advice,
        )
        document = assemble(inputs)
        bundle = build(document, html=render_html(document.package),
                       pdf=render_pdf(document.package, font=font, font_bold=font_bold))
        for_force = inputs.case.get("owning_force") or "HUB"
        tx.run("packages/write_package", id=inputs.package_id, case=case_id, version=inputs.version,
               generated_at=inputs.generated_at.isoformat(), by=maker.by, role=maker.role, for_force=for_force,
               sha256=bundle.sha256, size=len(bundle.data), files_json=json.dumps(bundle.files),
               exhibits=len(document.exhibit_files), contacts_included=maker.contacts_withheld is None,
               carries=node_ids(document), bundle=bundle.data)
        return Generated(id=inputs.package_id, case=case_id, version=inputs.version, sha256=bundle.sha256,
                         size=len(bundle.data), files=bundle.files, exhibits=len(document.exhibit_files),
                         generated_at=inputs.generated_at, for_force=for_force,
                         contacts_included=maker.contacts_withheld is None,
                         node_ids=[inputs.package_id, *node_ids(document)])

    return port.write_unit(work)


def list_packages(port: GraphPort, case_id: str, *, scope: dict[str, Any]) -> list[Row]:
    """Return the case's packages, oldest version first, each with its files (path, sha256, size) and downloads."""
    rows = port.read("packages/packages", case=case_id.strip(), scope=scope)
    for row in rows:
        row["files"] = json.loads(row.pop("files_json") or "[]")
        row["downloads"] = [{"at": at, "by": by, "file": file} for at, by, file in
                            zip(row["downloaded_at"], row["downloaded_by"], row["downloaded_files"])]
    return rows


def fetch(port: GraphPort, package_id: str, *, scope: dict[str, Any]) -> Fetched | None:
    """Return a package with its bytes, or None when there is none or its case is outside the scope."""
    rows = port.read("packages/bundle", id=package_id.strip(), scope=scope)
    if not rows:
        return None
    row = rows[0]
    return Fetched(id=row["id"], case=row["case"], version=row["version"], sha256=row["sha256"],
                   for_force=row["for_force"], contacts_included=bool(row["contacts_included"]),
                   carries=list(row["carries"]), data=bytes(row["bundle"]))


def record_download(port: GraphPort, package_id: str, *, by: str, file: str) -> None:
    """Note on the package that `by` downloaded `file` now, for the continuity log of later versions."""
    port.write("packages/record_download", id=package_id, by=by, file=file)
