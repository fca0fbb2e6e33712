"""A synthetic corpus of any size, for measuring the app at scale (``nspx synth``).

Every synthetic passage is drawn from a real passage of the bundled dataset:
its codes (with their evidence), its cited figures and its length, and its
text is the real text turned at a random word so that no two copies read the
same. Documents take their lengths from the real documents; outlets and
years are drawn from pools, and authors from a pool that grows with the
corpus up to 12 (a group's archive: a dozen regular authors, which is also as
many as the author charts can tell apart by colour and symbol). The same seed
and size give byte-identical files.

Codes are written per sentence, as ``nspx build`` writes them: a seed coded per
sentence is copied as it is; a seed coded per passage (an older dataset) has
each code placed in the sentences that hold its evidence words, and each
derived pillar in the sentences that speak of one of its areas. A synthetic
text is turned at a word, so its sentence numbers are those of the real
passage it was drawn from: the codes per sentence are real, the sentence text
shown for them is not.
"""

from __future__ import annotations

import csv
import math
import os
import tempfile
from pathlib import Path

import numpy as np

from ..core.dataset import COLUMNS, OPTIONAL, Dataset
from ..core.errors import DataFileError
from ..core.taxonomy import DIMENSIONS, Taxonomy, load_taxonomy
from .sentences import sentence_spans
from ..core.file_modes import follow_umask

FIRST = ("Min-jun", "Siti", "Nguyen", "Arif", "Mei", "Joon", "Priya", "Tanvir", "Ha-eun", "Somchai", "Maria", "Daniel", "Aung", "Lina", "Kenji", "Farah")
LAST = ("Kim", "Lee", "Park", "Rahman", "Tan", "Santos", "Wijaya", "Tran", "Chen", "Choi", "Lim", "Abdullah", "Pham", "Suzuki", "Ng", "Reyes")
OUTLETS = ("Asia Policy Review", "The Korea Herald", "ISEAS Perspective", "East Asia Forum", "The Diplomat", "Asan Forum", "KIEP Brief", "Jakarta Post")
YEARS = range(2017, 2026)


MAX_AUTHORS = 12
HEADERS = {  # the contract's columns, the sentence after the passage as nspx build writes it
    "documents.csv": (*COLUMNS["documents.csv"], "coding"),
    "passages.csv": COLUMNS["passages.csv"],
    "codes.csv": ("passage_id", "sentence", *COLUMNS["codes.csv"][1:]),
    "facts.csv": (*COLUMNS["facts.csv"], *OPTIONAL["facts.csv"]),
}


def codes_by_sentence(text: str, codes: list[tuple[str, str, str, str, str]], taxonomy: Taxonomy) -> list[tuple[str, ...]]:
    """(sentence, dimension, code, source, evidence) rows of one passage, in the contract's order.

    Rows that already name their sentence are kept. A passage-level row is
    placed in every sentence that holds one of its evidence words (with the
    words found there); a derived pillar in every sentence with an area of that
    pillar; a row with no evidence to place stays passage-wide (sentence empty).
    """
    spans = sentence_spans(text)
    rows: set[tuple[str, ...]] = set()
    pending_pillars = []
    for sentence, dimension, code, source, evidence in codes:
        if sentence:
            rows.add((sentence, dimension, code, source, evidence))
        elif source == "derived" and dimension == "pillar":
            pending_pillars.append((dimension, code, source))
        else:
            words = [w for w in evidence.split("; ") if w]
            placed = False
            for n, (start, end) in enumerate(spans, 1):
                found = [w for w in words if w in text[start:end]]
                if found:
                    rows.add((str(n), dimension, code, source, "; ".join(found)))
                    placed = True
            if not placed:
                rows.add(("", dimension, code, source, evidence))
    pillars_of = {}
    for sentence, dimension, code, *_ in rows:
        if dimension == "area":
            pillars_of.setdefault(sentence, set()).add(taxonomy.pillar_of(code))
    for dimension, code, source in pending_pillars:
        sentences = [n for n, pillars in pillars_of.items() if code in pillars] or [""]
        rows.update((n, dimension, code, source, "") for n in sentences)
    rank = {(d, c): i for d in DIMENSIONS for i, c in enumerate(taxonomy.ids(d))}
    return sorted(rows, key=lambda r: (int(r[0] or 0), DIMENSIONS.index(r[1]), rank.get((r[1], r[2]), 0), r[2], r[3], r[4]))


def author_count(documents: int, most: int = MAX_AUTHORS) -> int:
    """How many authors an archive of this many documents has (5 up to ``most``)."""
    return int(min(most, max(5, round(math.sqrt(documents)))))


def write_synthetic(
    seed_dataset: Dataset, passages: int, seed: int, out: Path, most_authors: int = MAX_AUTHORS, taxonomy: Taxonomy | None = None
) -> dict[str, int]:
    """Write a dataset of ``passages`` passages into ``out`` (the four CSVs); returns the row counts."""
    if taxonomy is None:
        from ..paths import data_dir

        taxonomy = load_taxonomy(data_dir() / "taxonomy.json")
    rng = np.random.default_rng(seed)
    real = seed_dataset.passages.reset_index(drop=True)
    texts = real["text"].tolist()
    seed_codes: list[list[tuple]] = [[] for _ in texts]
    row_of = {pid: i for i, pid in enumerate(real["passage_id"])}
    columns = ["passage_id", "sentence", "dimension", "code", "source", "evidence"]
    for pid, *code in seed_dataset.codes[columns].itertuples(index=False):
        seed_codes[row_of[pid]].append(tuple(code))
    codes_of = [codes_by_sentence(text, codes, taxonomy) for text, codes in zip(texts, seed_codes)]
    facts_of: list[list[tuple]] = [[] for _ in texts]
    extra = list(OPTIONAL["facts.csv"])
    for fact in seed_dataset.facts.itertuples(index=False):
        facts_of[row_of[fact.passage_id]].append(
            (fact.indicator, f"{fact.value:g}", fact.unit, fact.year, fact.partner, fact.quote, *(getattr(fact, c) for c in extra))
        )
    sections = sorted({s for s in real["section"] if s})
    lengths = real.groupby("doc_id").size().to_numpy()

    sizes: list[int] = []
    while sum(sizes) < passages:
        sizes.append(int(min(rng.choice(lengths), passages - sum(sizes))))
    n_docs, n_authors = len(sizes), author_count(len(sizes), most_authors)
    names = sorted({f"{FIRST[i % len(FIRST)]} {LAST[(i * 7 + i // len(FIRST)) % len(LAST)]}" for i in range(n_authors)})
    doc_author = rng.integers(0, len(names), n_docs)
    doc_year = rng.choice(np.array(YEARS), n_docs)
    doc_outlet = rng.integers(0, len(OUTLETS), n_docs)
    picks = rng.integers(0, len(texts), passages)
    turns = rng.random(passages)
    in_section = rng.random(passages) < 0.3
    section_pick = rng.integers(0, max(1, len(sections)), passages)

    try:
        out.mkdir(parents=True, exist_ok=True)
        staged = {name: tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out) for name in COLUMNS}
    except OSError as exc:
        raise DataFileError(out, f"cannot be written: {exc.strerror or exc}") from None
    streams = {name: open(handle, "w", encoding="utf-8", newline="") for name, (handle, _) in staged.items()}
    writers = {name: csv.writer(stream, lineterminator="\n") for name, stream in streams.items()}
    for name, writer in writers.items():
        writer.writerow(HEADERS[name])
    counts = dict.fromkeys(COLUMNS, 0)
    try:
        k = 0
        for d, size in enumerate(sizes):
            doc_id = f"synthetic-{d + 1:06d}"
            year = int(doc_year[d])
            month, day = 1 + d % 12, 1 + d % 28
            writers["documents.csv"].writerow(
                (doc_id, "synthetic", f"Synthetic article {d + 1}", names[doc_author[d]], "", OUTLETS[doc_outlet[d]],
                 f"{year}-{month:02d}-{day:02d}", year, "", f"synthetic corpus, seed {seed}", "machine")
            )
            for position in range(1, size + 1):
                source = picks[k]
                words = texts[source].split(" ")
                turn = int(turns[k] * len(words))
                passage_id = f"{doc_id}:{position}"
                section = sections[section_pick[k]] if sections and in_section[k] else ""
                writers["passages.csv"].writerow((passage_id, doc_id, position, section, " ".join(words[turn:] + words[:turn])))
                writers["codes.csv"].writerows((passage_id, *code) for code in codes_of[source])
                writers["facts.csv"].writerows((f"{passage_id}#{n}", passage_id, *fact) for n, fact in enumerate(facts_of[source], 1))
                counts["codes.csv"] += len(codes_of[source])
                counts["facts.csv"] += len(facts_of[source])
                k += 1
        counts["documents.csv"], counts["passages.csv"] = n_docs, passages
        for stream in streams.values():
            stream.close()
        for name, (_, temp) in staged.items():
            follow_umask(temp)
            os.replace(temp, out / name)
    except BaseException:
        for stream in streams.values():
            stream.close()
        for _, temp in staged.values():
            Path(temp).unlink(missing_ok=True)
        raise
    return counts
