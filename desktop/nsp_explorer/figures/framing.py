"""The framing view as a figure: authors × areas, each cell the mix of the four frames in that author's sentences on that area.

Drawn from ``framing_mix(coded, spec)``'s table: indexed by (author, area),
with int columns ``sentences``, one per frame and ``unframed``. Each cell is a
small 100 % stacked bar (the frames' codes of those sentences and, in grey, the
sentences with none of the frames shown) with the number of sentences beside it; cells resting on fewer than FEW_SENTENCES sentences
are pale and starred.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..colours import FRAME_COLOURS, UNFRAMED_COLOUR
from ..core.filters import sentence_view_notes
from ..core.framing import FEW_SENTENCES, FEW_TINT
from ..core.names import marked_name, name_over_year
from .context import FigureContext
from .media import Medium

FRAMES = ("achievement", "opportunity", "challenge", "recommendation")


def present(mix: pd.DataFrame, coded) -> tuple[pd.DataFrame, list[str], list[str]]:
    """The cells that rest on sentences, and the authors (dataset order) and areas (taxonomy order) they hold."""
    held = mix[mix["sentences"] > 0]
    present_authors = set(held.index.get_level_values(0))
    present_areas = set(held.index.get_level_values(1))
    authors = [a for a in coded.authors if a in present_authors] + sorted(present_authors - set(coded.authors))
    areas = [a for a in coded.taxonomy.ids("area") if a in present_areas]
    return held, authors, areas


def frame_keys(coded, *states) -> list:
    """The frames the states show (all four unless a frames filter keeps fewer), the cells whose sentences carry none
    of them, and the pale cells."""
    from ..core.framing import shown_frames, unframed_label
    from .sheet import Key

    shown = {f for state in states for f in shown_frames(state)} if states else set(FRAMES)
    keys = [Key(coded.taxonomy.label("frame", f), FRAME_COLOURS[f]) for f in FRAMES if f in shown]
    keys.append(Key(max((unframed_label(state) for state in states), key=len, default=unframed_label(None)), UNFRAMED_COLOUR))
    keys.append(Key(f"* fewer than {FEW_SENTENCES} sentences (pale)", pale(FRAME_COLOURS["achievement"])))  # a pale frame, not a grey
    return keys


def pale(colour: str) -> str:
    """A frame colour as a cell on few sentences shows it: mixed with white by ``FEW_TINT`` (no transparency, the
    same in every renderer)."""
    from matplotlib.colors import to_hex, to_rgb

    return to_hex(FEW_TINT * np.array(to_rgb(colour)) + (1 - FEW_TINT))


def row_height(labels: list[str], medium: Medium) -> float:
    """Inches a row takes on a page whose height follows the chart: room for its label's lines (two on a narrow page)."""
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    return max(0.22, lines * medium.text_pt * 1.4 / 72)


def cell_font(medium: Medium, cell_w: float, cell_h: float) -> float:
    """The type size of the counts for cells of this size (inches)."""
    return max(5.0, min(medium.text_pt * 0.8, cell_h * 72 * 0.55, cell_w * 72 * 0.3 / 2.4))


def draw_cells(ax, held: pd.DataFrame, authors: list[str], areas: list[str], size: float, medium: Medium) -> None:
    """One stacked frame bar and its sentence count per (author, area) cell of ``held``; "–" where there is none."""
    from matplotlib.patches import Rectangle

    from .draw import style_axes
    from .sheet import GREY, INK

    style_axes(ax, medium)
    bar_w, bar_h = 0.68, 0.62
    for r, area in enumerate(areas):
        for c, author in enumerate(authors):
            if (author, area) not in held.index:
                ax.text(c, r, "–", ha="center", va="center", fontsize=size, color=GREY)
                continue
            row = held.loc[(author, area)]
            n = int(row["sentences"])
            counts = np.array([int(row[f]) for f in (*FRAMES, "unframed")], dtype=float)
            few = n < FEW_SENTENCES
            left = c - 0.46
            for colour, part in zip((*(FRAME_COLOURS[f] for f in FRAMES), UNFRAMED_COLOUR), counts / counts.sum()):
                if not part:
                    continue
                colour = pale(colour) if few else colour
                ax.add_patch(Rectangle((left, r - bar_h / 2), bar_w * part, bar_h, facecolor=colour, linewidth=0))
                left += bar_w * part
            ax.text(c - 0.46 + bar_w + 0.03, r, f"{n}{'*' if few else ''}", ha="left", va="center", fontsize=size, color=GREY if few else INK)
    ax.set_xlim(-0.5, len(authors) - 0.5)
    ax.set_ylim(len(areas) - 0.5, -0.5)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.tick_params(length=0)


def author_ticks(ax, sheet, authors: list[str], coded, cell_w: float, size: float, machine: frozenset[str] = frozenset()) -> None:
    """Family name over year where the columns have room for it, else the names turned upright; ``machine`` authors marked."""
    names = [marked_name(a, coded.first_years, machine) for a in authors]
    labels, rotation, size = fitted_author_labels(sheet, names, cell_w, size)
    ax.set_xticks(range(len(authors)), labels, rotation=rotation, fontsize=size)


ROTATED_CHARACTERS = 18  # a name turned upright is cut to this: long ones would take the chart's height


def fitted_author_labels(sheet, names: list[str], cell_w: float, size: float) -> tuple[list[str], int, float]:
    """Column labels that fit the columns, their rotation and type size: the name over the year; else the name
    wrapped at spaces on up to three lines over the year ('The Moon / Administration / n.d. †', as an unsigned
    document's long source needs), a word too long cut short; each tried at the given size, then a size or two
    smaller; else the names turned upright and cut short, so that they never take the rows' room."""
    room = 0.95 * cell_w
    stacked = [name_over_year(n) for n in names]
    tried = []  # (size, wrapped labels, how many had a word cut) of the sizes whose wrapped labels take at most four lines
    for smaller in (size, 0.85 * size, 0.72 * size):
        if sheet.text_width_in(stacked, smaller) <= room:
            return stacked, 0, smaller
        wrapped = [_wrapped(label, sheet, smaller, room) for label in stacked]
        if all(label.count("\n") <= 3 for label in wrapped):
            cut = sum("…" in w and "…" not in n for w, n in zip(wrapped, stacked))
            if not cut:
                return wrapped, 0, smaller  # wrapped whole: no word cut
            tried.append((smaller, wrapped, cut))
    for smaller, wrapped, cut in tried:
        if cut <= len(names) // 4:
            return wrapped, 0, smaller  # a few long words cut
    return [_cut_name(n) for n in names], 90, size


def _cut_name(label: str) -> str:
    """A label cut to ROTATED_CHARACTERS in its name, never in its year or mark ('The Moon Admin… n.d. †')."""
    if len(label) <= ROTATED_CHARACTERS:
        return label
    name, _, tail = name_over_year(label).rpartition("\n")
    room = max(3, ROTATED_CHARACTERS - len(tail) - 1)
    return f"{name[: room - 1].rstrip()}… {tail}" if name else label[: ROTATED_CHARACTERS - 1] + "…"


def _wrapped(label: str, sheet, size: float, room: float) -> str:
    """The name line of 'name\nyear' broken at spaces to fit ``room`` inches, a word too long cut with an ellipsis."""
    name, _, year = label.rpartition("\n")
    lines: list[str] = []
    for word in name.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and sheet.text_width_in([joined], size) <= room:
            lines[-1] = joined
            continue
        while len(word) > 2 and sheet.text_width_in([word], size) > room:
            word = word[:-2].rstrip("…") + "…"
        lines.append(word)
    return "\n".join([*lines, year]) if name else label


def framing_view(mix: pd.DataFrame, context: FigureContext, medium: Medium, width: int | None):
    """The Sheet of the framing view, or None when no author has a sentence on any area."""
    from .draw import wrap_label
    from .sheet import Sheet

    coded = context.coded
    held, authors, areas = present(mix, coded)
    if held.empty:
        return None
    labels = [wrap_label(coded.taxonomy.label("area", a), medium) for a in areas]
    note = " ".join(sentence_view_notes(coded.taxonomy, areas, context.state.filters, context.state.selection))
    sheet = Sheet(medium, width, "Framing: how each author frames each area", context.subtitle(), context.source(), frame_keys(coded, context.state), body_in=row_height(labels, medium) * len(areas) + 0.8, note=note)
    (ax,), = sheet.axes()
    body_w, body_h = sheet.body_in
    cell_w = (body_w - sheet.text_width_in(labels, medium.text_pt)) / len(authors)
    cell_h = (body_h - 3 * medium.text_pt / 72) / len(areas)
    draw_cells(ax, held, authors, areas, cell_font(medium, cell_w, cell_h), medium)
    ax.set_yticks(range(len(areas)), labels)
    author_ticks(ax, sheet, authors, coded, cell_w, medium.text_pt, frozenset(context.machine_coded()))
    caption = ("Author (first publication year)", "bars: share of each frame · number: sentences")
    # centred under the cells, not the page: one line only when it fits their width (a 4:3 slide cut it at the edge)
    ax.set_xlabel(" · ".join(caption) if sheet.text_width_in([" · ".join(caption)], medium.text_pt) <= cell_w * len(authors) else "\n".join(caption))
    return sheet
