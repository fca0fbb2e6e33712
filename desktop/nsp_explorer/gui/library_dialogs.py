"""Dialogs over the user's library: review the codes of a sentence or a passage, the codebook, your documents and their details.

Every change goes through the library (a transaction, then a rebuild) and the
window reopens on the new dataset; the bundled files are never changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QProgressBar,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ..core.errors import BadValue, DataFileError
from ..paths import data_dir
from ..pipeline.codebook import user_term_problem
from ..pipeline.library import Library, library_dir, parse_sources
from ..pipeline.sentences import sentence_texts
from ..pipeline.sources import read_toml
from .charts.base import plain_tip
from . import source_marks

SECTIONS = {"pillar": "pillars", "area": "areas", "frame": "frames", "partner": "partners"}


class _Task(QObject):
    done = Signal(str)  # an error message, or "" when it worked

    def __init__(self, work):
        super().__init__()
        self.work = work

    def run(self) -> None:
        try:
            self.work()
        except (DataFileError, BadValue) as error:
            self.done.emit(str(error))
            return
        except Exception as exc:  # never a silent dead worker: the dialog hears of it and stays usable
            self.done.emit(f"Your library could not be changed ({type(exc).__name__}: {exc}); it is unchanged.")
            return
        self.done.emit("")


class _Relay(QObject):
    """Lives on the UI thread, so the task's end is handled there (a plain function would run on the worker)."""

    def __init__(self, callback, parent):
        super().__init__(parent)
        self.callback = callback

    @Slot(str)
    def handle(self, error: str) -> None:
        self.callback(error)


def off_the_ui_thread(dialog, work, problem: QLabel) -> None:
    """Re-code the library in a worker thread behind a busy bar; reopen the window when it is done."""
    bar = QProgressBar(dialog)
    bar.setRange(0, 0)  # busy: a rebuild has no steps to count
    bar.setFormat("Re-coding your library…")
    dialog.layout().addWidget(bar)
    dialog.setEnabled(False)
    thread = QThread(dialog)
    task = _Task(work)
    task.moveToThread(thread)
    thread.started.connect(task.run)

    def finished(error: str) -> None:
        thread.quit()
        thread.wait()
        bar.deleteLater()
        dialog.setEnabled(True)
        if error:
            problem.setText(error[:1].upper() + error[1:])
            return
        dialog.accept()
        dialog.window_.reload_data()

    relay = _Relay(finished, dialog)
    task.done.connect(relay.handle)
    dialog._task = (thread, task, relay)  # keep them alive while they run
    thread.start()


class ReviewDialog(QDialog):
    """Add or remove one code on one sentence of the focused passage, or on the whole passage, with a reason.

    The chosen sentence is shown with the codes it has now, so the reader
    decides with the text in view; "remove" offers only codes it has.
    """

    def __init__(self, window, passage_id: str, sentence: int = 0, parent=None, first: str = "pillar"):
        super().__init__(parent or window)
        self.window_, self.passage_id = window, passage_id
        self.setWindowTitle(f"Review the codes of {passage_id}")
        coded = window.coded
        taxonomy = coded.taxonomy
        self.row = coded.row_of(passage_id)
        self.text = coded.text(self.row) if self.row is not None else ""
        self.sentences = sentence_texts(self.text)
        self.where = QComboBox()
        self.where.addItem("The whole passage", 0)
        for number, words in enumerate(self.sentences, start=1):
            self.where.addItem(f"Sentence {number}: {_clipped(words)}", number)
        self.where.setCurrentIndex(max(0, self.where.findData(sentence)))
        self.shown = QLabel()
        self.shown.setTextFormat(Qt.TextFormat.PlainText)  # the passage's own words: never read as markup
        self.shown.setWordWrap(True)
        self.shown.setStyleSheet("background: #F4F4F4; padding: 6px;")
        self.action = QComboBox()
        self.action.addItem("Add a code", "add")
        self.action.addItem("Remove a code", "remove")
        self.action.addItem("Withdraw one of your decisions", "withdraw")
        self.dimension = QComboBox()
        for dimension in SECTIONS:
            self.dimension.addItem(dimension.capitalize(), dimension)
        self.dimension.setCurrentIndex(max(0, self.dimension.findData(first)))  # the dimension offered first
        self.code = QComboBox()
        self.meaning = QLabel()  # the coding scheme's definition of the chosen code: decide by it
        self.meaning.setWordWrap(True)
        self.meaning.setTextFormat(Qt.TextFormat.PlainText)
        self.meaning.setStyleSheet("color: #444444;")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Why (kept with the decision; required)")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # it may echo a reason or an error naming a file
        self.taxonomy = taxonomy
        for box in (self.where, self.dimension, self.action):
            box.currentIndexChanged.connect(self._codes)
        self.code.currentIndexChanged.connect(self._explain)
        self.reason.textChanged.connect(lambda _: self.problem.clear())
        form = QFormLayout()
        form.addRow("Where:", self.where)
        form.addRow("", self.shown)
        form.addRow("Decision:", self.action)
        form.addRow("Dimension:", self.dimension)
        form.addRow("Code:", self.code)
        form.addRow("", self.meaning)
        form.addRow("Reason:", self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)
        self._codes()
        if sentence and self.where.currentData() != sentence:  # a link to a sentence the passage does not have (any more)
            self.problem.setText(f"This passage has {len(self.sentences)} sentences, not {sentence}: choose where the decision goes.")

    def codes_now(self) -> list[tuple[str, str, str]]:
        """(dimension, code, source) on the chosen sentence, or on the passage as a whole."""
        if self.row is None:
            return []
        number = self.where.currentData()
        if not number:
            return [(d, c, source) for d, c, source, _ in self.window_.coded.codes_of(self.row)]
        return [(d, c, source) for n, d, c, source, _ in self.window_.coded.codes.in_sentences(self.row) if n == number]

    def _explain(self, *_):
        code, dimension = self.code.currentData(), self.dimension.currentData()
        meaning = self.taxonomy.definition(dimension, code) if code else ""
        self.meaning.setText(f"{self.taxonomy.label(dimension, code)}: {meaning}" if meaning else "")
        self.meaning.setVisible(bool(meaning))
        self.problem.clear()

    def _codes(self, *_):
        dimension = self.dimension.currentData()
        now = self.codes_now()
        number = self.where.currentData()
        words = self.sentences[number - 1] if number else " ".join(self.sentences)
        listed = "; ".join(f"{d.capitalize()}: {self.taxonomy.label(d, c)}{source_marks.mark(source)}" for d, c, source in now) or "no code"
        shown = source_marks.key(source for _, _, source in now)
        key = f" ({shown})" if shown else ""
        self.shown.setText(f"{_clipped(words, 600)}\n\nCodes now{key} — {listed}")
        present = {c for d, c, _ in now if d == dimension}
        yours = self.your_decisions()
        self.code.clear()
        for code in self.taxonomy.ids(dimension):
            if self.action.currentData() == "withdraw":
                offered = (dimension, code) in yours
            else:
                offered = (code in present) == (self.action.currentData() == "remove")
            if not offered:
                continue
            label = self.taxonomy.label(dimension, code)
            if self.action.currentData() == "withdraw":
                action, reason = yours[(dimension, code)]
                label += f" ({'added' if action == 'add' else 'removed'} by you: {reason})"
            self.code.addItem(label, code)
        self.reason.setEnabled(self.action.currentData() != "withdraw")  # taking a decision back needs no reason

    def your_decisions(self) -> dict[tuple[str, str], tuple[str, str]]:
        """The user's decisions on the chosen unit (the sentence, or the whole passage): (dimension, code) → (action, reason)."""
        number = self.where.currentData() or 0
        return {(d, c): (action, reason) for n, d, c, action, reason in self.window_.coded.decisions_on(self.passage_id) if n == number}

    def save(self) -> None:
        sentence = self.where.currentData()
        if self.action.currentData() == "withdraw" and self.code.currentData() is not None:
            taken_back = (self.passage_id, self.dimension.currentData(), self.code.currentData())
            words = self.sentences[sentence - 1] if sentence else " ".join(self.sentences)
            off_the_ui_thread(self, lambda: Library(library_dir()).withdraw(*taken_back, data_dir(), sentence=sentence, words=words), self.problem)
            return
        if self.action.currentData() == "withdraw":
            self.problem.setText("You have taken no decision on this dimension here: choose another, or the sentence or passage it was on.")
            return
        if not self.reason.text().strip() or self.code.currentData() is None:
            self.problem.setText("Choose a code and give a reason.")
            return
        known = {self.passage_id: self.text} if self.row is not None else {}
        decision = (self.passage_id, self.dimension.currentData(), self.code.currentData(), self.action.currentData(), self.reason.text())
        off_the_ui_thread(self, lambda: Library(library_dir()).decide(*decision, data_dir(), known, sentence=sentence), self.problem)


def _clipped(words: str, most: int = 90) -> str:
    words = " ".join(words.split())
    return words if len(words) <= most else words[: most - 1].rstrip() + "…"


class CodebookDialog(QDialog):
    """Which words signal each code (bundled, plus yours), and which fired on the current passage."""

    def __init__(self, window, passage_id: str = "", parent=None):
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle("Codebook")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Code", "Terms (yours marked ★)"])
        fired = {}
        if passage_id:
            row = window.coded.row_of(passage_id)
            fired = {(d, c): evidence for d, c, source, evidence in (window.coded.codes_of(row) if row is not None else []) if source == "lexicon"}
        bundled = read_toml(data_dir() / "codebook.toml")
        overlay_path = Library(library_dir()).overlay_path
        yours = read_toml(overlay_path) if overlay_path.exists() else {}
        taxonomy = window.coded.taxonomy
        for dimension, section in SECTIONS.items():
            top = QTreeWidgetItem(self.tree, [section.capitalize(), ""])
            for code in taxonomy.ids(dimension):
                mine = yours.get(section, {}).get(code, {}).get("terms", [])
                weak = [w for w in bundled[section][code].get("weak", []) if w not in mine]
                terms = ", ".join(bundled[section][code]["terms"] + [f"★{t}" for t in mine]) + (
                    f"; only where no other area is named: {', '.join(weak)}" if weak else ""
                )
                label = taxonomy.label(dimension, code)
                item = QTreeWidgetItem(top, [label + (f"  ◀ fired here: {fired[(dimension, code)]}" if (dimension, code) in fired else ""), terms])
                item.setToolTip(1, plain_tip(terms))
                item.setData(0, 256, (section, code))
                font = item.font(0)
                font.setBold((dimension, code) in fired)
                item.setFont(0, font)
        self.tree.expandAll()
        self.tree.setColumnWidth(0, 380)
        add = QPushButton("Add a term to the chosen code…")
        add.clicked.connect(self.ask_and_add)
        self.remove = QPushButton("Remove one of your terms (★) from the chosen code…")
        self.remove.clicked.connect(self.ask_and_remove)
        self.problem = QLabel(
            "Your terms re-code the documents you imported; the bundled articles keep their reviewed coding"
            " and the bundled codebook stays as it is."
        )
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # it echoes the term typed: never read as markup
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove)
        layout.addLayout(buttons)
        self.resize(980, 700)

    def add_term(self, section: str, code: str, term: str) -> None:
        off_the_ui_thread(self, lambda: Library(library_dir()).add_term(section, code, term, data_dir()), self.problem)

    def remove_term(self, section: str, code: str, term: str) -> None:
        off_the_ui_thread(self, lambda: Library(library_dir()).remove_term(section, code, term, data_dir()), self.problem)

    def _chosen(self) -> tuple[tuple[str, str], str] | None:
        """The chosen code's (section, code) and its label; says so when none is chosen."""
        item = self.tree.currentItem()
        chosen = item.data(0, 256) if item else None
        if not chosen:
            self.problem.setText("Choose a code first.")
            return None
        return chosen, item.text(0).split("  ◀")[0]

    def ask_and_add(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        term, ok = QInputDialog.getText(self, "Add a term", f"A word or phrase that signals {chosen[1]} (end a word with * to let it go on):")
        if not ok:
            return
        problem = user_term_problem(term)
        if problem:
            self.problem.setText(f"Not added: {problem}.")
            return
        self.add_term(*chosen[0], term.strip())

    def ask_and_remove(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        yours = Library(library_dir()).user_terms(*chosen[0])
        if not yours:
            self.problem.setText(f"You have added no term to {chosen[1]}; the bundled codebook's terms cannot be removed here.")
            return
        term, ok = QInputDialog.getItem(self, "Remove a term", f"Your term to remove from {chosen[1]}:", yours, 0, False)
        if ok:
            self.remove_term(*chosen[0], term)


class DocumentsDialog(QDialog):
    """Your imported documents; correct one's details or remove it, and the window follows."""

    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle("Your documents")
        self.library = Library(library_dir())
        self.list = QListWidget()
        for row in self.library.documents():
            self.list.addItem(f"{row['doc_id']} — {row['author']} ({row['published'] or 'date unknown'}): {row['title']}")
        self.edit = QPushButton("Edit the chosen document's details…")
        self.edit.clicked.connect(self.edit_current)
        self.list.itemDoubleClicked.connect(lambda _: self.edit_current())
        remove = QPushButton("Remove the chosen document")
        remove.clicked.connect(self.remove_current)
        self.problem = QLabel("" if self.list.count() else "No documents yet: File ▸ Import documents… adds some.")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # errors name files and document IDs
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.problem)
        layout.addWidget(self.edit)
        layout.addWidget(remove)
        self.resize(700, 400)

    def edit_current(self) -> EditDocumentDialog | None:
        item = self.list.currentItem()
        if item is None:
            return None
        doc_id = item.text().split(" — ")[0]
        row = next((r for r in self.library.documents() if r["doc_id"] == doc_id), None)
        if row is None:
            return None
        dialog = EditDocumentDialog(self.window_, self.library, row, self)
        dialog.accepted.connect(self.accept)
        dialog.open()
        return dialog

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        doc_id = item.text().split(" — ")[0]
        decisions = self.library.decision_count(doc_id)
        going = f"\n\nYour {decisions} review decision(s) on its passages go with it; importing it again does not bring them back." if decisions else ""
        answer = QMessageBox.question(self, "Remove the document", f"Remove {doc_id} from your library?{going}")
        if answer != QMessageBox.StandardButton.Yes:
            return
        off_the_ui_thread(self, lambda: self.library.remove(doc_id, data_dir()), self.problem)


class EditDocumentDialog(QDialog):
    """Correct an imported document's title, author, outlet, date and address; the library rebuilds as one transaction."""

    FIELDS = (("title", "title", "Title"), ("author", "author", "Author"), ("outlet", "outlet", "Outlet"), ("date", "published", "Date"), ("url", "url", "URL"))

    def __init__(self, window, library: Library, row: dict[str, str], parent=None):
        super().__init__(parent or window)
        self.window_, self.library, self.doc_id = window, library, row["doc_id"]
        self.setWindowTitle(f"Details of {row['doc_id']}")
        sources = parse_sources(row.get("metadata_sources") or "")
        self.original = {name: row.get(column, "") or "" for name, column, _ in self.FIELDS}
        self.fields = {name: QLineEdit(self.original[name]) for name, _, _ in self.FIELDS}
        self.fields["date"].setPlaceholderText("unknown — YYYY, YYYY-MM or YYYY-MM-DD")
        form = QFormLayout()
        for name, _, label in self.FIELDS:
            where = sources.get(name) or (row.get("date_basis", "") if name == "date" else "")
            self.fields[name].setToolTip(plain_tip(f"From {where}" if where else "Not stated in the file"))
            form.addRow(label + ":", self.fields[name])
        self.note = QLabel(
            "" if row.get("published") else "The date is not known: this document is left out of the year charts and filters until you give one."
        )
        self.note.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # it echoes what was typed
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)

    def changes(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.fields.items() if edit.text().strip() != self.original[name]}

    def save(self) -> None:
        changes = self.changes()
        if not changes:
            self.reject()
            return
        off_the_ui_thread(self, lambda: self.library.edit(self.doc_id, data_dir(), **changes), self.problem)
