"""Which poster intake records for each content item: the one the item names, else the report's one suspect."""

from __future__ import annotations

import pytest

from loaders.contract import ReportIn
from loaders.intake_rows import rows_for
from tests.factories import post, report


def _suspect(handle: str, platform: str = "X") -> dict:
    return {"platform": platform, "handle": handle}


def _item(content: dict, suspects: list[dict] | None = None, *, beside: dict | None = None) -> dict:
    """The intake row of `content`, in a report with these suspects (and `beside` listed before it)."""
    fields: dict = {"content": [content] if beside is None else [beside, content]}
    if suspects is not None:
        fields["suspects"] = suspects
    return rows_for(ReportIn.model_validate(report(**fields))).items[-1]


BARE = {"platform": "X", "kind": "post"}

CASES = [
    # (what the report gives, its suspects, poster recorded, where it came from)
    pytest.param(post(None, handle="@Troll_One"), [_suspect("@other")], "x:troll_one", "content", id="item names poster"),
    pytest.param({"kind": "post", "url": "https://x.com/Troll_Two/status/1234567890"}, [_suspect("@other")], "x:troll_two", "content",
                 id="URL names poster"),
    pytest.param(BARE, [_suspect("@Dan_K")], "x:dan_k", "suspect", id="one suspect on the platform"),
    pytest.param(BARE, [_suspect("@dan_k"), _suspect("dan_k")], "x:dan_k", "suspect", id="one account named twice"),
    pytest.param(BARE, [_suspect("@dan_k"), _suspect("@kirby")], None, None, id="two suspects on the platform"),
    pytest.param(BARE, [_suspect("@dan_k", platform="TikTok")], None, None, id="suspect on another platform"),
    pytest.param(BARE, None, None, None, id="no suspects"),
    pytest.param({"platform": "Facebook", "kind": "post", "url": "https://www.facebook.com/story.php?story_fbid=1234&id=5678"},
                 [_suspect("dan.kirby", platform="Facebook")], None, None, id="item with a URL is shared: not inferred"),
    pytest.param({"kind": "post"}, [{"handle": "@dan_k"}], None, None, id="unknown platform"),
]


@pytest.mark.parametrize(("content", "suspects", "author", "source"), CASES)
def test_poster_recorded_for_an_item(content: dict, suspects: list[dict] | None, author: str | None,
                                      source: str | None) -> None:
    row = _item(content, suspects)
    assert (row["author"], row["author_from"]) == (author, source)


@pytest.mark.parametrize(("beside", "author"), [
    pytest.param({"url": "https://x.com/Dan_K/status/1234567890"}, "x:dan_k", id="other item by the suspect"),
    pytest.param(post(None, handle="@someone_else"), None, id="other item by another account on the platform"),
    pytest.param(post(None, handle="@someone_else", platform="TikTok"), "x:dan_k", id="other item elsewhere"),
])
def test_other_posters_the_report_names_count_as_accounts_it_names(beside: dict, author: str | None) -> None:
    assert _item(dict(BARE), [_suspect("@dan_k")], beside=beside)["author"] == author
