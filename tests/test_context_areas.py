"""Areas a sentence takes from the sentences around it (pipeline/context_areas.py, data/models/context.json)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from nsp_explorer.core.errors import DataFileError
from nsp_explorer.pipeline.code import Code
from nsp_explorer.pipeline.context_areas import FEATURES, WINDOW, ContextModel, context_areas, load_context_model, with_context_areas
from nsp_explorer.pipeline.evaluate import machine_coding


@pytest.fixture(scope="module")
def context(data):
    return load_context_model(data / "models")


def taken(own: list[set[str]], context: ContextModel, framed=None, texts=None) -> set[tuple[int, str]]:
    n = len(own)
    return set(context_areas([frozenset(a) for a in own], framed or [False] * n, [False] * n, texts or ["A sentence of about twelve words that says something plain here."] * n, context))


def test_a_sentence_between_two_on_an_area_takes_it(context):
    assert (1, "migration") in taken([{"migration"}, set(), {"migration"}], context)


def test_an_area_is_not_passed_on_from_a_sentence_that_only_took_it(context):
    """Only a sentence's own words make it a carrier: neither an area it took from context nor one a reader added."""
    words = ["One sentence here with a dozen words or so in it, plainly."]
    carried = [Code("area", "migration", "lexicon", ("migrants",), 1)]
    coded = [carried, [], carried, [Code("area", "migration", "context", (), 1)], [Code("area", "migration", "reviewed", (), 1)], [], []]
    result = with_context_areas(coded, [words] * len(coded), ["a"] * len(coded), context)
    taken_by = {t for t, codes in enumerate(result) if any(c.source == "context" for c in codes[len(coded[t]) :])}  # appended
    lexicon_only = with_context_areas([carried, [], carried, [], [], [], []], [words] * len(coded), ["a"] * len(coded), context)
    assert taken_by == {t for t, codes in enumerate(lexicon_only) for c in codes if c.source == "context"}  # the same as without them


def test_an_area_from_context_goes_only_when_a_reader_took_it_off_every_carrier(context):
    words = ["One sentence here with a dozen words or so in it, plainly."]
    carried = [Code("area", "migration", "lexicon", ("migrants",), 1)]
    coded = [carried, [], carried]

    def middle(removed):
        result = with_context_areas(coded, [words] * 3, ["a"] * 3, context, frozenset(removed))
        return [c.code for c in result[1] if c.source == "context"]

    assert middle([]) == ["migration"]
    assert middle([(0, 1, "migration")]) == ["migration"]  # the sentence after still names it
    assert middle([(0, 1, "migration"), (2, 0, "migration")]) == []  # off both: the whole of the third text
    assert middle([(0, 1, "trade"), (2, 1, "culture")]) == ["migration"]  # other areas' removals change nothing


def test_a_users_removal_of_an_area_reaches_the_sentences_that_took_it(data, tmp_path):
    """Built as the library builds: a reader takes an area off the sentences that carried it, and the neighbour that
    took it from them loses it too."""
    from nsp_explorer.pipeline.build import code_corpus
    from nsp_explorer.pipeline.review import REVIEW_COLUMNS, sentence_id

    coding = code_corpus(data, project_review=False)
    order = [(p.passage_id, p.doc_id, n) for p in coding.passages for n in range(1, len(coding.sentences[p.passage_id]) + 1)]
    at = {(pid, n): i for i, (pid, _, n) in enumerate(order)}
    pid, number, area = next((p, c.sentence, c.code) for p, codes in coding.machine.items() for c in codes if c.source == "context")
    i = at[(pid, number)]
    carriers = [
        order[j] for j in range(max(0, i - WINDOW), i + WINDOW + 1)
        if j != i and j < len(order) and order[j][1] == order[i][1]
        and any(c.code == area and c.source == "lexicon" and c.sentence == order[j][2] for c in coding.machine[order[j][0]])
    ]
    review = tmp_path / "review.csv"
    with review.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(REVIEW_COLUMNS)
        for carrier, _, n in carriers:
            writer.writerow([sentence_id(carrier, n), "area", area, "remove", "not about it", coding.sentences[carrier][n - 1]])
    after = code_corpus(data, project_review=False, user_review=review)
    assert carriers and not any(c.code == area and c.sentence == number for c in after.final[pid])
    assert any(c.code == area and c.sentence == number for c in after.machine[pid])  # the machine's coding is the machine's


def test_a_sentence_with_an_area_of_its_own_does_not_take_a_far_neighbours(context):
    assert taken([{"trade"}, set(), set(), {"culture"}], context) & {(3, "trade")} == set()


def test_a_document_does_not_lend_its_areas_to_the_next(context):
    def codes(area):
        return [Code("area", area, "lexicon", ("word",), 1)] if area else []

    coded = [codes("migration"), codes(None), codes("migration"), codes(None), codes(None)]
    sentences = [["One sentence here with a dozen words or so in it, plainly."]] * 5
    result = with_context_areas(coded, sentences, ["a", "a", "a", "b", "b"], context)
    added = [(t, c.code, c.source, c.evidence) for t, codes in enumerate(result) for c in codes if c.source == "context"]
    assert added == [(1, "migration", "context", ())]  # the sentence between the two; nothing in document b


def test_a_sample_of_page_runs_read_in_context_gains_the_paragraphs_area(codebook, taxonomy, model, context):
    sentences = [
        "Thousands of migrant workers from Cambodia work on South Korean farms under the Employment Permit System.",
        "Many live in makeshift housing far from any town.",
        "Human rights groups say migrant workers are often denied their wages.",
    ]
    alone = machine_coding(sentences, codebook, taxonomy, model)["area"]
    read_there = machine_coding(sentences, codebook, taxonomy, model, (context, ["p1"] * 3))["area"]
    assert "migration" in alone[0] and "migration" in alone[2] and "migration" not in alone[1]
    assert "migration" in read_there[1]
    assert machine_coding(sentences, codebook, taxonomy, model, (context, ["p1", "p2", "p3"]))["area"] == alone  # each its own page


@pytest.mark.parametrize(
    "change, problem",
    [
        (lambda spec: spec.pop("weights"), "cannot be read"),
        (lambda spec: spec["weights"].__setitem__(2, float("nan")), "finite weights"),
        (lambda spec: spec["weights"].pop(), "finite weights"),
        (lambda spec: spec.__setitem__("threshold", 1.5), "between 0 and 1"),
        (lambda spec: spec["features"].reverse(), "other features"),
        (lambda spec: spec.__setitem__("window", WINDOW + 1), "another window"),
    ],
)
def test_a_broken_context_model_is_refused_by_name(data, tmp_path, change, problem):
    spec = json.loads((data / "models" / "context.json").read_text(encoding="utf-8"))
    change(spec)
    (tmp_path / "context.json").write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(DataFileError, match=problem) as error:
        load_context_model(tmp_path)
    assert "context.json" in str(error.value)


def test_a_missing_context_model_is_named(tmp_path):
    with pytest.raises(DataFileError, match="context.json.*missing"):
        load_context_model(tmp_path)


def test_the_shipped_model_has_a_weight_for_every_feature_and_says_what_it_was_fitted_on(data, context):
    spec = json.loads((data / "models" / "context.json").read_text(encoding="utf-8"))
    assert len(context.weights) == len(FEATURES) and 0 < context.threshold < 1
    assert sum(spec["fitted_on"].values()) > 500 and spec["made_by"] == "packaging/fit_context_areas.py"


def test_the_bundled_dataset_marks_areas_taken_from_context_and_keeps_them_only_where_readers_did(data):
    """The five articles' codes are the reviewed coding: an area the context gave that the readers did not is removed."""
    with (data / "coding" / "reviewed.csv").open(encoding="utf-8", newline="") as handle:
        reviewed = {row["sentence_id"]: set(filter(None, row["areas"].split(";"))) for row in csv.DictReader(handle)}
    with (data / "dataset" / "codes.csv").open(encoding="utf-8", newline="") as handle:
        from_context = [row for row in csv.DictReader(handle) if row["source"] == "context"]
    assert from_context  # the readers kept some
    assert all(row["dimension"] == "area" and row["evidence"] == "" for row in from_context)
    assert all(row["code"] in reviewed[f"{row['passage_id']}.{row['sentence']}"] for row in from_context)


def _eval(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nsp_explorer.cli", "eval", *args], capture_output=True, text=True, timeout=300)


def test_eval_reads_in_context_only_a_sample_of_page_runs(data, tmp_path):
    run = _eval("--in-context")
    assert run.returncode != 0 and "--in-context needs" in run.stderr
    sample = tmp_path / "runs.csv"
    sample.write_text(
        "doc_id,sentence,pillar,area,frame,partner\n"
        "p1,Thousands of migrant workers from Cambodia work on South Korean farms under the Employment Permit System.,people,migration,,cambodia\n"
        "p1,Many live in makeshift housing far from any town.,people,migration,challenge,\n"
        "p1,Human rights groups say migrant workers are often denied their wages.,people,migration;human_rights,challenge,\n",
        encoding="utf-8",
    )
    alone, read_there = _eval("--gold", str(sample)), _eval("--gold", str(sample), "--in-context")
    assert "each read on its own" in alone.stdout and "read in their documents" in read_there.stdout

    def area_recall(report: str) -> float:
        return float(next(line.split()[2] for line in report.splitlines() if line.startswith("area ")))

    assert area_recall(read_there.stdout) > area_recall(alone.stdout)


def test_eval_refuses_a_document_whose_rows_are_not_one_run(tmp_path):
    sample = tmp_path / "runs.csv"
    sample.write_text(
        "doc_id,sentence,pillar,area,frame,partner\np1,First.,,,,\np2,Second.,,,,\np1,Third.,,,,\n", encoding="utf-8"
    )
    run = _eval("--gold", str(sample), "--in-context")
    assert run.returncode != 0 and "runs.csv" in run.stderr and "line 4" in run.stderr and "p1" in run.stderr


def test_the_reading_pane_says_which_areas_came_from_the_sentences_around(qtbot, data, taxonomy):
    from nsp_explorer.core.coded import code_passages
    from nsp_explorer.core.dataset import load_dataset
    from nsp_explorer.gui.passages import ReadingPane
    from nsp_explorer.gui.state import FilterState

    coded = code_passages(load_dataset(data / "dataset", taxonomy), taxonomy)
    with (data / "dataset" / "codes.csv").open(encoding="utf-8", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["source"] == "context")
    state = FilterState()
    pane = ReadingPane(coded, state)
    qtbot.addWidget(pane)
    # a paragraph's chip: an area only its neighbours' words set (in the five articles a paragraph's own words always set it too)
    assert "Trade (from the sentences around)" in pane.code_labels([("area", "trade", "context", "")])
    documents = coded.documents.set_index("doc_id")
    author = documents.loc[row["passage_id"].rsplit(":", 1)[0], "author"]
    pane.show_sentences(state.state, author, row["code"])
    listed = pane.browser.toPlainText()
    assert "is on it through the sentences around it" in listed
    assert f"sentence {row['sentence']} ↕" in listed


def test_a_new_context_model_has_the_library_coded_again(data, tmp_path):
    import shutil

    from nsp_explorer.pipeline.library import coding_fingerprint

    copy = tmp_path / "data"
    shutil.copytree(data, copy, ignore=shutil.ignore_patterns("frames.npz", "known.json", "raw"))
    before = coding_fingerprint(copy)
    context = copy / "models" / "context.json"
    spec = json.loads(context.read_text(encoding="utf-8"))
    spec["threshold"] = round(1 - spec["threshold"], 3) if spec["threshold"] != 0.5 else 0.4
    context.write_text(json.dumps(spec), encoding="utf-8")
    assert coding_fingerprint(copy) != before


def test_a_cache_that_knows_other_code_sources_is_not_read(data, taxonomy, tmp_path):
    """A cache written by an app with another list of sources (an older one, without `context`) is set aside, not misread."""
    import shutil

    from nsp_explorer.core.cache import CACHE_NAME, load_coded

    folder = tmp_path / "dataset"
    shutil.copytree(data / "dataset", folder, ignore=shutil.ignore_patterns(".nspx-cache*"))
    load_coded(folder, taxonomy)
    manifest_path = folder / CACHE_NAME / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["sources"] = [s for s in manifest["sources"] if s != "context"]
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    again = load_coded(folder, taxonomy)
    assert again.cache_note and "another format" in again.cache_note
    row = next(r for r in csv.DictReader((folder / "codes.csv").open(encoding="utf-8", newline="")) if r["source"] == "context")
    row_number = again.row_of(row["passage_id"])  # the dataset as read from its CSVs: a context code keeps its source
    assert (int(row["sentence"]), "area", row["code"], "context") in {(n, d, c, source) for n, d, c, source, _ in again.codes.in_sentences(row_number)}


def test_a_sentence_that_turns_to_another_story_takes_nothing_from_the_one_before(context):
    texts = [
        "Bilateral trade between Korea and Vietnam reached 87 billion dollars last year.",
        "Separately, a Korean pop star will perform two concerts in Hanoi next month, and tickets sold out within an hour of going on sale.",
        "Bilateral trade is expected to grow again this year.",
    ]
    own = [{"trade"}, {"culture"}, {"trade"}]
    assert (1, "trade") not in taken(own, context, texts=texts)
    texts[1] = texts[1].removeprefix("Separately, ").capitalize()
    assert (1, "trade") in taken(own, context, texts=texts)  # the same sentence without the turn


@pytest.mark.parametrize(
    "content, problem",
    [
        ("", "no hand-coded sentences"),
        ("doc_id,sentence,pillar,area,frame,partner\n", "no hand-coded sentences"),
        ("doc_id,sentence,pillar,area,frames,partner\np1,Trade grew.,,trade,,\n", "lacks the column(s) frame"),
        ("doc_id,sentence,pillar,area,frame\np1,Trade grew.,,trade,\n", "lacks the column(s) partner"),
        ('doc_id,sentence,pillar,area,frame,partner\np1,"Trade grew.,,trade,,\np1,Exports rose.,,trade,,\n', "line 2: a sentence runs over several lines"),
        ("doc_id,sentence,pillar,area,frame,partner\np1,,,trade,,\n", "line 2: the sentence is empty"),
    ],
)
def test_a_broken_sample_is_refused_by_file_and_problem(tmp_path, content, problem):
    sample = tmp_path / "sample.csv"
    sample.write_text(content, encoding="utf-8")
    run = _eval("--gold", str(sample))
    assert run.returncode != 0 and "sample.csv" in run.stderr and problem in run.stderr


def test_eval_in_context_needs_every_sentences_document(tmp_path):
    sample = tmp_path / "runs.csv"
    sample.write_text("doc_id,sentence,pillar,area,frame,partner\np1,Trade grew.,,trade,,\n,Exports rose.,,trade,,\n", encoding="utf-8")
    run = _eval("--gold", str(sample), "--in-context")
    assert run.returncode != 0 and "line 3: no doc_id" in run.stderr
    assert "(hand-coded sample), 2 hand-coded sentences, each read on its own" in _eval("--gold", str(sample)).stdout
