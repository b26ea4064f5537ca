"""Probabilistic record linkage: comparison levels, blocking, Fellegi-Sunter estimation, explanations, clusters."""

from __future__ import annotations

import math
import random
from datetime import date
from itertools import combinations

import numpy as np
import pytest

from domain.linkage import (
    NULL_LEVEL,
    BlockingReport,
    Comparison,
    FellegiSunter,
    Level,
    Link,
    block_pairs,
    candidate_pairs,
    clusters,
    date_of_birth_comparison,
    email_comparison,
    exact_match,
    field_key,
    handle_comparison,
    handle_similarity,
    link,
    postcode_comparison,
    string_similarity,
)

SYLLABLES = ["an", "ber", "cal", "dan", "el", "fi", "gor", "ha", "is", "jo", "ka", "lin", "mar", "no", "os", "pet",
             "ra", "sa", "tor", "ul", "vi", "wen", "ya", "zo"]  # fmt: skip


def level_name(comparison: Comparison, a: object, b: object) -> str:
    """Return the name of the level two values reach on a single-field comparison."""
    field_name = comparison.fields[0]
    index = comparison.evaluate({field_name: a}, {field_name: b})
    return "null" if index == NULL_LEVEL else comparison.levels[index].name


@pytest.mark.parametrize(
    ("comparison", "a", "b", "expected"),
    [
        (exact_match("surname"), "Smith", " smith", "exact"),
        (exact_match("surname"), "Smith", "Smyth", "else"),
        (exact_match("surname"), None, "Smith", "null"),
        (exact_match("surname"), float("nan"), "Smith", "null"),
        (string_similarity("name"), "Martha", "martha", "exact"),
        (string_similarity("name"), "martha", "marhta", "jaro_winkler_0.92"),
        (string_similarity("name"), "dwayne", "duane", "jaro_winkler_0.8"),
        (string_similarity("name"), "dixon", "dicksonx", "jaro_winkler_0.8"),
        (string_similarity("name"), "john", "sarah", "else"),
        (string_similarity("name"), "  ", "sarah", "null"),
        (handle_comparison("handle"), "@Dan.K_1990", "dan.k_1990", "exact"),
        (handle_comparison("handle"), "dan.k_1990", "dan_k1990", "same_core"),
        (handle_comparison("handle"), "kirby.dan", "dan_kirby99", "same_core"),
        (handle_comparison("handle"), "dan.k_1990", "dankirby.alt", "related"),
        (handle_comparison("handle"), "dan.k_1990", "sarah_j", "else"),
        (date_of_birth_comparison("dob"), "1990-05-17", "19900517", "exact"),
        (date_of_birth_comparison("dob"), "17/05/1990", date(1990, 5, 17), "exact"),
        (date_of_birth_comparison("dob"), "1990-05-17", "1990-05-02", "year_month"),
        (date_of_birth_comparison("dob"), "1990-05-17", "1991-05-17", "else"),
        (date_of_birth_comparison("dob"), "1990-05-17", None, "null"),
        (postcode_comparison("postcode"), "SW1A 1AA", "sw1a1aa", "full"),
        (postcode_comparison("postcode"), "SW1A 1AA", "SW1A 2BB", "district"),
        (postcode_comparison("postcode"), "SW1A 1AA", "SW2 3CD", "area"),
        (postcode_comparison("postcode"), "SW1A 1AA", "M1 1AE", "else"),
        (postcode_comparison("postcode"), "", "M1 1AE", "null"),
        (email_comparison("email"), "Dan.K@Gmail.com", "dan.k@gmail.com", "exact"),
        (email_comparison("email"), "dan.k+hub@gmail.com", "dan.k@gmail.com", "exact"),
        (email_comparison("email"), "dan.k@gmail.com", "dan.k@outlook.com", "local_part"),
        (email_comparison("email"), "dan.kirby@gmail.com", "dan.kirbey@yahoo.com", "local_part_similar"),
        (email_comparison("email"), "dan@example.com", "sarah@example.com", "else"),
    ],
)
def test_comparison_levels(comparison: Comparison, a: object, b: object, expected: str) -> None:
    assert level_name(comparison, a, b) == expected


@pytest.mark.parametrize(
    "comparison",
    [exact_match("v"), string_similarity("v"), string_similarity("v", (0.9, 0.7, 0.5)), email_comparison("v")],
)
def test_batch_levels_agree_with_one_by_one_predicates(comparison: Comparison) -> None:
    rng = random.Random(3)
    words = ["".join(rng.choices(SYLLABLES, k=rng.randint(1, 3))) for _ in range(60)] + [None]
    left = [comparison.value({"v": rng.choice(words)}) for _ in range(3000)]
    right = [comparison.value({"v": rng.choice(words)}) for _ in range(3000)]
    one_by_one = [comparison.level_of(a, b) for a, b in zip(left, right)]
    assert comparison.levels_of(left, right).tolist() == one_by_one


def test_custom_comparison_sees_whole_records_and_is_null_when_a_field_is_missing() -> None:
    same_address = Level("both", lambda a, b: (a["town"], a["street"]) == (b["town"], b["street"]), "same address")
    comparison = Comparison("address", (same_address, Level("else", None, "another address")), ("town", "street"))
    home = {"town": "Leeds", "street": "Kirkgate"}
    assert comparison.evaluate(home, dict(home)) == 0
    assert comparison.evaluate(home, dict(home, street="Briggate")) == 1
    assert comparison.evaluate(home, {"town": "Leeds"}) == NULL_LEVEL
    assert "missing" in comparison.explanation(NULL_LEVEL)


def test_comparison_must_end_with_else() -> None:
    with pytest.raises(ValueError, match="last level must be 'else'"):
        Comparison("name", (Level("exact", lambda a, b: a == b, "equal"), Level("close", lambda a, b: True, "x")))
    with pytest.raises(ValueError, match="at least one level"):
        Comparison("name", (Level("else", None, "anything"),))


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("dan.k_1990", "dan_k1990", 0.99, 1.0),
        ("dan.k_1990", "dankirby.alt", 0.85, 0.99),
        ("dan.k_1990", "sarah_j", 0.0, 0.6),
        ("the_real_sarah_j", "sarahj.official", 0.99, 1.0),
        ("tom_baker", "t0m.baker", 0.8, 1.0),
    ],
)
def test_handle_similarity_examples(a: str, b: str, low: float, high: float) -> None:
    assert low <= handle_similarity(a, b) <= high


def person(rng: random.Random, index: int) -> dict[str, str]:
    """Return a synthetic person record with a syllable surname, a date of birth, a UK postcode and an email."""
    given = "".join(rng.choices(SYLLABLES, k=2))
    surname = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 3)))
    return {
        "given_name": given,
        "surname": surname,
        "date_of_birth": f"{rng.randint(1940, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "postcode": f"{rng.choice(['M', 'LS', 'SW', 'B'])}{rng.randint(1, 20)} {rng.randint(1, 9)}{rng.choice('ABD')}Z",
        "email": f"{given}.{surname}{index}@example.com",
    }


def typo(rng: random.Random, text: str) -> str:
    """Return the text with one character swapped for another letter."""
    position = rng.randrange(len(text))
    return text[:position] + rng.choice("qxzjk") + text[position + 1 :]


def repeat_reporters(count: int, seed: int) -> tuple[list[dict[str, str]], set[tuple[int, int]]]:
    """Return records of `count` people, half of whom reported twice with known corruption rates, and the true pairs."""
    rng = random.Random(seed)
    records: list[dict[str, str]] = []
    truth: set[tuple[int, int]] = set()
    for index in range(count):
        original = person(rng, index)
        records.append(original)
        if index % 2:
            continue
        copy = dict(original)
        if rng.random() < 0.2:
            copy["surname"] = typo(rng, copy["surname"])
        if rng.random() < 0.3:
            copy["email"] = typo(rng, copy["email"].split("@")[0]) + "@example.com"
        if rng.random() < 0.1:
            copy["date_of_birth"] = copy["date_of_birth"][:8] + f"{rng.randint(1, 28):02d}"
        if rng.random() < 0.3:
            copy["postcode"] = copy["postcode"][:-3] + " 9QQ"
        truth.add((len(records) - 1, len(records)))
        records.append(copy)
    return records, truth


def person_model() -> FellegiSunter:
    """Return the model the synthetic tests train: exact surname, given name, date of birth, postcode, email."""
    return FellegiSunter(
        [exact_match("surname"), string_similarity("given_name"), date_of_birth_comparison(), postcode_comparison(),
         email_comparison()]  # fmt: skip
    )


RULES = [field_key("date_of_birth"), field_key("email"), field_key("given_name", "postcode")]


def test_em_recovers_m_and_u_of_exact_surname() -> None:
    records, truth = repeat_reporters(4000, seed=11)
    model = person_model()
    model.m[0] = np.array([0.5, 0.5])  # start far from the truth (about 0.8)
    model.estimate_u(records, sample_pairs=200_000, seed=1)
    pairs = candidate_pairs(records, RULES)
    total = len(records) * (len(records) - 1) // 2
    result = model.estimate_m_em(model.comparison_vectors(records, pairs), total_pairs=total)

    true_m = sum(records[i]["surname"] == records[j]["surname"] for i, j in truth) / len(truth)
    rng = np.random.default_rng(5)
    random_pairs = rng.integers(0, len(records), size=(50_000, 2))
    true_u = float(np.mean([records[i]["surname"] == records[j]["surname"] for i, j in random_pairs if i != j]))
    assert result.converged
    assert abs(model.m[0][0] - true_m) < 0.05
    assert model.u[0][0] == pytest.approx(true_u, rel=0.3)
    assert model.prior == pytest.approx(len(truth) / total, rel=0.2)


def test_linking_synthetic_repeat_reporters_finds_the_true_pairs() -> None:
    records, truth = repeat_reporters(2000, seed=12)
    model = person_model()
    model.estimate_u(records, seed=2)
    pairs = candidate_pairs(records, RULES)
    model.estimate_m_em(model.comparison_vectors(records, pairs), total_pairs=len(records) * (len(records) - 1) // 2)
    found = {(item.i, item.j) for item in link(records, model, pairs=pairs, threshold_probability=0.5)}
    assert len(found & truth) / len(found) > 0.98
    assert len(found & truth) / len(truth) > 0.95


def test_estimate_u_is_deterministic_for_a_seed() -> None:
    records, _ = repeat_reporters(500, seed=13)
    first, second = person_model(), person_model()
    first.estimate_u(records, sample_pairs=5000, seed=7)
    second.estimate_u(records, sample_pairs=5000, seed=7)
    assert all(np.array_equal(a, b) for a, b in zip(first.u, second.u))


def test_blocking_never_emits_all_pairs_and_counts_skipped_blocks() -> None:
    records = [{"country": "GB", "surname": f"s{i % 50}"} for i in range(300)]
    report = BlockingReport()
    pairs = list(block_pairs(records, [field_key("country")], max_block_size=100, report=report))
    assert pairs == []
    assert [(skip.rule, skip.key, skip.size) for skip in report.skipped] == [(0, ("gb",), 300)]

    report = BlockingReport()
    pairs = list(block_pairs(records, [field_key("country"), field_key("surname")], max_block_size=100, report=report))
    assert len(pairs) == 50 * math.comb(6, 2) < math.comb(300, 2)
    assert report.pairs == len(pairs) and report.pairs_by_rule == [0, len(pairs)]


def test_blocking_emits_each_pair_once_in_order_and_respects_the_filter() -> None:
    records = [{"a": str(i % 3), "b": str(i % 4), "source": "x" if i < 6 else "y"} for i in range(12)]
    pairs = list(block_pairs(records, [field_key("a"), field_key("b")]))
    expected = {(i, j) for i, j in combinations(range(12), 2) if i % 3 == j % 3 or i % 4 == j % 4}
    assert len(pairs) == len(set(pairs)) and set(pairs) == expected
    assert all(i < j for i, j in pairs)
    across = list(block_pairs(records, [field_key("a")], pair_filter=lambda i, j: i < 6 <= j))
    assert across and all(records[i]["source"] != records[j]["source"] for i, j in across)
    assert len(across) == sum(1 for i, j in expected if i % 3 == j % 3 and i < 6 <= j)
    with pytest.raises(ValueError, match="at least one blocking rule"):
        list(block_pairs(records, []))


def test_missing_blocking_key_pairs_nothing() -> None:
    records = [{"email": None}, {"email": ""}, {"email": "a@x.com"}, {"email": "A@x.com "}]
    assert list(block_pairs(records, [field_key("email")])) == [(2, 3)]


def test_explain_lists_every_comparison_with_its_weight() -> None:
    records, _ = repeat_reporters(1000, seed=14)
    model = person_model()
    model.estimate_u(records, seed=3)
    pairs = candidate_pairs(records, RULES)
    model.estimate_m_em(model.comparison_vectors(records, pairs), total_pairs=len(records) * (len(records) - 1) // 2)
    a, b = records[0], dict(records[1], postcode=None)
    evidence = model.explain(a, b)
    assert [item.comparison for item in evidence] == [c.name for c in model.comparisons]
    assert all(math.isfinite(item.weight) and item.explanation for item in evidence)
    assert evidence[3].level == "null" and evidence[3].weight == 0.0
    gamma = [c.evaluate(a, b) for c in model.comparisons]
    weight, probability = model.score(gamma)
    assert weight == pytest.approx(model.prior_weight + sum(item.weight for item in evidence))
    assert probability == pytest.approx(2**weight / (1 + 2**weight))
    assert model.explain(records[0], records[0])[0].weight > 0 > model.explain(records[0], records[2])[4].weight


def test_fixed_m_and_u_survive_estimation() -> None:
    records, _ = repeat_reporters(600, seed=15)
    model = FellegiSunter(person_model().comparisons, fixed={"email": {"exact": (0.95, 1e-6)}})
    model.estimate_u(records, seed=4)
    pairs = candidate_pairs(records, RULES)
    model.estimate_m_em(model.comparison_vectors(records, pairs))
    assert (model.m[4][0], model.u[4][0]) == (0.95, 1e-6)
    assert model.m[4].sum() == pytest.approx(1.0) and model.u[4].sum() == pytest.approx(1.0)
    assert model.explain(records[0], dict(records[5], email=records[0]["email"]))[4].weight == pytest.approx(
        math.log2(0.95 / 1e-6)
    )
    with pytest.raises(ValueError, match="no level 'same'"):
        FellegiSunter(person_model().comparisons, fixed={"email": {"same": (0.9, 0.1)}})


def test_a_fixed_u_leaves_m_to_estimate() -> None:
    records, _ = repeat_reporters(600, seed=15)
    model = FellegiSunter(person_model().comparisons, fixed={"email": {"exact": (None, 1e-6)}})
    start = model.m[4][0]
    model.estimate_u(records, seed=4)
    model.estimate_m_em(model.comparison_vectors(records, candidate_pairs(records, RULES)))
    assert model.u[4][0] == 1e-6 and model.m[4][0] != pytest.approx(start) and model.m[4].sum() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="give m, u or both"):
        FellegiSunter(person_model().comparisons, fixed={"email": {"exact": (None, None)}})


def test_score_needs_a_prior() -> None:
    model = person_model()
    with pytest.raises(ValueError, match="no prior yet"):
        model.score([0, 0, 0, 0, 0])
    model.prior = 0.01
    weights, probabilities = model.score(np.array([[0, 0, 0, 0, 0], [-1, -1, -1, -1, -1]]))
    assert probabilities[0] > probabilities[1] == pytest.approx(0.01)


def test_link_thresholds_and_orders_links() -> None:
    records = [{"surname": "kirby"}, {"surname": "kirby"}, {"surname": "jones"}, {"surname": "kirby"}]
    model = FellegiSunter([exact_match("surname")], prior=0.1)
    model.m[0], model.u[0] = np.array([0.9, 0.1]), np.array([0.01, 0.99])
    links = link(records, model, rules=[lambda record: "all"], threshold_probability=0.5)
    assert [(item.i, item.j) for item in links] == [(0, 1), (0, 3), (1, 3)]
    assert all(item.evidence[0].level == "exact" for item in links)
    with pytest.raises(ValueError, match="exactly one of"):
        link(records, model, threshold_probability=0.5)


def make_link(i: int, j: int, probability: float) -> Link:
    """Return a link between two records with no evidence, for cluster tests."""
    return Link(i, j, probability, math.log2(probability / (1 - probability)), ())


def test_clusters_are_connected_components_with_singletons() -> None:
    links = [make_link(0, 1, 0.99), make_link(1, 2, 0.9), make_link(3, 4, 0.6), make_link(4, 5, 0.2)]
    assert clusters(7, links) == [[0, 1, 2], [3, 4, 5], [6]]
    assert clusters(7, links, threshold_probability=0.5) == [[0, 1, 2], [3, 4], [5], [6]]


def test_clusters_respect_cannot_link_strongest_link_first() -> None:
    links = [make_link(1, 2, 0.7), make_link(0, 1, 0.99), make_link(2, 3, 0.95)]
    groups = clusters(4, links, cannot_link=[(0, 3)])
    assert groups == [[0, 1], [2, 3]]
    assert not any(0 in group and 3 in group for group in groups)
    with pytest.raises(ValueError, match="outside 0..3"):
        clusters(4, links, cannot_link=[(0, 9)])
