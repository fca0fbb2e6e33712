"""Colour-blind-safe colours, the same for a pillar, an author or a frame in every view and figure.

Pillars and authors take Okabe–Ito colours (pillars never share one with an
author); frames take Paul Tol's muted scheme so they never look like either.
Plain hex strings: the Qt views (gui/palette.py) and the exported figures
(figures/) both draw with them.
"""

from __future__ import annotations

PILLAR_COLOURS = {"people": "#E69F00", "prosperity": "#0072B2", "peace": "#009E73"}
AUTHOR_COLOURS = ["#D55E00", "#CC79A7", "#56B4E9", "#8C7A00", "#000000", "#999999"]  # Okabe–Ito; yellow darkened for contrast on white
AUTHOR_SYMBOLS = ["o", "s", "t", "d", "h", "+"]  # no star: ★ marks what comes from your library
FRAME_COLOURS = {"achievement": "#117733", "opportunity": "#88CCEE", "challenge": "#CC6677", "recommendation": "#DDCC77"}
UNFRAMED_COLOUR = "#C8C8C8"  # sentences on an area that carry none of the frames shown (framing view and figure)
PARTNER_COLOUR = "#555555"
HEATMAP = "cividis"  # perceptually uniform and colour-blind safe


STYLES = len(AUTHOR_COLOURS) * len(AUTHOR_SYMBOLS)  # 36 authors told apart: every colour with every symbol


def slot_style(slot: int) -> tuple[str, str]:
    """Colour and symbol of an author style; the 36 (colour, symbol) pairs all differ, and the first twelve are
    those of earlier versions (six colours with their own symbol, then with the next), so saved styles keep."""
    colours = len(AUTHOR_COLOURS)
    return AUTHOR_COLOURS[slot % colours], AUTHOR_SYMBOLS[(slot + slot // colours) % len(AUTHOR_SYMBOLS)]


def assign_slots(authors: list[str], saved: dict) -> dict[str, int]:
    """Each author's style: the one given before if any, else the first free one (new authors by name).

    An author keeps a style for good, so an import that adds authors, or
    sorts them in another order, never changes anyone's colour or symbol.
    When every style is taken, a newcomer takes one of an author not in this
    dataset; beyond 36 authors at once, styles repeat. The app saves the
    result in its settings (gui/palette.py); exported figures use the same.
    """
    slots = {a: s for a, s in saved.items() if isinstance(a, str) and type(s) is int and 0 <= s < STYLES}
    used: dict[int, str] = {}  # style -> the present author who has it
    for author in authors:
        slot = slots.get(author)
        if slot is not None and slot not in used:
            used[slot] = author
        else:
            slots.pop(author, None)  # two present authors never share a style
    overflow = 0
    for author in sorted(set(authors) - set(used.values())):
        taken = set(slots.values())
        free = [s for s in range(STYLES) if s not in taken] or [s for s in range(STYLES) if s not in used]
        if free:
            slot = free[0]
            for absent in [a for a, s in slots.items() if s == slot]:
                del slots[absent]
            used[slot] = author
        else:
            slot, overflow = overflow % STYLES, overflow + 1
        slots[author] = slot
    return slots
