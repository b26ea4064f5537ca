"""The CSV intake format (docs/intake.md): one row per report, numbered columns for lists.

A row becomes the same JSON object a JSON Lines file would carry, which the contract then validates;
so a CSV report is accepted exactly when its JSON form would be.
"""

from __future__ import annotations

import re
from typing import Any

from loaders.contract import ContentItem, Indicators, Reporter, Suspect, Victim
from loaders.validation import RecordError

TOP_LEVEL = ("reference", "source", "received_at", "description", "occurred_from", "occurred_to", "ongoing")
LIST_SEPARATOR = ";"
GROUPS = {"victim": ("victims", Victim), "content": ("content", ContentItem), "suspect": ("suspects", Suspect)}
_NUMBERED = re.compile(r"^(victim|content|suspect)(\d{1,3})_(\w+)$")


def _kind(model: type, name: str) -> str:
    annotation = str(model.model_fields[name].annotation)
    if "bool" in annotation:
        return "bool"
    if name == "audience_size":
        return "int"
    return "str"


def check_header(header: list[str]) -> list[RecordError]:
    """Return an error for every column the format does not know (reported once, against line 1)."""
    errors = []
    for column in header:
        if column in TOP_LEVEL or column == "targeted_characteristics":
            continue
        if column.startswith("reporter_") and column.removeprefix("reporter_") in Reporter.model_fields:
            continue
        if column.startswith("indicator_") and column.removeprefix("indicator_") in Indicators.model_fields:
            continue
        match = _NUMBERED.match(column)
        if match and int(match.group(2)) >= 1 and match.group(3) in GROUPS[match.group(1)][1].model_fields:
            continue
        errors.append(RecordError(line=1, field=column, reason=f"unknown column {column!r} (see docs/intake.md)"))
    return errors


def row_to_record(row: dict[str, str], *, line: int) -> tuple[dict[str, Any], list[RecordError]]:
    """Turn one CSV row into a record for the contract; cells that are not of their column's type are errors."""
    record: dict[str, Any] = {}
    errors: list[RecordError] = []
    reference = (row.get("reference") or "").strip() or None

    def convert(column: str, path: str, model: type | None, name: str, raw: str) -> Any:
        kind = "bool" if name == "ongoing" else _kind(model, name) if model else "str"
        if kind == "bool":
            lowered = raw.strip().lower()
            if lowered in ("true", "false"):
                return lowered == "true"
            errors.append(RecordError(line=line, reference=reference, field=path, reason=f"column {column}: must be true or false, not {raw!r}"))
            return None
        if kind == "int":
            if re.fullmatch(r"\s*\d+\s*", raw):
                return int(raw)
            errors.append(RecordError(line=line, reference=reference, field=path, reason=f"column {column}: must be a whole number, not {raw!r}"))
            return None
        return raw

    for column, raw in row.items():
        if column is None or raw is None or raw == "":
            continue
        if column in TOP_LEVEL:
            record[column] = convert(column, column, None, column, raw)
        elif column == "targeted_characteristics":
            record[column] = [part.strip() for part in raw.split(LIST_SEPARATOR) if part.strip()]
        elif column.startswith("reporter_"):
            name = column.removeprefix("reporter_")
            record.setdefault("reporter", {})[name] = convert(column, f"reporter.{name}", Reporter, name, raw)
        elif column.startswith("indicator_"):
            name = column.removeprefix("indicator_")
            record.setdefault("indicators", {})[name] = convert(column, f"indicators.{name}", Indicators, name, raw)
        else:
            match = _NUMBERED.match(column)
            if not match:
                continue
            group, number, name = match.group(1), int(match.group(2)), match.group(3)
            key, model = GROUPS[group]
            items = record.setdefault(key, {})
            items.setdefault(number, {})[name] = convert(column, f"{key}[{number - 1}].{name}", model, name, raw)
    for group, (key, _) in GROUPS.items():
        if key in record:
            numbers = sorted(record[key])
            if numbers != list(range(1, len(numbers) + 1)):
                errors.append(RecordError(line=line, reference=reference, field=key, reason=f"{group} columns must be numbered 1, 2, 3... without gaps; found {numbers}"))
            record[key] = [record[key][number] for number in numbers]
    return record, errors
