"""Generate docs/policies.md from the policy files, so the published words cannot drift from the rules.

Run `python -m domain.policy_docs` after editing a policy file; `--check` exits 1 when the document is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .conditions import Condition, describe
from .jurisdiction_policy import JurisdictionPolicy, load_jurisdiction_policy
from .policy import AssessmentPolicy, Offence, load_assessment_policy

ROOT = Path(__file__).resolve().parents[1]
ASSESSMENT_FILE = ROOT / "policies" / "assessment.yaml"
JURISDICTION_FILE = ROOT / "policies" / "jurisdiction.yaml"
DOCS_FILE = ROOT / "docs" / "policies.md"

PLACEHOLDER_WORDS = {
    "offences": "the offences made out",
    "because": "the facts that decided",
    "rule": "the rule that applies",
    "nations": "the nations",
    "owner": "the owning force",
    "investigating": "the investigating force",
    "victim_places": "where the victims are",
    "suspect_places": "where the suspects are",
    "tie_break": "the tie-break, when people are in several forces",
    "count": "the number of forces",
    "forces": "the forces",
    "force": "the force chosen",
    "decision": "the tie-break step that decided",
    "victims": "the number of victims",
    "lead": "the lead force",
    "cases": "the number of cases",
    "linked": "the linked forces",
    "reason": "the owner rule's explanation",
    "places": "the uncertain locations",
}
JURISDICTION_WHEN = {
    "victim_located": "if a victim is located in a UK force area",
    "suspect_located": "if a suspect is located in a UK force area",
    "suspect_in_other_force": "if a suspect is located in a force area other than the owning force's",
    "always": "otherwise",
}
OWNER_WORDS = {"victim_force": "the victims' force", "suspect_force": "the suspects' force", "hub": "the hub"}
INVESTIGATING_WORDS = {"suspect_force": "the suspect's force", "owner": "the owning force", "none": "no force"}


class _Words(dict):
    def __missing__(self, key: str) -> str:
        lead = " " if key == "tie_break" else ""  # the text it stands for starts a new sentence
        return f"{lead}[{PLACEHOLDER_WORDS.get(key, key.replace('_', ' '))}]"


def _text(template: str) -> str:
    return " ".join(template.format_map(_Words()).split())


def _when(condition: Condition, policy: AssessmentPolicy) -> str:
    return describe(condition, policy.labels())


def _time_limit(offence: Offence, policy: AssessmentPolicy) -> str:
    limit = offence.time_limit
    if limit is None:
        return "no time limit (not summary only)"
    start = policy.time_limit_starts[limit.runs_from]
    counting = ", the period beginning with that day" if limit.begins_with_start_day else ""
    cap = f"; never more than {limit.absolute_max_years} years after the offence" if limit.absolute_max_years else ""
    return f"summary only: charge within {limit.months} months of {start}{counting}{cap}"


def _offence(offence: Offence, policy: AssessmentPolicy) -> list[str]:
    nations = ", ".join(policy.vocabulary.nations[n] for n in offence.jurisdictions)
    category = (
        f"{offence.cps_category} ({policy.cps_categories[offence.cps_category].label})"
        if offence.cps_category is not None
        else "none of its own"
    )
    lines = [
        f"#### {offence.label}",
        "",
        _text(offence.explain),
        "",
        f"- id `{offence.id}`; {'a sentencing aggravation' if offence.kind == 'aggravation' else 'an offence'}",
        f"- law of: {nations}; in force from {offence.in_force_from.isoformat()}",
        f"- time limit: {_time_limit(offence, policy)}",
        f"- CPS social media category: {category}",
    ]
    if offence.consent:
        lines.append(f"- prosecution needs the consent of the {offence.consent}")
    lines += ["", "Elements (all must be met):", ""]
    lines += [f"1. `{e.name}`: {_text(e.explain)} — met when {_when(e.when, policy)}." for e in offence.elements]
    return [*lines, ""]


def _classification(policy: AssessmentPolicy) -> list[str]:
    texts, perceived = policy.classification, policy.nchi.hate_perceived.name
    return [
        "### How a case is classified",
        "",
        "The rules are applied in this order; the first that applies decides.",
        "",
        f"1. **Crime** — when at least one offence below has every element met. {_text(texts.crime.explain)}",
        f"2. **No record (not hate)** — when `{perceived}` below does not hold. {_text(texts.not_hate.explain)}",
        "3. **No record (NCHI switched off)** — when `nchi.enabled` is false. "
        + _text(texts.nchi_switched_off.explain),
        "4. **No record (below the NCHI threshold)** — when a rule below applies. "
        + _text(texts.below_nchi_threshold.explain),
        f"5. **Non-crime hate incident** — otherwise. {_text(texts.nchi.explain)}",
        "",
    ]


def _nchi(policy: AssessmentPolicy) -> list[str]:
    nchi = policy.nchi
    switch = f"**{'on' if nchi.enabled else 'off'}** (`nchi.enabled: {str(nchi.enabled).lower()}`)"
    perceived = nchi.hate_perceived
    lines = [
        "### Non-crime hate incidents",
        "",
        f"- Switch: {switch}. {_text(nchi.explain)}",
        f"- Code of Practice in force from {nchi.code_in_force_from.isoformat()}.",
        f"- `{perceived.name}`: {_text(perceived.explain)} — when {_when(perceived.when, policy)}.",
        "",
        "Not recorded as an NCHI when any of these applies:",
        "",
    ]
    lines += [f"- `{r.name}`: {_text(r.explain)} — when {_when(r.when, policy)}." for r in nchi.do_not_record]
    keep, notice = nchi.subject_data.keep, nchi.subject_notice.withhold
    lines += [
        "",
        f"Subject's personal data (threshold `{keep.name}`): kept when {_when(keep.when, policy)}. "
        f"{_text(keep.explain)} Otherwise: {_text(nchi.subject_data.do_not_keep.explain)} "
        "For a crime it is always kept.",
        "",
        f"Telling the subject (`{notice.name}`): withheld when {_when(notice.when, policy)}. {_text(notice.explain)} "
        f"Otherwise: {_text(nchi.subject_notice.tell.explain)}",
        "",
    ]
    return lines


def _priorities_and_categories(policy: AssessmentPolicy) -> list[str]:
    lines = ["### Priorities", "", "The first that applies decides.", ""]
    for p in policy.priorities:
        when = f"when {_when(p.when, policy)}" if p.when is not None else "otherwise"
        lines.append(f"1. **{p.level}** `{p.name}` — {when}. {_text(p.explain)}")
    lines += ["", "### CPS social media categories", ""]
    lines += ["The case takes the most serious (lowest) category among the offences made out.", ""]
    lines += [f"{n}. **{c.label}** — {c.explain}" for n, c in sorted(policy.cps_categories.items())]
    return [*lines, ""]


def _assessment(policy: AssessmentPolicy) -> list[str]:
    lines = [f"## Assessment policy (version {policy.version})", ""]
    lines += _classification(policy) + _nchi(policy)
    lines += ["### Whose law", "", f"{_text(policy.law.explain)} {_text(policy.law.default_explain)}", ""]
    lines += _priorities_and_categories(policy)
    lines += ["### Offences", ""]
    for offence in policy.offences:
        lines += _offence(offence, policy)
    lines += ["### Findings an officer can record", ""]
    lines += [f"- `{name}`: {words}" for name, words in policy.findings.items()]
    lines += ["", "### Report indicators", ""]
    lines += [f"- `{name}`: {words}" for name, words in policy.vocabulary.indicators.items()]
    return [*lines, ""]


def _jurisdiction(policy: JurisdictionPolicy) -> list[str]:
    countries = ", ".join(policy.home_countries)
    lines = [
        f"## Jurisdiction policy (version {policy.version})",
        "",
        f"A person is located in a UK force area when a postcode lookup gave a force; countries {countries} "
        f"count as the UK. When no rule names a force, the hub keeps the case under the code `{policy.hub_code}`.",
        "",
        "### Owning force (the first rule that applies decides)",
        "",
    ]
    for r in policy.owner_rules:
        owns = f"{JURISDICTION_WHEN[r.when]}: {OWNER_WORDS[r.owner]} owns"
        lines.append(f"1. `{r.name}` — {owns}. {_text(r.explain)}")
    lines += ["", "### Investigating force (the first rule that applies decides)", ""]
    for r in policy.investigating_rules:
        investigates = f"{JURISDICTION_WHEN[r.when]}: {INVESTIGATING_WORDS[r.investigating]} investigates"
        lines.append(f"1. `{r.name}` — {investigates}. {_text(r.explain)}")
    lines += [
        "",
        "### Several forces: tie-break and lead force",
        "",
        "When the deciding people (the victims, or the suspects when no victim is located) are in several forces, "
        "these steps are applied in order until one force remains:",
        "",
    ]
    lines += [f"1. `{s.name}`: {_text(s.explain)}" for s in policy.tie_break.steps]
    lines += [
        "",
        f"The explanation then says: {_text(policy.tie_break.explain)}",
        "",
        "A linked series (cases in the order of their earliest report) has one lead force, chosen by the same "
        "owner rules and tie-break over all its victims and suspects; every other force involved is linked. "
        + _text(policy.lead_force.explain),
        "",
        f"A decision that rests on an uncertain location is flagged: {_text(policy.uncertain)}",
    ]
    return [*lines, ""]


def render_policies_markdown(assessment_policy: AssessmentPolicy, jurisdiction_policy: JurisdictionPolicy) -> str:
    """Return docs/policies.md: every rule of both policies in plain English, generated from the policies."""
    header = [
        "# Policies",
        "",
        "<!-- Generated by domain/policy_docs.py from policies/assessment.yaml and policies/jurisdiction.yaml."
        " Do not edit: edit the policy files and run `python -m domain.policy_docs`. -->",
        "",
        "Words in [brackets] are filled in from the case when a decision is explained.",
        "",
    ]
    body = header + _assessment(assessment_policy) + _jurisdiction(jurisdiction_policy)
    return "\n".join(body).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write docs/policies.md from the shipped policy files (or, with --check, report whether it is stale)."""
    args = sys.argv[1:] if argv is None else argv
    assessment, jurisdiction = load_assessment_policy(ASSESSMENT_FILE), load_jurisdiction_policy(JURISDICTION_FILE)
    text = render_policies_markdown(assessment, jurisdiction)
    if "--check" in args:
        stale = not DOCS_FILE.exists() or DOCS_FILE.read_text(encoding="utf-8") != text
        print(f"{DOCS_FILE} is {'stale' if stale else 'up to date'}")
        return 1 if stale else 0
    DOCS_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {DOCS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
