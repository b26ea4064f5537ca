"""Reading intake files: JSON Lines and CSV, one record at a time, never the whole file in memory."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from loaders.contract import ReportIn
from loaders.csv_format import check_header, row_to_record
from loaders.validation import RECORD, RecordError, ReportInvalid, parse_json_line, validate_report

JSON_LINES_SUFFIXES = (".jsonl", ".ndjson", ".json")
CSV_SUFFIXES = (".csv",)


@dataclass
class Record:
    """One record read from a file: the validated report, or why it was refused."""

    line: int
    report: ReportIn | None = None
    errors: list[RecordError] = field(default_factory=list)


class UnreadableFile(Exception):
    """The file cannot be read at all (missing, wrong format, bad header)."""


def read_records(path: Path) -> Iterator[Record]:
    """Yield every record of a JSON Lines or CSV intake file, validated against the contract."""
    if not path.is_file():
        raise UnreadableFile(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in JSON_LINES_SUFFIXES:
        yield from _json_lines(path)
    elif suffix in CSV_SUFFIXES:
        yield from _csv(path)
    else:
        raise UnreadableFile(f"{path}: unknown format {suffix!r}; use .jsonl or .csv (see docs/intake.md)")


def count_lines(path: Path) -> int:
    """Count the records a file holds (for a progress bar), quickly and without parsing."""
    with path.open("rb") as handle:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    return max(lines - (1 if path.suffix.lower() in CSV_SUFFIXES else 0), 0)


def _json_lines(path: Path) -> Iterator[Record]:
    with path.open("r", encoding="utf-8", errors="strict", newline="\n") as handle:
        number = 0
        while True:
            number += 1
            try:
                text = handle.readline()
            except UnicodeDecodeError as exc:
                yield Record(number, errors=[RecordError(line=number, field=RECORD, reason=f"not UTF-8: {exc.reason}")])
                return
            if not text:
                return
            if not text.strip():
                continue
            try:
                yield Record(number, report=parse_json_line(text, line=number))
            except ReportInvalid as exc:
                yield Record(number, errors=exc.errors)


def _csv(path: Path) -> Iterator[Record]:
    with path.open("r", encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        problems = check_header(list(header))
        if problems:
            raise UnreadableFile(f"{path}: " + "; ".join(f"{error.field}: {error.reason}" for error in problems))
        for row in reader:
            number = reader.line_num
            if None in row:
                yield Record(number, errors=[RecordError(line=number, field=RECORD, reason="more cells than columns")])
                continue
            record, errors = row_to_record(row, line=number)
            if errors:
                yield Record(number, errors=errors)
                continue
            try:
                yield Record(number, report=validate_report(record, line=number))
            except ReportInvalid as exc:
                yield Record(number, errors=exc.errors)

