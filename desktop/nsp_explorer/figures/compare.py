"""Scenario A vs B as figures: both attention heatmaps on the same rows, columns and scale, and A − B;
and both framing views on the same rows and columns.

Rows are the areas either scenario speaks of, columns the authors either holds,
plus "All authors" (every selected passage together), so two scenarios that
share no author still compare area by area. Differences are in percentage
points, the unit of their colour bar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..core import aggregate
from ..core.filters import other_areas_note, sentence_view_notes
from ..core.aggregate import FEW_PASSAGES
from ..core.names import marked_name
from ..core.wording import signed_points
from .context import FigureContext, comparison_source, plural
from .export import Exported, write_figures
from .files import FORMATS
from .media import DEFAULT_MEDIUM, Medium

ALL = "All authors"
POINTS = 100  # A − B's colour scale runs from -POINTS to +POINTS, in the window as on every slide: two compare by eye
# What A − B compares, as the comparison window offers it: each author with themselves (and all authors
# together), all authors pooled only, or one author of A with one of B
EACH_AUTHOR, POOLED, PAIR = "same", "pooled", "pair"


@dataclass(frozen=True)
class Difference:
    """What the A − B panel compares; ``pair`` names A's author and B's for PAIR."""

    mode: str = EACH_AUTHOR
    pair: tuple[str | None, str | None] = (None, None)


def difference_columns(difference: Difference, authors: Sequence[str], held_a: Sequence[int], held_b: Sequence[int]) -> tuple[list[tuple[int, int]], str]:
    """A − B's columns, as the window and the figure both draw them: (A's column, B's column), each an author's index
    in ``authors`` or ``len(authors)`` for all authors together; and what they compare: "each" (every author on both
    sides with themselves, then all authors), "apart" (no author on both sides: all authors together), "pooled",
    "pair", or "none" (an author of the pair has no passages on their side). ``held_*``: passages per author."""
    everyone = len(authors)
    if difference.mode == POOLED:
        return [(everyone, everyone)], "pooled"
    if difference.mode == PAIR:
        a, b = difference.pair
        if a in authors and b in authors and held_a[authors.index(a)] and held_b[authors.index(b)]:
            return [(authors.index(a), authors.index(b))], "pair"
        return [], "none"
    shared = [i for i in range(everyone) if held_a[i] and held_b[i]]
    return ([(i, i) for i in shared] + [(everyone, everyone)], "each") if shared else ([(everyone, everyone)], "apart")


def side_authors(a: Sequence[str], b: Sequence[str], order: Sequence[str]) -> tuple[list[str], list[str]]:
    """The authors each side of a comparison shows, given those each holds: the authors either holds, on both
    sides, in ``order``, so an author's cells stand level across A and B; when both hold authors and share none,
    each its own (lined-up columns would leave half of each side empty). The window and the figures use it."""
    if a and b and not set(a) & set(b):
        return list(a), list(b)
    either = set(a) | set(b)
    shown = [author for author in order if author in either]
    return shown, list(shown)


def _shares(context: FigureContext, authors: list[str], areas: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Areas × (authors + all): shares of passages (NaN where a column has none), and the passages of each column."""
    counts = aggregate.frame_matrix(context.coded, context.mask, "count")
    totals = aggregate.passages_per_author(context.coded, context.mask)
    table = counts.loc[authors, areas].to_numpy().T.astype(float)
    n = totals[authors].to_numpy().astype(float)
    pooled = np.array([np.count_nonzero(context.mask & context.coded.has("area", a)) for a in areas], dtype=float)
    table = np.column_stack([table, pooled]) if len(areas) else np.zeros((0, len(authors) + 1))
    n = np.append(n, context.passages)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(n > 0, table / n, np.nan), n


class _Comparison:
    """Draws the comparison figure on a Sheet (matplotlib only when drawn)."""

    title = "Comparison"
    stem = "comparison"

    def __init__(self, a: FigureContext, b: FigureContext, difference: Difference = Difference()):
        self.a, self.b, self.difference = a, b, difference

    def _difference_columns(self, authors: list[str], columns: list[str], n_a: np.ndarray, n_b: np.ndarray) -> tuple[list[tuple[str, int, int]], str]:
        """(label, A's column, B's column) of each A − B column, and what the note says of them."""
        pairs, kind = difference_columns(self.difference, authors, n_a[:-1], n_b[:-1])
        if kind == "pair":
            (i, j), = pairs
            # name over year, each with its side: narrow enough to stand level under A − B's column (turned, it squeezed the rows)
            label = f"{columns[i].replace(' ', chr(10))} (A)\n− {columns[j].replace(' ', chr(10))} (B)"
            return [(label, i, j)], f"A − B: {columns[i]} in A against {columns[j]} in B"
        notes = {
            "each": "A − B: each author on both sides with themselves, and all authors together",
            "apart": "A − B: all authors together (no author is on both sides)",
            "pooled": "A − B: all authors pooled",
            "none": "A − B: the chosen authors have no passages on their sides",
        }
        return [(columns[i], i, j) for i, j in pairs], notes[kind]

    def draw(self, _context, medium: Medium, width: int | None):
        from matplotlib import colormaps
        from matplotlib.cm import ScalarMappable
        from matplotlib.colors import LinearSegmentedColormap, Normalize

        from ..colours import HEATMAP
        from .draw import cell_grid, fitting_size, shrink_to_cells, style_axes, wrap_label
        from .sheet import INK, Sheet

        a, b = self.a, self.b
        coded = a.coded
        held = aggregate.passages_per_author(coded, a.mask) + aggregate.passages_per_author(coded, b.mask)
        authors = [x for x in coded.authors if held[x] > 0]
        union = a.mask | b.mask
        areas = [x for x in coded.taxonomy.ids("area") if np.count_nonzero(union & coded.has("area", x))]
        if not areas:
            return None
        share_a, n_a = _shares(a, authors, areas)
        share_b, n_b = _shares(b, authors, areas)
        marked = frozenset(coded.machine_coded_authors(union))
        columns = [marked_name(x, coded.first_years, marked) for x in authors] + [ALL]
        differences, compared = self._difference_columns(authors, columns, n_a, n_b)
        if differences:
            points = 100 * np.column_stack([share_a[:, i] - share_b[:, j] for _, i, j in differences])
            few_columns = np.array([min(n_a[i], n_b[j]) < FEW_PASSAGES for _, i, j in differences])
        else:
            points, few_columns = np.full((len(areas), 1), np.nan), np.array([False])
            differences = [("–", len(authors), len(authors))]
        # each side its authors (see side_authors), then All authors
        own = [[x for x, n in zip(authors, side) if n > 0] for side in (n_a, n_b)]
        sides = [[authors.index(x) for x in shown] + [len(authors)] for shown in side_authors(*own, authors)]
        apart = sides[0] != sides[1]
        wide = max(map(len, sides))
        name_a, name_b = a.scenario or "A", b.scenario or "B"
        subtitle = f"A: {name_a} ({a.filters_in_short()})  vs  B: {name_b} ({b.filters_in_short()})"
        source = comparison_source(a, b)
        note = (
            "Each column: share of that author's passages on each area; – no passages."
            + (" The two sides share no author: each shows its own." if apart else "")
            + f" {compared}; * fewer than {FEW_PASSAGES} passages in the column (in A − B, on one side)."
        )
        rows_note = other_areas_note(coded.taxonomy, areas, a.state.filters, a.state.selection, b.state.filters, b.state.selection)
        note += f" {rows_note}" if rows_note else ""
        sheet = Sheet(medium, width, f"Attention by area: {name_a} vs {name_b}", subtitle, source, body_in=0.2 * len(areas) + 1.8, note=note)
        # A and B: columns of one width; A − B at least wide enough for its title and colour bar
        axes = sheet.axes(1, 3, width_ratios=[wide, wide, max(len(differences), 2.5)])[0]
        body_w, body_h = sheet.body_in
        labels = [wrap_label(coded.taxonomy.label("area", x), medium) for x in areas]
        label_in = sheet.text_width_in(labels, medium.text_pt)
        cell_w = (body_w - label_in - 0.08 * body_w) / (2 * wide + max(len(differences), 2.5))
        cell_h = (body_h - 7 * medium.text_pt / 72) / len(areas)
        size = fitting_size(medium, cell_w, cell_h, 4)
        shares_map = colormaps[HEATMAP]
        diverging = LinearSegmentedColormap.from_list("a-minus-b", ["#0072B2", "#FFFFFF", "#D55E00"])  # Okabe–Ito blue ↔ vermillion
        missing = np.array([0.92, 0.92, 0.92, 1.0])
        grids = []
        for ax, values, side, n, shown, held_side in ((axes[0], share_a, f"A: {name_a}", a.passages, sides[0], n_a), (axes[1], share_b, f"B: {name_b}", b.passages, sides[1], n_b)):
            values = values[:, shown]
            colours = shares_map(Normalize(0, 1)(np.nan_to_num(values)))
            colours[~np.isfinite(values)] = missing
            few_here = [held_side[i] < FEW_PASSAGES for i in shown]  # a share of few passages, starred as in the single figure
            texts = [["–" if v != v else f"{100 * v:.0f}%" + ("*" if f else "") for v, f in zip(row, few_here)] for row in values]
            style_axes(ax, medium)
            grids.append((ax, cell_grid(ax, colours, texts, size), len(areas), wide))
            ax.set_xlim(-0.5, wide - 0.5)  # cells of one width on both sides
            ax.set_title(f"{side}\n{plural(n, 'passage')}", fontsize=medium.text_pt, color=INK, loc="center")
        colours = diverging(Normalize(-POINTS, POINTS)(np.nan_to_num(points)))
        colours[~np.isfinite(points)] = missing
        few = few_columns[None, :].repeat(len(areas), axis=0)
        texts = [["–" if v != v else f"{signed_points(v)}{'*' if f else ''}" for v, f in zip(row, frow)] for row, frow in zip(points, few)]
        style_axes(axes[2], medium)
        grids.append((axes[2], cell_grid(axes[2], colours, texts, size), len(areas), len(differences)))
        axes[2].set_title("A − B\n(points)", fontsize=medium.text_pt, color=INK)
        for ax, names in ((axes[0], [columns[i] for i in sides[0]]), (axes[1], [columns[i] for i in sides[1]]), (axes[2], [label for label, _, _ in differences])):
            stacked = [c if "\n" in c else c.replace(" ", "\n") for c in names]  # a name over its year; a pair's label has its own lines
            upright = sheet.text_width_in(stacked, size) <= 0.95 * cell_w * (max(len(differences), 2.5) / len(differences) if ax is axes[2] else 1)
            ax.set_xticks(range(len(names)), stacked if upright else [c.replace("\n", " ") for c in names], rotation=0 if upright else 90, fontsize=size)
            ax.set_yticks(range(len(areas)), labels if ax is axes[0] else [])
        bar = sheet.figure.colorbar(ScalarMappable(Normalize(0, 1), shares_map), ax=list(axes[:2]), location="bottom", fraction=0.05, aspect=40, pad=0.02)
        bar.set_label("share of the column's passages (A and B on one scale)", size=medium.text_pt * 0.9)
        bar.ax.xaxis.set_major_formatter(lambda v, _: f"{100 * v:.0f}%")
        diff = sheet.figure.colorbar(ScalarMappable(Normalize(-POINTS, POINTS), diverging), ax=axes[2], location="bottom", fraction=0.05, aspect=20, pad=0.02)
        diff.set_label("points", size=medium.text_pt * 0.9)
        for colour_bar in (bar, diff):
            colour_bar.ax.tick_params(labelsize=medium.text_pt * 0.85, colors=INK)
            colour_bar.outline.set_visible(False)
            colour_bar.solids.set_rasterized(False)  # matplotlib would make a long colour bar an image: keep it vector
            colour_bar.solids.set_edgecolor("face")  # no hairline seams between its steps in SVG and PDF renderers
        shrink_to_cells(sheet.figure, grids)
        return sheet


class _FramingComparison:
    """A's and B's framing views side by side: the same areas down and authors across (those either side holds)."""

    title = "Framing comparison"
    stem = "comparison-framing"

    def __init__(self, a: FigureContext, b: FigureContext):
        self.a, self.b = a, b

    def draw(self, _context, medium: Medium, width: int | None):
        from ..core.framing import framing_mix
        from .draw import wrap_label
        from .framing import author_ticks, cell_font, draw_cells, frame_keys, present, row_height
        from .sheet import INK, Sheet

        a, b = self.a, self.b
        coded = a.coded
        mixes = [framing_mix(coded, side.state) for side in (a, b)]
        held = [present(mix, coded) for mix in mixes]
        either = {x for _, authors, _ in held for x in authors}
        authors = [x for x in coded.authors if x in either] + sorted(either - set(coded.authors))
        columns = side_authors(held[0][1], held[1][1], authors)
        apart = columns[0] != columns[1]
        either = {x for _, _, areas in held for x in areas}
        areas = [x for x in coded.taxonomy.ids("area") if x in either]
        if not areas:
            return None
        name_a, name_b = a.scenario or "A", b.scenario or "B"
        subtitle = f"A: {name_a} ({a.filters_in_short()})  vs  B: {name_b} ({b.filters_in_short()})"
        source = comparison_source(a, b)
        note = "Each cell: the frames of that author's sentences on the area (bar) and how many sentences (number); – none on that side." + (
            " The two sides share no author: each shows its own." if apart else ""
        )
        note += "".join(f" {n}" for n in sentence_view_notes(coded.taxonomy, areas, a.state.filters, a.state.selection, b.state.filters, b.state.selection))
        labels = [wrap_label(coded.taxonomy.label("area", x), medium) for x in areas]
        sheet = Sheet(medium, width, f"Framing: {name_a} vs {name_b}", subtitle, source, frame_keys(coded, a.state, b.state), body_in=row_height(labels, medium) * len(areas) + 1.0, note=note)
        axes = sheet.axes(1, 2)[0]
        body_w, body_h = sheet.body_in
        cell_w = (body_w - sheet.text_width_in(labels, medium.text_pt) - 0.06 * body_w) / (2 * max(1, *map(len, columns)))
        cell_h = (body_h - 4 * medium.text_pt / 72) / len(areas)
        size = cell_font(medium, cell_w, cell_h)
        machine = frozenset(coded.machine_coded_authors(a.mask | b.mask))
        for ax, (cells, _, _), shown, side, name, context in zip(axes, held, columns, "AB", (name_a, name_b), (a, b)):
            draw_cells(ax, cells, shown, areas, size, medium)
            ax.set_xlim(-0.5, max(map(len, columns)) - 0.5)  # cells of one width on both sides
            ax.set_yticks(range(len(areas)), labels if side == "A" else [])
            author_ticks(ax, sheet, shown, coded, cell_w, min(size / 0.8, medium.text_pt), machine)
            ax.set_title(f"{side}: {name}\n{plural(context.passages, 'passage')}", fontsize=medium.text_pt, color=INK, loc="center")
        return sheet


COMPARISON_STEMS = (_Comparison.stem, _FramingComparison.stem)  # the files write_comparison makes, before the format


def write_comparison(
    a: FigureContext, b: FigureContext, folder: Path, formats=FORMATS, width: int | None = None, medium: str = DEFAULT_MEDIUM,
    difference: Difference = Difference(),
) -> Exported:
    """``comparison.<format>`` (attention, and A − B as ``difference`` says) and ``comparison-framing.<format>`` in
    ``folder``; a figure with no data (neither scenario shows a passage, or a dataset without sentence codes) is left
    out and named in ``empty``."""
    return write_figures((_Comparison(a, b, difference), _FramingComparison(a, b)), a, folder, formats, width, medium)
