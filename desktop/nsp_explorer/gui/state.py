"""The one selection state every view observes (Qt wrapper around core.filters)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from ..core.filters import ExplorerState, FilterSpec


class FilterState(QObject):
    """Holds the explorer state; emits ``changed(state, source)`` only on a real change.

    Views write through it and redraw when it changes; they never call each
    other and never keep their own copy of the filters.
    """

    changed = Signal(object, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._state = ExplorerState()

    @property
    def state(self) -> ExplorerState:
        return self._state

    def _set(self, state: ExplorerState, source: str) -> None:
        if state != self._state:
            self._state = state
            self.changed.emit(state, source)

    def apply(self, state: ExplorerState, source: str = "") -> None:
        """Show exactly this state (a scenario being opened)."""
        self._set(state, source)

    def set_filters(self, filters: FilterSpec, source: str = "") -> None:
        self._set(replace(self._state, filters=filters), source)

    def narrow(self, source: str = "", **values) -> None:
        """A click on a chart: those dimensions of the selection become exactly these values."""
        self._set(replace(self._state, selection=self._state.selection.with_values(**values)), source)

    def drop_from_selection(self, key: str, source: str = "") -> None:
        self._set(replace(self._state, selection=self._state.selection.with_values(**{key: ()})), source)

    def clear_selection(self, source: str = "") -> None:
        self._set(replace(self._state, selection=FilterSpec()), source)

    def set_search(self, text: str, source: str = "") -> None:
        self._set(replace(self._state, search=text), source)

    def set_focus(self, passage_id: str, source: str = "") -> None:
        self._set(replace(self._state, focus=passage_id), source)

    def reset(self, source: str = "") -> None:
        self._set(ExplorerState(), source)
