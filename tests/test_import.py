"""Bring your own documents: real files of each format, the same pipeline, a library that is never half-changed."""

from __future__ import annotations

import csv
import io
import os
import shutil
import re
from pathlib import Path

import docx
import pytest
from PySide6.QtGui import QPainter, QPdfWriter

from nsp_explorer.core.errors import BadValue, DataFileError
from nsp_explorer.pipeline import importers
from nsp_explorer.pipeline.build import build_dataset
from nsp_explorer.pipeline.chrome import classify
from nsp_explorer.pipeline.importers import read_document
from nsp_explorer.pipeline.library import Library, combined

from .benchmarks.text_pdf import make_pdf, make_pdf_with_text_off_the_page, make_printed_pdf, make_report_pdf

ARTICLE = [
    "South Korea and ASEAN agreed on Monday to expand cooperation on artificial intelligence and digital trade, the foreign ministry said.",
    "Officials said the two sides would launch a joint fund of USD 30 million in 2025 to train engineers from Vietnam and Indonesia.",
    "Critics warned that the plan lacks detail and could stall without steady funding from Seoul and its partners.",
]

CHROME_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Korea, ASEAN deepen digital ties | Example Times</title>
<meta name="author" content="Kim Minji"><meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2024-11-25T10:31:00+09:00"><style>p {{ color: red }}</style>
<script>document.write("tracking pixel text");</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World news and more</a></nav><header>Example Times: subscribe today</header>
<article><h1>Korea, ASEAN deepen digital ties 2024-11-25 10:31</h1>
<p>SEOUL, Nov. 25 (Yonhap) -- {0}</p><p>• {1}</p>
<figure><img src="a.jpg"><figcaption>Officials pose for a photo in Seoul.</figcaption></figure>
<p>{2} (END)</p><p>Reporter : Kim Minji</p><p>minji@example.com</p><p>Source Link</p></article>
<aside>Most read: ten things to do in Busan</aside><form><h3>Tinggalkan Balasan</h3><textarea>your comment</textarea></form>
<footer>© Example Times, all rights reserved</footer></body></html>"""

CHROME = ["tracking pixel", "Home", "subscribe", "pose for a photo", "Reporter", "minji@example.com", "Source Link", "Most read", "Tinggalkan", "rights reserved", "(END)", "(Yonhap)", "•", "2024-11-25 10:31"]


@pytest.fixture
def library(tmp_path) -> Library:
    return Library(tmp_path / "library")


def passage_texts(*datasets: Path) -> dict[str, str]:
    """Passage ID -> text, as the app shows them (what a decision is taken on)."""
    return {row["passage_id"]: row["text"] for folder in datasets for row in csv.DictReader(open(folder / "passages.csv", encoding="utf-8"))}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()} if folder.exists() else {}


def make_docx(path: Path, paragraphs: list[str], title: str = "Korea and ASEAN in 2024", author: str = "Dira Fabrian",
              heading: str = "Korea and ASEAN in 2024", byline: str = "Dira Fabrian") -> Path:
    """A Word file: ``title`` and ``author`` in its properties, ``heading`` and "By ``byline``" over the paragraphs."""
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = author
    if heading:
        document.add_heading(heading, level=1)
    if byline:
        document.add_paragraph(f"By {byline}")
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


def imported_text(library: Library) -> str:
    return (library.folder / "dataset" / "passages.csv").read_text(encoding="utf-8")


def test_html_keeps_the_article_and_drops_the_chrome(tmp_path, library, data):
    page = tmp_path / "news.html"
    page.write_text(CHROME_HTML.format(*ARTICLE), encoding="utf-8")
    doc_id = library.import_file(page, data, set())
    text = imported_text(library)
    assert doc_id == "kim-2024-korea"
    assert all(sentence in text for sentence in ARTICLE)
    assert not [c for c in CHROME if c in text]
    row = library.documents()[0]
    assert (row["title"], row["author"], row["outlet"], row["published"]) == ("Korea, ASEAN deepen digital ties", "Kim Minji", "Example Times", "2024-11-25")


def test_pdf_and_docx_import_through_the_same_pipeline(qapp, tmp_path, library, data):
    brief = [
        "Korea and Vietnam agreed to double their trade to 150 billion dollars by 2030, the two leaders said after talks in Hanoi.",
        "Analysts said the plan depends on steady investment by Korean firms, which already employ many workers in Vietnam.",
    ]
    pdf = make_pdf(tmp_path / "brief.pdf", brief, title="Digital ties brief")
    word = make_docx(tmp_path / "notes.docx", [p.replace("Monday", "Tuesday") for p in ARTICLE])
    library.import_file(pdf, data, set(), author="Lee Jaehyon", date="2024-03")
    library.import_file(word, data, set())
    text = imported_text(library)
    assert "double their trade to 150 billion dollars by 2030" in text
    assert "launch a joint fund of USD 30 million in 2025" in text and "agreed on Tuesday" in text
    assert "By Dira Fabrian" not in text
    rows = {r["kind"]: r for r in library.documents()}
    assert rows["pdf"]["title"] == "Digital ties brief" and rows["pdf"]["published"] == "2024-03"
    assert rows["docx"]["author"] == "Dira Fabrian" and rows["docx"]["title"] == "Korea and ASEAN in 2024"
    codes = (library.folder / "dataset" / "codes.csv").read_text(encoding="utf-8")
    assert ",area,technology," in codes and ",partner,vietnam," in codes


def test_markdown_latin1_and_utf16_text(tmp_path, library, data):
    (tmp_path / "a.md").write_text("# A note\n\n" + ARTICLE[0] + " See [the ministry](javascript:alert(1)).\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(("Café diplomacy in Jakarta: " + ARTICLE[1]).encode("latin-1"))
    (tmp_path / "c.txt").write_text("Tourism from Thailand grew. " + ARTICLE[2], encoding="utf-16")
    for name in ("a.md", "b.txt", "c.txt"):
        library.import_file(tmp_path / name, data, set())
    text = imported_text(library)
    assert "See the ministry." in text and "javascript" not in text
    assert "Café diplomacy in Jakarta" in text and "Tourism from Thailand grew." in text
    assert read_document(tmp_path / "b.txt").encoding == "windows-1252"
    read_as = {row["imported_from"]: row["metadata_sources"] for row in library.documents()}
    assert "text: read as windows-1252" in read_as["b.txt"]  # the import says the file was not UTF-8
    assert "text:" not in read_as["a.md"] and "text:" not in read_as["c.txt"]


def test_stray_bytes_in_utf8_text_are_named_where_they_are(tmp_path, library, data, capsys):
    from nsp_explorer.cli import main

    page = tmp_path / "mixed.txt"
    page.write_bytes(("Café diplomacy in Jakarta – a note. ").encode("utf-8") + b"Seoul\x92s envoy " + ARTICLE[1].encode("utf-8"))
    assert main(["import", str(page), "--library", str(tmp_path / "lib")]) == 0
    out = capsys.readouterr().out
    assert "text: read as utf-8 (1 byte(s) not UTF-8 read as Windows-1252, at offset 44)" in out  # the byte after "Seoul"


@pytest.mark.parametrize(
    "name, make, problem",
    [
        ("slides.pptx", lambda p: p.write_bytes(b"PK\x03\x04 not a supported type"), "imports .txt, .md, .html, .pdf and .docx"),
        ("empty.txt", lambda p: p.write_bytes(b""), "is empty"),
        ("blank.txt", lambda p: p.write_text("   \n\n ", encoding="utf-8"), "has no text to import"),
        ("binary.txt", lambda p: p.write_bytes(b"\x00\x01\x02binary" * 50), "binary file"),
        ("broken.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n% truncated nonsense"), "not a readable PDF"),
        ("broken.docx", lambda p: p.write_bytes(b"PK\x03\x04 this is not really a zip"), "not a readable Word document"),
    ],
)
def test_bad_input_is_named_and_the_library_is_unchanged(tmp_path, library, data, name, make, problem):
    page = tmp_path / "ok.html"
    page.write_text(CHROME_HTML.format(*ARTICLE), encoding="utf-8")
    library.import_file(page, data, set())
    before = snapshot(library.folder)
    bad = tmp_path / name
    make(bad)
    with pytest.raises(DataFileError) as error:
        library.import_file(bad, data, set())
    assert error.value.path == bad and problem in error.value.problem
    assert snapshot(library.folder) == before


def test_a_scanned_pdf_with_no_text_layer_is_refused(qapp, tmp_path, library, data):
    path = tmp_path / "scan.pdf"
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.fillRect(0, 0, 2000, 2000, 0x777777)  # a picture of a page, no text in it
    painter.end()
    with pytest.raises(DataFileError) as error:
        library.import_file(path, data, set())
    assert "no text layer" in error.value.problem and snapshot(library.folder) == {}


def test_an_encrypted_pdf_is_refused(qapp, tmp_path, library, data):
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", ARTICLE)
    writer = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as stream:
        writer.write(stream)
    with pytest.raises(DataFileError) as error:
        library.import_file(locked, data, set())
    assert "encrypted" in error.value.problem


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, library, data):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(100 * 1024 * 1024)  # 100 MB, sparse: costs no disk
    with pytest.raises(DataFileError) as error:
        library.import_file(huge, data, set())
    assert "too large" in error.value.problem and "100 MB" in error.value.problem


def test_a_file_that_vanishes_mid_import_is_named(tmp_path, library, data, monkeypatch):
    path = tmp_path / "gone.txt"
    path.write_text(ARTICLE[0] * 3, encoding="utf-8")
    real = Path.read_bytes

    def vanish(self):
        if self == path:
            os.remove(self)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", vanish)
    with pytest.raises(DataFileError) as error:
        library.import_file(path, data, set())
    assert "vanished" in error.value.problem and snapshot(library.folder) == {}


def test_reimport_is_refused_and_remove_restores(tmp_path, library, data):
    page = tmp_path / "news.html"
    page.write_text(CHROME_HTML.format(*ARTICLE), encoding="utf-8")
    doc_id = library.import_file(page, data, set())
    copy = tmp_path / "copy.html"
    shutil.copy(page, copy)
    with pytest.raises(DataFileError) as error:
        library.import_file(copy, data, set())
    assert f"already in the library as {doc_id}" in error.value.problem
    library.remove(doc_id, data)
    assert library.documents() == [] and not (library.folder / "dataset").exists()


def test_a_crash_between_the_two_renames_is_repaired(tmp_path, data):
    folder = tmp_path / "library"
    page = tmp_path / "news.html"
    page.write_text(CHROME_HTML.format(*ARTICLE), encoding="utf-8")
    Library(folder).import_file(page, data, set())
    before = snapshot(folder)
    folder.rename(folder.with_name("library.old"))  # the state right after the first rename
    assert snapshot(Library(folder).folder) == before


def test_the_combined_dataset_holds_both(tmp_path, library, data):
    page = tmp_path / "news.html"
    page.write_text(CHROME_HTML.format(*ARTICLE), encoding="utf-8")
    library.import_file(page, data, set())
    both = combined(build_dataset(data), library.build(data))
    assert both.count("documents.csv") == 6 and both.count("passages.csv") == 105 + 3
    assert importers.SUPPORTED[".docx"] == "docx"


def test_nspx_import_and_dataset(tmp_path):
    import subprocess
    import sys

    page = tmp_path / "news.html"
    page.write_text(CHROME_HTML.format(*ARTICLE), encoding="utf-8")
    (tmp_path / "slides.pptx").write_bytes(b"PK not supported")
    lib = ["--library", str(tmp_path / "library")]

    def nspx(*args):
        return subprocess.run([sys.executable, "-m", "nsp_explorer.cli", *args], capture_output=True, text=True, timeout=120)

    result = nspx("import", str(page), str(tmp_path / "slides.pptx"), "--outlet", "Example Times", *lib)
    assert result.returncode == 2  # one of the two failed, and says which
    assert "imported" in result.stdout and "kim-2024-korea: 3 passages" in result.stdout
    assert "slides.pptx" in result.stderr and "Traceback" not in result.stderr
    listed = nspx("library", *lib)
    assert "kim-2024-korea\tKim Minji\t2024-11-25" in listed.stdout
    out = tmp_path / "combined"
    built = nspx("dataset", "--out", str(out), *lib)
    assert built.returncode == 0, built.stderr
    assert (out / "documents.csv").read_text(encoding="utf-8").count("\n") == 7  # header + 5 bundled + 1 imported


def test_nspx_dataset_is_safe_to_open_and_carries_your_decisions(tmp_path, data, monkeypatch, capsys):
    from nsp_explorer.cli import main

    monkeypatch.setenv("NSP_EXPLORER_DATA_DIR", str(tmp_path / "user"))
    text = tmp_path / "note.txt"
    text.write_text(
        "Korea and Vietnam signed a trade pact in Hanoi.\n\n-30% was the fall in exports to ASEAN in 2023, the trade ministry in Seoul said.\n\n"
        "@KoreaMOFA: exports to ASEAN rose 5% in 2023, trade officials said.\n\n"
        "Goods exports rose 5%, -2% for services, the trade ministry in Seoul said of Vietnam.\n",
        encoding="utf-8",
    )
    folder = tmp_path / "library"
    lib = ["--library", str(folder)]
    assert main(["import", str(text), "--author", "Kim", "--date", "2024-01-02", *lib]) == 0
    library = Library(folder)
    doc_id = library.documents()[0]["doc_id"]
    passage = f"{doc_id}:1"
    library.decide(passage, "frame", "achievement", "add", "=1+1 a signed pact is a deliverable", data, {passage: "Korea and Vietnam signed a trade pact in Hanoi."})
    out = tmp_path / "out"
    assert main(["dataset", "--out", str(out), *lib]) == 0
    assert "your-review.csv: your review decisions" in capsys.readouterr().out
    texts = [row["text"] for row in csv.DictReader(open(out / "passages.csv", encoding="utf-8"))]
    assert "'-30% was the fall in exports to ASEAN in 2023, the trade ministry in Seoul said." in texts
    assert "'@KoreaMOFA: exports to ASEAN rose 5% in 2023, trade officials said." in texts
    assert not any(t[:1] in "=+-@" for t in texts)
    assert "Goods exports rose 5%, -2% for services, the trade ministry in Seoul said of Vietnam." in texts  # words inside stay
    review = list(csv.DictReader(open(out / "your-review.csv", encoding="utf-8")))
    assert [(r["unit"], r["code"], r["reason"]) for r in review] == [(passage, "achievement", "'=1+1 a signed pact is a deliverable")]
    built = [row["text"] for row in csv.DictReader(open(folder / "dataset" / "passages.csv", encoding="utf-8"))]
    assert any(t.startswith("-30%") for t in built)  # the library's own dataset keeps the words as they read
    library.withdraw(passage, "frame", "achievement", data)
    assert main(["dataset", "--out", str(out), *lib]) == 0
    assert not (out / "your-review.csv").exists()  # no decisions any more: no stale copy beside the new set


def test_a_decision_a_recoding_moved_can_still_be_withdrawn(tmp_path, library, data):
    from nsp_explorer.pipeline.sentences import sentence_texts

    known = passage_texts(data / "dataset")
    text = known["lee-2019-asan:1"]
    library.decide("lee-2019-asan:1", "area", "korean_peninsula", "remove", "a place, not the topic", data, known, sentence=2)
    rows = library.review_path.read_text(encoding="utf-8").replace("lee-2019-asan:1.2,", "lee-2019-asan:1.3,")  # numbered as an older splitter did
    library.review_path.write_text(rows, encoding="utf-8")
    words = sentence_texts(text)[1]
    library.withdraw("lee-2019-asan:1", "area", "korean_peninsula", data, sentence=2, words=words)  # where its words are now
    assert "korean_peninsula" not in library.review_path.read_text(encoding="utf-8")


def test_user_decisions_hold_for_bundled_and_imported_passages(tmp_path, library, data):
    page = tmp_path / "news.html"
    page.write_text(CHROME_HTML.format(*ARTICLE), encoding="utf-8")
    doc_id = library.import_file(page, data, set())
    known = passage_texts(library.folder / "dataset", data / "dataset")
    library.decide("lee-2019-asan:1", "area", "korean_peninsula", "remove", "about the policy, not the peninsula", data, known)
    library.decide(f"{doc_id}:3", "frame", "recommendation", "add", "critics imply a fix", data, known)
    bundled = library.bundled(data).tables["codes.csv"]
    assert ("lee-2019-asan:1", "area", "korean_peninsula") not in {r[:3] for r in bundled}
    mine = (library.folder / "dataset" / "codes.csv").read_text(encoding="utf-8")
    assert f"{doc_id}:3,,frame,recommendation,reviewed," in mine
    library.add_term("areas", "technology", "digital ties", data)  # re-codes the library: the decisions survive
    assert f"{doc_id}:3,,frame,recommendation,reviewed," in (library.folder / "dataset" / "codes.csv").read_text(encoding="utf-8")
    with pytest.raises(BadValue, match="no such passage"):
        library.decide("nobody:1", "area", "trade", "add", "x", data, known)


def test_a_decision_on_one_sentence_changes_that_sentence_only(library, data):
    """The Korean Peninsula is coded in sentences 1, 2 and 5 of the Lee brief's first paragraph."""
    known = passage_texts(data / "dataset")
    library.decide("lee-2019-asan:1", "area", "korean_peninsula", "remove", "sentence 2 names the peninsula as a place", data, known, sentence=2)
    library.decide("lee-2019-asan:1", "frame", "challenge", "add", "sentence 3 names a gap", data, known, sentence=3)
    review = (library.folder / "review.csv").read_text(encoding="utf-8")
    assert "lee-2019-asan:1.2,area,korean_peninsula,remove," in review and "lee-2019-asan:1.3,frame,challenge,add," in review
    rows = [list(r[:5]) for r in library.bundled(data).tables["codes.csv"]]
    peninsula = {r[1] for r in rows if r[0] == "lee-2019-asan:1" and r[3] == "korean_peninsula"}
    assert peninsula == {"1", "5"}  # the other sentences keep it
    assert ["lee-2019-asan:1", "3", "frame", "challenge", "reviewed"] in rows
    before = review
    with pytest.raises(BadValue, match="sentences, not 40"):  # the passage has no sentence 40: nothing is written
        library.decide("lee-2019-asan:1", "frame", "challenge", "add", "a slip", data, known, sentence=40)
    assert (library.folder / "review.csv").read_text(encoding="utf-8") == before


def test_a_decision_on_a_sentence_overrides_one_on_its_passage(library, data):
    known = passage_texts(data / "dataset")
    library.decide("lee-2019-asan:1", "area", "korean_peninsula", "remove", "the paragraph is about the policy", data, known)
    library.decide("lee-2019-asan:1", "area", "korean_peninsula", "add", "sentence 2 is about the peninsula's economic map", data, known, sentence=2)
    rows = [list(r[:5]) for r in library.bundled(data).tables["codes.csv"]]
    assert [r[1:5] for r in rows if r[0] == "lee-2019-asan:1" and r[3] == "korean_peninsula"] == [["2", "area", "korean_peninsula", "reviewed"]]


def test_a_decision_follows_its_words_when_the_sentences_are_numbered_anew(library, data):
    """A later splitter may number a document's sentences otherwise: a decision stays with the sentence it was taken on."""
    texts = passage_texts(data / "dataset")
    library.decide("lee-2019-asan:1", "frame", "recommendation", "add", "NSP aims read as advice", data, texts, sentence=4)
    review = library.review_path.read_text(encoding="utf-8")
    assert "The NSP, meanwhile, focuses on countries to Korea’s south in Southeast Asia and India." in review  # the words kept
    renumbered = review.replace("lee-2019-asan:1.4,", "lee-2019-asan:1.6,")  # as if the splitter now found two more sentences before it
    library.review_path.write_text(renumbered, encoding="utf-8")
    rows = [list(r[:5]) for r in library.bundled(data).tables["codes.csv"]]
    assert ["lee-2019-asan:1", "4", "frame", "recommendation", "reviewed"] in rows  # on the sentence that reads those words
    assert ["lee-2019-asan:1", "6", "frame", "recommendation", "reviewed"] not in rows


def test_a_decision_whose_words_are_gone_is_set_aside_not_moved_and_the_library_still_changes(tmp_path, library, data):
    texts = passage_texts(data / "dataset")
    library.decide("lee-2019-asan:1", "frame", "challenge", "add", "a gap", data, texts, sentence=3)
    gone = library.review_path.read_text(encoding="utf-8").replace("The NNP intends", "The plan intends")  # as a new cleaner might read it
    library.review_path.write_text(gone, encoding="utf-8")
    rows = [list(r[:5]) for r in library.bundled(data).tables["codes.csv"]]
    assert not any(r[2:5] == ["frame", "challenge", "reviewed"] and r[0] == "lee-2019-asan:1" for r in rows)  # on no sentence
    (tmp_path / "a.txt").write_text("Seoul will fund mangrove restoration with Hanoi over the next decade of cooperation.", encoding="utf-8")
    library.import_file(tmp_path / "a.txt", data, set())  # the library is not stuck on it
    (aside,) = library.set_aside_decisions()
    assert "line 2" in aside and "“The plan intends" in aside and "is no longer in lee-2019-asan" in aside and "a gap" in aside
    assert "The plan intends" in library.review_path.read_text(encoding="utf-8")  # kept, not deleted
    library.decide("lee-2019-asan:1", "frame", "challenge", "add", "taken again", data, texts, sentence=3)
    assert [list(r[:5]) for r in library.bundled(data).tables["codes.csv"] if r[0] == "lee-2019-asan:1" and r[3] == "challenge"] == [
        ["lee-2019-asan:1", "3", "frame", "challenge", "reviewed"]
    ]


def test_the_projects_own_decision_whose_words_are_gone_fails_the_build(tmp_path, data):
    project = tmp_path / "data"
    shutil.copytree(data, project, ignore=shutil.ignore_patterns("corpus"))
    (project / "corpus").symlink_to(data / "corpus")
    rows = list(csv.reader(io.StringIO((project / "review.csv").read_text(encoding="utf-8"))))
    rows[1][-1] = "Words no sentence of the corpus reads."
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (project / "review.csv").write_text(buffer.getvalue(), encoding="utf-8")
    with pytest.raises(DataFileError, match="line 2: the text this decision is about .* is no longer in"):
        build_dataset(project)


def test_a_review_file_of_the_earlier_layout_still_applies(library, data):
    library.folder.mkdir(parents=True, exist_ok=True)
    library.review_path.write_text(
        "unit,dimension,code,action,reason\nlee-2019-asan:1.3,frame,challenge,add,an earlier decision\n", encoding="utf-8"
    )
    assert ["lee-2019-asan:1", "3", "frame", "challenge", "reviewed"] in [list(r[:5]) for r in library.bundled(data).tables["codes.csv"]]
    library.decide("lee-2019-asan:1", "frame", "challenge", "add", "sentence 4 too", data, passage_texts(data / "dataset"), sentence=4)
    lines = library.review_path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "unit,dimension,code,action,reason,words" and lines[1] == "lee-2019-asan:1.3,frame,challenge,add,an earlier decision,"


def test_a_library_built_by_an_earlier_coder_is_coded_again(tmp_path, library, data):
    """An upgrade brings a new codebook: the library's imported documents must not keep the old one's codes."""
    (tmp_path / "a.txt").write_text("Seoul will fund mangrove restoration with Hanoi over the next decade of cooperation.", encoding="utf-8")
    library.import_file(tmp_path / "a.txt", data, set())
    assert library.is_current(data)
    upgraded = tmp_path / "upgraded-app-data"
    shutil.copytree(data, upgraded, ignore=shutil.ignore_patterns("corpus"))
    (upgraded / "corpus").symlink_to(data / "corpus")
    codebook = upgraded / "codebook.toml"
    codebook.write_text(codebook.read_text(encoding="utf-8").replace("[areas.green_growth]\nterms = [", '[areas.green_growth]\nterms = [\n  "mangrove*",'), encoding="utf-8")
    assert not library.is_current(upgraded)  # built by the earlier codebook
    assert ",area,green_growth," not in (library.folder / "dataset" / "codes.csv").read_text(encoding="utf-8")
    library.recode(upgraded)
    assert library.is_current(upgraded) and not library.is_current(data)
    assert ",area,green_growth,lexicon,mangrove" in (library.folder / "dataset" / "codes.csv").read_text(encoding="utf-8")
    assert len(library.documents()) == 1  # the document itself is kept


def test_a_user_term_recodes_the_library_and_leaves_the_codebook(tmp_path, library, data):
    before = (data / "codebook.toml").read_bytes()
    (tmp_path / "a.txt").write_text("Seoul pledged to fund mangrove restoration with Hanoi over the next decade of cooperation.", encoding="utf-8")
    library.import_file(tmp_path / "a.txt", data, set())
    assert ",area,green_growth," not in (library.folder / "dataset" / "codes.csv").read_text(encoding="utf-8")
    library.add_term("areas", "green_growth", "mangrove*", data)
    codes = (library.folder / "dataset" / "codes.csv").read_text(encoding="utf-8")
    assert ",area,green_growth,lexicon,mangrove" in codes and ",pillar,prosperity,derived," in codes
    assert (data / "codebook.toml").read_bytes() == before
    with pytest.raises(DataFileError):
        library.add_term("areas", "space_travel", "rockets", data)
    (tmp_path / "b.txt").write_text("Regional security was discussed at length in a long meeting of the foreign ministers on trade.", encoding="utf-8")
    library.import_file(tmp_path / "b.txt", data, set())
    library.add_term("areas", "strategic_security", "security", data)  # weak in the codebook: the user's term is a full one
    codes = (library.folder / "dataset" / "codes.csv").read_text(encoding="utf-8")
    assert ",area,strategic_security,lexicon,security" in codes  # beside trade, which a weak "security" would yield to


@pytest.mark.parametrize(
    "term, problem",
    [
        (".*", "fewer than two letters or digits"),  # would match every full stop
        ("a*", "fewer than two letters or digits"),  # every word beginning with a
        ("ab*", "after three letters at least"),
        ("*ing", "goes only at the end of a word"),
        ("re:trade", "is a pattern"),
        ("x" * 81, "81 characters"),
        ("  ", "needs a word"),
        ("with", "function words or numbers only"),
        ("Korea", "in 51% of the bundled articles' sentences"),
    ],
)
def test_a_term_that_would_match_almost_anything_is_refused_and_the_codebook_kept(tmp_path, library, data, term, problem):
    (tmp_path / "a.txt").write_text("Seoul pledged to fund mangrove restoration with Hanoi over the next decade of cooperation.", encoding="utf-8")
    library.import_file(tmp_path / "a.txt", data, set())
    before = (library.folder / "dataset" / "codes.csv").read_bytes()
    with pytest.raises(BadValue, match=re.escape(problem)):
        library.add_term("areas", "technology", term, data)
    assert (library.folder / "dataset" / "codes.csv").read_bytes() == before and not library.overlay_path.exists()


def test_your_term_can_be_taken_back_and_the_library_is_coded_without_it(tmp_path, library, data):
    (tmp_path / "a.txt").write_text("Seoul pledged to fund mangrove restoration with Hanoi over the next decade of cooperation.", encoding="utf-8")
    library.import_file(tmp_path / "a.txt", data, set())
    library.add_term("areas", "green_growth", "mangrove*", data)
    library.add_term("areas", "green_growth", "restoration", data)
    assert library.user_terms("areas", "green_growth") == ["mangrove*", "restoration"]
    library.remove_term("areas", "green_growth", "mangrove*", data)
    assert library.user_terms("areas", "green_growth") == ["restoration"]
    codes = (library.folder / "dataset" / "codes.csv").read_text(encoding="utf-8")
    assert ",area,green_growth,lexicon,restoration" in codes and "mangrove" not in codes
    library.remove_term("areas", "green_growth", "restoration", data)
    assert ",area,green_growth," not in (library.folder / "dataset" / "codes.csv").read_text(encoding="utf-8")
    assert "green_growth" not in library.overlay_path.read_text(encoding="utf-8")  # no empty section left
    with pytest.raises(BadValue, match="not one of your terms"):
        library.remove_term("areas", "trade", "trade", data)  # the bundled codebook's terms stay


def test_the_import_dialog_reports_a_file_read_as_windows_1252(qtbot, tmp_path, data, monkeypatch):
    from nsp_explorer.gui.import_dialog import ImportDialog

    page = tmp_path / "cp.txt"
    page.write_bytes(("Café diplomacy in Jakarta: " + ARTICLE[1]).encode("cp1252"))
    library = Library(tmp_path / "library")
    monkeypatch.setattr("nsp_explorer.gui.import_dialog.data_dir", lambda: data)
    dialog = ImportDialog([page], library, set())
    qtbot.addWidget(dialog)
    doc_id = library.import_file(page, data, set())
    dialog._finished([doc_id], [])
    title = library.documents()[0]["title"]
    assert dialog.report.toPlainText() == f"Imported “{title}” (text read as windows-1252)"


def test_what_writing_software_puts_in_a_files_properties_gives_way_to_the_headline_and_byline(qapp, tmp_path):
    """A Word file's "Windows User" or a PDF's "Microsoft Word - draft_v2.docx" and login name are not the document's."""
    word = make_docx(tmp_path / "column.docx", ARTICLE, title="Microsoft Word - oakes_column_final.docx", author="Windows User", byline="Laurie Oakes")
    read = read_document(word)
    assert (read.title, read.author) == ("Korea and ASEAN in 2024", "Laurie Oakes")
    assert "Windows User" not in read.where.values() and "properties" not in read.where["author"]
    pdf = make_pdf(tmp_path / "brief.pdf", ["Korea and ASEAN in 2024", *ARTICLE], title="brief_v3.pdf")
    assert read_document(pdf).title == "Korea and ASEAN in 2024"  # not the file name the converter left


def test_a_byline_in_the_text_beats_the_author_in_a_files_properties(tmp_path):
    """The properties name who made the file (an assistant, an editor); the byline names who wrote it."""
    word = make_docx(tmp_path / "brief.docx", ARTICLE, author="Kim Minji")  # the file's maker, not the "By Dira Fabrian" under the headline
    read = read_document(word)
    assert read.author == "Dira Fabrian" and "properties" not in read.where["author"]
    assert read.title == "Korea and ASEAN in 2024" and read.where["title"] == "the Word file's properties"


def test_login_names_and_placeholders_in_properties_stay_unknown_when_the_text_names_nobody(tmp_path):
    for author in ("jserjeant", "user01", "Microsoft Office User", "Administrator", "Cisco Employee", "W:CAR:MP:FP", "HP Authorized Customer"):
        read = read_document(make_docx(tmp_path / "plain.docx", ARTICLE, title="Document1", author=author, heading="", byline=""))
        assert read.author == "" and read.title == "", (author, read.author, read.title)


def test_an_organisation_in_properties_loses_the_login_after_it(tmp_path):
    read = read_document(make_docx(tmp_path / "plain.docx", ARTICLE, author="United States Copyright Office - jmf", heading="", byline=""))
    assert read.author == "United States Copyright Office"


def test_the_same_article_from_another_file_is_imported_with_a_word_that_it_may_count_twice(tmp_path, library, data):
    """A saved page and the same article as a Word file differ in their chrome, not their words: the import says so
    (not refused: a new version, or a release on a shared template, may be wanted beside the other)."""
    from nsp_explorer.pipeline.library import parse_sources

    story = [
        "Korea and Vietnam agreed on Friday to double their trade to 150 billion dollars by 2030, the two leaders said after talks in Hanoi.",
        "They also signed agreements on critical minerals, nuclear power plants and the training of Vietnamese engineers at Korean universities.",
        "Analysts said the plan depends on steady investment by Korean firms, which already employ more than a million workers in Vietnam.",
        "The leaders asked their ministers to report on progress at next year's meeting of the joint trade committee in Seoul.",
    ]
    page = tmp_path / "news.html"
    page.write_text(CHROME_HTML.format(*story[:3]).replace("</article>", f"<p>{story[3]}</p></article>"), encoding="utf-8")
    first = library.import_file(page, data, set())
    second = library.import_file(make_docx(tmp_path / "copy.docx", story), data, set())
    notes = {row["doc_id"]: parse_sources(row["metadata_sources"]).get("copy", "") for row in library.documents()}
    assert first in notes[second] and "counted twice" in notes[second] and not notes[first]
    other = library.import_file(make_docx(tmp_path / "other.docx", ARTICLE + ["Seoul will host the next round of talks on the fund in March."]), data, set())
    assert not parse_sources(next(r for r in library.documents() if r["doc_id"] == other)["metadata_sources"]).get("copy")


def test_a_copy_of_a_bundled_article_is_said_to_be_one(tmp_path, library, data, capsys):
    from nsp_explorer.pipeline.library import parse_sources

    raw = sorted((data / "corpus" / "raw").glob("*.txt"))[0].read_text(encoding="utf-8")
    paragraphs = [p for p in raw.split("\n\n") if len(p.split()) > 30][:8]
    copy = tmp_path / "saved.txt"
    copy.write_text("Home | News | Opinion\n\n" + "\n\n".join(paragraphs) + "\n\nShare this article", encoding="utf-8")
    library.import_file(copy, data, set())
    assert "the bundled corpus's" in parse_sources(library.documents()[0]["metadata_sources"])["copy"]


def test_a_short_pdfs_wrapped_paragraphs_keep_their_first_lines(qapp, tmp_path):
    """A one-page statement is too short to read as hard-wrapped text: its lines were judged one by one, and the
    first line of each wrapped paragraph, a fragment shaped like a heading, was dropped."""
    from nsp_explorer.pipeline.clean import clean_document

    brief = [
        "Korea and Vietnam agreed to double their trade to 150 billion dollars by 2030, the two leaders said after talks in Hanoi.",
        "Analysts said the plan depends on steady investment by Korean firms, which already employ many workers in Vietnam.",
    ]
    document = read_document(make_pdf(tmp_path / "statement.pdf", brief, title="Joint statement"))
    assert "\n" in document.text.split("\n\n")[0]  # printed wrapped, as a reader sees it
    assert [block.text for block in clean_document(document.text, title=document.title)] == brief


def test_a_pdfs_page_numbers_and_text_off_its_pages_are_not_its_text(qapp, tmp_path, data):
    """Printed pages carry their numbers at the foot ("4" became a passage, or a word in a sentence carried over the
    page break); a writer may draw a line again outside the page, clipped ("… 1.5 million 1 The estimated 4 million …
    1.5 million unauthorized …"): neither is the document's text."""
    import pandas as pd

    from nsp_explorer.pipeline.clean import clean_document

    paragraphs = pd.read_csv(data / "dataset" / "passages.csv")["text"].tolist()[20:40]  # about five printed pages
    printed = read_document(make_printed_pdf(tmp_path / "printed.pdf", paragraphs))
    blocks = [block.text for block in clean_document(printed.text)]
    assert not [text for text in blocks if re.fullmatch(r"[\divx]+", text)]  # no page number stands as a passage
    joined = "\n".join(blocks)
    assert all(joined.count(p[:60]) == 1 and joined.count(p[-60:]) == 1 for p in paragraphs)  # each once, none lost
    hidden = "A line drawn above the page that nobody reading the page can see."
    off = read_document(make_pdf_with_text_off_the_page(tmp_path / "off.pdf", paragraphs[:3], hidden))
    assert hidden not in off.text and paragraphs[0][:60] in off.text


def test_a_reports_running_head_and_footer_are_not_its_text_but_its_copyright_act_is(qapp, tmp_path, data):
    """Real reports head and foot each page with their title and "… Page 4"; their text may speak of the Copyright
    Act or the Copyright Office, which is no copyright notice; a word hyphenated at a line's end is one word."""
    import pandas as pd

    from nsp_explorer.pipeline.clean import clean_document

    paragraphs = pd.read_csv(data / "dataset" / "passages.csv")["text"].tolist()[50:62]
    paragraphs[4] = ("The Copyright Office studies required by the Act, and the Copyright Act itself, shape how the "
                     "ASEAN-Korea Centre shares its reports with universities across the region.")
    head, foot = "The New Southern Policy at Five: A Review", "Korea Institute Review December 2022 Page {page}"
    document = read_document(make_report_pdf(tmp_path / "report.pdf", paragraphs, head, foot))
    assert document.title == head  # the first page keeps its own head: the title
    blocks = clean_document(document.text, title=document.title)
    joined = "\n".join(block.text for block in blocks)
    assert "Korea Institute Review December 2022" not in joined and head not in joined
    assert paragraphs[4] in [block.text for block in blocks]  # kept whole, "ASEAN-Korea" one word
    assert all(joined.count(p[:50]) == 1 for p in paragraphs)
    notice = "Copyright 2022 Korea Institute. All rights reserved."
    assert classify([notice])[0].chrome == "copyright" and classify([paragraphs[4]])[0].chrome != "copyright"
    from nsp_explorer.pipeline.chrome import pdf_furniture

    wrapped = ["Copyright Act to restore protection to works from Berne or WTO member countries",  # lines of a paragraph
               "Copyright Office website (http://www.loc.gov/copyright/onlinesp/list/)."]
    assert pdf_furniture(wrapped) == [False, False] and pdf_furniture([notice, "www.example.org/report"]) == [True, True]


def test_running_words_set_on_one_line_with_a_heading_or_the_pages_last_words_come_off_them_alone():
    """PDFium sets a footer on the line of the next page's first heading ("Copyright Office Summary December 1998
    Page 3 Registration as a Prerequisite to Suit") and a print stamp after a page's last words ("UPDATES Printed by
    … All Rights Reserved."): the running words come off, the heading and the words stay."""
    from nsp_explorer.pipeline.importers import _without_running_lines

    stamp = "Printed by A. Reader on 1/27/2021 2:08:24 PM. For personal use only. Not approved for distribution."
    pages = [f"Report title\nBody text of page {n} goes on here for a while.\n{heading}\nMore body text.\n{tail} {stamp}"
             for n, heading, tail in ((1, "Introduction", "UPDATES"), (2, "Trade", "UPDATES Continued"), (3, "Security", "Summary"),
                                      (4, "Culture", "UPDATES"))]
    pages = [pages[0]] + [f"Office Summary December 1998 Page {n} {h}\n" + p for n, h, p in zip((2, 3, 4), ("Registration", "Exports", "Outlook"), pages[1:])]
    cleaned = _without_running_lines(pages)
    joined = "\n".join(cleaned)
    assert "Printed by" not in joined and "Office Summary December" not in joined
    assert all(word in joined for word in ("UPDATES Continued", "Summary", "Registration", "Exports", "Outlook", "Security"))
    assert cleaned[0].startswith("Report title")  # the first page keeps its head


def test_a_references_link_among_a_pages_links_does_not_end_the_text():
    from nsp_explorer.pipeline.clean import _cut_references

    text = ["Discussion", "References", "Clinical Trials: NCCN believes that the best management of any patient is in a trial.",
            "Table of Contents", *["The guideline goes on with its discussion of the treatment of this cancer here."] * 5]
    assert _cut_references(text) == text
    body = [f"Paragraph {n} of the article says something about Korea and ASEAN at some length here." for n in range(6)]
    listed = [*body, "References", "1. Kim M. Trade and ASEAN. Seoul: KIEP, 2019.", "2. Lee J. The New Southern Policy. Asian Survey 2020;60:1-20."]
    assert _cut_references(listed) == body  # at the end of the text: the list goes, as before


def test_running_words_never_take_words_of_the_text():
    """Only a whole running line, or a footer or stamp that says a page or a time, comes off a line it was set on;
    a sentence that begins like the running head, pages that begin alike, table rows and the word after a footer stay."""
    from nsp_explorer.pipeline.importers import _without_running_lines

    head = "The Digital Millennium Copyright Act of 1998"
    body = ["The Digital Millennium Copyright Act also creates four limitations on liability for providers.",
            "In 2011, the Ministry of Trade raised the quota again, officials said.", "Viet Nam 75.0 72.7"]
    pages = [f"{head}\n{body[0] if n == 3 else 'A sentence of its own on page ' + str(n) + '.'}\nSome more text of page {n}.\nCopyright Office Summary December 1998 Page {n} The {dict([(3, 'DMCA adds'), (6, 'provider must'), (9, 'Office reports')])[n]}\n{body[2]}"
             if n % 3 == 0 else f"{head}\nIn {2010 + n}, the Ministry of {('Trade', 'Finance', 'Energy', 'Health', 'Labour', 'Justice', 'Culture')[n % 7]} "
             f"raised quota {n} again.\nText.\nCopyright Office Summary December 1998 Page {n} Savings clauses\n{body[2]}"
             for n in range(1, 11)]
    joined = "\n".join(_without_running_lines(pages))
    assert body[0] in joined and joined.count(", the Ministry of ") == 7 and joined.count(body[2]) == 10  # pages that begin alike
    assert all(f"\nThe {words}" in joined for words in ("DMCA adds", "provider must", "Office reports"))  # "The" stays
    assert "Copyright Office Summary" not in joined and joined.count(head) == 1


def test_a_reference_list_after_its_heading_goes_wherever_it_stands_and_a_notice_without_a_year_is_no_text():
    from nsp_explorer.pipeline.clean import _cut_references

    body = [f"Paragraph {n} of the chapter says something about Korea and ASEAN at some length here." for n in range(12)]
    refs = ["Kim, M. 2019. Trade and ASEAN. Seoul: KIEP.", "Lee, J. 2020. The New Southern Policy. Asian Survey."]
    assert _cut_references([*body[:2], "References", *refs, *body[2:]]) == body[:2]  # references follow: cut (as before)
    for notice in ("Copyright by The Korea Herald. Reproduction prohibited.", "Copyright (c) The Korea Times", "Copyright ⓒ Yonhap News Agency"):
        assert classify([notice])[0].chrome == "copyright", notice
