"""MinHash signatures of articles, and how they are stored in DuckDB.

An article has two signatures: one over its word shingles (copies, reprints,
trimmed copies) and one over its content words (reworded copies). Each keeps
the size of its set, so that containment can be estimated from the Jaccard
estimate: for sets A, B with Jaccard J, |A ∩ B| = J (|A| + |B|) / (1 + J).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash

from .config import StoryConfig
from .match import Features

# The scheme is named, not left to datasketch's default, because stored
# signatures only compare with new ones made by the same scheme; affine32 hash
# values are 32-bit, stored little-endian.
SCHEME = "affine32"
_STORED = np.dtype("<u4")


@dataclass
class Signature:
    """The two MinHash signatures of an article and the sizes of their sets."""

    shingles: MinHash
    shingle_count: int
    words: MinHash
    word_count: int


def _hash32(data: bytes) -> int:
    # CRC-32 is stable across processes and platforms and several times faster
    # than datasketch's default SHA-1; MinHash only needs distinct strings to get
    # (almost always) distinct values. Changing it invalidates stored signatures.
    return zlib.crc32(data)


@cache
def _permutations(num_perm: int) -> np.ndarray:
    # Drawing the permutations costs as much as hashing a short article: draw once.
    return MinHash(num_perm=num_perm, scheme=SCHEME).permutations


def minhash_of(items: Iterable[str], num_perm: int) -> MinHash:
    """MinHash of a set of strings (seed fixed, so signatures compare across runs)."""
    m = MinHash(
        num_perm=num_perm, scheme=SCHEME, hashfunc=_hash32, permutations=_permutations(num_perm)
    )
    if items:
        m.update_batch([s.encode("utf-8") for s in items])
    return m


def signature(text: str | Features, config: StoryConfig) -> Signature:
    """Both signatures of an article text (or of its already computed features)."""
    features = text if isinstance(text, Features) else Features.of(text, config)
    return Signature(
        shingles=minhash_of(features.shingles, config.num_perm),
        shingle_count=len(features.shingles),
        words=minhash_of(features.words, config.num_perm),
        word_count=len(features.words),
    )


def to_blob(m: MinHash) -> bytes:
    """A MinHash as bytes for a BLOB column."""
    return m.hashvalues.astype(_STORED).tobytes()


def from_blob(blob: bytes, num_perm: int) -> MinHash:
    """The MinHash stored by :func:`to_blob`."""
    values = np.frombuffer(blob, dtype=_STORED)
    if len(values) != num_perm:
        raise ValueError(f"stored signature has {len(values)} permutations, expected {num_perm}")
    return MinHash(num_perm=num_perm, hashvalues=values, scheme=SCHEME)


def estimated_jaccard(a: MinHash, b: MinHash) -> float:
    """Share of equal hash values: an unbiased estimate of the sets' Jaccard."""
    return float(np.count_nonzero(a.hashvalues == b.hashvalues)) / len(a.hashvalues)


def estimated_containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Estimated share of the smaller set that lies in the larger one (at most 1)."""
    smaller = min(size_a, size_b)
    if smaller == 0:
        return 0.0
    overlap = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return min(1.0, overlap / smaller)
