"""Score the page reader on samples of real page tops labelled by a reader (a development tool, not part of the app).

A sample is a folder of ``ID.txt`` (the page's text as a browser copies it, chrome and all) and ``ID.json``
(``{"title", "date", "author", "debris": [lines], "body": [sentences]}``, the reader's labels). The samples of
real pages are kept outside the repository (their text is the publishers'); ``tests/heldout_pages`` has the same
shape. For each folder it prints how many of the stated dates, titles and authors the importer reads right, how
many it gives where the page states none (invented), how many debris lines reach a passage or a heading and how
many body sentences do not arrive. ``-v`` lists the pages with a mistake.

    .venv/bin/python packaging/score_pages.py [-v] FOLDER…

A body sentence that opens with a dateline ("SEOUL, Nov. 27 (Yonhap) -- …") counts as not arriving, as the cleaner
takes the dateline off it: read "lost" with that in mind.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from nsp_explorer.pipeline.clean import clean_document
from nsp_explorer.pipeline.importers import read_document


def words(text: str | None) -> str:
    return " ".join((text or "").split())


def score_page(txt: Path, verbose: bool) -> Counter:
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    document = read_document(txt)
    blocks = clean_document(document.text, title=document.title, author=document.author)
    shown = [words(b.text) for b in blocks] + [words(b.section) for b in blocks if b.section]
    leaked = [line for line in truth["debris"] if words(line) and any(words(line) in text for text in shown)]
    lost = [sentence for sentence in truth["body"] if not any(words(sentence) in text for text in shown)]
    count = Counter(pages=1, debris=len(truth["debris"]), leaked=len(leaked), body=len(truth["body"]), lost=len(lost))
    for name, read in (("date", document.date), ("title", document.title), ("author", document.author)):
        stated = truth[name]
        if stated:
            count[f"{name}s"] += 1
            count[f"{name}_right"] += words(read) == words(stated)
            count[f"{name}_wrong"] += bool(read) and words(read) != words(stated)
        elif name != "title":  # a title is always given (the file's name when no headline is found)
            count[f"{name}_invented"] += bool(read)
    wrong = leaked or lost or any(words(getattr(document, n)) != words(truth[n]) for n in ("date", "author")) or (
        truth["title"] and words(document.title) != words(truth["title"])
    )
    if verbose and wrong:
        print(f"== {txt.name}: date {document.date!r} / {truth['date']!r} | title {document.title[:60]!r} / {(truth['title'] or '')[:60]!r} | author {document.author!r} / {truth['author']!r}")
        for line in leaked:
            print("   debris in the text:", line[:110])
        for sentence in lost:
            print("   body not arrived:", sentence[:110])
    return count


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    for folder in (Path(a) for a in argv if a != "-v"):
        total = sum((score_page(txt, verbose) for txt in sorted(folder.glob("*.txt")) if txt.with_suffix(".json").exists()), Counter())
        print(
            f"{folder.name}: {total['pages']} pages · dates {total['date_right']}/{total['dates']} right, {total['date_wrong']} wrong, "
            f"{total['date_invented']} invented · titles {total['title_right']}/{total['titles']} · authors {total['author_right']}/{total['authors']} right, "
            f"{total['author_invented']} invented · debris in the text {total['leaked']}/{total['debris']} · body not arrived {total['lost']}/{total['body']}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
