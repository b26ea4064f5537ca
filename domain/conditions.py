"""The small condition language of the policy files: parse it (with YAML paths), evaluate it, describe it.

A condition is a mapping with exactly one operator:

- `all: [cond, ...]`, `any: [cond, ...]`, `not: cond`
- `any_indicator: [names]` — a report set one of these indicators true
- `any_finding: [names]` — an assessing officer has recorded one of these findings
- `strand_in: [strands]` — hostility is perceived on one of these characteristics
- `content_kind_in: [kinds]` — material of one of these kinds was reported
- `min_occasions_by_one_account: n` — one account sent at least n items against the same victim
- `min_audience: n` — an item reached at least n people
- `public`, `victim_identified`, `victim_vulnerable`, `victim_under_18`: true/false — the fact is as stated
- `offence_complete: [offence ids]` — an offence defined earlier in the policy is made out
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .facts import CONTENT_KINDS, INDICATORS, STRANDS, CaseFacts

NAME_LIST_OPERATORS: dict[str, tuple[str, ...] | None] = {
    "any_indicator": INDICATORS,
    "any_finding": None,  # names are checked against the policy's own `findings`
    "strand_in": STRANDS,
    "content_kind_in": CONTENT_KINDS,
    "offence_complete": None,  # ids are checked against the offences defined earlier
}
NUMBER_OPERATORS = ("min_occasions_by_one_account", "min_audience")
BOOLEAN_OPERATORS: dict[str, tuple[str, str]] = {  # the fact stated when true, when false
    "public": ("the material was posted publicly", "the material was not shown to be posted publicly"),
    "victim_identified": ("an individual victim is identified", "no individual victim is identified"),
    "victim_vulnerable": ("a victim is vulnerable or intimidated", "no victim is said to be vulnerable or intimidated"),
    "victim_under_18": ("a victim is under 18", "no victim is said to be under 18"),
}
OPERATORS: tuple[str, ...] = ("all", "any", "not", *NAME_LIST_OPERATORS, *NUMBER_OPERATORS, *BOOLEAN_OPERATORS)


class PathError(ValueError):
    """A fault at a place inside a policy entry; `path` is the YAML path below the entry being validated."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}" if path else reason)
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Condition:
    """One node of a parsed condition: `value` is a tuple of Conditions for all/any, a Condition for not."""

    op: str
    value: Any


@dataclass(frozen=True)
class Outcome:
    """Whether a condition holds for the facts, and the facts that decided it, in words."""

    met: bool
    because: str


@dataclass(frozen=True)
class Labels:
    """Plain-English names for the vocabularies, and the offences made out so far (id -> label)."""

    indicators: Mapping[str, str]
    findings: Mapping[str, str]
    strands: Mapping[str, str]
    content_kinds: Mapping[str, str]
    offences: Mapping[str, str]
    complete_offences: frozenset[str] = frozenset()


def parse_condition(raw: Any, path: str = "") -> Condition:
    """Return the parsed condition, or raise PathError naming the sub-path and the fault."""
    if isinstance(raw, Condition):
        return raw
    if not isinstance(raw, Mapping) or len(raw) != 1:
        found = ", ".join(map(str, raw)) if isinstance(raw, Mapping) else type(raw).__name__
        raise PathError(path, f"a condition is a mapping with exactly one operator, found: {found or 'nothing'}")
    ((op, value),) = raw.items()
    here = f"{path}.{op}" if path else str(op)
    if op in ("all", "any"):
        if not isinstance(value, list) or not value:
            raise PathError(here, f"'{op}' takes a non-empty list of conditions")
        return Condition(op, tuple(parse_condition(item, f"{here}[{i}]") for i, item in enumerate(value)))
    if op == "not":
        return Condition(op, parse_condition(value, here))
    if op in NAME_LIST_OPERATORS:
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise PathError(here, f"'{op}' takes a non-empty list of names")
        known = NAME_LIST_OPERATORS[op]
        for i, name in enumerate(value):
            if known is not None and name not in known:
                raise PathError(f"{here}[{i}]", f"unknown name '{name}' for {op} (known: {', '.join(known)})")
        return Condition(op, tuple(value))
    if op in NUMBER_OPERATORS:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise PathError(here, f"'{op}' takes a whole number of 0 or more, got {value!r}")
        return Condition(op, value)
    if op in BOOLEAN_OPERATORS:
        if not isinstance(value, bool):
            raise PathError(here, f"'{op}' takes true or false, got {value!r}")
        return Condition(op, value)
    raise PathError(here, f"unknown condition operator '{op}' (known: {', '.join(OPERATORS)})")


def iter_leaves(condition: Condition, path: str = "") -> Iterator[tuple[str, Condition]]:
    """Yield (sub-path, leaf) for every leaf of a condition, for checks that need the whole policy."""
    here = f"{path}.{condition.op}" if path else condition.op
    if condition.op in ("all", "any"):
        for i, child in enumerate(condition.value):
            yield from iter_leaves(child, f"{here}[{i}]")
    elif condition.op == "not":
        yield from iter_leaves(condition.value, here)
    else:
        yield here, condition


def _names(names: Any, labels: Mapping[str, str], joiner: str) -> str:
    words = [labels.get(name, name.replace("_", " ")) for name in names]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {joiner} " + words[-1]


def _label_map(op: str, labels: Labels) -> Mapping[str, str]:
    return {
        "any_indicator": labels.indicators,
        "any_finding": labels.findings,
        "strand_in": labels.strands,
        "content_kind_in": labels.content_kinds,
        "offence_complete": labels.offences,
    }[op]


def _present(op: str, facts: CaseFacts, labels: Labels) -> frozenset[str]:
    return {
        "any_indicator": facts.indicators,
        "any_finding": facts.findings,
        "strand_in": facts.strands,
        "content_kind_in": facts.content_kinds,
        "offence_complete": labels.complete_offences,
    }[op]


_LIST_WORDS: dict[str, tuple[str, str]] = {  # (met, unmet) templates over the names
    "any_indicator": ("the reporter says {names}", "no report says {names}"),
    "any_finding": ("an officer has recorded that {names}", "no officer has recorded that {names}"),
    "strand_in": ("hostility is perceived on {names}", "no report perceives hostility on {names}"),
    "content_kind_in": ("the material includes {names}", "none of the material is {names}"),
    "offence_complete": ("{names} made out", "{names} made out"),
}


# The fact each leaf operator reads (`_evaluate_leaf`, `_present`); offence_complete reads the labels' offences
# made out instead. Keep in step with `_evaluate_leaf`: a test compares remembered outcomes with fresh ones.
_LEAF_READS: dict[str, Callable[[CaseFacts], Any]] = {
    "any_indicator": lambda facts: facts.indicators,
    "any_finding": lambda facts: facts.findings,
    "strand_in": lambda facts: facts.strands,
    "content_kind_in": lambda facts: facts.content_kinds,
    "offence_complete": lambda facts: None,
    "min_occasions_by_one_account": lambda facts: facts.max_occasions_by_one_account,
    "min_audience": lambda facts: facts.max_audience,
    "public": lambda facts: facts.public_content,
    "victim_identified": lambda facts: facts.victim_count > 0,
    "victim_vulnerable": lambda facts: facts.vulnerable_victim,
    "victim_under_18": lambda facts: facts.under_18_victim,
}


def fact_readers(condition: Condition) -> tuple[Callable[[CaseFacts], Any], ...]:
    """Return a reader of each fact the condition's leaves read: facts that agree on them meet it alike, in the
    same words (given the same labels)."""
    return tuple(_LEAF_READS[op] for op in sorted({leaf.op for _, leaf in iter_leaves(condition)}))


def reads_offences(condition: Condition) -> bool:
    """Whether the condition depends on the offences made out so far (an offence_complete leaf)."""
    return any(leaf.op == "offence_complete" for _, leaf in iter_leaves(condition))


def _evaluate_leaf(condition: Condition, facts: CaseFacts, labels: Labels) -> Outcome:
    op, value = condition.op, condition.value
    if op in NAME_LIST_OPERATORS:
        present, words = _present(op, facts, labels), _label_map(op, labels)
        hits = [name for name in value if name in present]
        if op == "content_kind_in" and set(value) == set(CONTENT_KINDS):
            kinds = _names(sorted(present), words, "and") if present else ""
            words_now = f"online material was reported ({kinds})" if hits else "no online material was reported"
            return Outcome(bool(hits), words_now)
        met_words, unmet_words = _LIST_WORDS[op]
        if op == "offence_complete":  # agree the verb with the number of offences
            hit_names = _names(hits, words, "and") + (" is" if len(hits) == 1 else " are") if hits else ""
            listed = _names(value, words, "or")
            none = f"{listed} is not" if len(value) == 1 else f"none of {listed} is"
            return Outcome(bool(hits), (met_words if hits else unmet_words).format(names=hit_names or none))
        if hits:
            return Outcome(True, met_words.format(names=_names(hits, words, "and")))
        return Outcome(False, unmet_words.format(names=_names(value, words, "or")))
    if op == "min_occasions_by_one_account":
        n = facts.max_occasions_by_one_account
        text = f"the most items one account sent against the same victim is {n} (at least {value} needed)"
        return Outcome(n >= value, text)
    if op == "min_audience":
        audience = facts.max_audience
        shown = "not known" if audience is None else f"{audience:,}"
        text = f"the largest audience reported is {shown} (at least {value:,} needed)"
        return Outcome(audience is not None and audience >= value, text)
    actual = {
        "public": facts.public_content,
        "victim_identified": facts.victim_count > 0,
        "victim_vulnerable": facts.vulnerable_victim,
        "victim_under_18": facts.under_18_victim,
    }[op]
    true_text, false_text = BOOLEAN_OPERATORS[op]
    return Outcome(actual == value, true_text if actual else false_text)


def evaluate(condition: Condition, facts: CaseFacts, labels: Labels) -> Outcome:
    """Return whether the condition holds for the facts, with the deciding facts in plain words."""
    if condition.op == "not":
        inner = evaluate(condition.value, facts, labels)
        return Outcome(not inner.met, inner.because)
    if condition.op in ("all", "any"):
        outcomes = [evaluate(child, facts, labels) for child in condition.value]
        met = all(o.met for o in outcomes) if condition.op == "all" else any(o.met for o in outcomes)
        # Report the children that decided the result: for a pass of `any` the ones met, for a failure of
        # `all` the ones missing, otherwise all of them.
        deciding = [o for o in outcomes if o.met == met] if (condition.op == "any") == met else outcomes
        return Outcome(met, "; ".join(o.because for o in deciding))
    return _evaluate_leaf(condition, facts, labels)


def describe(condition: Condition, labels: Labels) -> str:
    """Return the condition as a plain-English sentence fragment, for the generated policy document."""
    op, value = condition.op, condition.value
    if op in ("all", "any"):
        parts = [describe(child, labels) for child in value]
        parts = [f"({p})" if child.op in ("all", "any") else p for p, child in zip(parts, value, strict=True)]
        return ("; and " if op == "all" else "; or ").join(parts)
    if op == "not":
        return f"not ({describe(value, labels)})"
    if op in NAME_LIST_OPERATORS:
        words = _label_map(op, labels)
        if op == "content_kind_in" and set(value) == set(CONTENT_KINDS):
            return "online material was reported"
        template = {
            "any_indicator": "the reporter says {names}",
            "any_finding": "an officer records that {names}",
            "strand_in": "hostility is perceived on {names}",
            "content_kind_in": "the material includes {names}",
            "offence_complete": "{names} is made out",
        }[op]
        return template.format(names=_names(value, words, "or"))
    if op == "min_occasions_by_one_account":
        return f"one account sent at least {value} items against the same victim"
    if op == "min_audience":
        return f"an item reached an audience of at least {value:,}"
    true_text, false_text = BOOLEAN_OPERATORS[op]
    return true_text if value else false_text
