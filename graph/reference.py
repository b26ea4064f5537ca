"""Reference data in the graph: force areas, postcode districts, and the ONS postcode directory's exact mapping.

Every write is `UNWIND $rows ... MERGE`, so loading the same table again changes nothing.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.port import GraphPort, Row, Tx, batched
from loaders.normalise import parse_postcode

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "reference"
ONSPD_COLUMNS = ("pcds", "pfa")
REJECT_COLUMNS = ("line", "pcds", "pfa", "reason")


class ReferenceError(ValueError):
    """A reference file cannot be used; the message names the file, the line and the reason."""


@dataclass(frozen=True)
class SeedSummary:
    """How many force areas and postcode districts the reference tables hold."""

    forces: int
    districts: int


@dataclass
class OnspdSummary:
    """What a load of the ONS postcode directory did: rows read, postcodes mapped, rows refused and why."""

    read: int = 0
    loaded: int = 0
    malformed: int = 0
    unknown_force: int = 0
    rejects: list[Row] = field(default_factory=list)

    @property
    def refused(self) -> int:
        """Rows not loaded: a malformed postcode or a force code the graph does not know."""
        return self.malformed + self.unknown_force


def _read_csv(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [column for column in columns if column not in (reader.fieldnames or [])]
            if missing:
                raise ReferenceError(f"{path}: missing column(s) {', '.join(missing)}")
            return list(reader)
    except OSError as error:
        raise ReferenceError(f"{path}: cannot read: {error.strerror or error}") from None


def force_rows(directory: Path = REFERENCE_DIR) -> list[Row]:
    """Return the rows of police_force_areas.csv ready for `reference/merge_forces`."""
    rows = _read_csv(directory / "police_force_areas.csv", ("code", "name", "nation"))
    return [{"code": r["code"].strip(), "name": r["name"].strip(), "nation": r["nation"].strip()} for r in rows]


def district_rows(directory: Path = REFERENCE_DIR) -> list[Row]:
    """Return the rows of postcode_districts.csv ready for `reference/merge_districts`, checking each."""
    path = directory / "postcode_districts.csv"
    result = []
    for line, row in enumerate(_read_csv(path, ("district", "force_code", "straddles")), start=2):
        straddles = row["straddles"].strip().lower()
        if straddles not in ("true", "false"):
            raise ReferenceError(f"{path} line {line}: straddles must be true or false, not {row['straddles']!r}")
        result.append(
            {
                "district": row["district"].strip().upper(),
                "force": row["force_code"].strip(),
                "straddles": straddles == "true",
            }
        )
    return result


def seed_reference(port: GraphPort, directory: Path = REFERENCE_DIR) -> SeedSummary:
    """Write the force areas and postcode districts (idempotent); call it after the migrations."""
    forces, districts = force_rows(directory), district_rows(directory)
    known = {row["code"] for row in forces}
    unknown = sorted({row["force"] for row in districts} - known)
    if unknown:
        table = directory / "postcode_districts.csv"
        raise ReferenceError(f"{table}: force code(s) {unknown} are not in police_force_areas.csv")

    def work(tx: Tx) -> None:
        tx.run("reference/merge_forces", rows=forces)
        tx.run("reference/merge_districts", rows=districts)

    port.write_unit(work)
    return SeedSummary(forces=len(forces), districts=len(districts))


def force_names(port: GraphPort) -> dict[str, str]:
    """Return {force code: name} for every force area in the graph."""
    return {row["code"]: row["name"] for row in port.read("reference/force_names")}


def _onspd_rows(path: Path, known: dict[str, str], summary: OnspdSummary) -> Iterator[Row]:
    """Yield the directory's rows that map a valid postcode to a known force; record the others in `summary`."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in ONSPD_COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            raise ReferenceError(f"{path}: not an ONS postcode directory: missing column(s) {', '.join(missing)}")
        for line, row in enumerate(reader, start=2):
            summary.read += 1
            given, pfa = (row.get("pcds") or "").strip(), (row.get("pfa") or "").strip()
            parsed = parse_postcode(given)
            force = known.get(pfa) or (known.get("N*") if pfa.startswith("N") else None)
            if parsed is None:
                summary.malformed += 1
                summary.rejects.append({"line": line, "pcds": given, "pfa": pfa, "reason": "not a valid UK postcode"})
            elif force is None:
                summary.unknown_force += 1
                reason = f"force code {pfa} is not a known police force area" if pfa else "no police force area given"
                summary.rejects.append({"line": line, "pcds": given, "pfa": pfa, "reason": reason})
            else:
                yield {"postcode": parsed.postcode, "district": parsed.district, "area": parsed.area, "force": force}


def load_onspd(
    port: GraphPort,
    path: Path,
    *,
    batch_size: int = 5000,
    progress: Callable[[int], None] = lambda rows: None,
) -> OnspdSummary:
    """Load the ONS postcode directory (pcds, pfa) as exact Postcode -> Force links; list refused rows, never guess."""
    # Northern Ireland has one force, so any `N...` police force area code maps to it.
    if not path.is_file():
        raise ReferenceError(f"{path}: no such file")
    rows = port.read("reference/force_names")
    if not rows:
        raise ReferenceError("no force areas in the graph: run `hub db migrate` (it seeds the reference tables) first")
    known = {row["code"]: row["code"] for row in rows}
    known.update({"N*": row["code"] for row in rows if row["nation"] == "Northern Ireland"})
    summary = OnspdSummary()
    before = 0
    for batch in batched(_onspd_rows(path, known, summary), batch_size):
        port.write("reference/merge_exact_postcodes", rows=batch)
        summary.loaded += len(batch)
        progress(summary.read - before)
        before = summary.read
    progress(summary.read - before)
    return summary


def write_rejects(summary: OnspdSummary, path: Path) -> None:
    """Write the refused directory rows (line, pcds, pfa, reason) to a CSV file."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=REJECT_COLUMNS)
        writer.writeheader()
        writer.writerows(summary.rejects)
