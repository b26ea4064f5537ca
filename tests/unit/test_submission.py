"""A report made ready to write before its transaction: the same id, hash and rows as intake computes."""

from __future__ import annotations

from loaders.contract import ReportIn
from loaders.intake_rows import Submission, report_id, rows_for
from tests.factories import report


def test_a_submission_carries_the_reports_key_hash_and_rows() -> None:
    given = ReportIn.model_validate(report(reference="HUB-SUB-1"))
    prepared = Submission.of(given, 7)
    assert prepared.id == report_id(given.source, "HUB-SUB-1")
    assert prepared.digest == given.content_hash()
    assert prepared.line == 7
    assert prepared.rows == rows_for(given)


def test_a_changed_report_has_another_digest() -> None:
    first = Submission.of(ReportIn.model_validate(report(reference="HUB-SUB-2", description="first words here")))
    second = Submission.of(ReportIn.model_validate(report(reference="HUB-SUB-2", description="other words here")))
    assert first.id == second.id
    assert first.digest != second.digest
