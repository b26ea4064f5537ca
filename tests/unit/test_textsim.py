"""Near-duplicate text: stable normalisation, shingles and signatures; LSH candidates without all-pairs work."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from domain.textsim import (
    EMPTY,
    LSHIndex,
    MinHasher,
    estimated_similarity,
    containment,
    jaccard,
    normalise_text,
    shingles,
)

ROOT = Path(__file__).resolve().parents[2]
FOX = "the quick brown fox jumps over the lazy dog near the river bank today"
FOX_SIGNATURE_HEAD = [36585483, 384341402, 21774986, 921304939]  # MinHasher() rows 0-3; must never change


def random_texts(count: int, words: int, seed: int, vocabulary: int = 2000) -> list[str]:
    """Return count texts of the given length drawn uniformly from a synthetic vocabulary."""
    rng = random.Random(seed)
    lexicon = [f"w{i}" for i in range(vocabulary)]
    return [" ".join(rng.choices(lexicon, k=words)) for _ in range(count)]


def one_word_changed(text: str, rng: random.Random) -> str:
    """Return the text with one word, at a random position, replaced by a word it does not contain."""
    words = text.split()
    words[rng.randrange(len(words))] = f"new{rng.randrange(10**6)}"
    return " ".join(words)


def build_index(texts: dict[str, str], **options: int) -> tuple[LSHIndex, MinHasher]:
    hasher, index = MinHasher(), LSHIndex(**options)
    keys = list(texts)
    index.add_many(keys, hasher.signatures([shingles(texts[key]) for key in keys]))
    return index, hasher


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("  Go   BACK\thome!!  ", "go back home"),
        ("Café NAÏVE résumé", "cafe naive resume"),
        ("see https://x.com/user/status/1?s=20 and www.example.org/page now", "see and now"),
        ("look at bbc.co.uk/news/123 today", "look at today"),
        ("Go back, you [Racial   Slur]!", "go back you [racial_slur]"),
        ("don't f*ck with us", "dont fck with us"),
        ("monkeys 🐒🐒", "monkeys 🐒 🐒"),
        ("İSTANBUL Straße", "istanbul strasse"),
        ("", ""),
    ],
)
def test_normalise_text(raw: str, normal: str) -> None:
    assert normalise_text(raw) == normal
    assert normalise_text(normal) == normal  # idempotent


def test_shingles_ignore_case_punctuation_and_urls() -> None:
    assert shingles("GO back to where you came from!! https://t.co/x") == shingles("go back to where you came from")
    assert len(shingles("one two three four five")) == 3
    assert shingles("") == set() and shingles("!!!") == set()


def test_short_texts_fall_back_to_character_five_grams() -> None:
    assert len(shingles("hello there")) == len("hello there") - 4
    assert len(shingles("hi")) == 1
    assert shingles("hello there") != shingles("hello where")


def test_signature_is_stable_across_processes() -> None:
    here = MinHasher().signature(shingles(FOX))
    assert here.tolist()[:4] == FOX_SIGNATURE_HEAD
    code = (
        "import json; from domain.textsim import MinHasher, shingles; "
        f"print(json.dumps(MinHasher().signature(shingles({FOX!r})).tolist()))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == here.tolist()


def test_batch_signatures_equal_single_signatures() -> None:
    sets = [shingles(text) for text in [FOX, "", "hi", *random_texts(50, 12, seed=3)]]
    hasher = MinHasher(num_perm=32, seed=9)
    batch = hasher.signatures(sets)
    assert batch.shape == (len(sets), 32) and batch.dtype == np.uint32
    for row, shingle_set in zip(batch, sets):
        assert (row == hasher.signature(shingle_set)).all()
    assert (batch[1] == EMPTY).all()


def test_estimated_similarity_tracks_jaccard() -> None:
    a = shingles(FOX)
    b = shingles(FOX.replace("lazy", "sleepy"))
    hasher = MinHasher(num_perm=256)
    assert abs(estimated_similarity(hasher.signature(a), hasher.signature(b)) - jaccard(a, b)) < 0.1
    assert jaccard(set(), set()) == 0.0
    assert estimated_similarity(hasher.signature(set()), hasher.signature(set())) == 0.0


def test_one_word_changed_in_a_twenty_word_text_is_a_candidate() -> None:
    rng = random.Random(11)
    originals = random_texts(300, 20, seed=12)
    texts = {f"o{i}": text for i, text in enumerate(originals)}
    texts |= {f"e{i}": one_word_changed(text, rng) for i, text in enumerate(originals)}
    index, hasher = build_index(texts)
    found = sum(f"o{i}" in index.candidates(hasher.signature(shingles(texts[f"e{i}"]))) for i in range(300))
    # Jaccard 0.71-0.89 by where the word sits: the S-curve gives 0.91-1.00; 16 bands of 4 rows give >= 0.99.
    assert found / 300 >= 0.85
    wide, _ = build_index(texts, bands=16, rows=4)
    assert sum(f"o{i}" in wide.candidates(hasher.signature(shingles(texts[f"e{i}"]))) for i in range(300)) >= 294


def test_copies_under_other_case_punctuation_and_urls_are_always_candidates() -> None:
    originals = random_texts(200, 15, seed=5)
    texts = {f"o{i}": text for i, text in enumerate(originals)}
    texts |= {f"c{i}": f"{text.upper()}!!! https://t.co/{i}" for i, text in enumerate(originals)}
    index, _ = build_index(texts)
    assert {(f"o{i}", f"c{i}") for i in range(200)} <= set(index.candidate_pairs())


def test_unrelated_texts_are_rarely_candidates() -> None:
    texts = {f"t{i}": text for i, text in enumerate(random_texts(1000, 15, seed=21))}
    index, _ = build_index(texts)
    involved = {key for pair in index.candidate_pairs() for key in pair}
    assert len(involved) < 10  # under 1% of texts have any candidate


def test_a_bucket_of_five_thousand_identical_texts_stays_bounded() -> None:
    texts = {f"copy{i}": "we know where you live and we are coming for you" for i in range(5000)}
    index, hasher = build_index(texts)
    pairs = list(index.candidate_pairs())
    assert len(pairs) == 4999  # a star on the first copy, not 12.5 million pairs
    assert {left for left, _ in pairs} == {"copy0"}
    assert list(index.groups()) == [list(texts)]
    assert index.candidates(hasher.signature(shingles(texts["copy0"]))) == {"copy0"}


def test_online_candidates_equal_batch_pairs() -> None:
    rng = random.Random(8)
    base = random_texts(120, 15, seed=9)
    pool = base + [one_word_changed(text, rng) for text in base[:40]] + [base[0]] * 9  # a big bucket of 10
    rng.shuffle(pool)
    index, hasher = build_index({}, max_bucket=5, merge_every=7)  # small merges: the unsorted tail is searched
    for i, text in enumerate(pool):
        signature = hasher.signature(shingles(text))
        online = index.candidates(signature)
        index.add(f"k{i}", signature)
        batch = {a if b == f"k{i}" else b for a, b in index.candidate_pairs() if f"k{i}" in (a, b)}
        assert online == batch, f"text {i}"
    assert sum(1 for _ in index.candidate_pairs()) >= 40


def test_index_refuses_empty_repeated_and_short_signatures() -> None:
    hasher, index = MinHasher(), LSHIndex()
    index.add("a", hasher.signature(shingles(FOX)))
    with pytest.raises(ValueError, match="'a' is already indexed"):
        index.add("a", hasher.signature(shingles("something else entirely here")))
    with pytest.raises(ValueError, match="'blank' has no words"):
        index.add("blank", hasher.signature(set()))
    with pytest.raises(ValueError, match="12 bands of 5 rows need 60"):
        index.add("short", MinHasher(num_perm=32).signature(shingles(FOX)))
    assert index.candidates(hasher.signature(set())) == set()
    assert len(index) == 1


def test_containment_is_one_when_a_text_repeats_another_after_words_of_its_own() -> None:
    first = "An account on X keeps targeting me and says I should leave the country before something happens"
    again = "Sending again in case the first one did not go through. " + first
    assert containment(shingles(first), shingles(again)) == 1.0
    assert jaccard(shingles(first), shingles(again)) < 0.8
    assert containment(shingles(first), shingles("a different story altogether about a video")) == 0.0
    assert containment(set(), shingles(first)) == 0.0
