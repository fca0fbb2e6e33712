"""Cleaning: no debris, no duplicates, every paragraph once, the authors' words untouched."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from nsp_explorer.pipeline.clean import clean_document, strip_footnote_markers
from nsp_explorer.pipeline.dedupe import NEAR_DUPLICATE, _shingles

from .conftest import read_rows

DEBRIS = [
    r"^By [A-Z]",  # bylines
    r"Advertisement",
    r"Leave a Reply",
    r"― ED\.",
    r"!\[\]\(",  # image placeholders
    r"\|\s*$",  # caption bars
    r"is a member of the Malaysia Scholars",  # bios
    r"is a professor and head of",
    r"is a graduate of the Jackson Institute",
    r"-\d+-",  # page number
    r"Haruko Satoh|Duterte and His Quixotic|Monopsony in the Labor",  # 003's listing of other articles
    r"Hong, Euny|Kyoto Review|ASEAN Trade Statistics",  # 003's reference list
    r"268,614|Mil\.\)|Outbound Korean",  # 004's scrambled Table 1
    r"^2019\.06\.21|^Lee Jaehyon, Senior Fellow",  # 004's cover
]


@pytest.mark.parametrize("pattern", DEBRIS)
def test_no_debris_in_passages(passages, pattern):
    hits = [p["passage_id"] for p in passages if re.search(pattern, p["text"], re.M)]
    assert hits == []


def test_no_footnote_markers_left(passages):
    glued = [m.group() for p in passages for m in re.finditer(r"[a-z][.”’)]\d{1,2}\b|[.!?] \d{1,2} [A-Z]", p["text"])]
    assert glued == []


def test_real_numbers_survive_footnote_stripping(passages):
    text = " ".join(p["text"] for p in passages)
    for phrase in ("USD 4 billion to 10 ASEAN countries", "over the past 28 years", "ratio is just 0.17", "in 2017.", "more than 20 ASEAN-Korea summits"):
        assert phrase in text


def test_no_duplicate_paragraphs(passages):
    texts = [p["text"] for p in passages]
    assert len(set(texts)) == len(texts)
    shingles = [_shingles(t) for t in texts]
    for i in range(len(texts)):
        for j in range(i):
            overlap = len(shingles[i] & shingles[j]) / min(len(shingles[i]), len(shingles[j]))
            assert overlap < NEAR_DUPLICATE, (passages[i]["passage_id"], passages[j]["passage_id"])


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text) if not (w.isdigit() and len(w) <= 2)]


def _contains(haystack: list[str], needle: list[str]) -> bool:
    first = needle[0]
    return any(haystack[i : i + len(needle)] == needle for i, w in enumerate(haystack) if w == first)


def test_passages_never_change_the_authors_words(data, passages):
    """Every passage's words stand in the same order in its raw file (footnote numbers aside)."""
    documents = {d["doc_id"]: d for d in read_rows(data / "dataset" / "documents.csv")}
    raw = {doc: _words((data / "corpus" / "raw" / d["source_file"]).read_text(encoding="utf-8")) for doc, d in documents.items()}
    for passage in passages:
        assert _contains(raw[passage["doc_id"]], _words(passage["text"])), passage["passage_id"]


def test_every_substantive_web_paragraph_is_present_exactly_once(data, passages):
    """Each prose paragraph of the web articles (000-003) is in passages.csv once."""
    documents = {d["source_file"]: d for d in read_rows(data / "dataset" / "documents.csv")}
    texts = Counter(p["text"] for p in passages)
    joined = "\n".join(texts)
    for name in ("000", "001", "002", "003"):
        source = next(f for f in documents if f.startswith(name))
        raw = (data / "corpus" / "raw" / source).read_text(encoding="utf-8").replace("\u00a0", " ")
        cut = raw.find("\n\n\n\n\n") if name == "003" else -1  # 003's reference list and listing follow
        body = raw[:cut] if cut > 0 else raw
        for line in body.split("\n"):
            line = re.sub(r" {2,}", " ", line).strip()
            line = re.sub(r"\s+Conclusion$", "", line)  # the glued subheading is split off
            if len(line.split()) < 20 or re.match(r"^(?:Choe Won-gi|Siti Atiqah Mokhter) is ", line):
                continue
            assert joined.count(line) == 1, line[:80]


def test_pdf_sections_are_kept(passages):
    sections = {p["section"] for p in passages if p["doc_id"] == "lee-2019-asan"}
    assert {"1. Introduction", "3-1. Review of Korean Policy Towards ASEAN", "3-2 Mirroring the existing partnership between Korea and ASEAN",
            "4-3. ASEAN’s role in making North Korea a normal state", "5. Conclusion"} <= sections


def test_pdf_paragraph_across_a_page_break_is_one_passage(passages):
    joined = [p for p in passages if "set up a special presidential committee to implement the NSP and to coordinate" in p["text"]]
    assert len(joined) == 1


def test_web_sections_and_glued_heading(passages):
    beser = [p for p in passages if p["doc_id"] == "beser-2025-uwi"]
    assert beser[-1]["section"] == "Conclusion"
    assert not any(p["text"].endswith("Conclusion") for p in beser)
    assert "Trade and Investment" in {p["section"] for p in passages if p["doc_id"] == "fabrian-2017-habibie"}


# --- the same rules on articles they have not seen --------------------------------

NEXT_WEB_ARTICLE = """Korea and Vietnam sign a digital pact

By Jane Q. Reporter
This is part of a series on Korea's southern diplomacy. ― ED.
Korea and Vietnam signed a memorandum on digital trade on Tuesday, the latest step in a partnership that has grown quickly since 2017 and now covers semiconductors and green hydrogen.
![](https://example.org/photo.jpg) |
Officials at the signing ceremony in Hanoi |
Officials said the agreement would speed up customs for small firms, which have long complained about paperwork at the border. Outlook
Analysts expect trade between the two countries to keep rising, although the global slowdown remains a risk for exporters on both sides.
- Advertisement -
Jane Q. Reporter is a correspondent covering Southeast Asia for the paper.
Leave a comment
Korea and Vietnam signed a memorandum on digital trade on Tuesday, the latest step in a partnership that has grown quickly since 2017 and now covers semiconductors and green hydrogen.
"""


def test_web_rules_work_on_a_new_article():
    blocks = clean_document(NEXT_WEB_ARTICLE, title="Korea and Vietnam sign a digital pact", author="Jane Q. Reporter")
    texts = [b.text for b in blocks]
    assert len(texts) == 3
    assert texts[1].endswith("paperwork at the border.")
    assert blocks[2].section == "Outlook"
    assert not any(re.search(r"By Jane|ED\.|Advertisement|correspondent|Leave a comment|Officials at the signing", t) for t in texts)


NEXT_PDF = "\n".join(
    [
        "Korea and the Mekong:",
        "A New Partnership",
        "2021-03",
        "",
        "Kim Minsu, Research Fellow",
        "2021.03.02",
        "",
        "1. Introduction",
        "Korea's engagement with the Mekong countries has deepened over the last decade, and the government",
        "now treats the subregion as a priority of its southern diplomacy.1 Trade with the five Mekong states",
        "reached USD 85 billion in 2020, and Korean firms invested USD 3 billion in Vietnam alone in the",
        "",
        "-2-",
        "",
        " same year.2 This paper reviews the main programmes.",
        "2-1. Development cooperation",
        "Korean grants to the subregion support roads, schools and clinics in more than 12 provinces, and a",
        "training scheme has reached 4,000 officials since 2015. 3 The scheme will expand to Laos next year.",
    ]
    * 1
)


def test_pdf_rules_work_on_a_new_brief():
    blocks = clean_document(NEXT_PDF + "\n" + "\n".join(["Filler line of prose that keeps the brief long enough to be seen as wrapped text here."] * 20))
    first, second = blocks[0], blocks[1]
    assert first.section == "1. Introduction"
    assert first.text.startswith("Korea's engagement with the Mekong countries")
    assert "southern diplomacy. Trade with the five Mekong states reached USD 85 billion in 2020" in first.text
    assert "in the same year. This paper" in first.text and "-2-" not in first.text
    assert second.section == "2-1. Development cooperation"
    assert "more than 12 provinces" in second.text and "since 2015. The scheme" in second.text
    assert not any("Kim Minsu" in b.text or "2021.03.02" in b.text for b in blocks)


def test_footnote_markers_must_continue_the_count():
    lines = ["Trade grew.1 It rose again.2 Korea sent 10 ministers in 2019.", "The past 3 years saw 4 summits.3 Then more."]
    assert strip_footnote_markers(lines) == ["Trade grew. It rose again. Korea sent 10 ministers in 2019.", "The past 3 years saw 4 summits. Then more."]


def test_cleaning_is_idempotent_on_clean_text(passages):
    text = "\n".join(p["text"] for p in passages if p["doc_id"] == "choe-2021-koreatimes")
    once = [b.text for b in clean_document(text)]
    assert [b.text for b in clean_document("\n".join(once))] == once
