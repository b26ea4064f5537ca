"""`hub intel draft|grade|list|export|disclosures`: intelligence for the National Intelligence Model.

Every command is audited (s62): a draft as a combination, a grading as an alteration, an export as a disclosure
naming its recipient, a listing as a consultation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.common import audit, command_event, connected_settings, console, fail, friendly, open_port
from graph import intelligence
from graph.intelligence_content import KINDS
from graph.intelligence_export import FORMATS, export as export_reports

app = typer.Typer(help="Intelligence reports for the National Intelligence Model: draft, grade (3x5x2), export.",
                  no_args_is_help=True)

By = Annotated[str, typer.Option("--by", help="Who does it (recorded and audited).")]


def _checked(value: str | None, allowed: tuple[str, ...], option: str) -> str | None:
    if value is not None and value not in allowed:
        raise fail(f"{option} is one of {', '.join(allowed)}, not {value!r}")
    return value


@app.command("draft")
@friendly
def draft(kind: Annotated[str, typer.Argument(help="person (a resolved subject), account or campaign.")],
          subject_id: Annotated[str, typer.Argument(metavar="ID", help="subject:..., platform:handle or a campaign id.")],
          by: By) -> None:
    """Draft an intelligence report about a subject from the graph, with the grading the evidence suggests."""
    _checked(kind, KINDS, "KIND")
    with open_port(connected_settings(), migrate=True) as port:
        drafted = intelligence.draft(port, kind, subject_id, by=by)
        audit(port, by=by, operation="combination", command="intel draft", node_ids=[drafted.id, subject_id])
    console.print(f"{drafted.id}: draft about {drafted.subject_kind} {drafted.subject_id}")
    console.print(f"  {drafted.summary}")
    console.print(f"  suggested grading {drafted.suggested_source}/{drafted.suggested_assessment}: "
                  f"{drafted.suggestion_reason}")


@app.command("grade")
@friendly
def grade(
    report_id: Annotated[str, typer.Argument(metavar="ID", help="The report (intel:...).")],
    source: Annotated[str, typer.Option("--source", help="1 reliable, 2 untested, 3 not reliable.")],
    assessment: Annotated[str, typer.Option("--assessment", help="A-E (A known directly ... E suspected false).")],
    handling: Annotated[str, typer.Option("--handling", help="P sharing permitted, C with conditions.")],
    by: By,
    reason: Annotated[str, typer.Option("--reason", help="Why this grading (recorded).")],
    conditions: Annotated[Optional[str], typer.Option("--conditions", help="Conditions of sharing (C only).")] = None,
) -> None:
    """Grade a report 3x5x2; the grading is a new version and the suggestion is kept beside it."""
    with open_port(connected_settings(), migrate=True) as port:
        graded = intelligence.grade(port, report_id, source=source, assessment=assessment, handling=handling,
                                    conditions=conditions, by=by, reason=reason)
        audit(port, by=by, operation="alteration", command="intel grade", node_ids=[report_id], why=reason)
    console.print(f"{graded.id}: graded {graded.code} (version {graded.version}; suggested {graded.suggested})")
    if graded.conditions:
        console.print(f"  conditions: {graded.conditions}")
    for flag in graded.flags:
        console.print(f"  [bold yellow]warning:[/] {flag}")


@app.command("list")
@friendly
def list_reports(
    kind: Annotated[Optional[str], typer.Option("--kind", help="Only reports about this kind of subject.")] = None,
    graded: Annotated[Optional[bool], typer.Option("--graded/--ungraded", help="Only graded, or only drafts.")] = None,
) -> None:
    """List intelligence reports, latest first: id, subject, grading (or draft) and the suggestion."""
    _checked(kind, KINDS, "--kind")
    with open_port(connected_settings()) as port:
        page = intelligence.list_reports(port, subject_kind=kind, graded=graded, limit=5000)
        rows = intelligence.reports_by_id(port, [row["id"] for row in page])
        audit(port, by="", operation="consultation", command="intel list", node_ids=[row["id"] for row in rows])
    for row in rows:
        code = f"{row['source']}/{row['assessment']}/{row['handling']}" if row["status"] == "graded" else "draft"
        console.print(f"{row['id']}  {row['subject_kind']} {row['subject_id']}  {code}  "
                      f"(suggested {row['suggested_source']}/{row['suggested_assessment']})  "
                      f"{row['drafted_at']:%Y-%m-%d %H:%M} by {row['drafted_by']}")
    console.print(f"{len(rows)} intelligence reports")


@app.command("export")
@friendly
def export(
    out: Annotated[Path, typer.Option("--out", help="File to write.")],
    to: Annotated[str, typer.Option("--to", help="The recipient (recorded on the Disclosure and audited).")],
    by: By,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    ids: Annotated[Optional[list[str]], typer.Argument(help="Reports to export (default: every graded one).")] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="Only reports about this kind of subject.")] = None,
    with_victim_data: Annotated[bool, typer.Option(
        "--with-victim-data", help="Include victims' data where the handling code allows it (P).")] = False,
    why: Annotated[str, typer.Option("--why", help="Justification (recorded).")] = "",
) -> None:
    """Export graded reports as JSON Lines or CSV, recording a Disclosure (recipient, hash) and its audit entry."""
    _checked(fmt, FORMATS, "--format")
    _checked(kind, KINDS, "--kind")
    with open_port(connected_settings(), migrate=True) as port:
        done = export_reports(
            port, ids=ids, subject_kind=kind, fmt=fmt, recipient=to, with_victim_data=with_victim_data,
            may_disclose_victim_data=True, by=by, justification=why or None,
            audited=lambda node_ids: command_event(by=by, operation="disclosure", command=f"intel export {fmt}",
                                                   node_ids=node_ids, why=why, recipient=to),
        )
    out.write_text(done.content, encoding="utf-8")
    console.print(f"{len(done.reports)} reports written to {out} for {done.recipient}: disclosure "
                  f"{done.disclosure_id}, sha256 {done.sha256}")
    if with_victim_data:
        console.print(f"  with victims' data: {len(done.with_victim_data)}; sanitised (handling code): "
                      f"{len(done.sanitised)}")


@app.command("disclosures")
@friendly
def disclosures() -> None:
    """List the disclosures of intelligence, latest first: to whom, by whom, which reports, format and hash."""
    with open_port(connected_settings()) as port:
        rows = intelligence.disclosures(port, limit=5000)
        audit(port, by="", operation="consultation", command="intel disclosures", node_ids=[r["id"] for r in rows])
    for row in rows:
        victims = "with victims' data" if row["victim_data_reports"] else "sanitised"
        console.print(f"{row['id']}  {row['at']:%Y-%m-%d %H:%M}  to {row['recipient']}  by {row['by']}  "
                      f"{row['format']}  {len(row['reports'])} reports ({victims})  sha256 {row['sha256']}")
    console.print(f"{len(rows)} disclosures")
