"""Ground truth for generated reports: what each report is about, who is behind it, and who owns it.

The expected owning force follows the default policy in DOMAIN.md ("Which force is responsible"), applied to
what the report itself says:
1. the first victim listed whose UK postcode (their own, or the reporter's when `same_as_reporter`) lies in a
   district of reference/postcode_districts.csv: that victim's home force. With several victims in different
   forces, the first such victim decides;
2. otherwise the first suspect whose location is a UK postcode in such a district: the suspect's force;
3. otherwise "HUB": the hub keeps the case.
Only districts with straddles=false count, since a straddling district cannot name one force.

truth.json (keys sorted; report keys are "SOURCE|REFERENCE"):
    seed, n_reports
    items            {ITEM_ID: {platform, author_account, kind, text_group (campaign id or null)}}, reported items
    report_items     {REPORT_KEY: [ITEM_ID, ...]} in the order of the report's content array
    resubmissions    [[FIRST_KEY, LATER_KEY], ...]: the same person sending the same material again
    accounts         {ACCOUNT_ID: {platform, handle (lowercase, no "@"), person}}, every perpetrator account
    persons          {PERSON_ID: {name}}: perpetrators, victims and individual reporters
    campaigns        {CAMPAIGN_ID: {accounts, victim (person id or null), text, from, to}}
    complainants     {PERSON_ID: [REPORT_KEY, ...]}: reports by one real, named reporter (anonymous ones left out)
    owning_force     {REPORT_KEY: force code or "HUB"}, by the policy above
    duplicate_groups [[REPORT_KEY, ...], ...]: connected components of reports sharing an item or resubmitting
                     each other, singletons included; each group sorted, groups sorted by first key
"""

from __future__ import annotations

import json
import re
from typing import IO, Any

from .clock import uk_time
from .identities import Person
from .plans import ReportPlan

HUB = "HUB"
_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")


def force_of_postcode(postcode: str | None, district_force: dict[str, str]) -> str | None:
    """Return the force of a full UK postcode in any spacing or case, or None if not in the table."""
    if not postcode:
        return None
    compact = "".join(postcode.split()).upper()
    if not _POSTCODE.match(compact):
        return None
    return district_force.get(compact[:-3])


def expected_owning_force(report: dict, district_force: dict[str, str]) -> str:
    """Return the force code that owns a report under the default policy, or "HUB"."""
    reporter = report.get("reporter", {})
    for victim in report.get("victims", []):
        place = reporter if victim.get("same_as_reporter") else victim
        if place.get("country", "GB") == "GB":
            force = force_of_postcode(place.get("postcode"), district_force)
            if force:
                return force
    for suspect in report.get("suspects", []):
        if suspect.get("country", "GB") == "GB":
            force = force_of_postcode(suspect.get("location"), district_force)
            if force:
                return force
    return HUB


class TruthRecorder:
    """Accumulates the ground truth of each report as it is written, in write order."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.items: dict[str, dict[str, Any]] = {}
        self.report_items: dict[str, list[str]] = {}
        self.resubmissions: list[list[str]] = []
        self.accounts: dict[str, dict[str, str]] = {}
        self.persons: dict[str, dict[str, str]] = {}
        self.campaigns: dict[str, dict[str, Any]] = {}
        self.complainants: dict[str, list[str]] = {}
        self.owning_force: dict[str, str] = {}
        self._index: dict[str, int] = {}
        self._parent: list[int] = []
        self._item_report: dict[str, int] = {}

    def add_perpetrators(self, perpetrators: list[Person]) -> None:
        """Record every perpetrator and each of their accounts."""
        for person in perpetrators:
            self.persons[person.id] = {"name": person.name}
            for account in person.accounts:
                self.accounts[account.id] = {"platform": account.platform, "handle": account.canonical_handle,
                                             "person": person.id}

    def record(self, plan: ReportPlan, report: dict, owning_force: str) -> None:
        """Record one written report: its items, resubmission link, people, campaign and owning force."""
        key = plan.key
        index = len(self._parent)
        self._index[key] = index
        self._parent.append(index)
        self.report_items[key] = [item.id for item in plan.items]
        for item in plan.items:
            if item.id not in self.items:
                self.items[item.id] = {"platform": item.platform, "author_account": item.author.id,
                                       "kind": item.kind, "text_group": item.text_group}
                self._item_report[item.id] = index
            else:
                self._union(index, self._item_report[item.id])
        if plan.resubmission_of is not None:
            self.resubmissions.append([plan.resubmission_of.key, key])
            self._union(index, self._index[plan.resubmission_of.key])
        for victim in plan.victims:
            self.persons.setdefault(victim.id, {"name": victim.name})
        reporter = plan.reporter
        if plan.individual and reporter.person is not None:
            self.persons.setdefault(reporter.person.id, {"name": reporter.person.name})
            if not reporter.anonymous:
                self.complainants.setdefault(reporter.person.id, []).append(key)
        campaign = plan.campaign
        if campaign is not None and campaign.id not in self.campaigns:
            self.campaigns[campaign.id] = {
                "accounts": [account.id for account in campaign.accounts],
                "victim": campaign.victim.id if campaign.victim else None, "text": campaign.text,
                "from": uk_time(campaign.start), "to": uk_time(campaign.end),
            }
        self.owning_force[key] = owning_force

    def _find(self, index: int) -> int:
        parent = self._parent
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def _union(self, first: int, second: int) -> None:
        root_first, root_second = self._find(first), self._find(second)
        if root_first != root_second:
            self._parent[max(root_first, root_second)] = min(root_first, root_second)

    def duplicate_groups(self) -> list[list[str]]:
        """Return the reports that share an item or resubmit each other, as sorted groups (singletons too)."""
        groups: dict[int, list[str]] = {}
        for key, index in self._index.items():
            groups.setdefault(self._find(index), []).append(key)
        return sorted(sorted(group) for group in groups.values())

    def to_dict(self) -> dict[str, Any]:
        """Return the whole truth as plain JSON-ready data."""
        return {
            "seed": self.seed, "n_reports": len(self._parent), "items": self.items,
            "report_items": self.report_items, "resubmissions": self.resubmissions, "accounts": self.accounts,
            "persons": self.persons, "campaigns": self.campaigns, "complainants": self.complainants,
            "owning_force": self.owning_force, "duplicate_groups": self.duplicate_groups(),
        }


def dump_truth(truth: dict[str, Any], handle: IO[str]) -> None:
    """Write the truth as JSON with sorted keys, one entry of each section per line (diff- and grep-friendly)."""
    encode = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode
    handle.write("{\n")
    names = sorted(truth)
    for position, name in enumerate(names):
        value = truth[name]
        handle.write(f"{encode(name)}: ")
        if isinstance(value, dict) and value:
            handle.write("{\n")
            keys = sorted(value)
            for count, key in enumerate(keys):
                comma = "," if count < len(keys) - 1 else ""
                handle.write(f"{encode(key)}: {encode(value[key])}{comma}\n")
            handle.write("}")
        elif isinstance(value, list) and value:
            handle.write("[\n")
            for count, element in enumerate(value):
                comma = "," if count < len(value) - 1 else ""
                handle.write(f"{encode(element)}{comma}\n")
            handle.write("]")
        else:
            handle.write(encode(value))
        handle.write(",\n" if position < len(names) - 1 else "\n")
    handle.write("}\n")
