"""Debris and metadata on the real-shaped test pages: what leaks, what is dropped, which values are read right.

    python tests/benchmarks/web_pages.py [-v]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from nsp_explorer.pipeline.chrome import classify  # noqa: E402
from nsp_explorer.pipeline.clean import clean_document  # noqa: E402
from nsp_explorer.pipeline.metadata import metadata_from_text  # noqa: E402
from tests.web_pages import PAGES, VARIANTS  # noqa: E402


def main(verbose: bool) -> None:
    totals = {"debris": 0, "leaked": 0, "lost": 0, "body": 0, "date": [0, 0], "title": [0, 0], "author": [0, 0], "outlet": [0, 0]}
    for page in PAGES + VARIANTS:
        found = metadata_from_text(page.text)
        blocks = clean_document(page.text, title=found.title.value if found.title else "", author=found.author.value if found.author else "")
        shown = [b.text for b in blocks] + [b.section for b in blocks if b.section]
        leaked = [d for d in page.debris if any(d in s for s in shown)]
        lost = [s for s in page.body if not any(s in b.text for b in blocks)]
        totals["debris"] += len(page.debris)
        totals["leaked"] += len(leaked)
        totals["lost"] += len(lost)
        totals["body"] += len(page.body)
        line = f"{page.name:45} debris {len(page.debris) - len(leaked)}/{len(page.debris)} dropped, body {len(page.body) - len(lost)}/{len(page.body)}"
        for key in ("date", "title", "author", "outlet"):
            want = getattr(page, key)
            got = getattr(found, key)
            value = got.value if got else ""
            if want:
                totals[key][1] += 1
                totals[key][0] += value == want
            if value != want:
                line += f"\n    {key}: got {value!r} want {want!r}" + (f"  [{got.source}]" if got else "")
        for item in leaked:
            line += f"\n    LEAKED {item!r}"
        for item in lost:
            line += f"\n    LOST {item[:70]!r}"
        print(line)
        if verbose:
            for verdict in classify(page.text.split("\n"), found.title.value if found.title else ""):
                print(f"      {'KEEP' if verdict.is_content else 'drop'} [{verdict.chrome}] {verdict.text[:90]!r}")
            for block in blocks:
                print(f"      PASSAGE [{block.section}] {block.text[:90]!r}")
    print(
        f"debris lines leaked: {totals['leaked']} of {totals['debris']}; body sentences lost: {totals['lost']} of {totals['body']}; "
        + "; ".join(f"{k} right {totals[k][0]}/{totals[k][1]}" for k in ("date", "title", "author", "outlet"))
    )


if __name__ == "__main__":
    main("-v" in sys.argv)
