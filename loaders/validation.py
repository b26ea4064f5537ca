"""Check intake records against the contract and explain each refusal in plain English.

Every problem becomes a RecordError naming the line, the sender's reference, the field (a path such as
`content[2].url`) and the reason; all the problems of one record travel together in ReportInvalid.
Pydantic's own wording never reaches the reader: errors are translated by their `type`.
"""

import json
import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from loaders.contract import COUNTRY_PATTERN, REFERENCE_PATTERN, SHA256_PATTERN, ReportIn

RECORD = "(record)"
"""The field named by a problem with the record as a whole, such as a line that is not JSON."""

_PATTERN_REASONS = {
    REFERENCE_PATTERN: "must start with a letter or digit and contain only letters, digits, '.', '_', '/' or '-'",
    COUNTRY_PATTERN: "must be a two-letter ISO 3166-1 country code in capitals, e.g. GB",
    SHA256_PATTERN: "must be a sha256 digest: 64 hexadecimal characters",
}
_EXPECTED_TYPES = {
    "string_type": "a string",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "model_type": "an object",
    "dict_type": "an object",
    "list_type": "an array",
}
# Errors raised by loaders.contract itself, whose message is already the plain reason.
_OWN_ERROR_TYPES = {"null_not_allowed", "date_time_format", "date_format", "unique_items"}


@dataclass(frozen=True, kw_only=True)
class RecordError:
    """One problem with one intake record: where it is and why the record was refused."""

    line: int | None = None
    reference: str | None = None
    field: str
    reason: str

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.reference is not None:
            where.append(f"reference {_shown_reference(self.reference)}")
        prefix = f"{', '.join(where)}: " if where else ""
        return f"{prefix}{self.field}: {self.reason}"


class ReportInvalid(ValueError):
    """A record was refused; `errors` lists every problem found in it."""

    def __init__(self, errors: list[RecordError]) -> None:
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors


def validate_report(data: object, *, line: int | None = None) -> ReportIn:
    """Return the record as a ReportIn, or raise ReportInvalid listing every way it breaks the contract.

    `data` is a record as parsed from JSON; `line` is its line number in the file, for the messages.
    """
    reference = _raw_reference(data)
    if not isinstance(data, dict):
        reason = f"must be a JSON object, not {_describe(data)}"
        raise ReportInvalid([RecordError(line=line, reference=reference, field=RECORD, reason=reason)])
    try:
        return ReportIn.model_validate(data)
    except ValidationError as refusal:
        errors = [
            RecordError(line=line, reference=reference, field=_field_path(error["loc"]), reason=_reason(error))
            for error in refusal.errors(include_url=False)
        ]
        raise ReportInvalid(errors) from None


def parse_json_line(text: str, *, line: int) -> ReportIn:
    """Return the report on one JSON Lines line, or raise ReportInvalid saying why it cannot be taken in.

    Besides the contract, the line must be valid JSON: no NaN or Infinity, and no key given twice in
    one object (JSON parsers would silently keep only the last value).
    """
    try:
        data = load_json(text)
    except ValueError as failure:
        raise ReportInvalid([RecordError(line=line, field=RECORD, reason=str(failure))]) from None
    return validate_report(data, line=line)


def load_json(text: str | bytes) -> Any:
    """Parse strict JSON (no NaN or Infinity, no key twice in one object); raise ValueError with the reason."""
    try:
        return json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_refuse_repeated_keys)
    except json.JSONDecodeError as failure:
        raise ValueError(f"is not valid JSON: {failure.msg} at column {failure.colno}") from None
    except UnicodeDecodeError:
        raise ValueError("is not valid JSON: not UTF-8") from None
    except ValueError as failure:
        raise ValueError(f"is not valid JSON: {failure}") from None


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON value")


def _refuse_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for key, value in pairs:
        if key in record:
            raise ValueError(f"the key {key!r} appears twice in one object")
        record[key] = value
    return record


def _raw_reference(data: object) -> str | None:
    """Return the reference the sender gave, valid or not, so that even a refusal can name the record."""
    if isinstance(data, dict) and isinstance(data.get("reference"), str):
        return data["reference"]
    return None


def _shown_reference(reference: str) -> str:
    """Return the reference fit for one line of a message: quoted and shortened unless it is well formed."""
    if re.fullmatch(REFERENCE_PATTERN, reference) and len(reference) <= 64:
        return reference
    return repr(reference[:64]) + ("..." if len(reference) > 64 else "")


def _field_path(loc: tuple[int | str, ...]) -> str:
    """Return a Pydantic error location as a path such as `content[2].url`."""
    if not loc:
        return RECORD
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif _PLAIN_NAME.fullmatch(str(part)):
            path += f".{part}" if path else str(part)
        else:  # a key that is empty or holds odd characters is quoted, so the path always names it
            path += f"[{json.dumps(str(part), ensure_ascii=False)}]"
    return path


_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _reason(error: Any) -> str:
    """Return the plain-English reason for one Pydantic error, chosen by its type."""
    kind = error["type"]
    context = error.get("ctx", {})
    if kind in _OWN_ERROR_TYPES:
        return error["msg"]
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return f"unknown field {str(error['loc'][-1])!r} is not allowed"
    if kind == "literal_error":
        return "must be one of: " + ", ".join(re.findall(r"'([^']*)'", context["expected"]))
    if kind in _EXPECTED_TYPES:
        return f"must be {_EXPECTED_TYPES[kind]}, not {_describe(error['input'])}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is longer than {context['max_length']} characters"
    if kind == "too_long":
        return f"has more than {context['max_length']} items"
    if kind == "greater_than_equal":
        return f"must be {context['ge']} or more"
    if kind == "string_pattern_mismatch":
        return _PATTERN_REASONS.get(context["pattern"], "is not in the expected form")
    if kind == "string_unicode":
        return "is not valid Unicode text (it holds a lone surrogate)"
    return "is not valid"


def _describe(value: object) -> str:
    """Return how a JSON value reads in a message, e.g. `the string '12'`, `true`, `an array`."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "..."
        return f"the string {shown!r}"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"
