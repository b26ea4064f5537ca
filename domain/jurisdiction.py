"""Which force is responsible for a case, and which leads a linked series: pure rules over where people are.

The rules, their order, the tie-break and every word of the explanations come from the jurisdiction policy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from .jurisdiction_policy import JurisdictionPolicy, OwnerRule


@dataclass(frozen=True)
class PlaceFact:
    """Where one victim or suspect is: a force from a postcode lookup (certain only for a full postcode), a country."""

    force_code: str | None
    country: str | None
    certain: bool
    source: str


@dataclass(frozen=True)
class JurisdictionFacts:
    """The places of a case's victims and suspects, each list in the order of the reports that gave them."""

    case_id: str
    victims: Sequence[PlaceFact] = ()
    suspects: Sequence[PlaceFact] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "victims", tuple(self.victims))
        object.__setattr__(self, "suspects", tuple(self.suspects))


@dataclass(frozen=True)
class Assignment:
    """The forces responsible for one case, the rules that decided, their inputs and the explanation."""

    case_id: str
    owning_force: str
    investigating_force: str | None
    rule: str
    investigating_rule: str
    tie_break_rule: str | None
    inputs: dict[str, Any] = field(hash=False)
    explanation: str
    uncertain: bool


@dataclass(frozen=True)
class LeadDecision:
    """The lead force of a linked series, the other forces linked to it, and why."""

    lead: str
    linked: tuple[str, ...]
    rule: str
    explanation: str
    uncertain: bool
    inputs: dict[str, Any] = field(hash=False)


@dataclass(frozen=True)
class _Choice:
    force: str
    step: str | None  # the tie-break step that decided, None when only one force was in play
    text: str
    used: tuple[PlaceFact, ...]


def _join(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


class _Context:
    """The facts and words one decision works from."""

    def __init__(
        self,
        policy: JurisdictionPolicy,
        victims: Sequence[PlaceFact],
        suspects: Sequence[PlaceFact],
        names: Mapping[str, str],
    ) -> None:
        self.policy, self.victims, self.suspects, self.names = policy, tuple(victims), tuple(suspects), names
        self.victim_counts = Counter(p.force_code for p in self.victims if p.force_code)
        self.suspect_counts = Counter(p.force_code for p in self.suspects if p.force_code)

    def name(self, code: str) -> str:
        return self.names.get(code, code)

    def place(self, place: PlaceFact) -> str:
        words = self.policy.places
        if place.force_code:
            return words.in_force.format(force=self.name(place.force_code), source=place.source)
        if place.country in self.policy.home_countries:
            return words.in_uk_no_force.format(source=place.source)
        if place.country:
            return words.abroad.format(country=place.country, source=place.source)
        return words.unknown.format(source=place.source)

    def places(self, places: Sequence[PlaceFact]) -> str:
        return _join([self.place(p) for p in places]) if places else self.policy.places.none

    def choose(self, deciding: Sequence[PlaceFact]) -> _Choice:
        """Return the force among the deciding places, breaking ties by the policy's steps in order."""
        forces = list(dict.fromkeys(p.force_code for p in deciding if p.force_code))
        if len(forces) == 1:
            return _Choice(forces[0], None, "", tuple(p for p in deciding if p.force_code == forces[0]))
        remaining = forces
        for step in self.policy.tie_break.steps:
            remaining = self._narrow(step.name, remaining, deciding)
            if len(remaining) == 1:
                break
        chosen = remaining[0]
        decision = step.explain.format(force=self.name(chosen), victims=self.victim_counts[chosen])
        text = self.policy.tie_break.explain.format(
            count=len(forces), forces=_join([self.name(f) for f in forces]), force=self.name(chosen), decision=decision
        )
        return _Choice(chosen, step.name, text, tuple(p for p in deciding if p.force_code))

    def _narrow(self, step: str, remaining: list[str], deciding: Sequence[PlaceFact]) -> list[str]:
        if step == "lead_force_most_victims":
            best = max(self.victim_counts[f] for f in remaining)
            return [f for f in remaining if self.victim_counts[f] == best]
        if step == "lead_force_suspect_force":
            best = max(self.suspect_counts[f] for f in remaining)
            return [f for f in remaining if self.suspect_counts[f] == best] if best else remaining
        if step == "lead_force_earliest_report":
            return [next(p.force_code for p in deciding if p.force_code in remaining)]
        return [min(remaining)]  # lead_force_lowest_code

    def owner(self) -> tuple[OwnerRule, _Choice]:
        """Return the first owner rule that holds, and the force it chooses (the hub's code for the hub)."""
        for rule in self.policy.owner_rules:
            if rule.when == "victim_located" and self.victim_counts:
                return rule, self.choose(self.victims)
            if rule.when == "suspect_located" and self.suspect_counts:
                return rule, self.choose(self.suspects)
            if rule.when == "always":
                if rule.owner == "victim_force" or rule.owner == "suspect_force":
                    break  # validated: these owners need a located person
                return rule, _Choice(self.policy.hub_code, None, "", ())
        raise AssertionError("the policy guarantees a fallback owner rule")  # validated at load

    def explain_owner(self, rule: OwnerRule, choice: _Choice) -> str:
        return rule.explain.format(
            owner=self.name(choice.force),
            victim_places=self.places(self.victims),
            suspect_places=self.places(self.suspects),
            tie_break=choice.text,
        )

    def uncertain_text(self, used: Sequence[PlaceFact]) -> str:
        doubtful = [p for p in dict.fromkeys(used) if not p.certain]
        return self.policy.uncertain.format(places=self.places(doubtful)) if doubtful else ""


def _inputs(context: _Context, **extra: Any) -> dict[str, Any]:
    return {
        **extra,
        "policy_version": context.policy.version,
        "victims": [asdict(p) for p in context.victims],
        "suspects": [asdict(p) for p in context.suspects],
        "victim_forces": dict(sorted(context.victim_counts.items())),
        "suspect_forces": dict(sorted(context.suspect_counts.items())),
    }


def assign(
    facts: JurisdictionFacts, policy: JurisdictionPolicy, *, force_names: Mapping[str, str] | None = None
) -> Assignment:
    """Return the owning and investigating forces for a case, with the rules that decided and why."""
    context = _Context(policy, facts.victims, facts.suspects, force_names or {})
    owner_rule, choice = context.owner()
    owner = choice.force
    others = [p for p in context.suspects if p.force_code and p.force_code != owner]
    for rule in policy.investigating_rules:
        if rule.when == "always" or (rule.when == "suspect_located" and context.suspect_counts) or (
            rule.when == "suspect_in_other_force" and others
        ):
            break
    investigating: str | None = None
    used = list(choice.used)
    if rule.investigating == "suspect_force":
        suspect_choice = context.choose(others)
        investigating, used = suspect_choice.force, used + list(suspect_choice.used)
    elif rule.investigating == "owner":
        investigating = owner
    explanation = (
        context.explain_owner(owner_rule, choice)
        + rule.explain.format(
            owner=context.name(owner),
            investigating=context.name(investigating) if investigating else "",
            suspect_places=context.places(context.suspects),
        )
        + context.uncertain_text(used)
    )
    return Assignment(
        case_id=facts.case_id,
        owning_force=owner,
        investigating_force=investigating,
        rule=owner_rule.name,
        investigating_rule=rule.name,
        tie_break_rule=choice.step,
        inputs=_inputs(context, case_id=facts.case_id),
        explanation=explanation,
        uncertain=any(not p.certain for p in used),
    )


def lead_force(
    series: Sequence[JurisdictionFacts], policy: JurisdictionPolicy, *, force_names: Mapping[str, str] | None = None
) -> LeadDecision:
    """Return the lead force of a linked series (cases ordered by earliest report) and the forces linked to it."""
    if not series:
        raise ValueError("lead_force needs at least one case in the series")
    victims = [p for case in series for p in case.victims]
    suspects = [p for case in series for p in case.suspects]
    context = _Context(policy, victims, suspects, force_names or {})
    owner_rule, choice = context.owner()
    involved = {p.force_code for p in (*victims, *suspects) if p.force_code}
    linked = tuple(sorted(involved - {choice.force}))
    reason = context.explain_owner(owner_rule, choice).strip() + context.uncertain_text(choice.used)
    explanation = policy.lead_force.explain.format(
        lead=context.name(choice.force),
        cases=len(series),
        linked=", ".join(context.name(f) for f in linked) or policy.places.none,
        reason=reason,
    )
    return LeadDecision(
        lead=choice.force,
        linked=linked,
        rule=choice.step or owner_rule.name,
        explanation=explanation,
        uncertain=any(not p.certain for p in choice.used),
        inputs=_inputs(context, cases=[case.case_id for case in series]),
    )
