"""The dataset build: reproducible, atomic, and clear about bad input."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nsp_explorer.core.errors import DataFileError
from nsp_explorer.pipeline import build as build_module
from nsp_explorer.pipeline.build import TABLE_COLUMNS, build_dataset, write_dataset


def nspx(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nsp_explorer.cli", *args], capture_output=True, text=True, timeout=120)


def test_rebuild_is_byte_identical_to_the_committed_dataset(tmp_path, data):
    result = nspx("build", "--out", str(tmp_path), "--quiet")
    assert result.returncode == 0, result.stderr
    for name in TABLE_COLUMNS:
        assert (tmp_path / name).read_bytes() == (data / "dataset" / name).read_bytes(), name


def test_two_builds_give_the_same_bytes(data):
    first, second = build_dataset(data), build_dataset(data)
    assert first.tables == second.tables


def test_dataset_has_the_contract_columns(data):
    for name, columns in TABLE_COLUMNS.items():
        header = (data / "dataset" / name).read_text(encoding="utf-8").split("\n", 1)[0]
        assert header == ",".join(columns)


@pytest.fixture
def project(tmp_path, data) -> Path:
    """A copy of the data folder with a previously built dataset beside it."""
    copy = tmp_path / "data"
    shutil.copytree(data, copy, ignore=shutil.ignore_patterns("__pycache__", "__init__.py", ".nspx-cache*"))
    return copy


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".nspx-")}  # not the folder's lock files


BAD_SOURCES = {
    "empty": (b"", "is empty"),
    "blank": (b"  \n\n ", "is empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    "latin-1": ("Caf\u00e9 culture in Jakarta and Seoul grew strongly.".encode("latin-1"), "not UTF-8"),
}


@pytest.mark.parametrize("kind", BAD_SOURCES)
def test_a_bad_corpus_file_stops_the_build_and_keeps_the_old_dataset(project, kind):
    content, reason = BAD_SOURCES[kind]
    source = project / "corpus" / "raw" / "002_5e15ad5050e471dd.txt"
    source.write_bytes(content)
    before = _snapshot(project / "dataset")
    result = nspx("build", "--data", str(project))
    assert result.returncode == 2
    assert "002_5e15ad5050e471dd.txt" in result.stderr and reason in result.stderr
    assert "Traceback" not in result.stderr
    assert _snapshot(project / "dataset") == before


def test_an_unreadable_corpus_file_is_named(project, monkeypatch):
    target = project / "corpus" / "raw" / "003_cfafe71b76665b23.txt"
    real = Path.read_bytes

    def read_bytes(self):
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(DataFileError) as error:
        build_dataset(project)
    assert error.value.path == target and "permission denied" in error.value.problem


def test_a_missing_corpus_file_and_an_unlisted_one_are_named(project):
    (project / "corpus" / "raw" / "001_e3c2f64d9e36e4fc.txt").rename(project / "corpus" / "raw" / "stray.txt")
    with pytest.raises(DataFileError) as error:
        build_dataset(project)
    assert error.value.path.name == "001_e3c2f64d9e36e4fc.txt" and "missing" in error.value.problem


def test_a_huge_corpus_file_is_refused(project, monkeypatch):
    monkeypatch.setattr("nsp_explorer.pipeline.sources.MAX_SOURCE_BYTES", 1000)
    with pytest.raises(DataFileError) as error:
        build_dataset(project)
    assert "too large" in error.value.problem


def test_a_bad_review_file_names_the_line(project):
    (project / "review.csv").write_text(
        "passage_id,dimension,code,action,reason\nlee-2019-asan:1,area,trade,add,\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError) as error:
        build_dataset(project)
    assert error.value.path.name == "review.csv" and "line 2" in error.value.problem and "reason" in error.value.problem


@pytest.mark.parametrize(
    "row, problem",
    [
        ("lee-2019-asan:1,area,space_travel,add,new area", "is not a area code"),
        ("nobody:1,area,trade,add,because", "is not in the dataset"),
        ("lee-2019-asan:1,area,trade,maybe,because", "add or remove"),
    ],
)
def test_review_rows_are_checked(project, row, problem):
    (project / "review.csv").write_text(f"passage_id,dimension,code,action,reason\n{row}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        build_dataset(project)
    assert problem in error.value.problem


def test_review_adds_and_removes_codes(project):
    (project / "review.csv").write_text(
        "unit,dimension,code,action,reason\n"
        "lee-2019-asan:1,area,korean_peninsula,remove,test\n"
        "lee-2019-asan:1,area,education,add,test\n",
        encoding="utf-8",
    )
    rows = [r for r in build_dataset(project).tables["codes.csv"] if r[0] == "lee-2019-asan:1"]
    areas = {r[3]: r[4] for r in rows if r[2] == "area"}
    assert "korean_peninsula" not in areas and areas["education"] == "reviewed"
    assert ("lee-2019-asan:1", "", "pillar", "people", "derived", "") in rows  # a passage-wide decision has no sentence


def test_review_of_one_sentence_changes_that_sentence_only(project):
    (project / "review.csv").write_text("unit,dimension,code,action,reason\n", encoding="utf-8")  # the machine's codes
    rows = build_dataset(project).tables["codes.csv"]
    pid = next(r[0] for r in rows if r[2] == "frame" and len({x[1] for x in rows if x[0] == r[0] and x[2] == "frame"}) > 1)
    frames = sorted({(r[1], r[3]) for r in rows if r[0] == pid and r[2] == "frame"})
    sentence, frame = frames[0]
    (project / "review.csv").write_text(
        f"unit,dimension,code,action,reason\n{pid}.{sentence},frame,{frame},remove,test\n{pid}.{sentence},area,migration,add,test\n",
        encoding="utf-8",
    )
    after = [r for r in build_dataset(project).tables["codes.csv"] if r[0] == pid]
    assert (sentence, frame) not in {(r[1], r[3]) for r in after if r[2] == "frame"}
    assert set(frames) - {(sentence, frame)} == {(r[1], r[3]) for r in after if r[2] == "frame"}
    assert (sentence, "area", "migration", "reviewed") in {(r[1], r[2], r[3], r[4]) for r in after}
    assert (sentence, "pillar", "people") in {(r[1], r[2], r[3]) for r in after}  # its pillar follows, in that sentence


def test_a_review_naming_a_sentence_the_passage_lacks_is_refused(project):
    (project / "review.csv").write_text("unit,dimension,code,action,reason\nlee-2019-asan:1.99,area,trade,add,x\n", encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        build_dataset(project)
    assert "line 2" in error.value.problem and "not 99" in error.value.problem


def test_rows_come_in_passage_then_sentence_order_and_documents_say_how_they_were_coded(project):
    dataset = build_dataset(project)
    order = [p[0] for p in dataset.tables["passages.csv"]]
    keys = [(order.index(r[0]), int(r[1] or 0)) for r in dataset.tables["codes.csv"]]
    assert keys == sorted(keys)
    assert {r[-1] for r in dataset.tables["documents.csv"]} == {"reviewed"}  # every passage is in checked.csv
    (project / "checked.csv").write_text("passage_id,reason\nlee-2019-asan:1,read\n", encoding="utf-8")
    documents = build_dataset(project).tables["documents.csv"]
    assert {r[0]: r[-1] for r in documents}["lee-2019-asan"] == "machine"  # one passage checked is not the document


def test_review_from_gold_turns_the_machine_codes_into_the_gold(project):
    from nsp_explorer.pipeline.build import code_corpus
    from nsp_explorer.pipeline.review_from_gold import write_review_from_gold

    coding = code_corpus(project)
    first = coding.passages[0]
    gold = ["sentence_id,frames,areas,partners,note"]
    wanted = {}
    for passage in coding.passages:
        if passage.doc_id != first.doc_id:
            continue
        for n in range(1, len(coding.sentences[passage.passage_id]) + 1):
            codes = {d: sorted({c.code for c in coding.machine[passage.passage_id] if c.sentence == n and c.dimension == d})
                     for d in ("frame", "area", "partner")}
            if n == 1:
                codes = {"frame": ["challenge"], "area": ["migration"], "partner": []}
            wanted[(passage.passage_id, str(n))] = codes
            gold.append(f"{passage.passage_id}.{n},{';'.join(codes['frame'])},{';'.join(codes['area'])},{';'.join(codes['partner'])},")
    (project / "gold.csv").write_text("\n".join(gold) + "\n", encoding="utf-8")
    decisions, checked = write_review_from_gold(project, project / "gold.csv")
    assert decisions > 0 and checked == len({k[0] for k in wanted})
    dataset = build_dataset(project)
    for (pid, n), codes in wanted.items():
        for dimension in ("frame", "area", "partner"):
            got = sorted(r[3] for r in dataset.tables["codes.csv"] if r[0] == pid and r[1] == n and r[2] == dimension)
            assert got == codes[dimension], (pid, n, dimension)
    coding_of = {r[0]: r[-1] for r in dataset.tables["documents.csv"]}
    assert coding_of[first.doc_id] == "reviewed" and list(coding_of.values()).count("reviewed") == 1
    corpus_rows = [r for r in dataset.tables["agreement.csv"] if r[0] == "corpus"]
    assert {r[1] for r in corpus_rows} == {"sentence", "passage"} and any(r[4] != "1.000" for r in corpus_rows)


def test_a_failed_write_leaves_the_previous_dataset_and_no_temporary_files(project, monkeypatch):
    dataset = build_dataset(project)
    before = _snapshot(project / "dataset")
    calls = {"n": 0}
    real_fsync = os.fsync

    def full_disk(fd):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(build_module.os, "fsync", full_disk)
    with pytest.raises(DataFileError) as error:
        write_dataset(dataset, project / "dataset")
    assert "No space left on device" in error.value.problem
    assert _snapshot(project / "dataset") == before


def test_an_output_path_that_is_a_file_is_reported(tmp_path, data):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("mine", encoding="utf-8")
    result = nspx("build", "--out", str(blocker / "dataset"), "--quiet")
    assert result.returncode == 2 and "not-a-folder" in result.stderr and "Traceback" not in result.stderr
    assert blocker.read_text(encoding="utf-8") == "mine"


def test_eval_prints_scores_per_dimension():
    result = nspx("eval", "--gold", str(Path(__file__).parents[1] / "data" / "gold" / "sentences.csv"))
    assert result.returncode == 0
    for dimension in ("pillar", "area", "frame", "partner", "alpha"):
        assert dimension in result.stdout


def test_eval_without_a_sample_scores_the_corpus_and_every_hand_coded_sample():
    """The README's `nspx eval` (no --gold): the recorded real-page figures beside the samples are not a sample."""
    gold = Path(__file__).parents[1] / "data" / "gold"
    result = nspx("eval")
    assert result.returncode == 0, result.stderr
    assert "reviewed corpus, 525 sentences" in result.stdout
    figures = ("heldout_pages.csv", "readers_pages.csv")
    samples = sorted(p.name for p in gold.glob("*.csv") if p.name not in figures)
    assert len(samples) >= 6
    assert not any(f"against {name}" in result.stdout for name in figures)
    for name in samples:
        assert f"against {name} (" in result.stdout


def test_agreement_has_heldout_rows_once_the_heldout_sample_exists(project):
    from nsp_explorer.pipeline.agreement_table import AGREEMENT_COLUMNS

    (project / "gold" / "heldout_2026b.csv").unlink()
    before = build_dataset(project).tables["agreement.csv"]
    assert {r[0] for r in before} == {"corpus", "pages", "readers"}  # no held-out sample: no held-out rows, nothing invented
    shutil.copy(project / "gold" / "heldout3.csv", project / "gold" / "heldout_2026b.csv")
    rows = build_dataset(project).tables["agreement.csv"]
    heldout = {r[2]: dict(zip(AGREEMENT_COLUMNS, r)) for r in rows if r[0] == "heldout"}
    assert set(heldout) == {"pillar", "area", "frame", "partner"}
    assert all(row["level"] == "sentence" and row["units"] == "20" for row in heldout.values())
    assert 0 < float(heldout["area"]["precision"]) <= 1 and heldout["area"]["alpha"]


def test_the_corpus_sentence_splits_never_change(data):
    """Review decisions name sentences by number: the splitter's output on the bundled corpus is fixed."""
    import csv
    import hashlib
    import io

    from nsp_explorer.pipeline.sentences import sentence_spans

    passages = (data / "dataset" / "passages.csv").read_text(encoding="utf-8")
    spans = [(row["passage_id"], sentence_spans(row["text"])) for row in csv.DictReader(io.StringIO(passages))]
    assert sum(len(s) for _, s in spans) == 525
    assert hashlib.sha256(repr(spans).encode()).hexdigest()[:16] == "14bb698a1ede13a2"


def test_nspx_review_from_gold_writes_the_review_and_checked_files(project):
    passages = (project / "dataset" / "passages.csv").read_text(encoding="utf-8")
    first = passages.split("\n")[1].split(",")[0]
    (project / "gold.csv").write_text(f"sentence_id,frames,areas,partners,note\n{first}.1,challenge,migration,,the first sentence\n", encoding="utf-8")
    result = nspx("review-from-gold", str(project / "gold.csv"), "--data", str(project))
    assert result.returncode == 0, result.stderr
    review = (project / "review.csv").read_text(encoding="utf-8").splitlines()
    assert review[0] == "unit,dimension,code,action,reason,words"
    assert any(line.startswith(f"{first}.1,area,migration,add,the first sentence,") and len(line) > 80 for line in review)  # with its words
    assert (project / "checked.csv").read_text(encoding="utf-8").splitlines()[0] == "passage_id,reason"
    bad = nspx("review-from-gold", str(project / "review.csv"), "--data", str(project))
    assert bad.returncode == 2 and "sentence_id,frames,areas,partners,note" in bad.stderr
