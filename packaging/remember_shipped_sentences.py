"""Compute the sentence model's probabilities for every sentence the project ships and write data/models/known.json.

The sentences are those of the bundled corpus (as the build divides them) and of the hand-coded samples in
data/gold. With the file in place a new install, a build and ``nspx eval`` read them instead of running the
model (about 45 ms a sentence on two cores), and the shipped dataset's codes no longer depend on the last
bits of the CPU that rebuilds it. Run it again after the model, the corpus, the cleaning or the sentence
splitting change; a test says when the file no longer covers the bundled corpus.

    python packaging/remember_shipped_sentences.py [--data data]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

from nsp_explorer.pipeline.build import code_corpus
from nsp_explorer.pipeline.agreement_table import FIGURE_FILES
from nsp_explorer.pipeline.evaluate import load_gold
from nsp_explorer.pipeline.frame_model import FRAMES, KNOWN_FILE, FrameModel, model_fingerprint, sentence_key, vocabulary_fingerprint
from nsp_explorer.pipeline.sentences import sentence_texts


def shipped_sentences(data: Path) -> list[str]:
    coding = code_corpus(data)
    sentences = [s for parts in coding.sentences.values() for s in parts]
    for sample in sorted((data / "gold").glob("*.csv")):
        if sample.name in FIGURE_FILES:  # figures, not sentences
            continue
        sentences += [s for gold in load_gold(sample, coding.taxonomy) for s in sentence_texts(gold.sentence)]
    return list(dict.fromkeys(sentences))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("data"))
    args = parser.parse_args()
    folder = args.data / "models"
    weights, pieces = model_fingerprint(folder), vocabulary_fingerprint(folder)
    if weights is None or pieces is None:
        raise SystemExit(f"{folder}: frames.json (with the weights' sha256) and vocab.txt are needed to name the model")
    sentences = shipped_sentences(args.data)
    model = FrameModel(folder, shipped=False)  # computed afresh, never read back from an earlier known.json
    computed = model.probabilities(sentences, lambda done: print(f"\r{done:.0%}", end="", flush=True))
    rows = sorted((sentence_key(s), [float(v) for v in row]) for s, row in zip(sentences, computed))
    entries = ",\n".join(f"{json.dumps(key)}: {json.dumps(values)}" for key, values in rows)
    # one sentence a line, so that a change reads as a diff; the last line closes "probabilities" and the whole object
    text = (
        "{\n"
        f'"model_sha256": {json.dumps(weights)},\n'
        f'"vocab_sha256": {json.dumps(pieces)},\n'
        f'"frames": {json.dumps(list(FRAMES))},\n'
        '"probabilities": {\n' + entries + "\n}}\n"
    )
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, folder / KNOWN_FILE)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    print(f"\n{len(sentences)} sentences -> {folder / KNOWN_FILE}")


if __name__ == "__main__":
    main()
