"""Writing reports into the graph exactly once: one transaction per batch, idempotent on (source, reference)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from graph.assessment import assess_and_assign_reports_in
from graph.audit import AuditEvent, append_in
from graph.dedupe import cases, rules, text_groups
from graph.policies import Policies
from graph.port import ConstraintViolation, GraphPort, Tx
from loaders.contract import ReportIn
from loaders.intake_rows import IntakeRows, Submission

# The order matters: reports and people first, then what links to them. Nodes and links that belong to a
# new report alone are CREATEd (the existence check runs in the same transaction); shared ones are MERGEd.
WRITE_STEPS = (
    ("intake/merge_reports", "reports"),
    ("intake/link_reporters", "reporters"),
    ("intake/link_victims", "victims"),
    ("intake/link_subjects", "subjects"),
    ("intake/link_identifiers", "identifiers"),
    ("intake/link_postcodes", "postcodes"),
    ("intake/link_countries", "countries"),
    ("intake/link_content", "items"),
    ("intake/link_suspect_accounts", "suspect_accounts"),
)


class Status(str, Enum):
    """What happened to one submission."""

    CREATED = "created"
    UNCHANGED = "unchanged"  # the same submission again: nothing to do
    CONFLICT = "conflict"  # the same (source, reference) with different content: refused


@dataclass(frozen=True)
class Outcome:
    """The fate of one submission in a batch."""

    id: str
    source: str
    reference: str
    status: Status
    line: int | None = None


class IntakeConflict(Exception):
    """Some submissions reuse a (source, reference) with different content; nothing was written."""

    def __init__(self, conflicts: list[Outcome]) -> None:
        self.conflicts = conflicts
        listed = ", ".join(outcome.id for outcome in conflicts)
        super().__init__(f"already received with different content: {listed}")


def ingest(
    port: GraphPort,
    reports: Sequence[tuple[ReportIn, int | None] | Submission],
    *,
    all_or_nothing: bool = False,
    policies: Policies | None = None,
    today: date | None = None,
    collected_by: Callable[[list[str]], AuditEvent] | None = None,
) -> list[Outcome]:
    """Write a batch of validated reports (each with its line, if any, or already a Submission) in one transaction.

    New submissions are created; an identical resubmission changes nothing; a conflicting one is
    refused and listed. With `all_or_nothing`, any conflict aborts the batch (raising IntakeConflict).
    With `policies`, the cases the new reports join are assessed and assigned in the same transaction.
    With `collected_by`, the audit entry of the collection (made from the ids created) is appended in the
    same transaction too: the reports and their entry commit together, or neither does.
    """
    submissions = [each if isinstance(each, Submission) else Submission.of(*each) for each in reports]

    def work(tx: Tx) -> list[Outcome]:
        outcomes = ingest_in(tx, submissions, all_or_nothing=all_or_nothing, policies=policies, today=today)
        created = [outcome.id for outcome in outcomes if outcome.status is Status.CREATED]
        if created and collected_by is not None:
            append_in(tx, [collected_by(created)])
        return outcomes

    try:
        return port.write_unit(work)
    except ConstraintViolation:
        # Another writer created one of these reports after our check: once more, it is now seen as received.
        return port.write_unit(work)


def ingest_in(
    tx: Tx,
    submissions: Sequence[Submission],
    *,
    all_or_nothing: bool = False,
    policies: Policies | None = None,
    today: date | None = None,
) -> list[Outcome]:
    """The body of `ingest`, inside a transaction the caller owns."""
    ids = [submission.id for submission in submissions]
    stored = {row["id"]: row["content_hash"] for row in tx.run("intake/existing_reports", ids=ids)}
    outcomes: list[Outcome] = []
    rows = IntakeRows()
    for submission in submissions:
        rid, report = submission.id, submission.report
        if rid in stored:
            status = Status.UNCHANGED if stored[rid] == submission.digest else Status.CONFLICT
        else:
            status = Status.CREATED
            stored[rid] = submission.digest  # a repeat inside the same batch is judged against this one
            rows.extend(submission.rows)
        outcomes.append(Outcome(rid, report.source, report.reference, status, submission.line))
    conflicts = [outcome for outcome in outcomes if outcome.status is Status.CONFLICT]
    if conflicts and all_or_nothing:
        raise IntakeConflict(conflicts)
    if rows.reports:
        gaining = items_gaining_authors(tx, rows)
        write_rows(tx, rows)
        combine_duplicates(tx, rows, newly_authored=gaining)
        if policies is not None:
            new_ids = [row["id"] for row in rows.reports]
            assess_and_assign_reports_in(tx, new_ids, policies=policies, today=today or date.today())
    return outcomes


def items_gaining_authors(tx: Tx, rows: IntakeRows) -> list[str]:
    """Return the keys of items already in the graph to which these rows add an author (call before writing)."""
    authored = [{"key": item["key"], "author": item["author"]} for item in rows.items if item.get("author")]
    return [row["key"] for row in tx.run("dedupe/items_gaining_authors", rows=authored)] if authored else []


def combine_duplicates(tx: Tx, rows: IntakeRows, *, newly_authored: Sequence[str] = ()) -> None:
    """Online duplicate detection for the new reports: link them, put them in cases, link series and texts.

    Where the new reports name an author for an item that had none (or another), the item's earlier reports
    are matched again by the rule that reads authors, and their cases reclustered: the batch path, which sees
    every author at once, would link them too.
    """
    new_ids = [row["id"] for row in rows.reports]
    rules.link_reports(tx, new_ids)
    earlier = [row["id"] for row in tx.run("dedupe/earlier_reports_of_items", keys=list(newly_authored),
                                            exclude=new_ids)] if newly_authored else []
    if earlier:
        rules.link_items_without_url(tx, earlier)
    cases.place_new_reports(tx, new_ids)
    if earlier:
        cases.cluster_reports(tx, earlier)
    tx.run("dedupe/link_course_of_conduct", ids=new_ids)
    text_groups.link_items(tx, sorted({item["key"] for item in rows.items if item.get("text_key")}))


def write_rows(tx: Tx, rows: IntakeRows) -> None:
    """Run every intake query over its rows inside `tx`."""
    for query, attribute in WRITE_STEPS:
        batch = getattr(rows, attribute)
        if batch:
            tx.run(query, rows=batch)
