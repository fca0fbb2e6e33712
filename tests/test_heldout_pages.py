"""Held-out web pages (tests/heldout_pages): written and labelled before the cleaning and metadata rules were, never tuned on.

Each page is imported as a user's file is (``read_document``, then ``clean_document``); its ``.json`` lists the debris
lines that must not reach a passage or a heading, the body sentences that must all arrive, and the title, date and
author the page states (``null``: it states none, and the value must stay unknown).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nsp_explorer.pipeline.clean import clean_document
from nsp_explorer.pipeline.importers import read_document

PAGES = sorted((Path(__file__).parent / "heldout_pages").glob("*.txt"))


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module", params=PAGES, ids=[p.stem for p in PAGES])
def page(request):
    path = request.param
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    document = read_document(path)
    blocks = clean_document(document.text, title=document.title, author=document.author)
    shown = [_words(b.text) for b in blocks] + [_words(b.section) for b in blocks if b.section]
    return truth, document, shown


def test_no_debris_line_reaches_a_passage_or_a_heading(page):
    truth, _, shown = page
    assert [line for line in truth["debris"] if any(_words(line) in text for text in shown)] == []


def test_every_body_sentence_arrives(page):
    truth, _, shown = page
    assert [s for s in truth["body"] if not any(_words(s) in text for text in shown)] == []


def test_title_date_and_author_are_read_from_the_page_and_nothing_is_invented(page):
    truth, document, _ = page
    assert document.title == truth["title"]
    assert document.date == (truth["date"] or "")  # a page that states no date leaves it unknown
    assert document.author == (truth["author"] or "")


def test_the_page_scorer_counts_what_a_reader_would_check(tmp_path):
    """packaging/score_pages.py, the tool the README's page figures come from: right, invented, debris, lost."""
    import shutil
    import subprocess
    import sys

    sample = tmp_path / "sample"
    shutil.copytree(Path(__file__).parent / "heldout_pages", sample)
    first = sorted(sample.glob("*.json"))[0]
    truth = json.loads(first.read_text(encoding="utf-8"))
    truth["title"] = "A headline the page does not carry"  # one title now wrong
    first.write_text(json.dumps(truth), encoding="utf-8")
    script = Path(__file__).parents[1] / "packaging" / "score_pages.py"
    run = subprocess.run([sys.executable, str(script), str(sample)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "4 pages · dates 3/3 right, 0 wrong, 0 invented · titles 3/4 · authors 2/2 right, 0 invented" in run.stdout
    assert "debris in the text 0/41 · body not arrived 0/20" in run.stdout
