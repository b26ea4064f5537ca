"""`hub guidance list|show|edit|check` (the advice library and update templates) and `hub leads list`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.common import audit, connected_settings, console, fail, friendly, open_port
from domain.guidance import GuidanceError, parse_document
from graph import documents
from graph.notices import load_leads

app = typer.Typer(help="The advice library for forces and the complainant update templates: read, edit, check.",
                  no_args_is_help=True)
leads_app = typer.Typer(help="The directory of forces' hate crime leads (policies/hate_crime_leads.yaml).",
                        no_args_is_help=True)

Kind = Annotated[str, typer.Argument(help="guidance or update_template.")]
Key = Annotated[str, typer.Argument(help="The document's key: its file's stem (doxxing, received, ...).")]


def _kind(kind: str) -> str:
    if kind not in documents.KINDS:
        raise fail(f"KIND is one of {', '.join(documents.KINDS)}, not {kind!r}")
    return kind


def _tags(document: documents.Document) -> str:
    return "  ".join(f"{name}: {', '.join(values)}" for name, values in document.tags.items())


def _edited(document: documents.Document) -> str:
    if not document.version:
        return "version 0 (as shipped)"
    return f"version {document.version}, edited by {document.edited_by} at {document.edited_at:%Y-%m-%d %H:%M}"


@app.command("list")
@friendly
def list_documents(
    kind: Annotated[Optional[str], typer.Option("--kind", help="Only guidance or only update_template.")] = None,
) -> None:
    """List every document in its current version: kind, key, version, title and (guidance) what it is keyed by."""
    kinds = [_kind(kind)] if kind else list(documents.KINDS)
    with open_port(connected_settings()) as port:
        found = [document for wanted in kinds for document in documents.current(port, wanted)]
    for document in found:
        console.print(f"{document.kind}/{document.key}  v{document.version}  {document.title}", markup=False)
        if document.tags:
            console.print(f"  {_tags(document)}", markup=False)
    console.print(f"{len(found)} documents")


Version = Annotated[Optional[int], typer.Option("--version", help="An earlier version (0 = as shipped).")]


@app.command("show")
@friendly
def show(kind: Kind, key: Key, version: Version = None) -> None:
    """Print a document (its current version, or --version) as Markdown, and its history."""
    with open_port(connected_settings()) as port:
        versions = documents.history(port, _kind(kind), key)
    document = versions[0] if version is None and versions else next(
        (found for found in versions if found.version == version), None)
    if document is None:
        raise fail(f"no {kind} {key!r}" + (f" in version {version}" if version is not None else ""))
    console.print(f"# {document.title}\n{_edited(document)}", markup=False)
    if document.subject:
        console.print(f"subject: {document.subject}", markup=False)
    if document.tags:
        console.print(_tags(document))
    console.print(f"\n{document.body}", markup=False)
    console.print("history: " + "; ".join(
        f"v{found.version}" + (f" by {found.edited_by}: {found.reason}" if found.version else " as shipped")
        for found in versions), markup=False)


@app.command("edit")
@friendly
def edit(
    kind: Kind, key: Key,
    file: Annotated[Path, typer.Option("--file", help="Markdown file: front matter (title; for guidance offences, "
                                                      "platforms, situations) then the body; or the body alone.")],
    by: Annotated[str, typer.Option("--by", help="Who edits (recorded and audited).")],
    reason: Annotated[str, typer.Option("--reason", help="Why (recorded and audited).")],
) -> None:
    """Write a new version of a document from a file; earlier versions are kept. An unchanged file writes nothing."""
    _kind(kind)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise fail(f"{file}: cannot read it: {error.strerror or error}") from None
    with open_port(connected_settings(), migrate=True) as port:
        before = documents.get(port, kind, key) if documents.check_key_quietly(key) else None
        if text.lstrip("\ufeff").startswith("---"):
            try:
                parsed = parse_document(text, source=str(file))
            except GuidanceError as fault:
                raise fail(str(fault)) from None
            title, body = parsed.title, parsed.body
            tags = dict(parsed.meta) if kind == documents.GUIDANCE else None
            subject = parsed.meta.get("subject") if kind == documents.UPDATE_TEMPLATE else None
        else:
            title, body, tags, subject = (before.title if before else ""), text, None, None
        document = documents.edit(port, kind=kind, key=key, title=title, body=body, by=by, reason=reason, tags=tags,
                                  subject=subject)
        if before and document.version == before.version:
            console.print(f"{kind}/{key}: unchanged, still version {document.version}")
            return
        audit(port, by=by, operation="alteration", command=f"guidance edit {kind} {key}",
              node_ids=[f"{kind}:{key}:{document.version}"], why=reason)
    console.print(f"{kind}/{key}: version {document.version} written by {document.edited_by}")


@app.command("check")
@friendly
def check() -> None:
    """Check the shipped documents: front matter, known offences, platforms and situations, template placeholders."""
    count, faults = 0, []
    for kind in documents.KINDS:
        files, found = documents.check_shipped(kind)
        count, faults = count + files, faults + found
    for fault in faults:
        console.print(f"[bold red]fault:[/] {fault}")
    if faults:
        raise typer.Exit(1)
    console.print(f"{count} documents checked: no faults")


@leads_app.command("list")
@friendly
def list_leads() -> None:
    """List each force's hate crime lead: code, force, team, e-mail, phone."""
    directory = load_leads()
    for code, lead in sorted(directory.leads.items(), key=lambda item: item[1].force):
        console.print(f"{code}  {lead.force}: {lead.name} <{lead.email}> {lead.phone}")
        if lead.notes:
            console.print(f"  {lead.notes}")
    console.print(f"{len(directory.leads)} leads")
