"""The filter panel: pillars with their areas, frames, partners, authors and years.

Every option shows how many passages it would give under the other current
choices (faceted counts). A group's own check box selects all or none of it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ..core.aggregate import facet_counts
from ..core.coded import CodedPassages
from ..core.dataset import year_label
from ..core.filters import NO_YEAR, NOTHING, FilterSpec
from .charts.base import plain_tip
from .quiet_label import QuietLabel
from .palette import FRAME_COLOURS, PILLAR_COLOURS, author_styles
from .state import FilterState

ROLE = Qt.ItemDataRole.UserRole
MEMBER_STATES = ("brunei", "cambodia", "indonesia", "laos", "malaysia", "myanmar", "philippines", "singapore", "thailand", "vietnam")
MAJOR_POWERS = ("china", "japan", "united_states", "russia")


def swatch(colour: str | QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class FilterPanel(QWidget):
    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "_fit_counts"):
            self._fit_counts.start()

    def __init__(self, coded: CodedPassages, state: FilterState, parent=None):
        super().__init__(parent)
        self.coded = coded
        self.state = state
        self._syncing = False
        taxonomy = coded.taxonomy

        self.summary = QuietLabel(lines=4, align=Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.reset_button = QPushButton("Reset")
        self.reset_button.setToolTip("Show everything again: all filters, no selection, no search (Ctrl+R)")
        self.reset_button.clicked.connect(self.reset)
        top = QHBoxLayout()
        top.addWidget(QLabel("<b>Filters</b>"))
        top.addStretch(1)
        top.addWidget(self.reset_button)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName("Filters")
        self.items: dict[tuple[str, object], QTreeWidgetItem] = {}  # (kind, code) -> item

        topics = self._group("Pillars and areas")
        for pillar in taxonomy.ids("pillar"):
            parent = self._option(topics, "pillar", pillar, taxonomy.label("pillar", pillar), PILLAR_COLOURS[pillar], group=True)
            for area in taxonomy.ids("area"):
                if taxonomy.pillar_of(area) == pillar:
                    self._option(parent, "area", area, taxonomy.label("area", area))
        frames = self._group("Frames")
        for frame in taxonomy.ids("frame"):
            self._option(frames, "frame", frame, taxonomy.label("frame", frame), FRAME_COLOURS[frame])
        partners = self._group("Partners")
        self._option(partners, "partner", "asean", taxonomy.label("partner", "asean"))
        members = self._subgroup(partners, "ASEAN member states")
        for partner in MEMBER_STATES:
            self._option(members, "partner", partner, taxonomy.label("partner", partner))
        self._option(partners, "partner", "india", taxonomy.label("partner", "india"))
        powers = self._subgroup(partners, "Major powers")
        for partner in MAJOR_POWERS:
            self._option(powers, "partner", partner, taxonomy.label("partner", partner))
        self._option(partners, "partner", "north_korea", taxonomy.label("partner", "north_korea"))
        authors = self._group("Authors")
        styles = author_styles(coded.authors)
        first = coded.passages.iloc[coded.author_starts]  # each author's first passage: earliest year
        for author, (_, document) in zip(coded.authors, first.iterrows()):
            label = f"{author} ({year_label(document['year'])}, {document['outlet'] or 'no outlet'})"
            if document["user"]:
                label = "★ " + label + " — your library"
            item = self._option(authors, "author", author, label, icon=styles.mark(author))
            item.setToolTip(0, plain_tip(label))  # names come from documents: shown as text, never markup
        years = self._group("Publication years")
        for year in coded.years:
            self._option(years, "year", year, str(year))

        self.tree.expandAll()
        members.setExpanded(False)
        self.tree.resizeColumnToContents(1)
        self._fit_counts = QTimer(self)  # the counts' column fits the type (larger in the room, and back)
        self._fit_counts.setSingleShot(True)
        self._fit_counts.setInterval(0)
        self._fit_counts.timeout.connect(self._fit_count_column)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)

        self._apply = QTimer(self)
        self._apply.setSingleShot(True)
        self._apply.setInterval(0)  # one filter change per click, after Qt has ticked every child
        self._apply.timeout.connect(self.apply_checks)
        self.tree.itemChanged.connect(self._checks_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self._count_width = 0
        state.changed.connect(self.sync)
        self.sync(state.state, "")

    # -- building ------------------------------------------------------------------

    def _group(self, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [text])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
        item.setCheckState(0, Qt.CheckState.Checked)
        item.setToolTip(0, "Tick or untick to select all or none of this group")
        return item

    def _subgroup(self, parent: QTreeWidgetItem, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
        item.setCheckState(0, Qt.CheckState.Checked)
        return item

    def _option(self, parent, kind: str, code, text: str, colour=None, group: bool = False, icon: QIcon | None = None) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text, ""])
        flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
        if group:
            flags |= Qt.ItemFlag.ItemIsAutoTristate
        item.setFlags(flags)
        item.setCheckState(0, Qt.CheckState.Checked)
        item.setData(0, ROLE, (kind, code))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setForeground(1, QColor("#555555"))
        if icon is not None or colour is not None:
            item.setIcon(0, icon or swatch(colour))
        if kind in ("pillar", "area", "frame"):
            item.setToolTip(0, plain_tip(f"{text}: {self.coded.taxonomy.definition(kind, code)}"))  # the scheme's definition
        self.items[(kind, code)] = item
        return item

    # -- checks -> filters -------------------------------------------------------------

    def _checks_changed(self, *_):
        if not self._syncing:
            self._apply.start()

    def _checked(self, kind: str) -> tuple[set, bool, bool]:
        """(checked codes, all checked, none checked) of one kind of option."""
        items = {code: item for (k, code), item in self.items.items() if k == kind}
        checked = {code for code, item in items.items() if item.checkState(0) == Qt.CheckState.Checked}
        return checked, len(checked) == len(items), not checked

    def filters_from_checks(self) -> FilterSpec:
        pillars, all_pillars, _ = self._checked("pillar")
        areas, _, no_areas = self._checked("area")
        if all_pillars:
            pillars, areas = set(), set()
        elif not pillars and no_areas:
            pillars, areas = {NOTHING}, {NOTHING}
        values = {"pillars": pillars, "areas": areas}
        for kind, key, nothing in (("frame", "frames", NOTHING), ("partner", "partners", NOTHING), ("author", "authors", NOTHING), ("year", "years", NO_YEAR)):
            checked, everything, none = self._checked(kind)
            values[key] = set() if everything else {nothing} if none else checked
        return FilterSpec(**values)

    def apply_checks(self) -> None:
        self.state.set_filters(self.filters_from_checks(), source="FilterPanel")

    def reset(self) -> None:
        """Show everything: the state and every box, even if the boxes had drifted from the state."""
        self._apply.stop()  # a tick not yet applied must not come back after the reset
        self.state.reset(source="Reset")
        self._syncing = True
        try:
            self._show_filters(self.state.state.filters)
        finally:
            self._syncing = False

    # -- state -> checks and counts ------------------------------------------------------

    def sync(self, state, source: str) -> None:
        self._syncing = True
        try:
            if source != "FilterPanel":
                self._show_filters(state.filters)
            counts = facet_counts(self.coded, state)
            widest = 0
            for (kind, code), item in self.items.items():
                text = f"{counts[kind + 's'].get(code, 0):,}"
                widest = max(widest, len(text))
                if item.text(1) != text:  # each change repaints the tree: change only what changed
                    item.setText(1, text)
            if widest > self._count_width:  # "100,000" needs more room than "105"
                self._count_width = widest
                self.tree.resizeColumnToContents(1)
        finally:
            self._syncing = False
        self.summary.setText(self._summary(state))

    def _show_filters(self, spec: FilterSpec) -> None:
        def chosen(values, code) -> bool:
            return not values or code in values

        for (kind, code), item in self.items.items():
            if kind == "pillar":
                continue  # follows its areas
            if kind == "area":
                on = (not spec.pillars and not spec.areas) or code in spec.areas or self.coded.taxonomy.pillar_of(code) in spec.pillars
            else:
                on = chosen(getattr(spec, kind + "s"), code)
            check = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
            if item.checkState(0) != check:
                item.setCheckState(0, check)

    def _fit_count_column(self) -> None:
        self.tree.resizeColumnToContents(1)

    def _summary(self, state) -> str:
        shown = int(state.mask(self.coded).sum())
        parts = [f"Showing {shown:,} of {len(self.coded):,} passages."]
        taxonomy = self.coded.taxonomy
        spec = state.filters
        for key, dimension in (("pillars", "pillar"), ("areas", "area"), ("frames", "frame"), ("partners", "partner")):
            values = getattr(spec, key)
            if values:
                every = taxonomy.ids(dimension)
                left_out = [v for v in every if v not in values]
                if values <= {NOTHING}:
                    names = "none"
                elif not left_out:
                    names = "all"
                elif 2 * len(left_out) < len(every):  # most of them chosen: say which are not ("all but Brunei Darussalam")
                    names = "all but " + ", ".join(sorted(taxonomy.label(dimension, v) for v in left_out))
                else:
                    names = ", ".join(sorted(taxonomy.label(dimension, v) for v in values if v != NOTHING))
                parts.append(f"{key.capitalize()}: {names}.")
        if spec.authors:
            parts.append("Authors: " + ("none" if spec.authors <= {NOTHING} else ", ".join(sorted(a for a in spec.authors if a))) + ".")
        if spec.years:
            parts.append("Years: " + ("none" if spec.years <= {NO_YEAR} else ", ".join(str(y) for y in sorted(spec.years) if y)) + ".")
        return " ".join(parts)
