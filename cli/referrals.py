"""`hub refer ...`: platform referrals — draft, send, record the platform's answer, list, and the document."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.common import audit, connected_settings, console, fail, friendly, open_port
from domain.access import HUB_SCOPE
from graph import referral_reads, referrals

app = typer.Typer(help="Platform referrals: content referred to the platforms hosting it so that it can be removed.",
                  no_args_is_help=True)

By = Annotated[str, typer.Option("--by", help="Who records this (recorded with it).")]
At = Annotated[Optional[str], typer.Option("--at", help="When it happened (ISO 8601 with a time zone); default now.")]
Note = Annotated[Optional[str], typer.Option("--note", help="A note kept with the step.")]
COMMANDS = {"sent": "send", "acknowledged": "ack", "removed": "removed", "refused": "refused",
            "no_response": "no-response"}
ReferralId = Annotated[str, typer.Argument(help="The referral's id (referral:...).")]


def _when(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise fail(f"--at: {text!r} is not an ISO 8601 time (2026-11-02T09:30:00Z)") from None
    if value.tzinfo is None:
        raise fail(f"--at: {text!r} needs a time zone (2026-11-02T09:30:00Z)")
    return value


def _draft(kind: str, source: str, by: str) -> None:
    draft = referrals.draft_for_case if kind == "case" else referrals.draft_for_campaign
    with open_port(connected_settings(), migrate=True) as port:
        drafted = draft(port, source, by=by)
        if drafted.created:
            audit(port, by=by, operation="alteration", command=f"refer {'draft' if kind == 'case' else 'campaign'}",
                  node_ids=[*drafted.created, source])
        rows = referral_reads.referrals_by_id(port, ids=list(drafted.created), scope=HUB_SCOPE)
    for row in rows:
        console.print(f"{row['id']}  {row['platform']}  {len(row['items'])} items  {row['basis_kind']}")
    console.print(drafted.message)


@app.command("draft")
@friendly
def draft(case: Annotated[str, typer.Argument(help="The case's id.")], by: By) -> None:
    """Draft one referral per platform of a case's content (items removed or already referred are left out)."""
    _draft("case", case, by)


@app.command("campaign")
@friendly
def campaign(campaign_id: Annotated[str, typer.Argument(help="The campaign's id.")], by: By) -> None:
    """Draft one bulk referral per platform of a campaign's content items."""
    _draft("campaign", campaign_id, by)


def _record(referral_id: str, event: str, *, by: str, at: str | None = None, note: str | None = None,
            reason: str | None = None, items: list[str] | None = None) -> None:
    when = _when(at)
    with open_port(connected_settings()) as port:  # a referral exists only once `draft` has migrated the schema
        step = referrals.record_event(port, referral_id, event, by=by, at=when, note=note, reason=reason,
                                      items=items or ())
        if event == "sent":
            audit(port, by=by, operation="disclosure", command="refer send", node_ids=[referral_id],
                  recipient=f"{step['platform']}: {step['contact']}")
        else:
            audit(port, by=by, operation="alteration", command=f"refer {COMMANDS[event]}",
                  node_ids=[referral_id, *step["items"]], why=reason or note or "")
    removed = f" ({len(step['items'])} items removed)" if step["items"] else ""
    console.print(f"{referral_id}: {event.replace('_', ' ')} recorded by {step['by']} at {step['at']}; "
                  f"now {step['status'].replace('_', ' ')}{removed}")


@app.command("send")
@friendly
def send(referral: ReferralId, by: By, at: At = None, note: Note = None) -> None:
    """Record a draft as sent to the platform: its answer is then due within the platform's response target."""
    _record(referral, "sent", by=by, at=at, note=note)


@app.command("ack")
@friendly
def acknowledge(referral: ReferralId, by: By, at: At = None, note: Note = None) -> None:
    """Record that the platform acknowledged the referral."""
    _record(referral, "acknowledged", by=by, at=at, note=note)


@app.command("removed")
@friendly
def removed(
    referral: ReferralId, by: By, at: At = None, note: Note = None,
    item: Annotated[Optional[list[str]], typer.Option("--item", help="A content item's key; repeat. Default: all.")] = None,
) -> None:
    """Record the removal of the referral's items (all, or those given); it is closed when all are removed."""
    _record(referral, "removed", by=by, at=at, note=note, items=item)


@app.command("refused")
@friendly
def refused(referral: ReferralId, by: By,
            reason: Annotated[str, typer.Option("--reason", help="The platform's reason for refusing.")],
            at: At = None, note: Note = None) -> None:
    """Record that the platform refused to act, with its reason."""
    _record(referral, "refused", by=by, at=at, note=note, reason=reason)


@app.command("no-response")
@friendly
def no_response(referral: ReferralId, by: By, at: At = None, note: Note = None) -> None:
    """Record that the platform did not answer by the due date (only once the referral is overdue)."""
    _record(referral, "no_response", by=by, at=at, note=note)


@app.command("item-removed")
@friendly
def item_removed(
    key: Annotated[str, typer.Argument(help="The content item's key (e.g. x:status:1852003311440001234).")],
    by: By,
    note: Annotated[str, typer.Option("--note", help="How the removal was found (kept with it).")],
    at: At = None,
) -> None:
    """Record that a content item was removed without a referral (found gone, or removed by the platform unasked)."""
    with open_port(connected_settings(), migrate=True) as port:
        row = referrals.record_removal(port, key, by=by, note=note, at=_when(at))
        if row["recorded"]:
            audit(port, by=by, operation="alteration", command="refer item-removed", node_ids=[row["key"]], why=note)
    state = "recorded" if row["recorded"] else "already recorded"
    console.print(f"{row['key']}: removal {state} by {row['recorded_by']} at {row['removed_at']}")


@app.command("list")
@friendly
def list_referrals(
    overdue: Annotated[bool, typer.Option("--overdue", help="Only referrals past their due date unanswered.")] = False,
    platform: Annotated[Optional[str], typer.Option("--platform", help="Only referrals to this platform.")] = None,
    status: Annotated[Optional[str], typer.Option("--status", help="Only referrals in this status.")] = None,
    case: Annotated[Optional[str], typer.Option("--case", help="Only referrals of this case.")] = None,
) -> None:
    """List referrals, newest first: id, platform, status, items, due date (OVERDUE marked)."""
    with open_port(connected_settings()) as port:
        rows = referral_reads.list_referrals(port, scope=HUB_SCOPE, case=case, platform=platform, status=status,
                                             overdue=True if overdue else None)
    for row in rows:
        source = f"campaign {row['campaign']}" if row["campaign"] else f"case {row['case']}"
        due = f"  due {row['due_by']:%Y-%m-%d %H:%M}" if row["due_by"] else ""
        late = "  OVERDUE" if row["overdue"] else ""
        removed = sum(1 for item in row["items"] if item["removed_at"])
        console.print(f"{row['id']}  {source}  {row['platform']}  {row['status']}  "
                      f"{len(row['items'])} items ({removed} removed){due}{late}")
    console.print(f"{len(rows)} referrals")


@app.command("document")
@friendly
def document(
    referral: ReferralId,
    format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    out: Annotated[Optional[Path], typer.Option("--out", help="File to write (default: standard output).")] = None,
) -> None:
    """Write the referral document the platform receives, as text or JSON."""
    if format not in ("text", "json"):
        raise fail(f"--format is text or json, not {format!r}")
    with open_port(connected_settings()) as port:
        row = referral_reads.get(port, referral, scope=HUB_SCOPE)
        if row is None:
            raise fail(f"no referral {referral!r}")
        made = referral_reads.document(row)
        body = made["text"] if format == "text" else json.dumps(made["json"], ensure_ascii=False, indent=2) + "\n"
        audit(port, by="", operation="disclosure", command=f"refer document --format {format}",
              node_ids=[referral, *(item["key"] for item in row["items"])],
              recipient=str(out) if out else "standard output")
    if out:
        out.write_text(body, encoding="utf-8")
        console.print(f"referral document {referral} written to {out}")
    else:
        typer.echo(body, nl=False)
