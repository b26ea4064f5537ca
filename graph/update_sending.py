"""Sending complainant updates: words from the current template, through a pluggable sender, marked sent.

A sender is anything with `send(message) -> Receipt` (the `Sender` protocol); `HUB_UPDATE_SENDER` chooses one
(`sender_for`). The only one shipped, `outbox`, writes an OutboxMessage node the workbench shows: no e-mail,
text or letter leaves the machine. The caller audits each update sent as a disclosure to its complainant.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol

from core.settings import Settings
from domain.update_messages import UpdateTemplate, parse_template, render
from graph.policies import POLICY_DIR
from graph.port import GraphPort
from graph.updates import UpdateError

TEMPLATE_DIR = POLICY_DIR / "update_templates"
GREETING = "Sir or Madam"


@dataclass(frozen=True)
class Message:
    """One update as it is sent: to whom (address on the channel), the words, and what it is about."""

    id: str
    update: str
    report: str
    case: str | None
    to: str
    channel: str
    subject: str
    body: str


@dataclass(frozen=True)
class Receipt:
    """What a sender says it did with a message: which sender, its own reference, and when."""

    sender: str
    reference: str
    at: datetime


class Sender(Protocol):
    """Sends one message and says so; raises UpdateError when it cannot."""

    name: str

    def send(self, message: Message) -> Receipt:
        """Send the message and return the receipt."""
        ...


@dataclass
class OutboxSender:
    """The default sender: writes the message to the outbox in the graph (sending one twice writes it once)."""

    port: GraphPort
    name: str = "outbox"

    def send(self, message: Message) -> Receipt:
        """Write an OutboxMessage for the message; return a receipt naming it."""
        now = datetime.now(timezone.utc)
        [row] = self.port.write("updates/write_outbox", message=message.__dict__, now=now)
        return Receipt(self.name, row["id"], row["created_at"])


def sender_for(settings: Settings, port: GraphPort) -> Sender:
    """Return the sender HUB_UPDATE_SENDER names (only `outbox` is built in)."""
    if settings.update_sender == "outbox":
        return OutboxSender(port)
    raise UpdateError(f"HUB_UPDATE_SENDER={settings.update_sender!r} is not a sender this hub has: use outbox")


def shipped_template(event: str, directory: Path = TEMPLATE_DIR) -> UpdateTemplate:
    """Return the template for an event as shipped in policies/update_templates/<event>.md."""
    path = directory / f"{event}.md"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise UpdateError(f"{path}: cannot read the update template: {error.strerror or error}") from None
    try:
        return parse_template(event, text, source=str(path))
    except ValueError as error:
        raise UpdateError(str(error)) from None


def template_for(port: GraphPort, event: str) -> UpdateTemplate:
    """Return the template in force for an event: a hub lead's latest edit (graph/documents.py), else as shipped.

    The documents store keeps a title and body; the subject comes from its document when it has one, else from
    the shipped file's front matter.
    """
    shipped = shipped_template(event)
    try:
        from graph import documents
    except ImportError:  # the editable store is not installed: the shipped files are the templates
        return shipped
    document = documents.get(port, "update_template", event)
    if document is None:
        return shipped
    subject = getattr(document, "subject", None) or shipped.subject
    return UpdateTemplate(event, document.title, subject, document.body)


@dataclass(frozen=True)
class SendOutcome:
    """What became of one update asked to be sent: sent, already sent, refused (with why) or unknown."""

    id: str
    outcome: str
    detail: str
    complainant: str | None = None
    case: str | None = None
    message: str | None = None


def _refusal(row: dict) -> str | None:
    if row["status"] == "sent":
        return None
    if row["status"] == "not_contactable":
        return f"not contactable: {row['not_contactable_reason']}"
    if row["status"] == "withdrawn":
        return f"withdrawn: {row['withdrawn_reason']}"
    if not row["address"]:
        return f"no {row['channel']} address is held for the complainant any more: refresh the updates"
    return None


def send_updates(port: GraphPort, ids: list[str], *, by: str, sender: Sender,
                 now: datetime | None = None) -> list[SendOutcome]:
    """Send each due update through `sender` and mark it sent by `by`; return what became of each id.

    An update already sent is not sent again; one not contactable or withdrawn is refused with the reason.
    """
    if not by.strip():
        raise UpdateError("sending an update needs who sends it (--by)")
    found = {row["id"]: row for row in port.read("updates/for_sending", ids=list(ids))}
    outcomes = []
    for update in ids:
        row = found.get(update)
        if row is None:
            outcomes.append(SendOutcome(update, "unknown", f"no such update: {update}"))
            continue
        refusal = _refusal(row)
        if row["status"] == "sent":
            outcomes.append(SendOutcome(update, "already", f"already sent by {row['sent_by']} at {row['sent_at']:%Y-%m-%d %H:%M}",
                                        row["complainant"], row["case"]))
            continue
        if refusal:
            outcomes.append(SendOutcome(update, "refused", refusal, row["complainant"], row["case"]))
            continue
        facts = {**json.loads(row["facts_json"] or "{}"), "name": row["name"] or GREETING}
        try:
            subject, body = render(template_for(port, row["event"]), facts)
        except ValueError as error:  # a template edited outside the documents store's checks
            raise UpdateError(f"update template {row['event']}: {error}") from None
        message = Message(id=f"outbox:{update.removeprefix('update:')}", update=update, report=row["report"],
                          case=row["case"], to=row["address"], channel=row["channel"], subject=subject, body=body)
        receipt = sender.send(message)
        port.write("updates/mark_sent", id=update, by=by.strip(), now=now or datetime.now(timezone.utc),
                   sender=receipt.sender, receipt=receipt.reference)
        outcomes.append(SendOutcome(update, "sent", f"sent by {receipt.sender} as {receipt.reference}",
                                    row["complainant"], row["case"], receipt.reference))
    return outcomes


def due_ids(port: GraphPort) -> list[str]:
    """Return the ids of every update due to be sent, earliest due first."""
    return [row["id"] for row in port.read("updates/due_ids")]
