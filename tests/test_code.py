"""Coding: the codebook's rules, exclusions and the quality bar on the hand-coded sample."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nsp_explorer.core.errors import DataFileError
from nsp_explorer.pipeline.code import code_text, years_in
from nsp_explorer.pipeline.codebook import TermIndex, load_codebook
from nsp_explorer.pipeline.evaluate import evaluate, load_gold

from .conftest import GOLD


def coded(text, codebook, taxonomy, dimension):
    return {c.code for c in code_text(text, codebook, taxonomy) if c.dimension == dimension}


@pytest.mark.parametrize(
    "text, dimension, present, absent",
    [
        ("Korean experts ignore the South China Sea dispute.", "partner", set(), {"china"}),
        ("Korean experts ignore the South China Sea dispute.", "area", {"strategic_security"}, set()),
        ("The NSP should acknowledge the human security dimension.", "area", {"human_rights"}, {"strategic_security"}),
        ("Seoul is an engaged participant in regional forums.", "partner", set(), {"asean"}),
        ("The people, prosperity, and peace pillars of the policy fit ASEAN's vision.", "pillar", set(), {"people", "prosperity", "peace"}),
        ("He noted the three Ps of People, Prosperity and Peace.", "pillar", set(), {"people", "prosperity", "peace"}),
        ("Peace on the peninsula needs a lasting settlement.", "pillar", {"peace"}, set()),
        ("The importance of ASEAN is growing.", "area", set(), {"trade"}),
        ("Let us talk about it.", "partner", set(), {"united_states"}),
        ("The US and China are rivals.", "partner", {"united_states", "china"}, set()),
        ("The combined GDP amounts to US$ 3,820.45 billion.", "partner", set(), {"united_states"}),
        ("Korea joined the ASEAN Regional Forum and the AsiaPacific Economic Cooperation.", "area", {"regional_architecture"}, set()),
        ("Investors from Korea built factories.", "area", {"investment"}, set()),
        ("President Kim invested a lot of his political will to promote ASEAN+3.", "area", {"regional_architecture"}, {"investment"}),
        ("Hallyu and K-pop spread soft power.", "area", {"culture"}, set()),
        ("Refugees from Myanmar were resettled in Incheon.", "partner", {"myanmar"}, set()),
        ("A Singapore-based think tank ran the survey.", "partner", set(), {"singapore"}),
    ],
)
def test_codebook_rules(codebook, taxonomy, text, dimension, present, absent):
    codes = coded(text, codebook, taxonomy, dimension)
    assert present <= codes
    assert not (absent & codes)


def test_every_area_brings_its_pillar(codebook, taxonomy):
    codes = code_text("Scholarships for students and disaster relief.", codebook, taxonomy)
    pillars = {c.code: c.source for c in codes if c.dimension == "pillar"}
    assert pillars == {"people": "derived", "peace": "derived"}


def test_evidence_is_the_words_as_they_appear(codebook, taxonomy):
    codes = {(c.dimension, c.code): c.evidence for c in code_text("ASEAN's Culture House shows K-dramas; cultural ties grow.", codebook, taxonomy)}
    assert codes[("area", "culture")] == ("Culture House", "K-dramas", "cultural")


def test_years():
    assert years_in("In 2017 and 2016-2017, USD 3,820.45 in the 1950s, $2000, (2018).") == ["2017", "2016", "2018"]


def test_every_passage_coded_year_is_in_its_text(codes, passages):
    text = {p["passage_id"]: p["text"] for p in passages}
    for row in codes:
        if row["dimension"] == "year":
            assert row["code"] in text[row["passage_id"]]
        if row["source"] == "lexicon":
            for word in row["evidence"].split("; "):
                assert word in text[row["passage_id"]], (row["passage_id"], word)


def test_coding_quality_meets_the_bar(codebook, taxonomy, model):
    """sentences.csv: 64 sentences of the five articles, an early development sample: the codebook was tuned on them and
    the sentence model trained on them, so this is a floor against regressions, not a measure of quality."""
    gold = load_gold(GOLD / "sentences.csv", taxonomy)
    assert len(gold) >= 50 and len({g.doc_id for g in gold}) == 5
    scores = {dimension: score for dimension, (score, _) in evaluate(gold, codebook, taxonomy, model).items()}
    assert scores["pillar"].f1 >= 0.85
    assert scores["partner"].f1 >= 0.85
    assert scores["area"].f1 >= 0.85
    assert scores["frame"].f1 >= 0.75


def test_gold_sentences_are_real_passage_text(taxonomy, passages):
    by_doc: dict[str, str] = {}
    for p in passages:
        by_doc[p["doc_id"]] = by_doc.get(p["doc_id"], "") + "\n" + p["text"]
    for sentence in load_gold(GOLD / "sentences.csv", taxonomy):
        assert sentence.sentence in by_doc[sentence.doc_id], sentence.sentence[:60]


def _codebook_file(tmp_path: Path, data: Path, edit) -> Path:
    path = tmp_path / "codebook.toml"
    path.write_text(edit((data / "codebook.toml").read_text(encoding="utf-8")), encoding="utf-8")
    return path


def test_a_pattern_opening_on_a_group_of_words_is_tried_only_where_one_of_them_stands():
    index = TermIndex([("re:(?:living|working)\\s+in\\s+Korea\\b", ("area", "migration"), False)])
    assert not index._anywhere  # indexed under each word, not run over every text
    found = [(s, e) for s, e, _ in index.find("Many Cambodians living in Korea; others working in Korea.")]
    assert found == [(16, 31), (40, 56)]


def test_every_pattern_of_the_codebook_is_tried_only_where_its_first_word_stands(codebook):
    slow = [t._terms for t in codebook.index._anywhere if any(term.startswith("re:") for term in t._terms)]
    assert slow == []


@pytest.mark.parametrize(
    "edit, problem",
    [
        (lambda s: s.replace("[areas.culture]", "[areas.kulture]"), "not in the taxonomy: kulture"),
        (lambda s: s.replace('[partners.brunei]\nterms = ["Brunei*"]', ""), "no terms for: brunei"),
        (lambda s: s.replace("[areas.trade]\nterms = [", "[areas.trade]\nterms = [[", 1), "cannot be read as TOML"),
        (lambda s: s.replace('[partners.brunei]\nterms = ["Brunei*"]', '[partners.brunei]\nterms = "Brunei"'), "must be a list"),
        (lambda s: s.replace('"invest politically",', '"re:invest(",', 1), "not a valid pattern"),
        (lambda s: s.replace('weak = ["police", ', 'weak = ["piracy", ', 1), "both weak and not: piracy"),
        (lambda s: re.sub(r'weak = \["police", [^\]]*\]', 'weak = "police"', s, count=1), "weak must be a list"),
    ],
)
def test_a_broken_codebook_is_reported_by_name(tmp_path, data, taxonomy, edit, problem):
    path = _codebook_file(tmp_path, data, edit)
    with pytest.raises(DataFileError) as error:
        load_codebook(path, taxonomy)
    assert error.value.path == path and problem in error.value.problem


def test_coding_holds_up_on_sentences_from_outside_the_corpus(codebook, taxonomy, model):
    """heldout3.csv: 20 sentences written and hand-coded after the codebook was tuned, never used to tune it (the
    sentence model was trained on it, so its frames are no measure). heldout_2026b.csv: the held-out sample that
    neither the codebook nor the model has seen. Floors against coding that only fits the five documents."""
    scores = {dimension: score for dimension, (score, _) in evaluate(load_gold(GOLD / "heldout3.csv", taxonomy), codebook, taxonomy, model).items()}
    assert scores["partner"].f1 >= 0.85
    assert scores["area"].f1 >= 0.70
    assert scores["pillar"].f1 >= 0.75
    unseen = {dimension: score for dimension, (score, _) in evaluate(load_gold(GOLD / "heldout_2026b.csv", taxonomy), codebook, taxonomy, model).items()}
    assert unseen["frame"].precision >= 0.65 and unseen["frame"].recall >= 0.65  # 0.58 / 0.57 with the codebook and rules alone


def test_coding_in_the_app_never_forks(qapp, codebook, monkeypatch):
    """A forked copy of a running Qt application can deadlock: inside the app, coding stays in-process."""
    import multiprocessing

    from nsp_explorer.pipeline import code as code_module

    monkeypatch.setattr(code_module, "PARALLEL_FROM_BYTES", 10)
    monkeypatch.setattr(multiprocessing, "get_context", lambda *a: pytest.fail("forked inside a Qt application"))
    texts = ["Korea and ASEAN expanded trade under the New Southern Policy."] * 50
    assert code_module.lexicon_codes_of_all(texts, codebook) == [code_module.lexicon_codes(t, codebook) for t in texts]


def test_coding_on_every_core_gives_what_coding_one_text_after_another_gives():
    """``nspx build``'s forked workers code the same texts, in the same order, with equal codes."""
    import subprocess
    import sys

    script = """
import multiprocessing
from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.core.taxonomy import load_taxonomy
from nsp_explorer.paths import data_dir
from nsp_explorer.pipeline import code
from nsp_explorer.pipeline.codebook import load_codebook
taxonomy = load_taxonomy(data_dir() / "taxonomy.json")
codebook = load_codebook(data_dir() / "codebook.toml", taxonomy)
texts = load_dataset(data_dir() / "dataset", taxonomy).passages["text"].tolist() * 3
forks = []
context = multiprocessing.get_context
multiprocessing.get_context = lambda method: forks.append(method) or context(method)
code.PARALLEL_FROM_BYTES = 0
assert code.lexicon_codes_of_all(texts, codebook) == [code.lexicon_codes(t, codebook) for t in texts]
print(forks)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['fork']"  # the workers did run


@pytest.mark.parametrize(
    "text, sentences",
    [
        # a footnote mark after the full stop ends the sentence with it
        ("Exports doubled between 2010 and 2020.[3] Imports grew more slowly.", 2),
        ("Ties were strained in the 1970s.[ii] Today they are close.", 2),
        # titles, company suffixes and reference abbreviations do not end a sentence
        ("The pact was signed by Adm. Rhea Santos for the coast guard.", 1),
        ("Hanwha Ocean Co. (HO) won the frigate order in 2024.", 1),
        ("Remittances rose sharply (see Fig. 2). Most came from Korea.", 2),
        ("Brides are framed as a national project (Park, 2019, p. 7). The law followed.", 2),
    ],
)
def test_sentence_boundaries_of_real_prose(text, sentences):
    from nsp_explorer.pipeline.sentences import sentence_spans

    spans = sentence_spans(text)
    assert len(spans) == sentences, [text[a:b] for a, b in spans]
    assert text[spans[-1][0] : spans[-1][1]] == text[spans[-1][0] :].rstrip()  # the last sentence runs to the end
