"""File ▸ Import: bring your own documents in, off the UI thread, with progress and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from ..core.errors import DataFileError
from ..paths import data_dir
from ..pipeline.importers import SUPPORTED, read_document
from ..pipeline.library import Cancelled, Library, parse_sources
from .charts.base import plain_tip

FIELDS = ("title", "author", "outlet", "date", "url")


def importable(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED


class ImportWorker(QObject):
    """Imports files one by one in a worker thread.

    Cancel stops the file in progress at its next step (its import is undone)
    and the files after it. Whatever goes wrong with one file is reported for
    that file and the others are still imported: ``finished`` is always sent.
    """

    progress = Signal(int, int, str)  # done, total, current file
    finished = Signal(list, list)  # imported doc_ids, problems

    def __init__(self, library: Library, paths: list[Path], given: dict[str, str], taken: set[str]):
        super().__init__()
        self.library, self.paths, self.given, self.taken = library, paths, given, taken
        self.cancelled = False

    def _check(self, step: str, fraction: float) -> None:
        if self.cancelled:
            raise Cancelled(step)

    def run(self) -> None:
        imported, problems = [], []
        for n, path in enumerate(self.paths):
            if self.cancelled:
                problems.append(f"cancelled before {path.name}: not imported")
                continue
            self.progress.emit(n, len(self.paths), path.name)
            try:
                imported.append(self.library.import_file(path, data_dir(), self.taken, progress=self._check, **self.given))
            except Cancelled:
                problems.append(f"cancelled while importing {path.name}: not imported (your library is unchanged)")
            except DataFileError as error:
                problems.append(str(error))
            except Exception as exc:  # one boundary per file: a bug or a library's own error never stops the batch
                problems.append(f"{path}: could not be imported ({type(exc).__name__}: {exc}); your library is unchanged")
        self.progress.emit(len(self.paths), len(self.paths), "")
        self.finished.emit(imported, problems)


class ImportDialog(QDialog):
    """Metadata form (pre-filled from the file), then the import with a progress bar and Cancel."""

    imported = Signal(list)  # doc_ids, once the import is over

    def __init__(self, paths: list[Path], library: Library, taken: set[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Import documents")
        self.paths, self.library, self.taken = paths, library, taken
        self.fields = {name: QLineEdit() for name in FIELDS}
        self.prefilled = {name: "" for name in FIELDS}  # what the file says: a field left as it is keeps the file's word and source
        self.fields["date"].setPlaceholderText("unknown — YYYY, YYYY-MM or YYYY-MM-DD")
        form = QFormLayout()
        for name, edit in self.fields.items():
            form.addRow({"url": "URL"}.get(name, name.capitalize()) + ":", edit)
        listing = QLabel("\n".join(p.name for p in paths))
        listing.setTextFormat(listing.textFormat().PlainText)
        self.note = QLabel()
        self.note.setWordWrap(True)
        if len(paths) == 1:
            self._prefill(paths[0])
        else:
            self.note.setText("Leave a field empty to take it from each file.")
        self.bar = QProgressBar()
        self.bar.setRange(0, len(paths))
        self.bar.setVisible(False)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.start = QPushButton("Import")
        self.start.setDefault(True)
        self.cancel = QPushButton("Cancel")
        self.buttons.addButton(self.start, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.start.clicked.connect(self.run)
        self.cancel.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Files</b>"))
        layout.addWidget(listing)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.bar)
        layout.addWidget(self.report)
        layout.addWidget(self.buttons)
        self.thread: QThread | None = None
        self.worker: ImportWorker | None = None
        self.setMinimumWidth(620)  # room for a headline in the title field

    def _prefill(self, path: Path) -> None:
        try:
            document = read_document(path)
        except DataFileError as error:
            self.note.setText(str(error))
            self.start.setEnabled(False)
            return
        for name in FIELDS:
            self.prefilled[name] = getattr(document, name) or ""
            self.fields[name].setText(self.prefilled[name])
            where = document.where.get(name)
            self.fields[name].setToolTip(plain_tip(f"From {where}" if where else "Not stated in the file"))
        note = f"Read from the {document.kind.upper()} file (hover a field to see where); correct anything before importing."
        if not document.date:
            note += (
                "\nNo date found in the file: give one above, or the date stays unknown and the document is left out of "
                "the year charts and filters until you give it (Your documents ▸ Edit)."
            )
        self.note.setText(note)

    def given(self) -> dict[str, str]:
        """The fields the user typed or changed (the others keep what the file says, and where it says it)."""
        return {name: edit.text().strip() for name, edit in self.fields.items() if edit.text().strip() and edit.text().strip() != self.prefilled[name]}

    def run(self) -> None:
        self.start.setEnabled(False)
        self.bar.setVisible(True)
        self.thread = QThread(self)
        self.worker = ImportWorker(self.library, self.paths, self.given(), self.taken)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.finished.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)  # ends as the work does, even while the UI thread waits
        self.thread.start()

    def _progress(self, done: int, total: int, name: str) -> None:
        self.bar.setValue(done)
        self.bar.setFormat(f"{done} of {total}" + (f" — {name}" if name else ""))

    def _cancel(self) -> None:
        if self.worker is not None and self.thread is not None and self.thread.isRunning():
            self.worker.cancelled = True
            self.cancel.setEnabled(False)
        else:
            self.reject()

    def running(self) -> bool:
        return self.thread is not None and self.thread.isRunning()

    def stop(self, timeout_ms: int = 60_000) -> bool:
        """Cancel the import in progress and wait for its thread to end (the file in progress is undone); False if it did not end."""
        if not self.running():
            return True
        if self.worker is not None:
            self.worker.cancelled = True
        return self.thread.wait(timeout_ms)

    def closeEvent(self, event) -> None:
        """Closing the dialog while it imports cancels the import and waits for it: no thread is destroyed while it runs."""
        if self.running():
            self.stop()
        super().closeEvent(event)

    def reject(self) -> None:
        if self.running():  # Esc while importing means Cancel
            self._cancel()
            return
        super().reject()

    def _finished(self, imported: list, problems: list) -> None:
        rows = {row["doc_id"]: row for row in self.library.documents()} if imported else {}
        notes = {doc_id: parse_sources(row.get("metadata_sources") or "") for doc_id, row in rows.items()}
        lines = [
            f"Imported “{(rows.get(doc_id) or {}).get('title') or doc_id}”"  # the title a user knows it by, not its internal ID
            + (f" (text {notes[doc_id]['text']})" if notes.get(doc_id, {}).get("text") else "")
            + (f"\n  Note: {notes[doc_id]['copy']}" if notes.get(doc_id, {}).get("copy") else "")
            for doc_id in imported
        ] + problems
        self.report.setPlainText("\n".join(lines) or "Nothing imported.")
        self.report.setVisible(True)
        self.cancel.setText("Close")
        self.cancel.setEnabled(True)
        self.worker = None
        if self.thread is not None:  # the worker is done: end its thread here, then wait for it
            self.thread.quit()
            self.thread.wait()
        self.imported.emit(imported)
