"""The advice library's rules: front matter checked, a case's situations derived, documents matched and ranked."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from domain.guidance import (
    SITUATIONS, URGENCY, GuidanceError, case_situations, check_tags, complete_offences, match, parse_document, render_markdown,
)
from domain.policy import load_assessment_policy

POLICIES = Path(__file__).resolve().parents[2] / "policies"
OFFENCES = {"osa2023_s181", "pha1997_s2", "ca2003_s127_menacing"}
PLATFORMS = {"x", "facebook"}


@dataclass(frozen=True)
class Doc:
    key: str
    title: str
    tags: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _doc(key: str, offences=("any",), platforms=("any",), situations=("any",)) -> Doc:
    return Doc(key, key.replace("_", " ").title(),
               {"offences": tuple(offences), "platforms": tuple(platforms), "situations": tuple(situations)})


def test_front_matter_is_read_and_the_body_kept() -> None:
    parsed = parse_document("---\ntitle: Doxxing\noffences: [pha1997_s2]\n---\n## First\nText.\n", source="doxxing.md")
    assert (parsed.title, parsed.meta, parsed.body) == ("Doxxing", {"offences": ["pha1997_s2"]}, "## First\nText.\n")


@pytest.mark.parametrize(("text", "fault"), [
    ("# no front matter\n", "doxxing.md: no front matter"),
    ("---\ntitle: x\n", "doxxing.md: the front matter is not closed"),
    ("---\ntitle: [unclosed\n---\nbody\n", "doxxing.md: the front matter is not valid YAML"),
    ("---\n- a list\n---\nbody\n", "doxxing.md: the front matter must be a mapping"),
    ("---\noffences: [any]\n---\nbody\n", "doxxing.md: title: give a non-empty text"),
])
def test_bad_front_matter_is_named_with_the_file(text: str, fault: str) -> None:
    with pytest.raises(GuidanceError, match=fault.replace("(", r"\(").replace(")", r"\)")):
        parse_document(text, source="doxxing.md")


def test_tags_are_checked_against_known_ids_naming_file_field_and_value() -> None:
    meta = {"offences": ["pha1997_s2", "theft"], "platforms": ["myspace"], "situations": ["doxxing", "any"],
            "sources": ["x"]}
    with pytest.raises(GuidanceError) as raised:
        check_tags(meta, source="policies/guidance/doxxing.md", offences=OFFENCES, platforms=PLATFORMS)
    message = str(raised.value)
    assert message.startswith("policies/guidance/doxxing.md: ")
    for part in ("sources: unknown field", "offences: unknown 'theft'", "platforms: unknown 'myspace'",
                 "situations: 'any' stands alone"):
        assert part in message
    assert "pha1997_s2'" not in message  # the known one is not blamed


def test_tags_are_required_lists_and_cleaned() -> None:
    with pytest.raises(GuidanceError, match="platforms: give a list of ids, or \\[any\\]"):
        check_tags({"offences": ["any"], "situations": ["any"]}, source="f.md", offences=OFFENCES, platforms=PLATFORMS)
    tags = check_tags({"offences": ["OSA2023_S181", "osa2023_s181"], "platforms": "x", "situations": ["threats"]},
                      source="f.md", offences=OFFENCES, platforms=PLATFORMS)
    assert tags == {"offences": ("osa2023_s181",), "platforms": ("x",), "situations": ("threats",)}


def test_situations_come_from_indicators_campaigns_assessment_and_victims() -> None:
    assert case_situations() == ()
    assert case_situations(indicators=["threat_to_kill", "personal_details_published", "victim_distressed"]) == (
        "doxxing", "threat_to_life", "threats")
    assert case_situations(campaign_kinds=["both"]) == ("coordinated_campaign", "pile_on")
    assert case_situations(cps_category=1, classification="crime") == ("crime", "threats")
    assert case_situations(cps_category=4, classification="no_record") == ()
    assert case_situations(in_series=True, vulnerable_victim=True, classification="nchi") == (
        "course_of_conduct", "nchi", "vulnerable_victim")
    assert set(case_situations(indicators=["repeated_contact", "incitement", "sexual_threat"],
                               campaign_kinds=["pile_on", "copy_paste"])) <= set(SITUATIONS)


def test_match_ranks_situations_over_offences_over_platforms_with_reasons() -> None:
    library = [
        _doc("preservation", platforms=("x", "facebook")),
        _doc("threat_to_life", offences=("osa2023_s181",), situations=("threat_to_life",)),
        _doc("harassment", offences=("pha1997_s2",), situations=("course_of_conduct",)),
        _doc("online_safety", offences=("osa2023_s181",)),
        _doc("victims"),
    ]
    found = match(library, offences=["osa2023_s181"], platforms=["x"], situations=["threat_to_life", "threats"])
    assert [m.document.key for m in found] == ["threat_to_life", "online_safety", "preservation", "victims"]
    assert found[0].reason == "situation: threat_to_life; offence: osa2023_s181"
    assert found[2].reason == "platform: x"
    assert found[-1].reason == "general advice for every case" and found[-1].score == 0
    assert [m.document.key for m in match(library, platforms=["x"], include_general=False)] == ["preservation"]
    assert match(library, platforms=["tiktok"], include_general=False) == []


def test_every_situation_has_an_urgency_and_immediate_risk_ranks_first() -> None:
    assert set(URGENCY) == set(SITUATIONS)
    assert max(URGENCY, key=URGENCY.get) == "threat_to_life"
    library = [_doc("many_offences", offences=("osa2023_s181", "pha1997_s2", "ca2003_s127_menacing")),
               _doc("doxxing", situations=("doxxing",))]
    found = match(library, offences=["osa2023_s181", "pha1997_s2", "ca2003_s127_menacing"], situations=["doxxing"])
    assert [m.document.key for m in found] == ["doxxing", "many_offences"], "many tags do not crowd out the situation"


def test_completed_offences_are_read_from_a_stored_assessment() -> None:
    stored = {"offences": [{"id": "osa2023_s181", "complete": True}, {"id": "pha1997_s2", "complete": False}]}
    assert complete_offences(stored) == ("osa2023_s181",)
    assert complete_offences(None) == () and complete_offences({}) == ()


def test_markdown_is_rendered_without_raw_html_or_script_links() -> None:
    html = render_markdown("## Act now\n<script>alert(1)</script>\n\n[bad](javascript:alert(1)) [good](https://cps.gov.uk)")
    assert "<h2>Act now</h2>" in html and "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript' not in html and '<a href="https://cps.gov.uk">good</a>' in html


def test_the_shipped_library_parses_and_names_only_known_ids() -> None:
    offences = {offence.id for offence in load_assessment_policy(POLICIES / "assessment.yaml").offences}
    from loaders.normalise.platforms import PLATFORM_DISPLAY_NAMES

    files = sorted((POLICIES / "guidance").glob("*.md"))
    assert 8 <= len(files) <= 12
    covered: set[str] = set()
    for path in files:
        parsed = parse_document(path.read_text(encoding="utf-8"), source=path.name)
        tags = check_tags(parsed.meta, source=path.name, offences=offences, platforms=set(PLATFORM_DISPLAY_NAMES))
        covered.update(tags["situations"])
        assert "## Sources" in parsed.body and "https://" in parsed.body, path.name
    assert {"doxxing", "pile_on", "threat_to_life", "nchi"} <= covered
