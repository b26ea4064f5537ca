"""Near-duplicate text: normalised words, stable shingles, MinHash signatures and an LSH index of candidates.

Serves two jobs: copy-paste campaigns (the same or nearly the same words posted by different accounts, linked as
campaign evidence, never merged) and direct messages without a URL (`domain.dm_match`). Candidates come from LSH
banding only, never from comparing all pairs; a caller confirms them with `estimated_similarity` or `jaccard`.

Two texts with Jaccard similarity s (of their word 3-shingles) share at least one of b bands of r signature rows
with probability P(s) = 1 - (1 - s**r)**b. Defaults: 64 permutations, 12 bands of 5 rows (60 rows used):

    s        0.1     0.2     0.3     0.4     0.5     0.6     0.7     0.8     0.9
    P(s)  0.0001  0.0038  0.0288  0.1162  0.3168  0.6214  0.8901  0.9915  1.0000

so pairs at s >= 0.8 are candidates with p >= 0.99 and pairs below 0.3 collide less than 3% of the time. One word
changed in the middle of a 20-word text gives s = 15/21 = 0.71 and P = 0.91; `LSHIndex(bands=16, rows=4)` finds it
with P = 0.99 at the price of P(0.3) = 0.12 and P(0.2) = 0.025.

Big buckets: a bucket with more than `max_bucket` members (one text repeated thousands of times) gives a star, each
member paired with the bucket's first-added member only, so n copies give n - 1 pairs, not n**2 / 2. `groups()`
gives every bucket whole, because for a campaign the big bucket is itself the signal.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection, Iterator, Sequence
from itertools import chain

import numpy as np

DEFAULT_NUM_PERM = 64
DEFAULT_BANDS = 12
DEFAULT_ROWS = 5
DEFAULT_MAX_BUCKET = 200
EMPTY = np.uint32(0xFFFFFFFF)  # every row of the signature of a text without words

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\[([^\[\]\n]{1,60})\]")
_TOKEN = re.compile(r"\[\w+\]|\w+|[\u2600-\u27bf\U0001f000-\U0001faff]")  # placeholder, word or emoji
_WORD = re.compile(r"\w+")
_JOINERS = str.maketrans("", "", "'’*")  # dropped, not split on: "don't" -> "dont", "f*ck" -> "fck"
_WORD_SHINGLE = hashlib.blake2b(digest_size=8, person=b"hub-word-shingle")  # copied per shingle: faster
_CHAR_SHINGLE = hashlib.blake2b(digest_size=8, person=b"hub-char-shingle")
_BAND_PRIME = np.uint64(0x100000001B3)
_BAND_MIX = np.uint64(0x9E3779B97F4A7C15)


def normalise_text(text: str) -> str:
    """Return the words of a text casefolded, without accents, URLs or punctuation, single-spaced.

    A bracketed placeholder stays one word ("[Racial slur]" -> "[racial_slur]"); emoji stay as words.
    """
    text = text.casefold()
    if "/" in text or "www." in text:
        text = _URL.sub(" ", text)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    text = text.translate(_JOINERS)
    if "[" in text:
        text = _PLACEHOLDER.sub(_placeholder_word, text)
    return " ".join(_TOKEN.findall(text))


def _placeholder_word(match: re.Match[str]) -> str:
    words = _WORD.findall(match[1])
    return f" [{'_'.join(words)}] " if words else " "


def shingles(text: str, k: int = 3) -> set[int]:
    """Return stable 64-bit hashes of the normalised text's word k-shingles (character 5-grams below k words)."""
    if k < 1:
        raise ValueError(f"shingle size k must be at least 1, not {k}")
    normal = normalise_text(text)
    words = normal.split()
    if len(words) >= k:
        grams = [" ".join(words[i : i + k]) for i in range(len(words) - k + 1)]
        hasher = _WORD_SHINGLE
    elif normal:
        grams = [normal[i : i + 5] for i in range(max(1, len(normal) - 4))]
        hasher = _CHAR_SHINGLE
    else:
        return set()
    return {_hash64(gram, hasher) for gram in grams}


def _hash64(text: str, base: hashlib.blake2b) -> int:
    hasher = base.copy()
    hasher.update(text.encode())
    return int.from_bytes(hasher.digest(), "little")


def jaccard(a: Collection[int], b: Collection[int]) -> float:
    """Return |a & b| / |a | b|; 0.0 when both are empty, since no words are no evidence of sameness."""
    a, b = (x if isinstance(x, (set, frozenset)) else set(x) for x in (a, b))
    common = len(a & b)
    union = len(a) + len(b) - common
    return common / union if union else 0.0


def containment(a: Collection[int], b: Collection[int]) -> float:
    """Return |a & b| / the size of the smaller set: 1.0 when one text is contained in the other.

    A resubmission often repeats the first description after a few words of its own ("Sending again in case
    the first did not go through. ..."): Jaccard falls with every added word, containment does not.
    """
    a, b = (x if isinstance(x, (set, frozenset)) else set(x) for x in (a, b))
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def estimated_similarity(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Return the share of equal MinHash rows, an unbiased estimate of the texts' Jaccard similarity."""
    sig_a, sig_b = np.asarray(sig_a), np.asarray(sig_b)
    if sig_a.shape != sig_b.shape:
        raise ValueError(f"signatures differ in shape: {sig_a.shape} and {sig_b.shape}")
    if (sig_a == EMPTY).all() or (sig_b == EMPTY).all():
        return 0.0
    return float(np.mean(sig_a == sig_b))


class MinHasher:
    """MinHash of shingle sets with h_i(x) = ((a_i * x + b_i) mod 2**64) >> 32, a_i odd, from a stable seed."""

    def __init__(self, num_perm: int = DEFAULT_NUM_PERM, seed: int = 1) -> None:
        if num_perm < 1:
            raise ValueError(f"num_perm must be at least 1, not {num_perm}")
        self.num_perm = num_perm
        self.seed = seed
        params = [hashlib.blake2b(f"minhash:{seed}:{i}".encode(), digest_size=16).digest() for i in range(num_perm)]
        self._a = np.array([int.from_bytes(p[:8], "little") | 1 for p in params], dtype=np.uint64)
        self._b = np.array([int.from_bytes(p[8:], "little") for p in params], dtype=np.uint64)

    def signature(self, shingle_set: Collection[int]) -> np.ndarray:
        """Return the uint32 signature of one shingle set; all rows EMPTY for an empty set."""
        if not shingle_set:
            return np.full(self.num_perm, EMPTY, dtype=np.uint32)
        values = np.fromiter(shingle_set, dtype=np.uint64, count=len(shingle_set))
        return ((values[:, None] * self._a + self._b) >> np.uint64(32)).min(axis=0).astype(np.uint32)

    def signatures(self, shingle_sets: Sequence[Collection[int]]) -> np.ndarray:
        """Return an (n, num_perm) uint32 array of signatures, equal row by row to `signature`; call in chunks."""
        lengths = np.fromiter(map(len, shingle_sets), dtype=np.int64, count=len(shingle_sets))
        values = np.fromiter(chain.from_iterable(shingle_sets), dtype=np.uint64, count=int(lengths.sum()))
        out = np.full((self.num_perm, len(shingle_sets)), EMPTY, dtype=np.uint32)
        filled = lengths > 0
        starts = (np.cumsum(lengths) - lengths)[filled]
        if starts.size:
            for i in range(self.num_perm):
                hashed = (values * self._a[i] + self._b[i]) >> np.uint64(32)
                out[i, filled] = np.minimum.reduceat(hashed, starts)
        return np.ascontiguousarray(out.T)


class LSHIndex:
    """Buckets of signatures by band: online `candidates`, batch `candidate_pairs` and campaign `groups`."""

    def __init__(
        self,
        bands: int = DEFAULT_BANDS,
        rows: int = DEFAULT_ROWS,
        *,
        max_bucket: int = DEFAULT_MAX_BUCKET,
        merge_every: int = 16_384,
    ) -> None:
        if bands < 1 or rows < 1 or max_bucket < 2 or merge_every < 1:
            raise ValueError(f"need bands, rows, merge_every >= 1 and max_bucket >= 2, not {bands=} {rows=} "
                             f"{max_bucket=} {merge_every=}")
        self.bands, self.rows, self.max_bucket = bands, rows, max_bucket
        self._merge_every = merge_every
        self._keys: list[str] = []
        self._known: set[str] = set()
        self._hashes = np.empty((0, bands), dtype=np.uint64)  # band hashes, one row per key in insertion order
        # Per band, the first `_merged` keys sorted by hash (ties by insertion); later keys form a small tail
        # that `candidates` scans and that is merged in once it reaches `merge_every`.
        self._order = [np.empty(0, dtype=np.uint32) for _ in range(bands)]
        self._sorted = [np.empty(0, dtype=np.uint64) for _ in range(bands)]
        self._merged = 0

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: str, signature: np.ndarray) -> None:
        """Index one text's signature under its key."""
        self.add_many([key], np.asarray(signature)[None, :])

    def add_many(self, keys: Sequence[str], signatures: np.ndarray) -> None:
        """Index many signatures (rows of a 2-d array) under their keys; faster than `add` one by one."""
        signatures = np.asarray(signatures)
        if signatures.ndim != 2 or signatures.shape[0] != len(keys):
            raise ValueError(f"need one signature row per key: {len(keys)} keys, signatures {signatures.shape}")
        empty = np.flatnonzero((signatures == EMPTY).all(axis=1))
        if empty.size:
            raise ValueError(f"text {keys[empty[0]]!r} has no words to index (empty signature)")
        fresh = set(keys)
        if len(fresh) != len(keys) or not self._known.isdisjoint(fresh):
            raise ValueError(f"key {_first_repeat(keys, self._known)!r} is already indexed")
        hashes = self._band_hashes(signatures)
        size = len(self._keys)
        if size + len(keys) > self._hashes.shape[0]:
            grown = np.empty((max(2 * self._hashes.shape[0], size + len(keys), 1024), self.bands), np.uint64)
            grown[:size] = self._hashes[:size]
            self._hashes = grown
        self._hashes[size : size + len(keys)] = hashes
        self._keys.extend(keys)
        self._known |= fresh
        if len(self._keys) - self._merged >= self._merge_every:
            self._merge()

    def candidates(self, signature: np.ndarray) -> set[str]:
        """Return the keys a new text with this signature would be paired with by `candidate_pairs`.

        Work is bounded: a binary search per band, a scan of the unmerged tail, at most max_bucket keys per band.
        """
        signature = np.asarray(signature)
        if (signature == EMPTY).all():
            return set()
        query = self._band_hashes(signature[None, :])[0]
        tail_hits = self._hashes[self._merged : len(self._keys)] == query
        found: set[int] = set()
        for band in range(self.bands):
            low = np.searchsorted(self._sorted[band], query[band], side="left")
            high = np.searchsorted(self._sorted[band], query[band], side="right")
            tail = np.flatnonzero(tail_hits[:, band]) + self._merged
            members = int(high - low) + tail.size
            if members + 1 > self.max_bucket:  # with the query the bucket is big: pair with its first member only
                found.add(int(self._order[band][low]) if high > low else int(tail[0]))
            elif members:
                found.update(self._order[band][low:high].tolist(), tail.tolist())
        return {self._keys[i] for i in found}

    def candidate_pairs(self) -> Iterator[tuple[str, str]]:
        """Yield every pair of keys sharing a bucket once, earlier-added key first; big buckets give a star."""
        codes = self._pair_codes()
        for start in range(0, codes.size, 1 << 20):
            chunk = codes[start : start + (1 << 20)]
            lefts, rights = (chunk >> np.uint64(32)).tolist(), (chunk & np.uint64(0xFFFFFFFF)).tolist()
            yield from ((self._keys[i], self._keys[j]) for i, j in zip(lefts, rights))

    def groups(self, min_size: int = 2) -> Iterator[list[str]]:
        """Yield the members of each bucket with at least min_size keys, in insertion order, each member set once.

        Groups overlap (near-duplicates share some bands, not all); merge them downstream if components are wanted.
        """
        self._merge()
        seen: set[bytes] = set()
        for band in range(self.bands):
            for start, size in self._runs(band, min_size):
                members = self._order[band][start : start + size]
                fingerprint = hashlib.blake2b(members.tobytes(), digest_size=16).digest()
                if fingerprint not in seen:
                    seen.add(fingerprint)
                    yield [self._keys[i] for i in members.tolist()]

    def _pair_codes(self) -> np.ndarray:
        """Return sorted unique (i << 32 | j) codes, i < j, of all candidate pairs."""
        self._merge()
        parts = [np.empty(0, dtype=np.uint64)]
        for band in range(self.bands):
            order = self._order[band].astype(np.uint64)
            runs = np.array(list(self._runs(band, 2)), dtype=np.int64).reshape(-1, 2)
            for size in np.unique(runs[:, 1]).tolist():
                members = order[runs[runs[:, 1] == size, 0][:, None] + np.arange(size)]
                if size <= self.max_bucket:
                    left, right = np.triu_indices(size, 1)
                    parts.append(((members[:, left] << np.uint64(32)) | members[:, right]).ravel())
                else:
                    parts.append(((members[:, :1] << np.uint64(32)) | members[:, 1:]).ravel())
        return np.unique(np.concatenate(parts))

    def _runs(self, band: int, min_size: int) -> Iterator[tuple[int, int]]:
        """Yield (start, size) of each run of equal hashes of at least min_size in the band's sorted order."""
        values = self._sorted[band]
        if values.size == 0:
            return
        starts = np.concatenate(([0], np.flatnonzero(values[1:] != values[:-1]) + 1))
        sizes = np.diff(np.append(starts, values.size))
        keep = sizes >= min_size
        yield from zip(starts[keep].tolist(), sizes[keep].tolist())

    def _merge(self) -> None:
        """Merge the tail into each band's sorted order; stable sorting keeps ties in insertion order."""
        size = len(self._keys)
        if self._merged == size:
            return
        tail = np.arange(self._merged, size, dtype=np.uint32)
        for band in range(self.bands):
            tail_sorted = tail[np.argsort(self._hashes[self._merged : size, band], kind="stable")]
            combined = np.concatenate((self._order[band], tail_sorted))
            values = self._hashes[combined, band]
            order = np.argsort(values, kind="stable")  # two sorted runs: timsort merges them in linear time
            self._order[band], self._sorted[band] = combined[order], values[order]
        self._merged = size

    def _band_hashes(self, signatures: np.ndarray) -> np.ndarray:
        """Return an (n, bands) uint64 array hashing each band's rows (FNV-1a over 32-bit rows, then mixed)."""
        needed = self.bands * self.rows
        if signatures.shape[1] < needed:
            raise ValueError(f"signatures have {signatures.shape[1]} rows; {self.bands} bands of {self.rows} "
                             f"rows need {needed}")
        rows = signatures[:, :needed].astype(np.uint64).reshape(-1, self.bands, self.rows)
        hashes = np.zeros(rows.shape[:2], dtype=np.uint64)
        for row in range(self.rows):
            hashes = (hashes ^ rows[:, :, row]) * _BAND_PRIME
        return (hashes ^ (hashes >> np.uint64(31))) * _BAND_MIX


def _first_repeat(keys: Sequence[str], known: set[str]) -> str:
    seen: set[str] = set()
    for key in keys:
        if key in known or key in seen:
            return key
        seen.add(key)
    raise AssertionError("no repeated key")
