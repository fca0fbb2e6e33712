"""Fit the context model of the areas (data/models/context.json) on hand-coded samples of real pages.

Each sample is a CSV as in data/gold (``doc_id,sentence,…``) whose rows are runs of consecutive sentences of
their pages, coded by a reader who read them there. The samples of real pages are kept outside the repository
(their text is the publishers'); data/models/README.md says which were used and what the fit moved.

For every (sentence, area) that a neighbour's own words set and the sentence lacks (``context_areas.candidates``),
the reader's coding says whether the sentence is on the area. A logistic regression (L2, Newton's method, numpy)
is fitted to those; the threshold is the one of THRESHOLDS with the highest min(precision, recall) of areas when
each sample is scored by a model fitted on the others (then the higher F1). It prints that table, then writes the
model fitted on all the samples.

    .venv/bin/python packaging/fit_context_areas.py --out data/models/context.json SAMPLE.csv…
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

import numpy as np

from nsp_explorer.core.taxonomy import load_taxonomy
from nsp_explorer.pipeline.code import code_text
from nsp_explorer.pipeline.codebook import load_codebook
from nsp_explorer.pipeline.context_areas import FEATURES, WINDOW, Candidate, ContextModel, candidates, document_sentences, takes
from nsp_explorer.pipeline.evaluate import load_gold
from nsp_explorer.pipeline.frame_model import load_frame_model, weighed_codes
from nsp_explorer.pipeline.sentences import sentence_texts

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
L2 = 1.0


class Sample:
    """A sample's sentences as the coder reads them without context, and its candidates with the reader's answer."""

    def __init__(self, path: Path, data: Path):
        taxonomy = load_taxonomy(data / "taxonomy.json")
        gold = load_gold(path, taxonomy)
        codebook = load_codebook(data / "codebook.toml", taxonomy)
        parts = [sentence_texts(g.sentence) for g in gold]
        coded = weighed_codes(parts, [code_text(g.sentence, codebook, taxonomy) for g in gold], load_frame_model(data / "models"))
        self.name = path.stem
        self.truth = [g.codes["area"] for g in gold]
        self.own = [frozenset(c.code for c in codes if c.dimension == "area") for codes in coded]
        self.rows: list[tuple[int, Candidate, bool]] = []  # (row, candidate, the reader's answer)
        for document in document_sentences(coded, parts, [g.doc_id for g in gold]):
            for c in candidates(document.own_areas, document.framed, document.partnered, document.texts):
                row = document.place[c.sentence][0]
                self.rows.append((row, c, c.area in self.truth[row]))

    def areas_with(self, weights: np.ndarray, threshold: float) -> list[frozenset[str]]:
        """The sample's areas as the app would code them with this model (``context_areas.takes``)."""
        model = ContextModel(tuple(float(w) for w in weights), threshold)
        areas = [set(a) for a in self.own]
        for row, candidate, _ in self.rows:
            if takes(model, candidate):
                areas[row].add(candidate.area)
        return [frozenset(a) for a in areas]


def fit(rows: list) -> np.ndarray:
    """L2-penalised logistic regression (the bias not penalised), by Newton's method."""
    x = np.array([candidate.features for _, candidate, _ in rows], dtype=np.float64).reshape(len(rows), len(FEATURES))
    y = np.array([answer for _, _, answer in rows], dtype=np.float64)
    penalty = L2 * np.eye(x.shape[1])
    penalty[0, 0] = 0.0
    w = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -60, 60)))
        step = np.linalg.solve((x.T * (p * (1 - p))) @ x + penalty + 1e-9 * np.eye(len(w)), x.T @ (p - y) + penalty @ w)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w


def scores(truth: list[frozenset[str]], found: list[frozenset[str]]) -> tuple[float, float, float]:
    hit = sum(len(t & f) for t, f in zip(truth, found))
    precision = hit / max(1, sum(map(len, found)))
    recall = hit / max(1, sum(map(len, truth)))
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("samples", nargs="+", type=Path)
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    samples = [Sample(path, args.data) for path in args.samples]
    truth = [t for s in samples for t in s.truth]
    print(f"{len(truth)} sentences, {sum(len(s.rows) for s in samples)} candidates")
    print("codebook alone:  P %.3f  R %.3f  F1 %.3f" % scores(truth, [a for s in samples for a in s.own]))
    folds = {s.name: fit([r for other in samples if other is not s for r in other.rows]) for s in samples}
    table = {}
    for threshold in THRESHOLDS:
        table[threshold] = scores(truth, [a for s in samples for a in s.areas_with(folds[s.name], threshold)])
        print("add from %.1f:   P %.3f  R %.3f  F1 %.3f   (each sample by a model fitted on the others)" % (threshold, *table[threshold]))
    threshold = max(THRESHOLDS, key=lambda t: (round(min(table[t][:2]), 3), table[t][2]))
    weights = fit([r for s in samples for r in s.rows])
    spec = {
        "what": "areas a sentence takes from the sentences around it: see nsp_explorer/pipeline/context_areas.py",
        "window": WINDOW,
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in weights],
        "threshold": threshold,
        "fitted_on": {s.name: len(s.truth) for s in samples},
        "made_by": "packaging/fit_context_areas.py",
    }
    handle, temporary = tempfile.mkstemp(dir=args.out.parent, prefix=".context-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(json.dumps(spec, indent=1, ensure_ascii=False) + "\n")
    os.replace(temporary, args.out)
    print(f"threshold {threshold}; wrote {args.out}")


if __name__ == "__main__":
    main()
