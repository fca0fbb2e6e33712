"""The sentence model: how likely each frame is in a sentence, read from the whole sentence.

The codebook and the frame rules see words and their near context; readers
also see tone and what a sentence is for. A transformer (all-mpnet-base-v2,
Apache-2.0: MPNet, 12 layers, 768 wide) fine-tuned on the project's hand-coded
development sentences gives, per sentence, the probability that a reader codes
each frame. ``weigh_frames`` uses it in two ways only: a frame the rules set is
dropped when the model finds it unlikely, and a frame the rules missed is added
when the model finds it likely; every other frame is the rules' own, with its words.

The forward pass is written with numpy (already a dependency through pandas),
so the app needs no deep-learning library: the weights are a NumPy archive
read without pickle. See data/models/README.md for how the model was trained.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
import time
import zipfile
from collections.abc import Callable
from contextlib import closing
from functools import lru_cache
from itertools import islice
from pathlib import Path

import numpy as np

from ..core.errors import DataFileError
from .code import Code
from .wordpiece import WordPiece

FRAMES = ("achievement", "opportunity", "challenge", "recommendation")  # the order of the model's outputs
DROP_BELOW = 0.45  # a rules frame the model gives less than this is dropped
ADD_FROM = 0.75  # a frame the model gives at least this is added where the rules did not set it
MOST_TOKENS = 96  # as trained
_LAYERS = 12
_HEADS = 12
_BUCKETS = 32  # MPNet's relative positions: 32 buckets, exact up to 8 either way, logarithmic to 128
_FAR = 128
_PADDING = 1  # MPNet's padding id; positions are numbered from it + 1, as in RoBERTa
_EPSILON = 1e-5  # MPNet's layer norm
_BATCH = 32
IN_MEMORY = 50_000  # sentences whose probabilities a process keeps at hand (about 20 MB); the store keeps them all
STALE_AFTER_DAYS = 30  # another model's or version's store not written to for this long is deleted
_STORE_NAME = re.compile(r"(?:[0-9a-f]{16}|\d+-\d+)-[\w.+-]+\.sqlite(?:-journal|-wal|-shm)?")
_REQUIRED = (
    "embeddings.word_embeddings.weight",
    "embeddings.position_embeddings.weight",
    "embeddings.LayerNorm.weight",
    "encoder.relative_attention_bias.weight",
    *(f"encoder.layer.{n}.{part}.{kind}" for n in range(_LAYERS) for part in (
        "attention.attn.q", "attention.attn.k", "attention.attn.v", "attention.attn.o", "attention.LayerNorm", "intermediate.dense",
        "output.dense", "output.LayerNorm",
    ) for kind in ("weight", "bias")),
    "head.weight",
    "head.bias",
)


def _is_dense(name: str) -> bool:
    """A weight matrix applied as ``x @ W.T`` (attention, feed-forward and head), as opposed to an embedding or a norm."""
    return name.endswith(".weight") and (name.startswith("head.") or "dense" in name or ".attn." in name)


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + np.float32(_EPSILON)) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU in its tanh form (Hendrycks & Gimpel 2016): within 1e-3 of the exact one, and a third of its cost here."""
    return 0.5 * x * (1.0 + np.tanh(np.float32(0.7978845608) * (x + np.float32(0.044715) * x * x * x)))


def _relative_buckets(width: int) -> np.ndarray:
    """MPNet's bucket of each (query, key) pair's relative position (Song et al. 2020, after T5): one half for keys
    before, one after; within each, exact distances up to 8, then logarithmic up to 128 and the last bucket beyond."""
    distance = np.arange(width)[:, None] - np.arange(width)[None, :]  # query - key: positive for a key before
    half = _BUCKETS // 2
    bucket = (distance < 0).astype(np.int64) * half
    distance = np.abs(distance)
    exact = half // 2
    far = exact + (np.log(np.maximum(distance, 1) / exact) / np.log(_FAR / exact) * (half - exact)).astype(np.int64)
    return bucket + np.where(distance < exact, distance, np.minimum(far, half - 1))


def _key(sentence: str) -> bytes:
    return hashlib.sha1(sentence.encode("utf-8")).digest()


class _Remembered:
    """Probabilities computed before, kept on disk per model (SQLite, keyed by the sentence's SHA-1).

    Re-coding a library after a restart reads them back instead of running the
    model again. The values are stored exactly as computed, so a code never
    depends on whether it came from here. Any trouble with the file (read-only
    folder, damaged database) only turns the store off: it is rebuildable.
    """

    def __init__(self, path: Path | None):
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=10)
        connection.execute("CREATE TABLE IF NOT EXISTS seen (key BLOB PRIMARY KEY, probabilities BLOB NOT NULL)")
        return connection

    def recall(self, sentences: list[str]) -> dict[str, np.ndarray]:
        if self.path is None or not sentences:
            return {}
        keys = {_key(s): s for s in sentences}
        found: dict[str, np.ndarray] = {}
        try:
            with closing(self._connect()) as connection:
                chosen = list(keys)
                for start in range(0, len(chosen), 500):
                    part = chosen[start : start + 500]
                    rows = connection.execute(f"SELECT key, probabilities FROM seen WHERE key IN ({','.join('?' * len(part))})", part)
                    for key, blob in rows:
                        if len(blob) == 4 * len(FRAMES):
                            found[keys[key]] = np.frombuffer(blob, dtype="<f4").copy()
        except (sqlite3.Error, OSError):
            self.path = None
        return found

    def keep(self, computed: dict[str, np.ndarray]) -> None:
        if self.path is None or not computed:
            return
        rows = [(_key(s), np.asarray(p, dtype="<f4").tobytes()) for s, p in computed.items()]
        try:
            with closing(self._connect()) as connection, connection:
                connection.executemany("INSERT OR REPLACE INTO seen VALUES (?, ?)", rows)
        except (sqlite3.Error, OSError):
            self.path = None


KNOWN_FILE = "known.json"  # beside the model: its probabilities for the sentences the project ships


def sentence_key(sentence: str) -> str:
    """How ``known.json`` names a sentence: the SHA-1 of its text."""
    return _key(sentence).hex()


def model_fingerprint(folder: Path) -> str | None:
    """The SHA-256 of the model's weights as ``frames.json`` records it (None if it cannot be read)."""
    try:
        return str(json.loads((Path(folder) / "frames.json").read_text(encoding="utf-8"))["sha256"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def vocabulary_fingerprint(folder: Path) -> str | None:
    """The SHA-256 of the model's ``vocab.txt`` (None if it cannot be read): the same weights read other pieces with another."""
    try:
        return hashlib.sha256((Path(folder) / "vocab.txt").read_bytes()).hexdigest()
    except OSError:
        return None


def _probability_row(values: object) -> np.ndarray | None:
    """Four finite probabilities as the model gives them, or None for anything else."""
    try:
        row = np.asarray(values, dtype=np.float32)
    except (TypeError, ValueError):
        return None
    if row.shape != (len(FRAMES),) or not np.isfinite(row).all() or (row < 0).any() or (row > 1).any():
        return None
    return row


def _shipped(folder: Path) -> dict[bytes, np.ndarray]:
    """The probabilities shipped in ``known.json`` for the bundled corpus and the hand-coded samples, computed once by
    ``packaging/remember_shipped_sentences.py`` with this very model, so a new install neither spends half a minute
    reading the bundled articles again nor depends on its CPU's last bits for their codes. A file made for other
    weights or another vocabulary, or one that cannot be read, is ignored, and so is any entry that is not four
    probabilities: the model then computes as usual."""
    weights, pieces = model_fingerprint(folder), vocabulary_fingerprint(folder)
    try:
        known = json.loads((folder / KNOWN_FILE).read_text(encoding="utf-8"))
        if weights is None or pieces is None or known.get("model_sha256") != weights or known.get("vocab_sha256") != pieces:
            return {}
        if known.get("frames") != list(FRAMES):
            return {}
        shipped = {}
        for key, values in known["probabilities"].items():
            row = _probability_row(values)
            if row is not None and len(key) == 40:
                shipped[bytes.fromhex(key)] = row
        return shipped
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


class FrameModel:
    def __init__(self, folder: Path, store: Path | None = None, shipped: bool = True):
        """The model in ``folder``; ``store``: a file to keep computed probabilities in across processes (none: memory only);
        ``shipped``: whether to use the folder's ``known.json`` (off only to compute it again)."""
        folder = Path(folder)
        weights = folder / "frames.npz"
        try:
            with np.load(weights, allow_pickle=False) as archive:
                missing = [name for name in _REQUIRED if name not in archive.files]
                if missing:
                    raise ValueError(f"it lacks {', '.join(missing[:3])}")
                # dense layers kept transposed and contiguous: x @ W.T as one matrix product
                self.w = {
                    name: np.ascontiguousarray(archive[name].astype(np.float32).T if _is_dense(name) else archive[name].astype(np.float32))
                    for name in archive.files
                }
        except FileNotFoundError:
            raise DataFileError(weights, "is missing: the sentence model cannot run") from None
        except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
            problem = "it is not a NumPy archive" if "pickle" in str(exc) else str(exc) or type(exc).__name__
            raise DataFileError(weights, f"cannot be read as the sentence model ({problem})") from None
        self.tokenizer = WordPiece(folder / "vocab.txt")
        # sentence -> probabilities, the most recently asked last: a rebuild asks again for the same sentences
        self._known: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()  # the loaded model is shared by every thread of the process
        self._store = _Remembered(store)
        self._shipped = _shipped(folder) if shipped else {}

    def probabilities(self, sentences: list[str], between: Callable[[float], None] | None = None) -> np.ndarray:
        """One row per sentence: the probability of each of ``FRAMES``."""
        asked = list(dict.fromkeys(sentences))
        with self._lock:
            found = {s: self._known[s] for s in asked if s in self._known}
        for s in asked:
            if s not in found and (shipped := self._shipped.get(_key(s))) is not None:
                found[s] = shipped
        found.update(self._store.recall([s for s in asked if s not in found]))
        new = [s for s in asked if s not in found]
        encoded = [self.tokenizer.encode(s, MOST_TOKENS) for s in new]
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))  # batches of like length pad little
        computed: dict[str, np.ndarray] = {}
        try:
            for start in range(0, len(order), _BATCH):
                if between is not None:
                    between(start / len(order))  # may raise to stop (Cancel)
                chosen = order[start : start + _BATCH]
                for i, row in zip(chosen, self._forward([encoded[i] for i in chosen])):
                    computed[new[i]] = row
        finally:  # what was computed before a Cancel is kept too
            self._store.keep(computed)
            found.update(computed)
            self._remember(found)
        return np.array([found[s] for s in sentences], dtype=np.float32).reshape(len(sentences), len(FRAMES))

    def _remember(self, found: dict[str, np.ndarray]) -> None:
        """Keep ``found`` at hand as the most recent, and forget the least recently asked beyond ``IN_MEMORY``."""
        with self._lock:
            for sentence in found:
                self._known.pop(sentence, None)
            self._known.update(found)
            for sentence in list(islice(self._known, max(0, len(self._known) - IN_MEMORY))):
                del self._known[sentence]

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        w = self.w
        width = max(len(ids) for ids in batch)
        ids = np.full((len(batch), width), _PADDING, dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.float32)
        for row, tokens in enumerate(batch):
            ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1.0
        positions = np.where(mask > 0, np.cumsum(mask, axis=1).astype(np.int64) + _PADDING, _PADDING)
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][positions]
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        hidden = x.shape[-1]
        size = hidden // _HEADS
        # one bias per head for each pair's relative position, shared by the layers; padded keys blocked
        bias = w["encoder.relative_attention_bias.weight"][_relative_buckets(width)].transpose(2, 0, 1)[None]
        bias = bias + (1.0 - mask)[:, None, None, :] * np.float32(-1e9)
        for n in range(_LAYERS):
            p = f"encoder.layer.{n}."

            def dense(name: str, v: np.ndarray) -> np.ndarray:
                weight = w[p + name + ".weight"]
                return (v.reshape(-1, v.shape[-1]) @ weight + w[p + name + ".bias"]).reshape(*v.shape[:-1], weight.shape[1])

            def heads(v: np.ndarray) -> np.ndarray:
                return v.reshape(len(batch), width, _HEADS, size).transpose(0, 2, 1, 3)

            q, k, v = (heads(dense(f"attention.attn.{name}", x)) for name in "qkv")
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size)) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(len(batch), width, hidden)
            x = _layer_norm(x + dense("attention.attn.o", context), w[p + "attention.LayerNorm.weight"], w[p + "attention.LayerNorm.bias"])
            x = _layer_norm(x + dense("output.dense", _gelu(dense("intermediate.dense", x))), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        logits = pooled @ w["head.weight"] + w["head.bias"]
        return 1.0 / (1.0 + np.exp(-logits))


def weigh_frames(codes: list[Code], probabilities: np.ndarray) -> list[Code]:
    """A text's rules codes with the model's view of each sentence's frames (row n-1 for sentence n).

    Drops a rules frame the model gives less than ``DROP_BELOW``; adds, with
    source ``model`` and no words, a frame it gives at least ``ADD_FROM`` that
    the rules did not set. Probabilities are rounded to four places first: a
    machine's last bits of arithmetic can then tip a code only for a value within
    a hair (about 1e-6) of 0.44995 or 0.74995, not anywhere near the thresholds.
    """
    rounded = np.round(probabilities.astype(np.float64), 4)
    kept = [
        c for c in codes if c.dimension != "frame" or not c.sentence or rounded[c.sentence - 1, FRAMES.index(c.code)] >= DROP_BELOW
    ]
    present = {(c.sentence, c.code) for c in codes if c.dimension == "frame"}
    added = [
        Code("frame", frame, "model", (), n)
        for n in range(1, len(rounded) + 1)
        for j, frame in enumerate(FRAMES)
        if rounded[n - 1, j] >= ADD_FROM and (n, frame) not in present
    ]
    return kept + added  # the build puts each passage's codes in order


@lru_cache(maxsize=2)
def _loaded(folder: Path, stamp: tuple[int, int]) -> FrameModel:
    from .. import __version__
    from ..paths import user_cache_dir

    fingerprint = model_fingerprint(folder)
    name = fingerprint[:16] if fingerprint else f"{stamp[0]}-{stamp[1]}"
    # one store per model and per version of the code that runs it
    store = user_cache_dir() / "sentence-model" / f"{name}-{__version__}.sqlite"
    model = FrameModel(folder, store)
    _forget_stale_stores(store)
    return model


def _forget_stale_stores(store: Path) -> None:
    """Delete the stores of other models and versions beside ``store`` that nothing has written to for
    ``STALE_AFTER_DAYS``: an upgrade leaves its predecessor's behind, while two versions in use side by side
    keep theirs. Only files named as stores are touched; a store is only a cache."""
    oldest = time.time() - STALE_AFTER_DAYS * 86400
    try:
        others = [p for p in store.parent.iterdir() if _STORE_NAME.fullmatch(p.name) and not p.name.startswith(store.name)]
    except OSError:
        return
    for other in others:
        try:
            if other.is_file() and other.stat().st_mtime < oldest:
                other.unlink()
        except OSError:
            pass


def load_frame_model(folder: Path) -> FrameModel:
    """The model in ``folder`` (data/models), read once per process while its file is unchanged; what it computes is
    kept in the user's cache folder, one store per model."""
    folder = Path(folder).resolve()
    try:
        status = (folder / "frames.npz").stat()
    except FileNotFoundError:
        raise DataFileError(folder / "frames.npz", "is missing: the sentence model cannot run") from None
    return _loaded(folder, (status.st_mtime_ns, status.st_size))


def weighed_codes(
    sentences: list[list[str]], coded: list[list[Code]], model: FrameModel, between: Callable[[float], None] | None = None
) -> list[list[Code]]:
    """Every text's rules codes, weighed sentence by sentence with the model (``weigh_frames``); ``sentences`` holds
    each text's ``sentence_texts``, as its codes number them."""
    probabilities = model.probabilities([s for parts in sentences for s in parts], between)
    weighed, at = [], 0
    for codes, parts in zip(coded, sentences):
        weighed.append(weigh_frames(codes, probabilities[at : at + len(parts)]))
        at += len(parts)
    return weighed
