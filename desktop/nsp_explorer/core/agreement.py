"""How well the automatic coder agrees with careful readers: ``agreement.csv`` beside the dataset (written by ``nspx eval``).

One row per sample (``corpus``: the bundled articles against their reviewed
coding; ``heldout``: new sentences coded by hand before the coder ran, never
used to tune it; ``pages``: held-out sentences of real web pages, recorded
with the coder they measured; ``readers``: the yardstick, a second careful reader
of some of those sentences against the first), level (``sentence`` or ``passage``) and dimension, with the
number of units compared, precision, recall, F1 and Krippendorff's alpha. A
missing file means the coder's quality was not measured for this dataset; a
figure left empty (alpha where a code never varies) stays unknown.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .dataset import read_text_csv
from .errors import DataFileError

AGREEMENT_FILE = "agreement.csv"
COLUMNS = ("sample", "level", "dimension", "units", "precision", "recall", "f1", "alpha")
SAMPLES = ("corpus", "heldout", "pages", "readers")
LEVELS = ("sentence", "passage")
DIMENSIONS = ("pillar", "area", "frame", "partner", "year")


def load_agreement(path: Path) -> pd.DataFrame | None:
    """The agreement table (numbers as floats, NaN where not known), or None if the file does not exist."""
    path = Path(path)
    if not path.is_file():
        return None
    raw = read_text_csv(path, COLUMNS)
    for column, allowed in (("sample", SAMPLES), ("level", LEVELS), ("dimension", DIMENSIONS)):
        bad = ~raw[column].isin(allowed)
        if bad.any():
            raise DataFileError(path, f"has an unknown {column} {raw.loc[bad, column].iloc[0]!r} (expected {', '.join(allowed)})")
    table = raw[list(COLUMNS)].copy()
    units = pd.to_numeric(table["units"], errors="coerce")
    if units.isna().any() or (units < 0).any() or (units % 1 != 0).any():
        raise DataFileError(path, "has a number of units that is not a whole number ≥ 0")
    table["units"] = units.astype(np.int64)
    for column, low in (("precision", 0.0), ("recall", 0.0), ("f1", 0.0), ("alpha", -1.0)):
        text = table[column]
        values = pd.to_numeric(text.where(text != "", None), errors="coerce")
        if (values.isna() & (text != "")).any() or (values < low).any() or (values > 1).any():
            raise DataFileError(path, f"has a {column} that is not a number from {low:g} to 1")
        table[column] = values.astype(float)
    if table.duplicated(["sample", "level", "dimension"]).any():
        raise DataFileError(path, "gives the same sample, level and dimension twice")
    return table.reset_index(drop=True)


# the samples in the order a lecturer should read them: the unseen real pages first, the bundled articles (tuned on) last
SAMPLE_WORDS = {"pages": "real web pages it was never tuned on", "heldout": "new sentences it was never tuned on", "corpus": "the bundled articles"}


def _sentence_rows(table: pd.DataFrame, sample: str) -> pd.DataFrame:
    """A sample's sentence-level rows, by dimension."""
    return table[(table["sample"] == sample) & (table["level"] == "sentence")].set_index("dimension")


def lead(table: pd.DataFrame | None) -> str:
    """The one sentence to quote: the automatic coder against careful readers on the least flattering honest
    measure there is (real pages, else the written held-out sample), frames and areas, and what the bundled
    articles' charts rest on."""
    if table is None or not len(table):
        return "The coder's agreement with careful readers was not measured for this dataset."
    for sample in SAMPLE_WORDS:
        rows = _sentence_rows(table, sample)
        if "frame" in rows.index and "area" in rows.index:
            said = (
                f"On {SAMPLE_WORDS[sample]} ({rows['units'].iloc[0]:,} sentences), {_share(rows.at['frame', 'precision'])} of the "
                f"frames the automatic coder gives are ones careful readers give too, and it finds {_share(rows.at['frame', 'recall'])} "
                f"of theirs (F1 {_figure(rows.at['frame', 'f1'])}); of its areas {_share(rows.at['area', 'precision'])} are "
                f"readers' too, and it finds {_share(rows.at['area', 'recall'])} of theirs (F1 {_figure(rows.at['area', 'f1'])})."
            )
            if (table["sample"] == "corpus").any():
                said += " The bundled articles' charts do not rest on it: every code there was checked by readers."
            return said
    return "The table below gives the coder's agreement with careful readers per dimension."


def headline(table: pd.DataFrame | None) -> str:
    """What a lecturer can say about the figures (from the table; nothing when nothing was measured): the frames and
    areas on the weakest honest measure first (real pages the coder was never tuned on), then the others."""
    if table is None or not len(table):
        return "The coder's agreement with careful readers was not measured for this dataset."
    parts = []
    for sample, words in SAMPLE_WORDS.items():
        rows = _sentence_rows(table, sample)
        said = [
            f"{name} F1 {_figure(rows.at[dimension, 'f1'])} (precision {_figure(rows.at[dimension, 'precision'])}, recall {_figure(rows.at[dimension, 'recall'])})"
            for dimension, name in (("frame", "frames"), ("area", "areas"))
            if dimension in rows.index and rows.at[dimension, "f1"] == rows.at[dimension, "f1"]
        ]
        if said:
            parts.append(f"on {words} ({rows['units'].iloc[0]:,} sentences): " + ", ".join(said))
    if not parts:
        return "The table below gives the coder's agreement with careful readers per dimension."
    return "Measured against careful readers, sentence by sentence: " + "; ".join(parts) + "." + yardstick(table)


def yardstick(table: pd.DataFrame) -> str:
    """What the coder's figures are to be held against: how closely a second careful reader agrees with the first on
    the same real-page sentences, and whether the coder comes as close there (nothing when that was not measured)."""
    rows = _sentence_rows(table, "readers")
    known = [(d, name) for d, name in (("frame", "frames"), ("area", "areas")) if d in rows.index and rows.at[d, "f1"] == rows.at[d, "f1"]]
    if not known:
        return ""
    said = ", ".join(
        f"{name} F1 {_figure(rows.at[d, 'f1'])} (precision {_figure(rows.at[d, 'precision'])}, recall {_figure(rows.at[d, 'recall'])})" for d, name in known
    )
    text = f" For comparison, a second careful reader who coded {rows['units'].iloc[0]:,} real-page sentences alone agrees with the first on {said}"
    coder = _sentence_rows(table, "pages")
    if all(d in coder.index and coder.at[d, "f1"] == coder.at[d, "f1"] for d, _ in known):
        behind = [name for d, name in known if coder.at[d, "f1"] < rows.at[d, "f1"]]
        if len(behind) == len(known):
            text += ": the coder is not yet as close to a reader as another reader is"
        elif not behind:
            text += ": the coder comes as close to a reader as another reader does"
        else:
            text += f": the coder is not yet as close to a reader on {' and '.join(behind)}"
    return text + "."


def _share(value: float) -> str:
    """A figure as a percentage, rounded as ``_figure`` rounds it: 0.765 is "0.77" beside "77%", never "76%"."""
    return "an unknown share" if value != value else f"{round(100 * float(_figure(value)))}%"


def _figure(value: float) -> str:
    return "not known" if value != value else f"{value:.2f}"
