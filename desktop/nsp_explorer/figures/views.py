"""One figure per view of the explorer, drawn from the same aggregations as the views.

Each function takes a FigureContext, a Medium and a pixel width and returns a
Sheet, or None when the view holds no data under the context's filters (an
empty view is not exported). Only the authors and categories that hold data
are drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from matplotlib import colormaps
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Normalize

from ..colours import FRAME_COLOURS, HEATMAP, PARTNER_COLOUR, PILLAR_COLOURS
from ..core import aggregate
from ..core.dataset import UNKNOWN_YEAR
from ..core.filters import other_areas_note, other_partners_note, other_pillars_note
from ..core.wording import counted, indicator_label
from .context import FigureContext, plural
from .draw import MARKERS, cell_grid, fitting_size, shrink_to_cells, style_axes, whole_numbers, wrap_label
from .media import Medium
from .sheet import GREY, INK, Key, Sheet


@dataclass(frozen=True)
class View:
    stem: str  # file name
    title: str
    chart: str  # the explorer's chart it comes from (its right-click export)
    draw: Callable[[FigureContext, Medium, int | None], Sheet | None]


def _percent(value: float) -> str:
    return f"{100 * value:.0f}%"


def _author_label(context: FigureContext, author: str) -> str:
    return context.author_label(author)


# -- attention heatmap ------------------------------------------------------------------------


def attention_heatmap(context: FigureContext, medium: Medium, width: int | None) -> Sheet | None:
    """Authors × cooperation areas: the share (or number) of each author's passages on each area."""
    coded, mask = context.coded, context.mask
    counts = aggregate.frame_matrix(coded, mask, "count")  # authors × areas
    totals = aggregate.passages_per_author(coded, mask)
    authors = [a for a in coded.authors if totals[a] > 0]
    areas = [a for a in counts.columns if counts.loc[authors, a].sum() > 0] if authors else []
    if not areas:
        return None
    table = counts.loc[authors, areas].T  # areas × authors
    share = context.measure == "share"
    values = table / totals[authors].to_numpy() if share else table.astype(float)
    top = 1.0 if share else max(1.0, float(values.to_numpy().max()))
    title = "Attention by area: share of each author's passages" if share else "Attention by area: passages per author"
    area_labels = [wrap_label(coded.taxonomy.label("area", a), medium) for a in areas]
    note = other_areas_note(coded.taxonomy, areas, context.state.filters, context.state.selection)
    sheet = Sheet(medium, width, title, context.subtitle(), context.source(), body_in=0.22 * len(areas) + 0.9, note=note)
    body_w, body_h = sheet.body_in
    label_in = sheet.text_width_in(area_labels, medium.text_pt)
    cell_w = (body_w - label_in - 0.12 * body_w) / len(authors)
    cell_h = (body_h - 3.2 * medium.text_pt / 72) / len(areas)
    from .framing import fitted_author_labels

    labels, rotation, label_size = fitted_author_labels(sheet, [_author_label(context, a) for a in authors], cell_w, medium.text_pt)
    (ax,), = sheet.axes()
    style_axes(ax, medium)
    colour_map = colormaps[HEATMAP]
    norm = Normalize(0, top)
    colours = colour_map(norm(values.to_numpy()))
    starred = [share and totals[a] < aggregate.FEW_PASSAGES for a in authors]  # a share of few passages; counts are not starred
    texts = [[_percent(v) + ("*" if star else "") if share else f"{int(v)}" for v, star in zip(row, starred)] for row in values.to_numpy()]
    values_drawn = cell_grid(ax, colours, texts, fitting_size(medium, cell_w, cell_h, 4))
    ax.set_yticks(range(len(areas)), area_labels)
    ax.set_xticks(range(len(authors)), labels, rotation=rotation, fontsize=label_size)
    ax.set_xlabel("Author (first publication year)" + (f"\n{aggregate.FEW_PASSAGES_NOTE}" if any(starred) else ""))
    bar = sheet.figure.colorbar(ScalarMappable(norm, colour_map), ax=ax, fraction=0.04, pad=0.02, aspect=25)
    bar.set_label("share of the author's passages" if share else "passages", size=medium.text_pt)
    bar.ax.tick_params(labelsize=medium.text_pt * 0.9, colors=INK)
    bar.outline.set_visible(False)
    bar.solids.set_rasterized(False)  # matplotlib would make a long colour bar an image: keep it vector
    bar.solids.set_edgecolor("face")  # no hairline seams between its steps in SVG and PDF renderers
    if share:
        bar.ax.yaxis.set_major_formatter(lambda v, _: _percent(v))
    else:
        whole_numbers(bar.ax.yaxis)
    shrink_to_cells(sheet.figure, [(ax, values_drawn, len(areas), len(authors))])
    return sheet


# -- pillar profile and frame mix -------------------------------------------------------------------


def _author_bars(context: FigureContext, medium: Medium, width: int | None, dimension: str, colours: dict[str, str], title: str) -> Sheet | None:
    """Per author, one bar per code: the share of the author's passages coded with it."""
    coded, mask = context.coded, context.mask
    counts = (aggregate.pillar_profile if dimension == "pillar" else aggregate.frame_mix)(coded, mask, "count")
    totals = aggregate.passages_per_author(coded, mask)
    authors = [a for a in coded.authors if totals[a] > 0]
    codes = [c for c in counts.columns if counts.loc[authors, c].sum() > 0] if authors else []
    if not codes:
        return None
    shares = counts.loc[authors, codes].to_numpy() / totals[authors].to_numpy()[:, None]
    keys = [Key(coded.taxonomy.label(dimension, c), colours[c]) for c in codes]
    note = other_pillars_note(coded.taxonomy, codes, context.state.filters, context.state.selection) if dimension == "pillar" else ""
    sheet = Sheet(medium, width, title, context.subtitle(), context.source(), keys, body_in=0.11 * len(authors) * len(codes) + 0.5, note=note)
    (ax,), = sheet.axes()
    style_axes(ax, medium, grid_axis="x")
    thickness = 0.8 / len(codes)
    bar_in = sheet.body_in[1] / (len(authors) + 0.5) * thickness
    size = max(5.0, min(medium.text_pt * 0.9, bar_in * 72 * 0.85))
    for j, code in enumerate(codes):
        ys = np.arange(len(authors)) - 0.4 + thickness * (j + 0.5)
        ax.barh(ys, 100 * shares[:, j], height=thickness * 0.92, color=colours[code], label=keys[j].label)
        if size >= max(5.0, 0.6 * medium.text_pt):  # value labels where bars are tall enough to carry legible ones
            for y, value in zip(ys, shares[:, j]):
                ax.text(100 * value + 1, y, _percent(value), va="center", ha="left", fontsize=size, color=INK)
    starred = [totals[a] < aggregate.FEW_PASSAGES for a in authors]
    ax.set_yticks(range(len(authors)), [_author_label(context, a) + (" *" if star else "") for a, star in zip(authors, starred)])
    ax.set_ylim(len(authors) - 0.5, -0.5)
    ax.set_xlim(0, 109)
    ax.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    ax.set_xlabel("share of the author's passages" + (f"\n{aggregate.FEW_PASSAGES_NOTE}" if any(starred) else ""))
    return sheet


def pillar_profile(context, medium, width):
    return _author_bars(context, medium, width, "pillar", PILLAR_COLOURS, "Pillar profile: the pillars each author speaks of")


def frame_mix(context, medium, width):
    return _author_bars(context, medium, width, "frame", FRAME_COLOURS, "Frame mix: how each author frames the selection")


# -- timeline and years mentioned -------------------------------------------------------------------


def timeline(context: FigureContext, medium: Medium, width: int | None) -> Sheet | None:
    """Passages per publication year and pillar, from the first to the last year with passages."""
    coded = context.coded
    table = aggregate.publication_timeline(coded, context.mask)
    held = table.index[table["passages"] > 0]
    if not len(held):
        return None
    table = table.loc[held.min() : held.max()]
    pillars = [p for p in coded.taxonomy.ids("pillar") if table[p].sum() > 0]
    keys = [Key(coded.taxonomy.label("pillar", p), PILLAR_COLOURS[p]) for p in pillars]
    keys.append(Key("all passages", "#BBBBBB"))
    undated = int((context.mask & (coded.passages["year"].to_numpy() == UNKNOWN_YEAR)).sum())
    note = f"Not shown: {counted(undated, 'passage')} from documents with no known publication date." if undated else ""
    sheet = Sheet(medium, width, "Timeline: passages by publication year", context.subtitle(), context.source(), keys, body_in=1.9, note=note)
    (ax,), = sheet.axes()
    style_axes(ax, medium, grid_axis="y")
    years = table.index.to_numpy()
    ax.bar(years, table["passages"], width=0.86, color="#E4E4E4", label="all passages")
    slot = 0.8 / max(len(pillars), 1)
    for j, pillar in enumerate(pillars):
        ax.bar(years - 0.4 + slot * (j + 0.5), table[pillar], width=slot * 0.9, color=PILLAR_COLOURS[pillar])
    ax.set_xticks(years, [str(y) for y in years], rotation=0 if len(years) * 0.45 < sheet.body_in[0] else 90)
    ax.set_xlim(years.min() - 0.6, years.max() + 0.6)
    whole_numbers(ax.yaxis)
    ax.set_ylabel("passages")
    ax.set_xlabel("year of publication")
    return sheet


def years_mentioned(context: FigureContext, medium: Medium, width: int | None) -> Sheet | None:
    """The years the selected passages speak of: how many passages mention each."""
    counts = aggregate.years_mentioned(context.coded, context.mask)
    if not len(counts) or counts.sum() == 0:
        return None
    sheet = Sheet(medium, width, "Years the passages mention", context.subtitle(), context.source(), body_in=1.7)
    (ax,), = sheet.axes()
    style_axes(ax, medium, grid_axis="y")
    years = counts.index.to_numpy()
    ax.bar(years, counts.to_numpy(), width=0.8, color=PARTNER_COLOUR)
    ax.set_xlim(years.min() - 1, years.max() + 1)
    whole_numbers(ax.xaxis)
    whole_numbers(ax.yaxis)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0f}")
    ax.set_ylabel("passages")
    ax.set_xlabel("year mentioned")
    return sheet


# -- partners -----------------------------------------------------------------------------------------


def partners(context: FigureContext, medium: Medium, width: int | None) -> Sheet | None:
    """Passages that speak of each partner, most-named first; partners never named are left out."""
    counts = aggregate.partner_mentions(context.coded, context.mask)
    counts = counts[counts > 0].sort_values(ascending=False, kind="stable")
    if not len(counts):
        return None
    labels = [context.coded.taxonomy.label("partner", p) for p in counts.index]
    note = other_partners_note(list(counts.index), context.state.filters, context.state.selection)
    sheet = Sheet(medium, width, "Partners the passages speak of", context.subtitle(), context.source(), body_in=0.17 * len(counts) + 0.5, note=note)
    (ax,), = sheet.axes()
    style_axes(ax, medium, grid_axis="x")
    ys = np.arange(len(counts))
    ax.barh(ys, counts.to_numpy(), height=0.7, color=PARTNER_COLOUR)
    size = min(medium.text_pt * 0.9, sheet.body_in[1] / (len(counts) + 0.5) * 0.7 * 72 * 0.85)
    if size >= max(5.0, 0.6 * medium.text_pt):  # value labels where bars are tall enough to carry legible ones
        for y, n in zip(ys, counts.to_numpy()):
            ax.text(n, y, f" {n}", va="center", ha="left", fontsize=size, color=INK)
    ax.set_yticks(ys, labels)
    ax.set_ylim(len(counts) - 0.5, -0.5)
    ax.set_xlim(0, counts.max() * 1.12)
    whole_numbers(ax.xaxis)
    ax.set_xlabel(f"passages (of {plural(context.passages, 'passage')} selected)")
    return sheet


# -- cited figures ------------------------------------------------------------------------------------


def cited_figures(context: FigureContext, medium: Medium, width: int | None) -> Sheet | None:
    """The figures authors cite for one indicator, on a year axis, one marker per author, year and value."""
    coded = context.coded
    chosen = aggregate.cited_figures(coded, context.mask, context.indicator)
    if chosen.key is None or not len(chosen.shown):
        return None
    facts = coded.facts.iloc[chosen.shown]
    points = facts.drop_duplicates(["author_index", "year_number", "value"])
    authors = [coded.authors[i] for i in sorted(points["author_index"].unique())]
    styles = {a: context.author_style(a) for a in authors}  # (colour, marker) as the app shows them
    keys = [Key(_author_label(context, a), styles[a][0], MARKERS[styles[a][1]]) for a in authors]
    indicator, unit = chosen.key
    title = f"Cited figures: {indicator_label(indicator, unit)}"
    sheet = Sheet(medium, width, title, context.subtitle(), context.source(), keys, body_in=1.9)
    (ax,), = sheet.axes()
    style_axes(ax, medium, grid_axis="both")
    size = (0.8 * medium.text_pt) ** 2
    for author in authors:
        mine = points[points["author"] == author]
        ax.scatter(mine["year_number"], mine["value"], s=size, marker=MARKERS[styles[author][1]],
                   color=styles[author][0], edgecolors=INK, linewidths=0.5, zorder=3, clip_on=False)
    years = points["year_number"].to_numpy()
    ax.set_xlim(years.min() - 1, years.max() + 1)
    whole_numbers(ax.xaxis)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0f}")
    ax.set_ylim(bottom=min(0.0, float(points["value"].min())))
    ax.set_ylabel(unit)
    ax.set_xlabel("year the figure refers to")
    note = f"{plural(len(points), 'figure')} shown"
    if chosen.undated:
        note += f"; {plural(chosen.undated, 'more figure')} give no year" if chosen.undated > 1 else "; 1 more figure gives no year"
    ax.text(1, 1.01, note, transform=ax.transAxes, ha="right", va="bottom", fontsize=medium.text_pt * 0.8, color=GREY)
    return sheet


# -- framing ------------------------------------------------------------------------------------------


def framing(context: FigureContext, medium: Medium, width: int | None) -> Sheet | None:
    """Authors × areas, each cell the mix of frames in that author's sentences on that area (``figures.framing``)."""
    from ..core.framing import framing_mix
    from .framing import framing_view

    return framing_view(framing_mix(context.coded, context.state), context, medium, width)


VIEWS = [
    View("framing", "Framing", "Framing: frames by author and area", framing),
    View("attention-heatmap", "Attention heatmap", "Attention: passages by author and area", attention_heatmap),
    View("pillar-profile", "Pillar profile", "Pillar profile", pillar_profile),
    View("frame-mix", "Frame mix", "Frame mix", frame_mix),
    View("timeline", "Timeline", "Timeline", timeline),
    View("years-mentioned", "Years mentioned", "Timeline", years_mentioned),
    View("partners", "Partners", "Partners", partners),
    View("cited-figures", "Cited figures", "Cited figures", cited_figures),
]
