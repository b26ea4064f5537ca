"""An evidence package as one zip, its manifest of hashes, and the check that nothing in it has changed: pure.

The zip is deterministic (fixed entry times, permissions and order, one compression level), so the same content
always gives the same bytes and the same hash. `manifest.json` lists every other file with its SHA-256 and size;
the package's hash is the SHA-256 of `manifest.json`. `verify` recomputes every file's hash and every exhibit's
own hash (over the canonical JSON of the record as captured) and names each mismatch, missing or extra file.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from domain.evidence_package import Document, record_sha256

MANIFEST = "manifest.json"
MANIFEST_SCHEMA = "hub-evidence-manifest/1"
PACKAGE_JSON, PACKAGE_HTML, PACKAGE_PDF = "package.json", "package.html", "package.pdf"
EXHIBIT_PREFIX = "exhibits/"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold: the same on every run
_FILE_MODE = 0o100644 << 16


@dataclass(frozen=True)
class Bundle:
    """A built package: the zip's bytes, its hash (the manifest's SHA-256) and the manifest itself."""

    data: bytes
    sha256: str
    manifest: dict[str, Any]

    @property
    def files(self) -> list[dict[str, Any]]:
        """Every file in the package but the manifest: path, sha256, size."""
        return list(self.manifest["files"])


@dataclass(frozen=True)
class Verification:
    """The outcome of checking a package: what was counted, its hash, and every problem found."""

    files: int
    exhibits: int
    sha256: str | None
    problems: tuple[str, ...]

    @property
    def intact(self) -> bool:
        return not self.problems


def json_bytes(value: Any) -> bytes:
    """Return a readable, stable JSON file's bytes (sorted keys, two-space indent, UTF-8, final newline)."""
    return (json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _zip(files: Mapping[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(files, key=lambda name: (name != MANIFEST, name)):
            info = zipfile.ZipInfo(path, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = _FILE_MODE
            info.create_system = 3
            archive.writestr(info, files[path], compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return buffer.getvalue()


def manifest_of(files: Mapping[str, bytes], *, package: Mapping[str, Any]) -> dict[str, Any]:
    """Return the manifest of these files (every one but the manifest), sorted by path."""
    return {
        "schema": MANIFEST_SCHEMA, "package": package.get("id"), "case": package.get("case"),
        "version": package.get("version"), "algorithm": "sha256",
        "files": [{"path": path, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                  for path, data in sorted(files.items())],
    }


def build(document: Document, *, html: str, pdf: bytes) -> Bundle:
    """Return the package's zip: package.json, package.html, package.pdf, every exhibit and the manifest."""
    files: dict[str, bytes] = {PACKAGE_JSON: json_bytes(document.package), PACKAGE_HTML: html.encode("utf-8"),
                               PACKAGE_PDF: pdf}
    files.update({path: json_bytes(content) for path, content in document.exhibit_files.items()})
    manifest = manifest_of(files, package=document.package["package"])
    manifest_bytes = json_bytes(manifest)
    return Bundle(data=_zip({**files, MANIFEST: manifest_bytes}), sha256=hashlib.sha256(manifest_bytes).hexdigest(),
                  manifest=manifest)


def member(data: bytes, path: str) -> bytes:
    """Return one file of a package zip, checked against the manifest; raise ValueError naming what is wrong."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        listed = {entry["path"]: entry for entry in json.loads(archive.read(MANIFEST))["files"]}
        content = archive.read(path)
    if path not in listed or hashlib.sha256(content).hexdigest() != listed[path]["sha256"]:
        raise ValueError(f"{path}: its SHA-256 does not match the package's manifest")
    return content


def verify(data: bytes) -> Verification:
    """Recompute every hash in a package zip and report each file changed, missing or added, and each exhibit
    whose record no longer matches its own hash or the exhibit list's."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return Verification(0, 0, None, ("the file is not a zip archive: not an evidence package",))
    with archive:
        names = [info.filename for info in archive.infolist() if not info.is_dir()]
        if MANIFEST not in names:
            return Verification(0, 0, None, (f"{MANIFEST} is missing: the package's hashes cannot be checked",))
        manifest_bytes = archive.read(MANIFEST)
        try:
            listed = {entry["path"]: entry for entry in json.loads(manifest_bytes)["files"]}
        except (ValueError, KeyError, TypeError):
            return Verification(0, 0, None, (f"{MANIFEST} is not a manifest (unreadable JSON or no file list)",))
        contents = {name: archive.read(name) for name in names if name != MANIFEST}
    problems = _file_problems(listed, contents)
    exhibits = sorted(name for name in contents if name.startswith(EXHIBIT_PREFIX))
    problems += _exhibit_problems(exhibits, contents)
    return Verification(files=len(contents), exhibits=len(exhibits),
                        sha256=hashlib.sha256(manifest_bytes).hexdigest(), problems=tuple(problems))


def _file_problems(listed: Mapping[str, Mapping[str, Any]], contents: Mapping[str, bytes]) -> list[str]:
    problems = []
    for path, entry in sorted(listed.items()):
        if path not in contents:
            problems.append(f"{path}: missing (the manifest lists it)")
            continue
        data = contents[path]
        if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
            problems.append(f"{path}: changed (SHA-256 {hashlib.sha256(data).hexdigest()} where the manifest "
                            f"records {entry.get('sha256')})")
        elif len(data) != entry.get("size"):
            problems.append(f"{path}: changed (size {len(data)} where the manifest records {entry.get('size')})")
    problems += [f"{path}: extra (not in the manifest)" for path in sorted(set(contents) - set(listed))]
    return problems


def _exhibit_problems(exhibits: list[str], contents: Mapping[str, bytes]) -> list[str]:
    listed_hashes: dict[str, str] = {}
    try:
        package = json.loads(contents[PACKAGE_JSON])
        listed_hashes = {entry["file"]: entry["sha256"] for entry in package.get("exhibits", [])}
    except (KeyError, ValueError, TypeError):
        pass  # a missing or changed package.json is already named by the file check
    problems = []
    for path in exhibits:
        try:
            exhibit = json.loads(contents[path])
            recomputed = record_sha256(exhibit["captured"])
        except (ValueError, KeyError, TypeError):
            problems.append(f"{path}: exhibit unreadable (not JSON with a captured record)")
            continue
        if recomputed != exhibit.get("sha256"):
            problems.append(f"{path}: exhibit {exhibit.get('exhibit')} changed (its record's SHA-256 is {recomputed}, "
                            f"it records {exhibit.get('sha256')})")
        if listed_hashes and listed_hashes.get(path) not in (None, recomputed):
            problems.append(f"{path}: exhibit {exhibit.get('exhibit')} does not match the exhibit list in "
                            f"{PACKAGE_JSON}")
    problems += [f"{path}: exhibit missing (the exhibit list in {PACKAGE_JSON} names it)"
                 for path in sorted(set(listed_hashes) - set(exhibits))]
    return problems
