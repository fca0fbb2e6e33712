"""The scenarios panel: save, rename, duplicate, delete (with undo), reorder, import and export."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import appdirs
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import DataFileError
from ..core.filters import FilterSpec
from ..core.scenario import Scenario, ScenarioStore
from ..figures.context import FigureContext
from .charts.base import plain_tip


def scenarios_dir() -> Path:
    root = os.environ.get("NSP_EXPLORER_DATA_DIR") or appdirs.user_data_dir("nsp-explorer", appauthor=False)
    return Path(root) / "scenarios"


class ScenarioPanel(QWidget):
    """Lists the user's scenarios; choosing one shows it in the window."""

    message = Signal(str)  # something to tell the user (status bar)
    counted = Signal(int)  # how many scenarios there are now

    def __init__(self, window, store: ScenarioStore, parent=None):
        super().__init__(parent)
        self.window = window
        self.store = store
        self._undo: tuple[int, Scenario] | None = None
        self.shown: Path | None = None  # the file of the scenario the view was last made from (names can repeat)

        self.list = QListWidget()
        self.list.setAccessibleName("Scenarios")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.model().rowsMoved.connect(self._moved)
        self.list.itemActivated.connect(lambda item: self.show_scenario(self.list.row(item)))
        self.list.itemClicked.connect(lambda item: self.show_scenario(self.list.row(item)))
        self.list.currentRowChanged.connect(self._chosen)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("A note for this scenario (what to point out in the seminar)")
        self.note.setTabChangesFocus(True)  # Tab moves on through the window; it is never typed into the note
        self.note.setMaximumHeight(90)
        self.note.textChanged.connect(self._note_changed)
        self.changed = QLabel()  # the view is no longer the scenario last shown: say so before a switch loses it
        self.changed.setWordWrap(True)
        self.changed.setTextFormat(Qt.TextFormat.PlainText)
        self.changed.setStyleSheet("color: #8C4A00;")
        self.changed.hide()
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setStyleSheet("color: #A23B00;")

        buttons = QGridLayout()
        actions = [
            ("Save view…", "Save what is shown now as a new scenario", self.ask_and_save),
            ("Rename…", "Rename the chosen scenario", self.ask_and_rename),
            ("Duplicate", "Copy the chosen scenario", self.duplicate),
            ("Delete", "Delete the chosen scenario (Undo brings it back)", self.delete),
            ("Undo delete", "Bring back the scenario deleted last", self.undo_delete),
            ("Update", "Store what is shown now in the chosen scenario", self.update_current),
            ("Import…", "Add a scenario file someone shared", self.ask_and_import),
            ("Export…", "Save the chosen scenario as a file to share", self.ask_and_export),
        ]
        self.buttons = {}
        for n, (text, tip, slot) in enumerate(actions):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button, n // 2, n % 2)
            self.buttons[text] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        heading = QLabel("<b>Scenarios</b> — prepared views; Page Up / Page Down steps through them")
        heading.setWordWrap(True)  # the panel can be narrowed
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.changed)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.problems)
        self.refill()

    # -- list ----------------------------------------------------------------------------

    def refill(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for scenario in self.store.scenarios:
            item = QListWidgetItem(scenario.name)
            item.setToolTip(plain_tip(scenario.note or scenario.name))  # the user's words, never markup
            self.list.addItem(item)
        self.list.blockSignals(False)
        if select is not None and 0 <= select < self.list.count():
            self.list.setCurrentRow(select)
        self._chosen(self.current())  # its note in the box, and the buttons for it
        self.problems.setText("\n".join(self.store.problems))
        self.buttons["Undo delete"].setEnabled(self._undo is not None)
        self.counted.emit(len(self.store.scenarios))

    def show_changed(self, name: str) -> None:
        """Say that the view has changed since the scenario ``name`` was shown ('' when it has not, or none was)."""
        self.changed.setText(
            f"● Changed since “{name}” was shown: Update stores the change; Save view… keeps both; another scenario "
            "shown leaves it behind." if name else ""
        )
        self.changed.setVisible(bool(name))

    def _chosen(self, row: int) -> None:
        """The note box always holds the chosen scenario's note (typing there writes to that scenario), or nothing."""
        self._show_note(self.store.scenarios[row].note if 0 <= row < len(self.store.scenarios) else "")
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        """What acts on the chosen scenario is enabled only while one is chosen; Update only while the chosen one is
        the scenario shown, so that it never writes a view into a scenario it was not made from."""
        chosen = 0 <= self.current() < len(self.store.scenarios)
        for text in ("Rename…", "Duplicate", "Delete", "Export…"):
            self.buttons[text].setEnabled(chosen)
        self.note.setEnabled(chosen)
        shown = self._is_shown(self.current())
        self.buttons["Update"].setEnabled(shown)
        self.buttons["Update"].setToolTip(
            "Store what is shown now in this scenario (the one shown)" if shown
            else "Update stores the view in the scenario it was shown from: click a scenario to show it, or Save view… for a new one"
        )

    def _is_shown(self, index: int) -> bool:
        return self.shown is not None and 0 <= index < len(self.store.files) and self.store.files[index] == self.shown

    def _show_note(self, text: str) -> None:
        self.note.blockSignals(True)
        self.note.setPlainText(text)
        self.note.blockSignals(False)

    def current(self) -> int:
        return self.list.currentRow()

    def show_scenario(self, index: int) -> None:
        if not 0 <= index < len(self.store.scenarios):
            return
        scenario = self.store.scenarios[index]
        self.shown = self.store.files[index]
        self.list.setCurrentRow(index)
        self._chosen(index)
        self.window.apply_scenario(scenario)
        self.message.emit(f"Showing scenario “{scenario.name}”")

    def step(self, by: int) -> None:
        if self.store.scenarios:
            self.show_scenario((max(self.current(), 0) + by) % len(self.store.scenarios) if self.current() >= 0 else 0)

    # -- changes (each written at once, atomically) -------------------------------------------

    def _guard(self, action) -> None:
        try:
            action()
        except DataFileError as error:
            self.message.emit(str(error))
            self.problems.setText(str(error))

    def save_current(self, name: str, keep_selection: bool = True) -> int:
        """Save the view as a new scenario (without a note); without the chart selection if asked, which the view
        then drops too, so that what is shown is the scenario."""
        scenario = self.window.current_scenario(name)
        if not keep_selection:
            scenario = replace(scenario, selection=FilterSpec())
        index = self.store.add(scenario)  # a failure stops here: the view keeps its selection
        if not keep_selection:
            self.window.state.clear_selection("scenario")
        self.shown = self.store.files[index]
        self.refill(index)
        self.window.name_the_view(name, "")
        self.message.emit(f"Saved scenario “{name}”")
        return index

    def ask_and_save(self) -> None:
        dialog = SaveScenarioDialog(FigureContext(self.window.coded, self.window.state.state).selection_in_short(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.name():
            self._guard(lambda: self.save_current(dialog.name(), dialog.keeps_selection()))

    def update_current(self) -> None:
        index = self.current()
        if index >= 0:
            old = self.store.scenarios[index]
            self._guard(lambda: self.store.update(index, self.window.current_scenario(old.name, old.note)))
            if self.store.scenarios[index] != old:  # written: the view is the scenario again
                self.window.name_the_view(old.name, old.note)

    def ask_and_rename(self) -> None:
        index = self.current()
        if index < 0:
            return
        name, ok = QInputDialog.getText(self, "Rename scenario", "Name:", text=self.store.scenarios[index].name)
        if ok and name.strip():
            self._guard(lambda: (self.store.rename(index, name), self.refill(index)))
            if self._is_shown(index):  # the banner, the figures' subtitle and the last scenario say the new name
                self.window.rename_the_view(self.store.scenarios[index].name)

    def duplicate(self) -> None:
        index = self.current()
        if index >= 0:
            self._guard(lambda: self.refill(self.store.duplicate(index)))

    def delete(self) -> None:
        index = self.current()
        if index >= 0:
            def remove():
                shown = self._is_shown(index)
                self._undo = self.store.delete(index)
                if shown:  # the view is no longer any scenario's
                    self.shown = None
                    self.window.forget_scenario()
                self.refill(min(index, len(self.store.scenarios) - 1))
                self.message.emit(f"Deleted “{self._undo[1].name}” (Undo delete brings it back)")
            self._guard(remove)

    def undo_delete(self) -> None:
        if self._undo is not None:
            index, scenario = self._undo
            self._undo = None
            self._guard(lambda: self.refill(self.store.restore(index, scenario)))

    def _moved(self, _parent, start, _end, _destination, row) -> None:
        to = row - 1 if row > start else row
        self._guard(lambda: self.store.move(start, to))

    def _note_changed(self) -> None:
        index = self.current()
        if index >= 0:
            old = self.store.scenarios[index]
            self._guard(lambda: self.store.update(index, replace(old, note=self.note.toPlainText())))
            if self._is_shown(index):  # the banner shows the note as it is written
                self.window.note_the_view(self.note.toPlainText())

    def import_file(self, path: Path) -> None:
        """Add a shared scenario and show it (its note in the box, its view in the charts), unless the view holds
        changes not stored in the scenario shown: then it is only chosen, and the changes stay on screen."""
        index, ignored = self.store.import_file(path)
        self.refill(index)
        keep = self.window.changed_since_shown()
        if not keep:
            self.show_scenario(index)
        if ignored:
            self.problems.setText(f"{path}: ignored unknown IDs: {', '.join(ignored)}")
        shown = "chosen (click it to show it; the view's changes are still on screen)" if keep else "showing it"
        self.message.emit(f"Imported “{self.store.scenarios[index].name}” from {path}, {shown}")

    def ask_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import a scenario", "", "Scenario (*.json)")
        if path:
            self._guard(lambda: self.import_file(Path(path)))

    def ask_and_export(self) -> None:
        index = self.current()
        if index < 0:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Export the scenario", f"{self.store.files[index].name}", "Scenario (*.json)")
        if path:
            self._guard(lambda: self.store.export_file(index, Path(path)))


class SaveScenarioDialog(QDialog):
    """Name a new scenario; when a chart click has selected something, say so and offer to leave it out (a saved
    selection narrows every view and export of the scenario)."""

    def __init__(self, selected: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Save view as scenario")
        self.field = QLineEdit()
        self.field.setPlaceholderText("e.g. Lee vs Choe: trade")
        self.keep = QCheckBox(f"Keep the chart selection ({selected}): every view and export of the scenario shows only that")
        self.keep.setChecked(True)
        self.offered = bool(selected)
        self.keep.setVisible(self.offered)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(False)  # a scenario needs a name
        self.field.textChanged.connect(lambda text: save.setEnabled(bool(text.strip())))
        form = QFormLayout(self)
        form.addRow("Name:", self.field)
        form.addRow(self.keep)
        form.addRow(buttons)

    def name(self) -> str:
        return self.field.text().strip()

    def keeps_selection(self) -> bool:
        return not self.offered or self.keep.isChecked()
