"""What a figure shows: the dataset, the filters and view options, and the words around the chart."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import numpy as np

from ..colours import assign_slots, slot_style
from ..core.coded import CodedPassages
from ..core.filters import NO_YEAR, NOTHING, ExplorerState, FilterSpec
from ..core.names import MACHINE_MARK, marked_name, short_name
from ..core.scenario import Scenario


def plural(n: int, word: str) -> str:
    """'1 passage', '2 passages'."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def year_ranges(years) -> str:
    """[2017, 2018, 2019, 2021] -> '2017–2019, 2021'."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)


@dataclass
class FigureContext:
    """A view's state for a figure: ``scenario`` names it in the subtitle; ``date`` is the source line's.

    ``author_slots`` are the authors' styles as saved in the app's settings,
    so a figure marks each author as the app does; authors not in it get the
    styles a fresh profile would give them.
    """

    coded: CodedPassages
    state: ExplorerState = field(default_factory=ExplorerState)
    scenario: str = ""
    measure: str = "share"  # the attention heatmap: "share" or "count"
    indicator: tuple[str, str] | None = None  # the cited figures shown
    date: str = field(default_factory=lambda: datetime.date.today().isoformat())
    author_slots: dict[str, int] = field(default_factory=dict)
    _machine_coded: tuple[ExplorerState, list[str]] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def of_scenario(cls, coded: CodedPassages, scenario: Scenario, author_slots: dict[str, int] | None = None) -> FigureContext:
        state = ExplorerState(scenario.filters, scenario.selection, scenario.search)
        return cls(coded, state, scenario.name, scenario.measure, scenario.indicator, author_slots=dict(author_slots or {}))

    def author_style(self, author: str) -> tuple[str, str]:
        """An author's colour (hex) and marker name, the same as in the app."""
        return slot_style(assign_slots(self.coded.authors, self.author_slots)[author])

    @property
    def mask(self) -> np.ndarray:
        return self.state.mask(self.coded)

    @property
    def passages(self) -> int:
        return int(np.count_nonzero(self.mask))

    def _spec_parts(self, spec: FilterSpec) -> list[str]:
        taxonomy = self.coded.taxonomy
        parts = []
        for key, dimension, noun in (("pillars", "pillar", "pillar"), ("areas", "area", "area"), ("frames", "frame", "frame"), ("partners", "partner", "partner")):
            chosen = sorted(v for v in getattr(spec, key) if v != NOTHING)
            if getattr(spec, key):
                total = len(taxonomy.ids(dimension))
                parts.append(", ".join(taxonomy.label(dimension, v) for v in chosen) if 0 < len(chosen) <= 2 else f"{len(chosen)} of {total} {noun}s")
        if spec.authors:
            chosen = sorted(a for a in spec.authors if a != NOTHING)
            parts.append(", ".join(chosen) if 0 < len(chosen) <= 2 else f"{len(chosen)} of {len(self.coded.authors)} authors")
        if spec.years:
            chosen = [y for y in spec.years if y != NO_YEAR]
            parts.append(f"published {year_ranges(chosen)}" if chosen else "no year")
        return parts

    def filters_in_short(self) -> str:
        """The filters, selection and search in a few words: 'Peace · published 2017–2019 · “trade”'."""
        parts = self._spec_parts(self.state.filters)
        narrowed = self._spec_parts(self.state.selection)
        if narrowed:
            parts.append("selected: " + ", ".join(narrowed))
        if self.state.search.strip():
            parts.append(f"“{self.state.search.strip()}”")
        return " · ".join(parts) if parts else "all passages"

    def selection_in_short(self) -> str:
        """What a click on a chart has selected, in a few words ('Trade, Lee Jaehyon'); '' when nothing is."""
        return ", ".join(self._spec_parts(self.state.selection))

    def subtitle(self) -> str:
        return " · ".join(p for p in (self.scenario, self.filters_in_short()) if p)

    def machine_coded(self) -> list[str]:
        """The authors with shown passages from a document no reader checked (coded by the machine), in dataset order."""
        known = self._machine_coded
        if known is None or known[0] != self.state:  # once per state: every author label asks
            known = self._machine_coded = (self.state, self.coded.machine_coded_authors(self.mask))
        return known[1]

    def author_label(self, author: str) -> str:
        """'Fabrian 2017'; with a dagger when some of the author's shown passages are machine-coded (the source line says so)."""
        return marked_name(author, self.coded.first_years, frozenset(self.machine_coded()))

    def source(self) -> str:
        return f"NSP Explorer · dataset {self.coded.version} · {plural(self.passages, 'passage')} · {self.date}" + machine_note(self.coded, self.machine_coded())


def machine_note(coded: CodedPassages, authors: list[str]) -> str:
    """' · † coded by the machine, not checked by a reader: Kim 2024' for a figure's source line, or '' when none."""
    if not authors:
        return ""
    names = ", ".join(short_name(a, coded.first_years) for a in authors[:3]) + (f" and {len(authors) - 3} more marked {MACHINE_MARK}" if len(authors) > 3 else "")
    return f" · {MACHINE_MARK} coded by the machine, not checked by a reader: {names}"


def comparison_source(a: FigureContext, b: FigureContext) -> str:
    """The source line of a figure comparing two views of one dataset."""
    machine = a.coded.machine_coded_authors(a.mask | b.mask)
    return f"NSP Explorer · dataset {a.coded.version} · A: {plural(a.passages, 'passage')}, B: {plural(b.passages, 'passage')} · {a.date}" + machine_note(a.coded, machine)
