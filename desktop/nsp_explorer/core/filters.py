"""What the user has chosen to look at: filters, a chart selection and a search.

``FilterSpec`` is one set of codes per dimension; an empty set means "all", and
``{NOTHING}`` (``{NO_YEAR}`` for years) means none.
The explorer state combines the filter panel's spec, the narrower selection
made by clicking charts, and the search words. All are immutable values, so
the Qt layer can compare old and new and emit only real changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from .coded import CodedPassages

FILTER_KEYS = ("pillars", "areas", "frames", "partners", "authors", "years")
NOTHING = ""  # a dimension whose set is {NOTHING} matches no passage: every option unchecked
NO_YEAR = 0


def _frozen(values) -> frozenset:
    return frozenset(values or ())


@dataclass(frozen=True)
class FilterSpec:
    pillars: frozenset[str] = frozenset()
    areas: frozenset[str] = frozenset()
    frames: frozenset[str] = frozenset()
    partners: frozenset[str] = frozenset()
    authors: frozenset[str] = frozenset()
    years: frozenset[int] = frozenset()  # publication years

    def __post_init__(self):
        for key in FILTER_KEYS:
            object.__setattr__(self, key, _frozen(getattr(self, key)))

    def with_values(self, **values) -> FilterSpec:
        return replace(self, **{k: _frozen(v) for k, v in values.items()})

    def mask(self, coded: CodedPassages, skip: str = "") -> np.ndarray:
        """The passages that pass every dimension (except ``skip``, for faceted counts).

        Pillars and areas form one topic filter: a passage passes if it is coded
        with any chosen pillar or any chosen area.
        """
        result = np.ones(len(coded), dtype=bool)
        if skip != "topic" and (self.pillars or self.areas):
            result &= coded.has_any("pillar", self.pillars) | coded.has_any("area", self.areas)
        if skip != "frames" and self.frames:
            result &= coded.has_any("frame", self.frames)
        if skip != "partners" and self.partners:
            result &= coded.has_any("partner", self.partners)
        if skip != "authors" and self.authors:
            result &= coded.authors_mask(self.authors)
        if skip != "years" and self.years:
            result &= coded.years_mask(self.years)
        return result

    def to_dict(self) -> dict[str, list]:
        return {key: sorted(getattr(self, key)) for key in FILTER_KEYS}

    @classmethod
    def from_dict(cls, values: dict) -> FilterSpec:
        spec = {key: values.get(key) or () for key in FILTER_KEYS}
        spec["years"] = {int(y) for y in spec["years"]}
        return cls(**spec)


def authors_under(coded: CodedPassages, filters: FilterSpec) -> list[str]:
    """The authors with passages under the filters alone, in the dataset's order: the columns (or rows) a view shows.

    A filter that leaves an author out (by name, year or topic) leaves out their column; a click on a cell narrows
    the selection, not the filters, so it never moves the columns under the pointer.
    """
    held = coded.per_author(ExplorerState(filters).mask(coded))
    return [author for author, n in zip(coded.authors, held) if n]


OTHER_AREAS_NOTE = "Rows of areas not chosen: the chosen passages speak of them too."


PARTNER_SENTENCES_NOTE = "With partners chosen, only sentences that name one count here (passage charts count whole passages)."
OTHER_PILLARS_NOTE = "Bars of pillars not chosen: the chosen passages are coded with them too."


def partner_sentences_note(*specs: FilterSpec) -> str:
    """How a view of sentences reads under a partner filter: it counts the sentences that name a chosen partner,
    where the views of passages count every sentence of a passage that names one."""
    return PARTNER_SENTENCES_NOTE if any(spec.partners for spec in specs) else ""


def other_pillars_note(taxonomy, pillars, *specs: FilterSpec) -> str:
    """How to read a bar of ``pillars`` (those a chart shows with data) that no pillar or area filter chose."""
    def chosen(pillar: str, spec: FilterSpec) -> bool:
        return not (spec.pillars or spec.areas) or pillar in spec.pillars or any(taxonomy.pillar_of(a) == pillar for a in spec.areas)

    return OTHER_PILLARS_NOTE if any(not chosen(p, spec) for p in pillars for spec in specs) else ""


OTHER_PARTNERS_NOTE = "Bars of partners not chosen: the chosen passages speak of them too."


def other_partners_note(partners, *specs: FilterSpec) -> str:
    """How to read a bar of ``partners`` (those a chart shows with data) that no partner filter chose: the chosen
    passages name it beside a chosen one. '' when no bar is such."""
    return OTHER_PARTNERS_NOTE if any(spec.partners and p not in spec.partners for p in partners for spec in specs) else ""


def sentence_view_notes(taxonomy, areas, *specs: FilterSpec) -> list[str]:
    """The notes a view of sentences by area (the Framing view and its figures) carries under these filters."""
    return [note for note in (other_areas_note(taxonomy, areas, *specs), partner_sentences_note(*specs)) if note]


def other_areas_note(taxonomy, areas, *specs: FilterSpec) -> str:
    """How to read a row of ``areas`` (those a chart shows with data) when pillars or areas are chosen and the
    row's area is not among them: it counts the chosen passages (sentences) that speak of it too. '' when no row
    is such."""
    def chosen(area: str, spec: FilterSpec) -> bool:
        return not (spec.pillars or spec.areas) or area in spec.areas or taxonomy.pillar_of(area) in spec.pillars

    return OTHER_AREAS_NOTE if any(not chosen(area, spec) for area in areas for spec in specs) else ""


@dataclass(frozen=True)
class ExplorerState:
    filters: FilterSpec = field(default_factory=FilterSpec)
    selection: FilterSpec = field(default_factory=FilterSpec)  # narrowed by clicking charts
    search: str = ""
    focus: str = ""  # passage_id shown in the reading pane

    def mask(self, coded: CodedPassages, skip: str = "") -> np.ndarray:
        """Passages that pass the filters and the selection (each must hold) and contain the search words.

        Computed once per state and remembered: after a change every view asks for the same mask.
        """
        phrase = self.search.strip()

        def compute() -> np.ndarray:
            result = self.filters.mask(coded, skip) & self.selection.mask(coded, skip)
            if phrase:
                result &= coded.containing(phrase)
            return result

        return coded.remembered_mask((self.filters, self.selection, phrase, skip), compute)
