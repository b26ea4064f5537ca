"""The platform intake records for material given with neither a platform nor a usable URL."""

from __future__ import annotations

import pytest

from loaders.contract import ReportIn
from loaders.intake_rows import UNKNOWN_PLATFORM, rows_for
from tests.factories import report

ON_IG = "This picture on IG is being shared everywhere: transphobic abuse."
PLAIN = "Someone keeps posting abuse about me."


def _row(content: dict, *, description: str = PLAIN, suspects: list[dict] | None = None) -> dict:
    fields: dict = {"content": [content], "description": description}
    if suspects is not None:
        fields["suspects"] = suspects
    return rows_for(ReportIn.model_validate(report(**fields))).items[0]


CASES = [
    # (the item, the description, the suspects, platform recorded, where it came from, poster recorded)
    pytest.param({"kind": "video", "author_handle": "laughsclips35x"}, PLAIN,
                 [{"platform": "instagram", "handle": "@LaughsClips35x"}], "instagram", "suspect", "instagram:laughsclips35x",
                 id="the suspect with the poster's handle"),
    pytest.param({"kind": "image", "author_handle": "@chidinma.r_1998"}, ON_IG, None, "instagram", "description",
                 "instagram:chidinma.r_1998", id="the one platform the description names"),
    pytest.param({"kind": "video", "author_handle": "dan_k"}, "On TikTok and on YouTube",
                 [{"platform": "YouTube", "handle": "@dan_k"}], "youtube", "suspect", "youtube:dan_k",
                 id="the suspect's platform before the description's"),
    pytest.param({"kind": "post"}, "I saw a post on TikTok",
                 [{"platform": "TikTok", "handle": "@dan_k"}], "tiktok", "description", "tiktok:dan_k",
                 id="then the report's one suspect there gives the poster"),
    pytest.param({"kind": "post", "author_handle": "dan_k"}, "Abuse on X and on Facebook", None,
                 UNKNOWN_PLATFORM, None, f"{UNKNOWN_PLATFORM}:dan_k", id="two platforms named: nothing guessed"),
    pytest.param({"kind": "post", "author_handle": "dan_k"}, PLAIN,
                 [{"platform": "X", "handle": "@dan_k"}, {"platform": "TikTok", "handle": "dan_k"}],
                 UNKNOWN_PLATFORM, None, f"{UNKNOWN_PLATFORM}:dan_k", id="the handle on two platforms: nothing guessed"),
    pytest.param({"kind": "post", "author_handle": "dan_k"}, PLAIN, [{"platform": "X", "handle": "@someone_else"}],
                 UNKNOWN_PLATFORM, None, f"{UNKNOWN_PLATFORM}:dan_k", id="a suspect with another handle says nothing"),
    pytest.param({"platform": "Facebook", "kind": "post", "author_handle": "dan.k"}, ON_IG, None,
                 "facebook", None, "facebook:dan.k", id="a platform given is kept"),
    pytest.param({"kind": "post", "url": "https://x.com/Troll_Two/status/1234567890"}, ON_IG, None,
                 "x", None, "x:troll_two", id="a URL's platform is kept"),
]


@pytest.mark.parametrize(("content", "description", "suspects", "platform", "source", "author"), CASES)
def test_platform_of_material_given_without_one(content: dict, description: str, suspects: list[dict] | None,
                                                platform: str, source: str | None, author: str | None) -> None:
    row = _row(content, description=description, suspects=suspects)
    assert (row["platform"], row["platform_from"], row["author"]) == (platform, source, author)
    assert row["key"].startswith(f"{platform}:")
