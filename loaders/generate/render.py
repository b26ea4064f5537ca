"""Write a report plan out as one intake record (contracts/report.schema.json)."""

from __future__ import annotations

import random

from .clock import day_start, uk_time, utc_time
from .identities import Person, ascii_fold, with_typo
from .plans import ReportPlan
from .references import ReferenceBook
from .render_content import CLEAN_SOURCES, content_entry, platform_label, suspects
from .texts import FEATURES, STRANDS, describe, resubmission_description

_INDICATOR_ORDER = ("threat_of_violence", "threat_to_kill", "sexual_threat", "repeated_contact",
                    "personal_details_published", "incitement", "victim_fears_violence", "victim_distressed")
_FEATURE_INDICATOR = {"threat": ("threat_of_violence",), "kill": ("threat_of_violence", "threat_to_kill"),
                      "sexual": ("sexual_threat",), "doxx": ("personal_details_published",),
                      "incitement": ("incitement",)}
_ORGANISATION_EMAIL = {"platform_referral": "le-referrals@platform.example.com",
                       "hub_officer": "intake@hub.example.org"}
_VICTIM_DETAIL = {  # chance that a reporter in this position gives a named victim's postcode
    "third_party": 0.8, "third_party_centre": 0.65, "force_referral": 0.5, "witness": 0.05,
}


class Renderer:
    """Turns plans into report dicts, handing out each source's references as it goes."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._references = ReferenceBook(rng)

    def render(self, plan: ReportPlan) -> dict:
        """Return the intake record for the plan, and set the plan's key ("SOURCE|REFERENCE")."""
        rng = self._rng
        reference = self._references.next(plan.source, plan.received, plan.referrer)
        plan.key = f"{plan.source}|{reference}"
        when = utc_time if plan.source == "platform_referral" else uk_time
        report: dict = {"reference": reference, "source": plan.source, "received_at": when(plan.received),
                        "reporter": self._reporter(plan)}
        victims = self._victims(plan)
        if victims or not plan.victims and rng.random() < 0.7:
            report["victims"] = victims
        characteristics = self._characteristics(plan)
        if characteristics:
            report["targeted_characteristics"] = characteristics
        report["description"] = self._description(plan)
        self._occurrence(plan, report)
        if plan.items:
            report["content"] = [content_entry(rng, plan, item) for item in plan.items]
        found = suspects(rng, plan)
        if found:
            report["suspects"] = found
        indicators = self._indicators(plan)
        if indicators:
            report["indicators"] = indicators
        return report

    def _reporter(self, plan: ReportPlan) -> dict:
        rng, reporter = self._rng, plan.reporter
        person = reporter.person
        if person is None:
            email = _ORGANISATION_EMAIL.get(plan.source) or \
                f"casework@{ascii_fold(reporter.organisation or 'centre')[:24]}.example.org"
            return {"role": "organisation", "organisation": reporter.organisation, "email": email, "country": "GB"}
        if reporter.anonymous:
            return {"role": reporter.role, "anonymous": True, "contact_consent": False, "preferred_contact": "none"}
        force = plan.source == "force_referral"
        block: dict = {"role": reporter.role, "name": person.name}
        if person.email and rng.random() < 0.92:
            block["email"] = person.email
        if person.phone and rng.random() < (0.9 if force else 0.6):
            block["phone"] = self._phone_as_given(person.phone)
        if person.postcode and rng.random() < (0.95 if force else 0.85 if reporter.role == "victim" else 0.5):
            block["postcode"] = person.postcode
        if person.country and (person.country != "GB" or rng.random() < 0.85):
            block["country"] = person.country
        if person.date_of_birth and reporter.role == "victim" and rng.random() < 0.5:
            block["date_of_birth"] = person.date_of_birth
        if reporter.careless and rng.random() < 0.4:
            field = rng.choice([name for name in ("name", "email", "postcode") if name in block])
            block[field] = with_typo(rng, block[field], field)
        consent = rng.random() < 0.9
        if not consent or rng.random() < 0.5:
            block["contact_consent"] = consent
        if consent and rng.random() < 0.7:
            preferred = "email" if "email" in block else "phone" if "phone" in block else \
                "post" if "postcode" in block else None
            if preferred:
                block["preferred_contact"] = preferred
        return block

    def _phone_as_given(self, phone: str) -> str:
        digits = phone.replace(" ", "")
        return self._rng.choice((phone, digits, f"+44 {digits[1:5]} {digits[5:]}", f"+44{digits[1:]}"))

    def _victims(self, plan: ReportPlan) -> list[dict]:
        rng = self._rng
        entries = []
        detail_key = plan.source if plan.reporter.person is None else plan.reporter.role
        if plan.source == "force_referral" and plan.reporter.role != "victim":
            detail_key = "force_referral"
        for index, victim in enumerate(plan.victims):
            if index == 0 and plan.self_report:
                entry: dict = {"same_as_reporter": True}
                self._flags(victim, entry)
                entries.append(entry)
                continue
            if plan.source in CLEAN_SOURCES and rng.random() < 0.7 or plan.reporter.role == "witness" \
                    and rng.random() < 0.3:
                continue
            entry = {"name": victim.name}
            if victim.postcode and rng.random() < _VICTIM_DETAIL.get(detail_key, 0.0):
                entry["postcode"] = victim.postcode
            if victim.country and (victim.country != "GB" or "postcode" in entry and rng.random() < 0.5):
                entry["country"] = victim.country
            if victim.email and detail_key in ("third_party", "third_party_centre") and rng.random() < 0.4:
                entry["email"] = victim.email
            self._flags(victim, entry)
            entries.append(entry)
        return entries

    def _flags(self, victim: Person, entry: dict) -> None:
        if victim.birth_year >= 2009 and self._rng.random() < 0.8:
            entry["under_18"] = True
        if victim.vulnerable and self._rng.random() < 0.7:
            entry["vulnerable"] = True

    def _characteristics(self, plan: ReportPlan) -> list[str]:
        rng = self._rng
        found = set(plan.strands)
        for item in plan.items:
            found.update(item.strands)
        chosen = [strand for strand in STRANDS if strand in found]
        if plan.reporter.role == "witness" and len(chosen) > 1 and rng.random() < 0.3:
            chosen = chosen[:1]
        if "other" not in chosen and rng.random() < 0.04:
            chosen.append("other")
        return chosen if rng.random() >= 0.03 else []

    def _features(self, plan: ReportPlan) -> tuple[str, ...]:
        present = {feature for item in plan.items for feature in item.features}
        return tuple(feature for feature in FEATURES if feature in present)

    def _description(self, plan: ReportPlan) -> str:
        rng = self._rng
        if plan.resubmission_of is not None:
            plan.description = resubmission_description(rng, plan.resubmission_of.description)
            return plan.description
        first = plan.items[0] if plan.items else None
        features = self._features(plan)
        victim = plan.victims[0] if plan.victims else None
        if plan.source in CLEAN_SOURCES:
            platform = first.platform if first else plan.place
            source_note = ("Referred under our law enforcement referral process: content assessed as hateful "
                           "conduct." if plan.source == "platform_referral"
                           else "Found during proactive monitoring by hub officers.")
            plan.description = f"{source_note} {len(plan.items)} item(s) on {platform}."
            return plan.description
        platform = platform_label(rng, first.platform).strip() if first else plan.place
        plan.description = describe(
            rng, scenario=plan.scenario, role=plan.reporter.role, platform=platform,
            kind=first.kind if first else "post", strands=tuple(s for s in STRANDS if s in plan.strands),
            features=features, item_count=len(plan.items), repeated=plan.repeated,
            victim_name=victim.name if victim and not plan.self_report and rng.random() < 0.5 else None,
        )
        return plan.description

    def _occurrence(self, plan: ReportPlan, report: dict) -> None:
        rng = self._rng
        if not plan.items or plan.reporter.person is None:
            return
        first, last = plan.items[0].posted, plan.items[-1].posted
        if plan.repeated and plan.reporter.role != "witness":
            if rng.random() < 0.6:
                report["occurred_from"] = day_start(first)
            if rng.random() < 0.6:
                report["ongoing"] = True
            elif rng.random() < 0.2:
                report["occurred_to"] = uk_time(last)
        elif rng.random() < 0.25:
            report["occurred_from"] = uk_time(first - first % 60)

    def _indicators(self, plan: ReportPlan) -> dict:
        rng = self._rng
        flags = {name: False for name in _INDICATOR_ORDER}
        for feature in self._features(plan):
            for name in _FEATURE_INDICATOR[feature]:
                flags[name] = True
        close = plan.reporter.role in ("victim", "third_party") and plan.reporter.person is not None
        if close:
            flags["repeated_contact"] = plan.repeated
            threatened = flags["threat_of_violence"] or flags["sexual_threat"]
            flags["victim_fears_violence"] = threatened and rng.random() < 0.8
            flags["victim_distressed"] = rng.random() < (0.85 if plan.self_report else 0.6)
        if plan.source == "public_web_form" and plan.reporter.person is not None:
            return flags  # the web form's tick boxes: every answer is sent
        return {name: True for name, value in flags.items() if value}
