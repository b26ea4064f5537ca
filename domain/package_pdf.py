"""An evidence package as a PDF a force can print and file: fpdf2, pure Python, the same bytes for the same content.

The PDF says what package.json says, in the order a force reads a case file: the MG5-style summary, the MG12-style
exhibit list with every hash, the accounts and attributions, the timeline, the assessment and its trace, the
jurisdiction decision, the people, the continuity log and the advice. Text is set in DejaVu Sans when a font file
is given (every script a report may hold); otherwise in Helvetica, whose Latin-1 cannot show every character: those
are replaced by '?', and the JSON and HTML keep the exact text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

_LINE = 5.0


class _Pdf:
    """A thin writer over FPDF: headings, paragraphs and labelled lines, always back at the left margin."""

    def __init__(self, title: str, generated_at: datetime, font: Path | None, font_bold: Path | None) -> None:
        self.pdf = FPDF(format="A4")
        self.pdf.set_creation_date(generated_at)
        self.pdf.set_title(title)
        self.pdf.set_author("Online hate crime hub")
        self.pdf.set_auto_page_break(auto=True, margin=15)
        self.unicode = font is not None
        if font is not None:
            self.pdf.add_font("body", "", str(font))
            self.pdf.add_font("body", "B", str(font_bold or font))
            self.family = "body"
        else:
            self.family = "helvetica"
        self.pdf.add_page()

    def _text(self, value: Any) -> str:
        text = "" if value is None else str(value)
        return text if self.unicode else text.encode("latin-1", "replace").decode("latin-1")

    def heading(self, text: str, size: int = 13) -> None:
        self.pdf.set_font(self.family, "B", size)
        self.pdf.multi_cell(0, _LINE + 2, self._text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.pdf.ln(1)

    def para(self, text: Any, size: int = 9, bold: bool = False) -> None:
        self.pdf.set_font(self.family, "B" if bold else "", size)
        self.pdf.multi_cell(0, _LINE, self._text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")

    def field(self, label: str, value: Any) -> None:
        if value in (None, "", []):
            return
        shown = ", ".join(str(v) for v in value) if isinstance(value, list) else value
        self.para(f"{label}: {shown}")

    def gap(self) -> None:
        self.pdf.ln(2)

    def output(self) -> bytes:
        return bytes(self.pdf.output())


def _summary(out: _Pdf, summary: Mapping[str, Any]) -> None:
    out.heading(summary["heading"], 15)
    owner, investigator = summary["owning_force"], summary["investigating_force"]
    out.field("Owning force", f"{owner.get('name') or owner.get('code') or 'retained by the hub'}")
    out.field("Investigating force", investigator.get("name") or investigator.get("code"))
    out.field("Classification", summary.get("classification"))
    out.field("Priority", summary.get("priority"))
    out.field("CPS social media category", summary.get("cps_category"))
    out.field("Charge by", summary.get("charge_by"))
    out.field("Strands", summary.get("strands"))
    out.field("Platforms", summary.get("platforms"))
    out.field("Offences made out", summary.get("offences_made_out") or ["none"])
    counts = summary["counts"]
    out.para(f"{counts['reports']} reports, {counts['exhibits']} exhibits, {counts['accounts']} accounts, "
             f"{counts['complainants']} complainants, {counts['victims']} victims.")
    out.gap()
    out.para("Circumstances", bold=True)
    for line in summary.get("circumstances", []):
        out.para(line)


def _exhibits(out: _Pdf, exhibits: Iterable[Mapping[str, Any]]) -> None:
    out.heading("Exhibit list (MG12 format)")
    for exhibit in exhibits:
        out.para(f"{exhibit['exhibit']}: {exhibit['description']}", bold=True)
        out.field("Canonical key", exhibit["canonical_key"])
        out.field("Text as copied", exhibit.get("text_as_copied"))
        out.field("Canonical URL", exhibit["canonical_url"])
        out.field("Original URLs", exhibit["original_urls"])
        out.field("Captured", exhibit["captured_at"])
        out.field("Captured by", exhibit["captured_by"])
        out.field("Posted", exhibit["posted_at"])
        out.field("Screenshot SHA-256", exhibit["screenshot_sha256"])
        out.field("SHA-256 of the record as captured", exhibit["sha256"])
        if exhibit.get("removal"):
            out.field("Removal recorded", f"{exhibit['removal']['removed_at']} by {exhibit['removal']['recorded_by']}")
        out.gap()


def _accounts(out: _Pdf, accounts: Iterable[Mapping[str, Any]]) -> None:
    out.heading("Accounts and attribution")
    for account in accounts:
        roles = [word for word, flag in (("author of reported content", account["as_author"]),
                                         ("named as the suspect's", account["as_suspect"])) if flag]
        out.para(f"{account['account']} ({', '.join(roles) or 'named'})", bold=True)
        out.field("Profile", account.get("profile_url"))
        for person in account["attributed_to"]:
            confidence = person.get("confidence")
            sure = f"{confidence:.2f}" if isinstance(confidence, (int, float)) else "unknown"
            out.para(f"Attributed to {person.get('name') or person['person']} (confidence {sure}, {person.get('method')})")
            out.field("Evidence", person.get("evidence") or person.get("evidence_withheld"))
        out.gap()


def _assessment(out: _Pdf, assessment: Mapping[str, Any] | None) -> None:
    out.heading("Assessment")
    if not assessment:
        out.para("Not assessed.")
        return
    out.field("Classification", f"{assessment.get('classification')}: {assessment.get('classification_reason')}")
    out.field("Priority", f"{assessment.get('priority')}: {assessment.get('priority_reason')}")
    for offence in assessment.get("offences", []):
        made = "made out" if offence.get("complete") else "not made out"
        out.para(f"{offence.get('title')} ({offence.get('statute')} {offence.get('section')}): {made}", bold=True)
        out.field("Elements met", offence.get("elements_met"))
        out.field("Elements missing", offence.get("elements_missing"))
        out.field("Charge by", offence.get("charge_by"))
    out.para("Rule trace", bold=True)
    for number, line in enumerate(assessment.get("trace", []), start=1):
        out.para(f"{number}. {line}")


def _jurisdiction(out: _Pdf, jurisdiction: Mapping[str, Any]) -> None:
    out.heading("Jurisdiction")
    out.field("Owning force", jurisdiction.get("owning_force_name") or jurisdiction.get("owning_force"))
    out.field("Investigating force", jurisdiction.get("investigating_force_name") or jurisdiction.get("investigating_force"))
    out.field("Rule", jurisdiction.get("rule"))
    out.field("Reasons", jurisdiction.get("explanation"))
    for change in jurisdiction.get("history", []):
        out.para(f"{change.get('at')}: {change.get('from') or 'none'} -> {change.get('to')} ({change.get('kind')}, "
                 f"by {change.get('by')}): {change.get('reason')}")


def _people(out: _Pdf, people: Mapping[str, Any]) -> None:
    out.heading("Complainants, victims and subjects")
    for section, title in (("complainants", "Complainants"), ("victims", "Victims"), ("subjects", "Subjects")):
        out.para(title, bold=True)
        for person in people.get(section, []):
            if person.get("withheld"):
                out.para(f"{person['person']}: withheld ({person['withheld']})")
                continue
            contact = person.get("contact") or {}
            reach = ", ".join(str(v) for v in contact.values() if v) or person.get("contact_withheld") or ""
            out.para(f"{person.get('name') or 'name not given'} (reports {', '.join(person['reports'])})"
                     + (f"; contact: {reach}" if reach else ""))


def render_pdf(document: Mapping[str, Any], *, font: Path | None = None, font_bold: Path | None = None) -> bytes:
    """Return the PDF of a package document (package.json as a dict); the same document gives the same bytes."""
    header = document["package"]
    out = _Pdf(f"Evidence package {header['id']}", datetime.fromisoformat(header["generated_at"]), font, font_bold)
    out.para(f"Evidence package version {header['version']} of case {header['case']}, generated "
             f"{header['generated_at']} by {header['generated_by']} ({header['generated_role']}). "
             f"Package id {header['id']}. The hashes of every file are in manifest.json of the bundle.", size=8)
    out.gap()
    _summary(out, document["case_summary"])
    _exhibits(out, document["exhibits"])
    _accounts(out, document["accounts"])
    out.heading("Timeline")
    for event in document["timeline"]:
        out.para(f"{event['at'] or 'undated'}: {event['event']}")
    _assessment(out, document.get("assessment"))
    _jurisdiction(out, document["jurisdiction"])
    _people(out, document["people"])
    out.heading("Continuity log")
    for entry in document["continuity"]:
        out.para(f"{entry['at'] or 'undated'}: {entry['event']} by {entry.get('by')}: {entry.get('what')}. "
                 f"{entry.get('detail') or ''}")
    if document.get("guidance"):
        out.heading("Advice to the force")
        for advice in document["guidance"]:
            out.para(advice.get("title"), bold=True)
            out.para(advice.get("body"))
    return out.output()
