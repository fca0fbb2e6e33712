"""Words and tables that go with an export: captions, the passage list as CSV and Markdown."""

from __future__ import annotations

import csv
import io
import re

import pandas as pd

from .dataset import UNKNOWN_YEAR, year_label
from .filters import NO_YEAR, NOTHING, FilterSpec
from .taxonomy import Taxonomy
from .wording import counted

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# a formula start at the beginning, after leading spaces, or after a separator a spreadsheet may split on (, ; tab |)
_FORMULA_START = re.compile(r"(^|[,;\t|\r\n])([ \u00a0\u3000]*)(?=[=+\-@\t\r])")
MAX_PNG_WIDTH = 8000  # pixels: 8000 x ~5000 x 4 bytes is ~160 MB of image; wider asks for gigabytes


def neutralise(cell: object) -> str:
    """A spreadsheet must not run a cell as a formula, whatever separator it splits the line on.

    A ' goes before every formula start: at the beginning, after leading
    spaces, and after any , ; tab or | (a file opened with ; as the separator
    makes ``…;=HYPERLINK(…)`` a cell of its own).
    """
    text = "" if cell is None else str(cell)
    return _FORMULA_START.sub(lambda m: f"{m[1]}{m[2]}'", text)


_FORMULA_AT_START = re.compile(r"^([ \u00a0\u3000]*)(?=[=+\-@\t\r])")


def neutralise_start(cell: str) -> str:
    """A ' before a formula start at a cell's beginning only (OWASP's rule for CSV): for data whose words must stay as
    they read everywhere else, such as a dataset copy (``neutralise`` also guards after separators inside a cell)."""
    return _FORMULA_AT_START.sub(lambda m: f"{m[1]}'", cell)


def png_width_problem(width: int | None) -> str:
    """Empty if ``width`` (pixels) is a PNG width the app will draw, else why not: one rule for the CLI and the window."""
    if width is not None and not 16 <= width <= MAX_PNG_WIDTH:
        return f"a PNG is 16 to {MAX_PNG_WIDTH:,} pixels wide, not {width:,}"
    return ""


def describe(spec: FilterSpec, taxonomy: Taxonomy) -> list[str]:
    """'Pillars: Peace', 'Authors: Lee Jaehyon', … for every dimension that is narrowed."""
    parts = []
    for key, dimension in (("pillars", "pillar"), ("areas", "area"), ("frames", "frame"), ("partners", "partner")):
        values = getattr(spec, key)
        if values:
            names = [taxonomy.label(dimension, v) for v in sorted(values) if v != NOTHING]
            parts.append(f"{key.capitalize()}: {', '.join(names) or 'none'}")
    if spec.authors:
        parts.append(f"Authors: {', '.join(sorted(a for a in spec.authors if a != NOTHING)) or 'none'}")
    if spec.years:
        parts.append(f"Years: {', '.join(str(y) for y in sorted(spec.years) if y != NO_YEAR) or 'none'}")
    return parts


def view_description(filters: FilterSpec, selection: FilterSpec, search: str, taxonomy: Taxonomy) -> str:
    parts = describe(filters, taxonomy)
    narrowed = describe(selection, taxonomy)
    if narrowed:
        parts.append("selection: " + "; ".join(narrowed))
    if search.strip():
        parts.append(f"search: “{search.strip()}”")
    return "; ".join(parts) if parts else "all passages"


def citation(row) -> str:
    """Author (year). Title. Outlet, date, paragraph N. Address — what is not known is left out, not left as a gap."""
    title = str(row.get("title") or "").strip()
    if title and title[-1] not in ".?!":
        title += "."
    known = [str(part) for part in (row.get("outlet"), row.get("published")) if part]
    where = ", ".join([*known, f"{'paragraph' if known else 'Paragraph'} {row['position']}"])
    url = f" {row['url']}" if row.get("url") else ""
    return " ".join(part for part in (f"{row['author']} ({year_label(row['year'])}).", title, f"{where}.") if part) + url


def _with_sources(passages: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    extra = documents.set_index("doc_id")[["url"]]
    return passages.join(extra, on="doc_id")


def passages_csv(passages: pd.DataFrame, documents: pd.DataFrame) -> bytes:
    """The passage list with citations, every cell safe to open in a spreadsheet."""
    rows = _with_sources(passages, documents)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)  # quoted, a cell stays one cell whatever the separator
    writer.writerow(["passage_id", "author", "year", "title", "outlet", "paragraph", "section", "text", "citation"])
    for _, row in rows.iterrows():
        year = "" if row["year"] == UNKNOWN_YEAR else row["year"]
        cells = [row["passage_id"], row["author"], year, row["title"], row["outlet"], row["position"], row["section"], row["text"], citation(row)]
        writer.writerow([neutralise(cell) for cell in cells])
    return buffer.getvalue().encode("utf-8")


def markdown_text(text: str) -> str:
    """Plain text in Markdown: characters that would make links, markup or HTML are escaped."""
    for char in "\\`*_[]<>#|!":
        text = text.replace(char, "\\" + char)
    return text


def passages_markdown(passages: pd.DataFrame, documents: pd.DataFrame, heading: str) -> str:
    rows = _with_sources(passages, documents)
    lines = [f"# {markdown_text(heading)}", "", f"{counted(len(rows), 'passage')}.", ""]
    for _, row in rows.iterrows():
        lines.append(f"> {markdown_text(row['text'])}")
        lines.append("")
        lines.append(f"— {markdown_text(citation(row))}")
        lines.append("")
    return "\n".join(lines)
