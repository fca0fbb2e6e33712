"""The sentence model that weighs the frame rules (pipeline/frame_model.py, data/models/README.md)."""

from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
import time

import numpy as np
import pytest

from nsp_explorer.core.errors import DataFileError
from nsp_explorer.pipeline.code import Code, code_text
from nsp_explorer.pipeline.frame_model import ADD_FROM, DROP_BELOW, FRAMES, FrameModel, load_frame_model, sentence_key, weigh_frames, weighed_codes
from nsp_explorer.pipeline.sentences import sentence_texts
from nsp_explorer.pipeline.wordpiece import WordPiece


def frame_codes(text, codebook, taxonomy, model) -> list:
    """The frame codes of a one-sentence text, as the build codes it."""
    (codes,) = weighed_codes([sentence_texts(text)], [code_text(text, codebook, taxonomy)], model)
    return [c for c in codes if c.dimension == "frame"]


def frames_of(text, codebook, taxonomy, model) -> dict[str, str]:
    """frame -> source, for a one-sentence text, as the build codes it."""
    return {c.code: c.source for c in frame_codes(text, codebook, taxonomy, model)}


@pytest.mark.parametrize(
    "sentence, frame",
    [
        ("Korean dramas now top the streaming charts in the Philippines.", "achievement"),
        ("Piracy in the Malacca Strait endangers Korean shipping.", "challenge"),
        ("Smog from forest fires chokes the region every dry season.", "challenge"),
    ],
)
def test_a_frame_no_cue_word_names_is_added_by_the_model(sentence, frame, codebook, taxonomy, model):
    assert frame not in {c.code for c in code_text(sentence, codebook, taxonomy) if c.dimension == "frame"}  # the rules miss it
    assert frames_of(sentence, codebook, taxonomy, model)[frame] == "model"


@pytest.mark.parametrize(
    "sentence, frame",
    [
        ("The festival, titled 'New Opportunities', drew crowds in Hanoi.", "opportunity"),  # a title's word, not a prospect
        ("Korea has potential to grow its presence in the region, critics say, but progress has been slow.", "achievement"),
    ],
)
def test_a_cue_word_the_sentence_does_not_mean_is_dropped(sentence, frame, codebook, taxonomy, model):
    assert frame in {c.code for c in code_text(sentence, codebook, taxonomy) if c.dimension == "frame"}  # the rules fire
    assert frame not in frames_of(sentence, codebook, taxonomy, model)


def test_frames_the_model_agrees_with_keep_their_words(codebook, taxonomy, model):
    (advice,) = frame_codes("Seoul should expand scholarships for young ASEAN civil servants.", codebook, taxonomy, model)
    assert advice.code == "recommendation" and advice.source == "lexicon" and advice.evidence == ("should",)


def test_weighing_drops_below_the_drop_threshold_adds_from_the_add_threshold_and_keeps_the_rest():
    codes = [
        Code("frame", "achievement", "lexicon", ("progress",), 1),
        Code("frame", "opportunity", "lexicon", ("could",), 1),
        Code("area", "trade", "lexicon", ("trade",), 1),
        Code("frame", "challenge", "lexicon", ("risk",), 2),
    ]
    probabilities = np.array([[0.44994, 0.45, 0.75, 0.74994], [0.6, 0.0, 0.25, 0.0]], dtype=np.float32)
    assert (DROP_BELOW, ADD_FROM) == (0.45, 0.75)  # the edges this test is written around
    weighed = weigh_frames(codes, probabilities)
    kept = {(c.sentence, c.code, c.source) for c in weighed}
    assert (1, "achievement", "lexicon") not in kept  # 0.44994 rounds to 0.4499: below 0.45
    assert (1, "opportunity", "lexicon") in kept and (1, "trade", "lexicon") in kept
    assert (1, "challenge", "model") in kept and (1, "recommendation", "model") not in kept  # 0.74994 rounds to 0.7499
    assert (2, "challenge", "lexicon") not in kept and not any(c.sentence == 2 and c.source == "model" for c in weighed)
    assert [c.evidence for c in weighed if c.source == "model"] == [()]


def test_a_sentence_reads_the_same_alone_and_in_a_batch_of_longer_ones(data):
    fresh = FrameModel(data / "models")  # nothing remembered
    short = "Trade grew."
    alone = fresh.probabilities([short])[0]
    again = FrameModel(data / "models")
    batch = again.probabilities([short, "Korea and ASEAN " * 20 + "signed a long agreement on many matters of common concern."])
    assert np.allclose(alone, batch[0], atol=1e-5)  # padding is masked out


def test_the_tokenizer_is_mpnets_uncased_wordpiece(data):
    pieces = WordPiece(data / "models" / "vocab.txt")
    words = {n: w for w, n in pieces.ids.items()}
    decode = lambda text: [words[n] for n in pieces.encode(text, 96)]  # noqa: E731
    assert decode("Korea's exports grew.") == ["<s>", "korea", "'", "s", "exports", "grew", ".", "</s>"]
    assert pieces.encode("Korea's exports grew.", 96) == [0, 4424, 1009, 1059, 14342, 3477, 1016, 2]  # as the model's own tokenizer
    assert decode("Việt Nam") == ["<s>", "viet", "nam", "</s>"]  # lower case, no accents
    assert decode("中国") == ["<s>", "中", "国", "</s>"]  # each CJK character a word
    assert decode("Nguyễn Phú Trọng") == ["<s>", "nguyen", "ph", "##u", "tr", "##ong", "</s>"]  # pieces inside a word
    assert decode("x" * 101) == ["<s>", "[UNK]", "</s>"]
    assert len(pieces.encode("word " * 500, 96)) == 96 and pieces.encode("word " * 500, 96)[-1] == pieces.last


def test_the_model_file_is_the_one_its_description_names(data):
    """frames.json is what the library's fingerprint reads: it must change whenever the weights do."""
    about = json.loads((data / "models" / "frames.json").read_text(encoding="utf-8"))
    assert about["sha256"] == hashlib.sha256((data / "models" / "frames.npz").read_bytes()).hexdigest()
    assert about["frames"] == list(FRAMES)
    assert not any(name.startswith("heldout_2026b") for name in about["trained_on"])  # the held-out sample stays held out


def test_a_damaged_model_file_is_named(tmp_path, data):
    (tmp_path / "frames.npz").write_bytes(b"not an archive")
    (tmp_path / "vocab.txt").write_text((data / "models" / "vocab.txt").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(DataFileError, match="frames.npz"):
        FrameModel(tmp_path)
    with pytest.raises(DataFileError, match="is missing"):
        load_frame_model(tmp_path / "nowhere")


def test_what_the_model_computed_is_read_back_by_the_next_process_exactly(tmp_path, data):
    store = tmp_path / "store.sqlite"
    sentences = ["Korea's exports to Vietnam doubled.", "Piracy endangers shipping.", "Korea's exports to Vietnam doubled."]
    first = FrameModel(data / "models", store).probabilities(sentences)
    later = FrameModel(data / "models", store)
    later._forward = lambda batch: pytest.fail("computed again")  # every sentence must come from the store
    assert (later.probabilities(sentences) == first).all()


def test_a_damaged_store_is_ignored_and_the_codes_are_the_same(tmp_path, data):
    store = tmp_path / "store.sqlite"
    store.write_bytes(b"this is not a database")
    sentences = ["Korea's exports to Vietnam doubled."]
    assert (FrameModel(data / "models", store).probabilities(sentences) == FrameModel(data / "models").probabilities(sentences)).all()


def test_a_long_session_keeps_only_the_latest_sentences_in_memory_and_reads_the_rest_from_the_store(tmp_path, data, monkeypatch):
    monkeypatch.setattr("nsp_explorer.pipeline.frame_model.IN_MEMORY", 3)
    model = FrameModel(data / "models", tmp_path / "store.sqlite")
    sentences = [f"Korea opened {n} new schools in Laos." for n in range(5)]
    first = model.probabilities(sentences)
    assert list(model._known) == sentences[2:]  # the three asked last
    model._forward = lambda batch: pytest.fail("computed again")  # the forgotten two come back from the store
    assert (model.probabilities(sentences) == first).all()
    assert len(model._known) == 3


def test_an_upgrade_removes_the_stores_nothing_has_used_for_a_month_and_nothing_else(tmp_path, data, monkeypatch):
    monkeypatch.setenv("NSP_EXPLORER_CACHE_DIR", str(tmp_path))
    folder = tmp_path / "sentence-model"
    folder.mkdir()
    stale = [folder / "0123456789abcdef-0.9.0.sqlite", folder / "0123456789abcdef-0.9.0.sqlite-journal"]
    kept = [folder / "fedcba9876543210-0.9.1.sqlite", folder / "notes.sqlite", folder / "mine.txt"]  # in use; not stores
    month_ago = time.time() - 31 * 86400
    for path in stale + kept:
        path.write_bytes(b"something")
        os.utime(path, (month_ago, month_ago))
    os.utime(kept[0])  # another version, written to just now
    os.utime(kept[1], (month_ago, month_ago))
    models = tmp_path / "models"  # a copy, so that this load is not one the process has already made
    models.mkdir()
    for name in ("frames.npz", "vocab.txt", "frames.json"):
        (models / name).write_bytes((data / "models" / name).read_bytes())
    model = load_frame_model(models)
    model.probabilities(["Korea's exports to Vietnam doubled."])
    assert not any(path.exists() for path in stale)
    assert all(path.exists() for path in kept)
    assert model._store.path.exists()


def test_what_was_computed_before_a_cancel_is_kept(tmp_path, data):
    model = FrameModel(data / "models", tmp_path / "store.sqlite")
    sentences = [f"Korea opened {n} new schools in Laos." for n in range(40)]  # two batches

    def cancel_after_the_first_batch(done):
        if done > 0:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        model.probabilities(sentences, cancel_after_the_first_batch)
    assert len(model._known) == 32
    calls = []
    forward = model._forward
    model._forward = lambda batch: calls.append(len(batch)) or forward(batch)
    model.probabilities(sentences)
    assert calls == [8]  # only the rest is computed


def test_threads_sharing_the_model_each_get_their_own_sentences(data, monkeypatch):
    monkeypatch.setattr("nsp_explorer.pipeline.frame_model.IN_MEMORY", 1000)
    model = FrameModel(data / "models")
    # a stand-in for the network, cheap and exact: each sentence's row follows from its length
    model._forward = lambda batch: np.array([[len(ids) / 100.0] * len(FRAMES) for ids in batch], dtype=np.float32)
    problems = []

    def ask(seed):
        rng = np.random.default_rng(seed)
        try:
            for _ in range(60):
                sentences = [f"Korea opened {int(n)} schools." for n in rng.integers(0, 3000, 400)]
                want = np.array([[len(model.tokenizer.encode(s, 96)) / 100.0] * len(FRAMES) for s in sentences], dtype=np.float32)
                assert (model.probabilities(sentences) == want).all()
        except Exception as exc:  # noqa: BLE001 - any failure in a thread is the test's failure
            problems.append(repr(exc))

    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads change places as often as they can
    try:
        threads = [threading.Thread(target=ask, args=(seed,)) for seed in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(before)
    assert problems == []


@pytest.fixture(scope="module")
def shipped_sentences(data):
    """The packaging script's own list of the sentences the project ships (the script is not part of the app)."""
    import importlib.util

    script = data.parent / "packaging" / "remember_shipped_sentences.py"
    spec = importlib.util.spec_from_file_location("remember_shipped_sentences", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.shipped_sentences(data)


def test_the_shipped_probabilities_cover_every_bundled_and_hand_coded_sentence_for_this_model(data, shipped_sentences):
    """A new install reads the bundled articles without running the model; a changed corpus, splitter or model
    needs packaging/remember_shipped_sentences.py again, and this test says so."""
    known = json.loads((data / "models" / "known.json").read_text(encoding="utf-8"))
    assert known["model_sha256"] == json.loads((data / "models" / "frames.json").read_text(encoding="utf-8"))["sha256"]
    assert known["vocab_sha256"] == hashlib.sha256((data / "models" / "vocab.txt").read_bytes()).hexdigest()
    missing = [s for s in shipped_sentences if sentence_key(s) not in known["probabilities"]]
    assert not missing, f"{len(missing)} sentences lack shipped probabilities, e.g. {missing[0]!r}: run packaging/remember_shipped_sentences.py"
    reading = FrameModel(data / "models")
    reading._forward = lambda batch: pytest.fail("the model ran on a shipped sentence")
    assert reading.probabilities(shipped_sentences).shape == (len(shipped_sentences), len(FRAMES))


def test_the_shipped_probabilities_are_what_the_model_computes(data, shipped_sentences):
    by_key = {sentence_key(s): s for s in shipped_sentences}
    known = json.loads((data / "models" / "known.json").read_text(encoding="utf-8"))["probabilities"]
    chosen = [by_key[key] for key in sorted(known)[:: max(1, len(known) // 6)] if key in by_key]  # half a dozen, spread out
    assert len(chosen) >= 6
    shipped = FrameModel(data / "models").probabilities(chosen)
    computing = FrameModel(data / "models", shipped=False)
    batches = []
    forward = computing._forward
    computing._forward = lambda batch: batches.append(len(batch)) or forward(batch)
    computed = computing.probabilities(chosen)
    assert sum(batches) == len(chosen)  # computed, not read
    assert np.allclose(shipped, computed, atol=1e-5)  # another CPU's last bits may differ: the codes round them away


@pytest.mark.parametrize(
    "damage", ["another model", "another vocabulary", "not json", "no probabilities", "a row of another shape", "NaN", "no frames.json"]
)
def test_shipped_probabilities_of_another_model_or_a_damaged_file_are_ignored(tmp_path, data, shipped_sentences, damage):
    for name in ("frames.npz", "frames.json", "vocab.txt"):
        if not (damage == "no frames.json" and name == "frames.json"):
            (tmp_path / name).symlink_to(data / "models" / name)
    known = json.loads((data / "models" / "known.json").read_text(encoding="utf-8"))
    key = sorted(known["probabilities"])[0]
    sentence = {sentence_key(s): s for s in shipped_sentences}[key]
    known["probabilities"][key] = [0.99, 0.99, 0.99, 0.99]  # what this copy would say, were it believed
    other = sorted(known["probabilities"])[1]
    if damage == "another model":
        known["model_sha256"] = "0" * 64
    elif damage == "another vocabulary":
        known["vocab_sha256"] = "0" * 64
    elif damage == "a row of another shape":
        known["probabilities"][key] = [[0.99], [0.99], [0.99], [0.99]]
    elif damage == "NaN":
        known["probabilities"][key] = [float("nan"), 0.99, 0.99, 0.99]
    text = json.dumps(known)
    if damage == "not json":
        text = text[:-40]
    elif damage == "no probabilities":
        text = json.dumps({**known, "probabilities": 3})
    (tmp_path / "known.json").write_text(text, encoding="utf-8")
    expected = FrameModel(data / "models", shipped=False).probabilities([sentence, {sentence_key(s): s for s in shipped_sentences}[other]])
    found = FrameModel(tmp_path).probabilities([sentence, {sentence_key(s): s for s in shipped_sentences}[other]])
    assert np.allclose(found, expected, atol=1e-5)  # the bad row ignored, the rest of a good file still used
