"""The selection made by clicking charts, one removable part per dimension."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ..core.filters import FILTER_KEYS
from .state import FilterState

KEY_DIMENSION = {"pillars": "pillar", "areas": "area", "frames": "frame", "partners": "partner"}


class Breadcrumb(QWidget):
    def __init__(self, taxonomy, state: FilterState, parent=None):
        super().__init__(parent)
        self.taxonomy = taxonomy
        self.state = state
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(4, 0, 4, 0)
        self.parts: list[QWidget] = []
        state.changed.connect(self.refresh)
        self.refresh(state.state, "")

    def _name(self, key: str, value) -> str:
        if key in KEY_DIMENSION:
            return self.taxonomy.label(KEY_DIMENSION[key], value)
        return str(value)

    def refresh(self, state, _source: str = "") -> None:
        shown = (state.selection, state.search)
        if shown == getattr(self, "_shown", None):
            return
        self._shown = shown
        while self.row.count():
            widget = self.row.takeAt(0).widget()
            if widget is not None:
                # Detach now: deleteLater() waits for an event-loop turn that a busy app may not give,
                # and thousands of dead buttons would pile up and slow every redraw.
                widget.setParent(None)
        self.parts = []
        selection = state.selection
        chosen = [(key, getattr(selection, key)) for key in FILTER_KEYS if getattr(selection, key)]
        if not chosen and not state.search:
            self._add(QLabel("Click a bar, cell or point to narrow the selection; Esc clears it."))
        else:
            self._add(QLabel("<b>Selection:</b>"))
            for key, values in chosen:
                text = ", ".join(sorted(self._name(key, v) for v in values))
                button = QPushButton(f"{text}  ✕")
                button.setToolTip(f"Remove this part of the selection ({key})")
                button.setFlat(True)
                button.clicked.connect(lambda _=False, k=key: self.state.drop_from_selection(k, source="Breadcrumb"))
                self._add(button)
            if state.search:
                button = QPushButton(f"Search: “{state.search}”  ✕")
                button.setFlat(True)
                button.clicked.connect(lambda: self.state.set_search("", source="Breadcrumb"))
                self._add(button)
            clear = QPushButton("Clear selection (Esc)")
            clear.clicked.connect(self._clear)
            self._add(clear)
        self.row.addStretch(1)

    def _add(self, widget: QWidget) -> None:
        self.row.addWidget(widget)
        self.parts.append(widget)

    def _clear(self) -> None:
        self.state.clear_selection(source="Breadcrumb")
        self.state.set_search("", source="Breadcrumb")
