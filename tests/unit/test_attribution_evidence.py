"""Pure attribution evidence: how common a handle's agreement is, digits, known pairs in EM, contested accounts."""

from __future__ import annotations

import numpy as np

from domain.linkage import Evidence, FellegiSunter, Link
from graph.attribution.accounts import account_record
from graph.attribution.blocking import account_rules, multi_key_pairs
from graph.attribution.comparisons import (
    CERTAIN,
    CONTRADICTIONS,
    FIXED,
    account_comparisons,
    digits_comparison,
    handle_comparison,
)
from graph.attribution.rarity import band_of, with_alike_counts
from graph.attribution.resolve import Decisions, resolve
from graph.attribution.training import pair_labels, train


def _records(*accounts: str) -> list[dict]:
    return [account_record({"id": account, "platform": account.split(":")[0], "handle": account.split(":")[1]})
            for account in accounts]  # fmt: skip


def _level(comparison, a: dict, b: dict) -> str:
    found = comparison.evaluate(a, b)
    return "null" if found < 0 else comparison.level_names[found]


def test_a_handle_shared_by_many_accounts_is_a_common_agreement() -> None:
    rare = _records("x:agnieszka_moore", "tiktok:agnieszkamoore")
    platforms = ("x", "tiktok", "reddit", "youtube", "instagram")
    common = _records(*(f"{platform}:north_patriot{n}" for n, platform in enumerate(platforms, start=10)))
    records = rare + common
    pairs = np.array([(i, j) for i in range(len(records)) for j in range(i + 1, len(records))])
    counted = with_alike_counts(records, pairs)
    assert counted[0]["alike"] == (1, 1) and counted[2]["alike"] == (4, 4), "own letters: 1 other, then 4 others"
    handle = handle_comparison()
    assert _level(handle, counted[0], counted[1]) == "same_1"
    assert _level(handle, counted[2], counted[3]) == "same_7", "five accounts share the letters: a common name"
    assert band_of(counted[2], counted[3], 0) == 7 and band_of(records[0], records[1], 0) is None


def test_digits_agree_differ_or_say_nothing() -> None:
    dan, dan_short, other_dan, plain, sarah = _records("x:dan.k_1990", "tiktok:dan_k90", "reddit:dan_k1975",
                                                       "instagram:dankirby.alt", "x:sarah_j_1975")  # fmt: skip
    digits = digits_comparison()
    assert _level(digits, dan, dan_short) == "agree", "a year written short is the same number"
    assert _level(digits, dan, other_dan) == "differ", "alike handles with another number: people keep theirs"
    assert _level(digits, other_dan, sarah) == "agree" and _level(digits, dan, sarah) == "else"
    assert _level(digits, dan, plain) == "null"


def test_an_account_given_without_its_platform_is_the_same_account() -> None:
    known, unknown, elsewhere = _records("telegram:lyoung90", "unknown:lyoung90", "x:lyoung90")
    handle = handle_comparison()
    assert _level(handle, known, unknown) == "same_account"
    assert _level(handle, known, elsewhere) != "same_account", "one handle on two platforms may be two people"


def test_initials_and_surnames_are_blocked_together() -> None:
    records = _records("facebook:piotr.hall.9990", "instagram:phall89", "reddit:jo_s_1950", "x:jo.sutcliffe.50")
    pairs = {tuple(pair) for pair in multi_key_pairs(records, account_rules()).tolist()}
    assert (0, 1) in pairs and (2, 3) in pairs


def test_known_pairs_are_held_in_em() -> None:
    records = _records(*(f"x:{name}_{year}" for name in ("north_patriot", "grey_owl", "iron_laughs")
                         for year in (1950, 1960, 1970, 1980)))  # fmt: skip
    model_comparisons = account_comparisons()
    pairs = np.array([(i, j) for i in range(len(records)) for j in range(i + 1, len(records))])
    records = with_alike_counts(records, pairs)
    model = FellegiSunter(model_comparisons, fixed=FIXED)
    gamma = model.comparison_vectors(records, pairs)
    labels = pair_labels(model, gamma, pairs, matches=CERTAIN, non_matches=CONTRADICTIONS, known={(0, 1): True})
    differ = gamma[:, [c.name for c in model_comparisons].index("digits")] == 1
    assert differ.sum() > 0 and np.all(labels[differ & (np.arange(len(pairs)) != 0)] == 0.0)
    assert labels[0] == 1.0, "an analyst's confirmation wins over the numbers"
    assert np.isnan(labels[~differ]).all()


def test_training_with_known_non_matches_keeps_their_level_unlikely_for_a_person() -> None:
    names = ("north_patriot", "grey_owl", "iron_laughs", "dan_kirby", "amira_young", "oak_daily")
    records = _records(*(f"{platform}:{name}_{year}" for name in names for year in (1950, 1975)
                         for platform in ("x", "tiktok")))  # fmt: skip
    pairs = np.array([(i, j) for i in range(len(records)) for j in range(i + 1, len(records))])
    records = with_alike_counts(records, pairs)
    model, training = train(records, pairs, account_comparisons(), fixed=FIXED, matches=CERTAIN,
                            non_matches=CONTRADICTIONS)  # fmt: skip
    weights = {row["level"]: row["weight"] for row in model.parameters() if row["comparison"] == "digits"}
    assert weights["differ"] < -10 < 0 < weights["agree"], "another number on alike handles: two people"
    assert training.known_non_matches > 0 and 0 < training.prior < 1


def _link(i: int, j: int, probability: float) -> Link:
    return Link(i, j, probability, 1.0, (Evidence("handle", "same_7", "handles' letters the same", 2.0),))


def test_an_account_fitting_two_people_known_apart_is_set_aside() -> None:
    ids = ["x:north_patriot12", "tiktok:north_patriot12", "x:thenorthpatriot", "reddit:north_patriot55"]
    links = [_link(0, 1, 0.999), _link(0, 2, 0.75), _link(1, 2, 0.74), _link(2, 3, 0.76),
             Link(0, 3, 0.0, -20.0, (Evidence("digits", "differ", "another number", -15.0),))]  # fmt: skip
    contradictions = frozenset({("digits", "differ")})
    loose = resolve(ids, links, threshold=0.5, prefix="subject:", contradictions=contradictions)
    assert any({m.record for m in group.members} == {ids[2], ids[3]} for group in loose), "the strongest link wins"
    groups = resolve(ids, links, threshold=0.5, prefix="subject:", contradictions=contradictions, exclusive=True)
    alone = next(group for group in groups if any(member.record == ids[2] for member in group.members))
    [member] = alone.members
    assert member.method == "ambiguous" and "reddit:north_patriot55" in member.evidence[0]
    assert "x:north_patriot12" in member.evidence[0] and member.linked_to is None
    confirmed = resolve(ids, links, threshold=0.5, prefix="subject:", contradictions=contradictions, exclusive=True,
                        decisions=Decisions(confirmed=(("x:north_patriot12", "x:thenorthpatriot"),)))  # fmt: skip
    assert any({m.record for m in group.members} == set(ids[:3]) for group in confirmed), "a confirmation decides"


def test_a_clear_favourite_keeps_its_account() -> None:
    ids = ["x:dan.k_1990", "tiktok:dankirby", "reddit:dan.k_1975"]
    links = [_link(0, 1, 0.99), _link(1, 2, 0.55), Link(0, 2, 0.0, -20.0, ())]
    [pair, single] = resolve(ids, links, threshold=0.5, prefix="subject:", exclusive=True)
    assert {m.record for m in pair.members} == {ids[0], ids[1]} and single.members[0].method == "single_record"
