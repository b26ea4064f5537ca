"""The editable documents store: the advice library and the complainant update templates, with their history.

Each document is a shipped Markdown file (`policies/guidance/<key>.md`, `policies/update_templates/<key>.md`),
which is its version 0. A hub lead's edit writes a `DocumentVersion` node (1, 2, ...); older versions stay, so
the history can be read back, and the latest version is the one in use. Front matter is checked on every read
of a shipped file and on every edit (domain/guidance.py); template bodies by `domain.update_messages`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from domain.guidance import (
    MAX_BODY, GuidanceError, Parsed, check_key, check_tags, check_text, parse_document,
)
from domain.policy import load_assessment_policy
from graph.policies import POLICY_DIR
from graph.port import ConstraintViolation, GraphError, GraphPort, Row, Tx
from loaders.normalise.platforms import PLATFORM_DISPLAY_NAMES

GUIDANCE = "guidance"
UPDATE_TEMPLATE = "update_template"
KINDS = {GUIDANCE: "guidance", UPDATE_TEMPLATE: "update_templates"}  # kind -> folder under policies/
MAX_REASON = 500


class DocumentError(GraphError):
    """A document cannot be read or edited as asked; the message names the document, the field and why."""


@dataclass(frozen=True)
class Document:
    """One version of an editable document: version 0 as shipped in policies/, 1, 2, ... as edited."""

    kind: str  # "guidance" or "update_template"
    key: str  # the shipped file's stem: "doxxing", "received", ...
    title: str
    body: str  # Markdown (templates: with {placeholders})
    tags: dict[str, tuple[str, ...]]  # guidance front matter lists: offences, platforms, situations; {} for templates
    version: int  # 0 = as shipped in policies/, 1, 2, ... = edited by a hub lead (older versions kept)
    edited_by: str | None
    edited_at: datetime | None
    reason: str | None = None  # why this version was written (edits only)
    subject: str | None = None  # templates: the message's subject line, with {placeholders}


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise DocumentError(f"kind {kind!r}: unknown (expected {' or '.join(KINDS)})")
    return kind


def folder(kind: str, policy_dir: Path = POLICY_DIR) -> Path:
    """Return the folder the shipped documents of `kind` live in."""
    return policy_dir / KINDS[_kind(kind)]


@lru_cache(maxsize=4)
def known_offences(policy_dir: Path = POLICY_DIR) -> frozenset[str]:
    """Return the offence ids of the assessment policy, which guidance may be keyed by."""
    return frozenset(offence.id for offence in load_assessment_policy(policy_dir / "assessment.yaml").offences)


def known_platforms() -> frozenset[str]:
    """Return the platform ids guidance may be keyed by (the platforms the hub names)."""
    return frozenset(PLATFORM_DISPLAY_NAMES)


def check_guidance_tags(meta: Mapping[str, Any], *, source: str,
                        policy_dir: Path = POLICY_DIR) -> dict[str, tuple[str, ...]]:
    """Return guidance front-matter lists checked against the known offences, platforms and situations."""
    return check_tags(meta, source=source, offences=known_offences(policy_dir), platforms=known_platforms())


def _shipped_document(kind: str, path: Path, policy_dir: Path) -> Document:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DocumentError(f"{path}: cannot read the document: {error.strerror or error}") from None
    source = str(path.relative_to(policy_dir.parent)) if path.is_relative_to(policy_dir.parent) else str(path)
    try:
        parsed: Parsed = parse_document(text, source=source)
        tags = check_guidance_tags(parsed.meta, source=source, policy_dir=policy_dir) if kind == GUIDANCE else {}
        check_key(path.stem, kind=source)
    except GuidanceError as fault:
        raise DocumentError(str(fault)) from None
    subject = parsed.meta.get("subject") if kind == UPDATE_TEMPLATE else None
    return Document(kind=kind, key=path.stem, title=parsed.title, body=parsed.body, tags=tags, version=0,
                    edited_by=None, edited_at=None, subject=subject if isinstance(subject, str) else None)


def shipped(kind: str, policy_dir: Path = POLICY_DIR) -> list[Document]:
    """Return the shipped documents of `kind` (version 0), by key; DocumentError names a faulty file."""
    directory = folder(kind, policy_dir)
    if not directory.is_dir():
        return []
    return [_shipped_document(kind, path, policy_dir) for path in sorted(directory.glob("*.md"))]


def check_shipped(kind: str, policy_dir: Path = POLICY_DIR) -> tuple[int, list[str]]:
    """Return how many shipped files of `kind` there are and every fault found in them (each naming its file).

    Templates are also checked for unknown placeholders (`domain.update_messages.check_template`).
    """
    directory = folder(kind, policy_dir)
    paths = sorted(directory.glob("*.md")) if directory.is_dir() else []
    faults = []
    for path in paths:
        try:
            document = _shipped_document(kind, path, policy_dir)
            if kind == UPDATE_TEMPLATE:
                from domain.update_messages import check_template

                check_template(document.body)
        except DocumentError as fault:
            faults.append(str(fault))
        except ValueError as fault:
            faults.append(f"{path}: body: {fault}")
    return len(paths), faults


def _stored(row: Row) -> Document:
    tags = {name: tuple(values) for name, values in json.loads(row["tags_json"] or "{}").items()}
    return Document(kind=row["kind"], key=row["key"], title=row["title"], body=row["body"], tags=tags,
                    version=row["version"], edited_by=row["edited_by"], edited_at=row["edited_at"],
                    reason=row["reason"], subject=row["subject"])


def current(port: GraphPort, kind: str, *, policy_dir: Path = POLICY_DIR) -> list[Document]:
    """Return every document of `kind` in its latest version (the shipped file when never edited), by key."""
    documents = {document.key: document for document in shipped(kind, policy_dir)}
    for row in port.read("documents/latest_versions", kind=_kind(kind)):
        documents[row["key"]] = _stored(row)
    return [documents[key] for key in sorted(documents)]


def get(port: GraphPort, kind: str, key: str, *, version: int | None = None,
        policy_dir: Path = POLICY_DIR) -> Document | None:
    """Return the document's latest version (or the `version` asked for), None when there is no such document."""
    found = history(port, kind, key, policy_dir=policy_dir)
    if version is None:
        return found[0] if found else None
    return next((document for document in found if document.version == version), None)


def history(port: GraphPort, kind: str, key: str, *, policy_dir: Path = POLICY_DIR) -> list[Document]:
    """Return every version of the document, newest first, ending with the shipped file (version 0) if any."""
    edited = [_stored(row) for row in port.read("documents/history", kind=_kind(kind), key=key)]
    path = folder(kind, policy_dir) / f"{key}.md"
    original = [_shipped_document(kind, path, policy_dir)] if check_key_quietly(key) and path.is_file() else []
    return edited + original


def check_key_quietly(key: str) -> bool:
    """Return whether `key` is a well-formed document key (so that it may name a file)."""
    try:
        check_key(key, kind="document")
    except GuidanceError:
        return False
    return True


def _checked(kind: str, key: str, title: str, body: str, by: str, reason: str,
             tags: Mapping[str, Sequence[str]] | None, subject: str | None, before: Document | None,
             policy_dir: Path) -> dict[str, Any]:
    name = f"{kind} {key!r}"
    try:
        check_key(key, kind=kind)
        values = {
            "title": check_text(title, field="title", source=name),
            "body": check_text(body, field="body", source=name, limit=MAX_BODY) + "\n",
            "by": check_text(by, field="by (who edits)", source=name),
            "reason": check_text(reason, field="reason", source=name, limit=MAX_REASON),
        }
        if kind == GUIDANCE:
            given = tags if tags is not None else (before.tags if before else None)
            if given is None:
                raise GuidanceError(f"{name}: a new guidance document needs offences, platforms and situations")
            values["tags"] = check_guidance_tags({n: list(v) for n, v in given.items()}, source=name,
                                                 policy_dir=policy_dir)
            values["subject"] = None
        else:
            if before is None:
                raise GuidanceError(f"{name}: no such template (one file per event in policies/update_templates/)")
            from domain.update_messages import check_template  # helper module for complainant updates

            values["subject"] = check_text(subject, field="subject", source=name) if subject else before.subject
            for field in ("subject", "body"):
                try:
                    check_template(values[field] or "")
                except ValueError as fault:
                    raise GuidanceError(f"{name}: {field}: {fault}") from None
            values["tags"] = {}
    except GuidanceError as fault:
        raise DocumentError(str(fault)) from None
    return values


def edit(port: GraphPort, *, kind: str, key: str, title: str, body: str, by: str, reason: str,
         tags: Mapping[str, Sequence[str]] | None = None, subject: str | None = None,
         policy_dir: Path = POLICY_DIR) -> Document:
    """Write a new version of the document and return it; the older versions stay.

    Guidance keeps its offences, platforms and situations unless `tags` gives new ones (a new guidance key needs
    them); a template keeps its subject unless `subject` gives a new one, and both its subject and body are
    checked for unknown placeholders. An edit that changes nothing writes nothing
    and returns the current version, so a rerun is harmless. DocumentError names the document and the fault.
    """
    kind = _kind(kind)
    before = get(port, kind, key, policy_dir=policy_dir) if check_key_quietly(key) else None
    values = _checked(kind, key, title, body, by, reason, tags, subject, before, policy_dir)
    if before and (before.title, before.subject, before.body.strip(), before.tags) == (
            values["title"], values["subject"], values["body"].strip(), values["tags"]):
        return before

    def write(tx: Tx) -> Row:
        [row] = tx.run("documents/write_version", kind=kind, key=key, title=values["title"],
                       subject=values["subject"], body=values["body"],
                       tags_json=json.dumps({n: list(v) for n, v in values["tags"].items()}, sort_keys=True),
                       by=values["by"], reason=values["reason"])
        return row

    try:
        return _stored(port.write_unit(write))
    except ConstraintViolation:
        raise DocumentError(f"{kind} {key!r}: edited by someone else at the same moment; read it again and "
                            "retry") from None
