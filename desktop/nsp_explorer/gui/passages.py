"""The source-passage viewer: the list of selected passages and a reading pane."""

from __future__ import annotations

import html
import re

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.aggregate import keyword_in_context, selected_rows
from ..core.coded import CodedPassages
from ..core.framing import FRAME_COLUMNS, framing_sentences
from ..pipeline.sentences import sentence_spans
from ..core.names import UNDATED
from ..core.report import citation
from ..core.wording import counted
from . import source_marks
from .quiet_label import QuietLabel
from .palette import FRAME_COLOURS, PILLAR_COLOURS
from .state import FilterState

COLUMNS = ("Author", "Year", "Document", "¶", "Passage")
DISPLAY, TOOLTIP, ALIGNMENT = (int(r.value) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole))
RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
MOST_SENTENCES = 300  # a framing cell's sentences listed at once (the rest are counted)
CODING_NOTES = {  # what the reading pane says about who made a document's codes
    "reviewed": "✓ Codes checked by a reader (every passage of this document was reviewed).",
    "machine": "⚙ Codes made by the machine (codebook, rules, sentence model and the sentences around), not checked by a reader.",
    "": "⚙ Codes made by the machine; whether a reader checked them is not recorded.",
}
CONTEXT_BEFORE = 16  # characters before a search match in the list: the match stays near the column's left edge
MATCH = "search match"  # a mark, not a colour
MATCH_STYLE = "background-color:#111111; color:#FFFFFF; font-weight:bold"  # apart from every code's tint


class PassageTable(QAbstractTableModel):
    """The selected passages; a row is formatted only when it is first shown (a million rows cost nothing)."""

    def __init__(self, coded: CodedPassages, parent=None):
        super().__init__(parent)
        self.coded = coded
        self.rows = np.zeros(0, dtype=np.int64)  # dataset rows, in reading order
        self.search = ""
        self._formatted: dict[int, tuple[tuple[str, str, str, str, str], str]] = {}
        meta = coded.passages  # read per row from plain arrays: a pandas row lookup costs more than the painting
        self._columns = {c: ([str(v) for v in meta[c].cat.categories], meta[c].cat.codes.to_numpy()) for c in ("author", "title", "outlet")}
        self._years, self._positions = meta["year"].to_numpy(), meta["position"].to_numpy()

    def show(self, rows: np.ndarray, search: str) -> None:
        self.beginResetModel()
        self.rows = rows
        self.search = search
        self._formatted = {}
        self.endResetModel()

    def _cells(self, i: int) -> tuple[tuple[str, str, str, str, str], str]:
        found = self._formatted.get(i)
        if found is None:
            if len(self._formatted) > 2000:
                self._formatted.clear()
            row = int(self.rows[i])
            author, title, outlet = (self._columns[c][0][self._columns[c][1][row]] for c in ("author", "title", "outlet"))
            year = int(self._years[row])  # 0: no known date, shown as such, never as a year
            cells = (author, str(year) if year else UNDATED, title, str(self._positions[row]), keyword_in_context(self.coded.text(row), self.search, width=90, before=CONTEXT_BEFORE))
            found = self._formatted[i] = (cells, "<qt>" + html.escape(f"{title} · {outlet}" if outlet else title) + "</qt>")
        return found

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=DISPLAY):
        # Qt asks for many roles per visible cell on every repaint: answer the three used, quickly
        if role == DISPLAY:
            return self._cells(index.row())[0][index.column()]
        if role == TOOLTIP:
            return self._cells(index.row())[1] if index.column() == 2 else None
        if role == ALIGNMENT and index.column() in (1, 3):
            return RIGHT
        return None

    def passage_id(self, i: int) -> str:
        return self.coded.passage_id(int(self.rows[i]))

    def row_of(self, passage_id: str) -> int:
        """Where a passage is in the list, or -1."""
        row = self.coded.row_of(passage_id)
        found = np.flatnonzero(self.rows == row) if row is not None else ()
        return int(found[0]) if len(found) else -1


class PassageList(QWidget):
    """Search box, count and the table of the passages under the current selection."""

    def __init__(self, coded: CodedPassages, state: FilterState, parent=None):
        super().__init__(parent)
        self.coded = coded
        self.state = state
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search passages: a word or a phrase (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search passages")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.apply_search)
        self.search.textEdited.connect(lambda *_: self._debounce.start())
        self.search.returnPressed.connect(self.apply_search)
        self.count = QuietLabel(align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count.setFixedWidth(self.count.fontMetrics().horizontalAdvance("0,000,000 passages") + 6)
        self.model = PassageTable(coded, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (the arrow keys move in it), not cell by cell
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(0, metrics.horizontalAdvance("Mehmet Enes Beş"))
        self.table.setColumnWidth(1, metrics.horizontalAdvance("20255") + 8)
        self.table.setColumnWidth(2, metrics.horizontalAdvance("Enhancing Trust"))
        self.table.setColumnWidth(3, metrics.horizontalAdvance("¶99") + 8)
        header.setMinimumSectionSize(metrics.horizontalAdvance("20255"))
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.empty = QLabel("No passages match the current filters and selection.")
        self.empty.setStyleSheet("color: #555555;")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)  # the search box stays on top when the list is empty
        state.changed.connect(self.refresh)
        self.refresh(state.state, "")

    def apply_search(self) -> None:
        self._debounce.stop()
        self.state.set_search(self.search.text(), source="PassageList")

    def refresh(self, state, source: str) -> None:
        if self.search.text() != state.search and source != "PassageList":
            self.search.setText(state.search)
        rows = selected_rows(self.coded, state.mask(self.coded))
        self.table.blockSignals(True)
        self.model.show(rows, state.search)
        self.table.blockSignals(False)
        self.count.setText(counted(len(rows), "passage"))
        self.table.setVisible(len(rows) > 0)
        self.empty.setVisible(len(rows) == 0)
        row = self.model.row_of(state.focus) if state.focus else -1
        if row >= 0 and self.table.currentIndex().row() != row:
            self.table.blockSignals(True)
            self.table.selectRow(row)
            self.table.blockSignals(False)
            self.table.scrollTo(self.model.index(row, 0))

    def _row_chosen(self, current, _previous) -> None:
        if current.isValid():
            self.state.set_focus(self.model.passage_id(current.row()), source="PassageList")

    def passage_ids(self) -> list[str]:
        return self.coded.ids.take(self.model.rows)


class ReadingPane(QWidget):
    """The focused passage with its evidence highlighted, its codes, its source and its neighbours."""

    def __init__(self, coded: CodedPassages, state: FilterState, parent=None):
        super().__init__(parent)
        self.coded = coded
        self.state = state
        self.documents = coded.documents.set_index("doc_id")
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName("Passage")
        self.browser.anchorClicked.connect(self._anchor_clicked)
        self.previous = QPushButton("◀ Previous")
        self.previous.setToolTip("The paragraph before this one in the document (Alt+Left)")
        self.next = QPushButton("Next ▶")
        self.next.setToolTip("The paragraph after this one in the document (Alt+Right)")
        self.review = QPushButton("Review codes…")
        self.review.setToolTip("Add or remove a code on this passage, with a reason (kept in your library)")
        self.review.clicked.connect(lambda: self.window().review_passage())
        self.copy = QPushButton("Copy citation")
        self.copy.setToolTip("Author, year, title, outlet, paragraph and address, to paste into notes or slides")
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(1))
        self.copy.clicked.connect(self.copy_citation)
        QShortcut(QKeySequence("Alt+Left"), self, activated=lambda: self._step(-1))
        QShortcut(QKeySequence("Alt+Right"), self, activated=lambda: self._step(1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous)
        buttons.addWidget(self.next)
        buttons.addStretch(1)
        buttons.addWidget(self.review)
        buttons.addWidget(self.copy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        self.passage_id = ""
        self.listing: tuple[str, str] | None = None  # (author, area) whose sentences are listed, after a click on the Framing view
        self.listed: list[tuple[int, int]] = []
        self.search = ""  # marked in the passage shown
        self._shown_for: tuple | None = None
        state.changed.connect(self.refresh)
        self.refresh(state.state, "")

    def refresh(self, state, source: str = "") -> None:
        selection = state.selection
        cell = (next(iter(selection.authors)), next(iter(selection.areas))) if len(selection.authors) == 1 == len(selection.areas) else None
        if cell is not None and (source == "FramingView" or (self.listing == cell and state.focus == self.passage_id)):
            self.show_sentences(state, *cell)
            return
        was_listing, self.listing = self.listing is not None, None
        passage_id = state.focus
        shown_for = (state.filters, state.selection, state.search)
        if passage_id and shown_for != self._shown_for:
            # the selection changed: a passage it no longer holds gives way to the first one it does
            row = self.coded.row_of(passage_id)
            if row is None or not state.mask(self.coded)[row]:
                passage_id = ""
        search_changed = state.search != self.search
        self._shown_for, self.search = shown_for, state.search
        if not passage_id:
            order = self.coded.reading_order  # the first selected passage, without listing them all again
            chosen = state.mask(self.coded)[order]
            first = int(chosen.argmax()) if len(chosen) else 0
            passage_id = self.coded.passage_id(int(order[first])) if len(chosen) and chosen[first] else ""
        if passage_id != self.passage_id or was_listing or search_changed:
            self.show_passage(passage_id)

    def _row(self, passage_id: str) -> int | None:
        return self.coded.row_of(passage_id)

    def show_passage(self, passage_id: str) -> None:
        self.listing = None
        self.passage_id = passage_id
        row = self._row(passage_id) if passage_id else None
        for button in (self.previous, self.next, self.copy, self.review):
            button.setEnabled(row is not None)
        if row is None:
            self.browser.setHtml("<p style='color:#555555'>No passage to show: nothing matches the current filters and selection.</p>")
            return
        self.previous.setEnabled(self._neighbour(row, -1) is not None)
        self.next.setEnabled(self._neighbour(row, 1) is not None)
        self.browser.setHtml(self.passage_html(row))

    def passage_html(self, number: int) -> str:
        e = html.escape
        row = self.coded.passages.iloc[number]
        document = self.documents.loc[row["doc_id"]]
        first, end = self.coded.document_rows(row["doc_id"])
        count = end - first
        codes = self.coded.codes_of(number)
        yours = self.coded.decisions_on(self.coded.passage_id(number))
        section = f" · {e(row['section'])}" if row["section"] else ""
        mine = "<p style='margin:0; color:#8C4A00'>★ From your library</p>" if row["user"] else ""
        parts = [
            mine,
            f"<p style='margin:0'><b>{e(document['author'])}</b> ({e(str(document['published']) or 'date unknown')})"
            f"{' · ' + e(document['outlet']) if document['outlet'] else ''}</p>",
            f"<p style='margin:0; color:#333333'><i>{e(document['title'])}</i></p>",
            f"<p style='margin:0 0 6px 0; color:#555555'>Paragraph {row['position']} of {count}{section}</p>",
            f"<p style='font-size:11pt; line-height:140%'>{self.highlighted(self.coded.text(number), codes)}</p>",
            f"<p>{self.code_labels(codes, yours)}</p>",
            self.decisions_html(yours),
            f"<p style='margin:0; color:#555555; font-size:8.5pt'>{html.escape(CODING_NOTES.get(str(document.get('coding', '')), CODING_NOTES['']))}</p>",
            "<p style='color:#555555; font-size:8.5pt'>"
            + (f"Affiliation: {e(document['affiliation'])}<br>" if document["affiliation"] else "")
            + f"Date: {e(document['date_basis'])}<br>Source: {e(document['url']) or 'no address known'}</p>",
        ]
        return "".join(parts)

    def highlighted(self, text: str, codes: list[tuple[str, str, str, str]]) -> str:
        """The passage, escaped, with every code's evidence words marked: a frame's on its colour's tint (the only
        coloured fills), an area's or a pillar's underlined in the pillar's ink, a partner's or a year's on grey, so
        no other word looks like a frame's (prosperity's blue beside opportunity's, peace's green beside achievement's,
        a year's yellow beside recommendation's) and a word that sets a frame and an area shows both."""
        backgrounds: list[str | None] = [None] * len(text)
        underlines: list[str | None] = [None] * len(text)
        priority = {"pillar": 0, "partner": 1, "year": 2, "frame": 3}  # later wins where they overlap
        for dimension, code, source, evidence in sorted(codes, key=lambda c: priority.get(c[0], 0)):
            if source != "lexicon" or not evidence:
                continue
            if dimension in ("area", "pillar"):
                marks, colour = underlines, self._ink(dimension, code)
            else:
                marks, colour = backgrounds, self._colour(dimension, code)
            for word in evidence.split("; "):
                start = text.find(word)
                while start >= 0:
                    marks[start:start + len(word)] = [colour] * len(word)
                    start = text.find(word, start + len(word))
        phrase = self.search.strip()
        if phrase:  # the search match is marked apart from the codes' tints, over them
            for match in re.finditer(re.escape(phrase), text, re.IGNORECASE):
                backgrounds[match.start():match.end()] = [MATCH] * (match.end() - match.start())
                underlines[match.start():match.end()] = [None] * (match.end() - match.start())
        out, i = [], 0
        while i < len(text):
            j = i
            while j < len(text) and backgrounds[j] == backgrounds[i] and underlines[j] == underlines[i]:
                j += 1
            chunk = html.escape(text[i:j])
            style = []
            if backgrounds[i] is MATCH:
                style.append(MATCH_STYLE)
            elif backgrounds[i]:
                style.append(f"background-color:{backgrounds[i]}")
            if underlines[i]:
                style.append(f"color:{underlines[i]}; text-decoration:underline")
            out.append(f"<span style='{'; '.join(style)}'>{chunk}</span>" if style else chunk)
            i = j
        return "".join(out)

    @staticmethod
    def _colour(dimension: str, code: str) -> str:
        """A frame's tint; grey for a partner or a year (a fill of their own colour would pass for a frame's)."""
        return _tint(FRAME_COLOURS.get(code, "#BBBBBB") if dimension == "frame" else "#BBBBBB")

    def _ink(self, dimension: str, code: str) -> str:
        """An area's or a pillar's words and chip: the pillar's colour, dark enough to read as text."""
        return _ink(PILLAR_COLOURS[code if dimension == "pillar" else self.coded.taxonomy.pillar_of(code)])

    def decisions_html(self, yours: list[tuple[int, str, str, str, str]], sentence: int | None = None) -> str:
        """The user's decisions (on one sentence and its passage, or all of a passage's), each with its reason."""
        taxonomy = self.coded.taxonomy
        listed = [
            f"{f'sentence {n}: ' if sentence is None and n else 'whole passage: ' if sentence is not None and not n else ''}"
            f"{'added' if action == 'add' else 'removed'} "
            f"{dimension} {html.escape(taxonomy.label(dimension, code))} — {html.escape(reason)}"
            for n, dimension, code, action, reason in yours
            if sentence is None or n in (0, sentence)
        ]
        if not listed:
            return ""
        return f"<p style='margin:2px 0 0 0; color:#8C4A00; font-size:8.5pt'>✎ Your decisions{' on this passage' if sentence is None else ''}: " + "; ".join(listed) + "</p>"

    def code_labels(self, codes: list[tuple[str, str, str, str]], yours: list[tuple[int, str, str, str, str]] = ()) -> str:
        taxonomy = self.coded.taxonomy
        added_by_you = {(dimension, code) for _, dimension, code, action, _ in yours if action == "add"}
        groups = []
        for dimension, title in (("pillar", "Pillars"), ("area", "Areas"), ("frame", "Frames"), ("partner", "Partners"), ("year", "Years mentioned")):
            chosen = [(code, source) for d, code, source, _ in codes if d == dimension]
            if not chosen:
                continue
            chips = []
            for code, source in chosen:
                label = taxonomy.label(dimension, code) if dimension != "year" else code
                note = {"derived": " (from area)", "reviewed": " ✓ added by a reader", "model": " (sentence model)", "context": " (from the sentences around)"}.get(source, "")
                if source == "reviewed" and (dimension, code) in added_by_you:
                    note = " ✓ added by you"
                look = f"color:{self._ink(dimension, code)}; text-decoration:underline" if dimension in ("area", "pillar") else f"background-color:{self._colour(dimension, code)}"
                chips.append(f"<span style='{look}'>&nbsp;{html.escape(label)}{note}&nbsp;</span>")
            groups.append(f"<b>{title}:</b> " + " ".join(chips))
        return "<br>".join(groups) if groups else "<i>No codes on this passage.</i>"

    def show_sentences(self, state, author: str, area: str) -> None:
        """The sentences of an author on an area under the state, each with the words that set its frames highlighted."""
        self.listing = (author, area)
        self.passage_id = state.focus
        self.listed = framing_sentences(self.coded, state, author, area)
        for button in (self.previous, self.next, self.copy, self.review):
            button.setEnabled(False)
        self.browser.setHtml(self.sentences_html(author, area, self.listed))

    def sentences_html(self, author: str, area: str, listed: list[tuple[int, int]]) -> str:
        e = html.escape
        taxonomy = self.coded.taxonomy
        key = " &nbsp;".join(
            f"<span style='background-color:{_tint(FRAME_COLOURS[f])}'>&nbsp;{e(taxonomy.label('frame', f))}&nbsp;</span>" for f in FRAME_COLUMNS
        )
        parts = [
            f"<p style='margin:0'><b>{e(author)}</b> on <b>{e(taxonomy.label('area', area))}</b>: {len(listed):,} sentence{'s' if len(listed) != 1 else ''}</p>",
            f"<p style='margin:0 0 6px 0; color:#555555; font-size:8.5pt'>The words that set each frame are highlighted: {key}; "
            f"the words that put the sentence on the area are <span style='color:{self._ink('area', area)}; text-decoration:underline'>underlined</span> "
            "(a sentence marked ↕ is on it through the sentences around it, which name it); "
            "a frame marked ◇ was read by the sentence model from the whole sentence, with no single words; ✓ was added by a reader "
            "(✓ you: by you), and a struck-through frame is one you removed; an unmarked one was set by its highlighted words "
            "(in documents not marked ⚙, readers checked every code). "
            "Click a paragraph's name to read it whole, or <i>review…</i> to correct a sentence's codes.</p>",
        ]
        if not listed:
            parts.append("<p style='color:#555555'>No sentence of this author speaks of this area under the current filters.</p>")
        titles = self.documents["title"]
        for row, number in listed[:MOST_SENTENCES]:
            passage_id = self.coded.passage_id(row)
            meta = self.coded.passages.iloc[row]
            codes = [(d, c, s, ev) for n, d, c, s, ev in self.coded.codes.in_sentences(row) if n == number]
            entries = [code for code in codes if code[0] == "frame"]
            yours = [d for d in self.coded.decisions_on(passage_id) if d[0] in (0, number)]
            by_you = {(c, action) for _, d, c, action, _ in yours if d == "frame"}
            area_words = [code for code in codes if code[0] == "area" and code[1] == area]  # why the sentence is on the area
            text = self.coded.text(row)
            spans = sentence_spans(text)
            sentence = text[slice(*spans[number - 1])] if number <= len(spans) else text
            frames = " ".join(
                f"<span style='background-color:{_tint(FRAME_COLOURS.get(c, '#BBBBBB'))}'>&nbsp;{e(taxonomy.label('frame', c))}"
                f"{' ✓ you' if (c, 'add') in by_you else source_marks.mark(s)}&nbsp;</span>"
                for d, c, s, _ in entries
            ) or "<span style='color:#777777'>no frame</span>"
            present = {c for _, c, _, _ in entries}
            frames += "".join(  # a frame the user took away, struck through: not the machine's "no frame"
                f" <span style='color:#777777; text-decoration:line-through'>&nbsp;{e(taxonomy.label('frame', c))}&nbsp;</span>"
                for c, action in sorted(by_you) if action == "remove" and c not in present
            )
            parts.append(
                f"<p style='margin:8px 0 0 0'><a href='passage:{e(passage_id)}'>{e(str(titles.get(meta['doc_id'], meta['doc_id'])))}, "
                f"¶{meta['position']}, sentence {number}</a>{_FROM_AROUND if any(code[2] == 'context' for code in area_words) else ''} &nbsp;{frames} &nbsp;"
                f"<a href='review:{e(passage_id)}.{number}' style='font-size:8.5pt'>review…</a></p>"
                f"<p style='margin:2px 0 0 0; line-height:140%'>{self.highlighted(sentence, entries + area_words)}</p>"
                + self.decisions_html(yours, number)
            )
        if len(listed) > MOST_SENTENCES:
            parts.append(f"<p style='color:#555555'>… and {len(listed) - MOST_SENTENCES:,} more (narrow the filters to read them).</p>")
        return "".join(parts)

    def _anchor_clicked(self, url) -> None:
        target = url.toString()
        if target.startswith("review:"):  # a sentence's codes, to add or remove one with a reason
            passage_id, _, number = target.removeprefix("review:").rpartition(".")
            review = getattr(self.window(), "review_passage", None)
            if review is not None and passage_id and number.isdigit():
                review(passage_id, int(number))
            return
        if target.startswith("passage:"):
            passage_id = target.removeprefix("passage:")
            self.state.set_focus(passage_id, source="ReadingPane")
            self.show_passage(passage_id)

    def _neighbour(self, row: int, step: int) -> int | None:
        """The paragraph before or after in the same document (a document's passages are consecutive rows)."""
        doc = self.coded.passages["doc_id"].iat[row]
        first, end = self.coded.document_rows(doc)
        return row + step if first <= row + step < end else None

    def _step(self, step: int) -> None:
        row = self._row(self.passage_id) if self.passage_id else None
        neighbour = self._neighbour(row, step) if row is not None else None
        if neighbour is not None:
            passage_id = self.coded.passage_id(neighbour)
            self.state.set_focus(passage_id, source="ReadingPane")
            self.show_passage(passage_id)

    def citation(self) -> str:
        number = self._row(self.passage_id)
        if number is None:
            return ""
        row = self.coded.passages.iloc[number]
        document = self.documents.loc[row["doc_id"]]
        return citation({**document.to_dict(), "position": row["position"]})

    def copy_citation(self) -> None:
        QApplication.clipboard().setText(self.citation())


def _ink(colour: str) -> str:
    """A dark version of a colour, readable as text on white (4.5:1 or more for the pillars' colours)."""
    c = QColor(colour)
    return QColor.fromRgbF(0.62 * c.redF(), 0.62 * c.greenF(), 0.62 * c.blueF()).name()


# after a listed sentence that is on the area only through its neighbours' words
_FROM_AROUND = " ↕ <span style='color:#555555; font-size:8.5pt'>(area from the sentences around)</span>"


def _tint(colour: str) -> str:
    """A light version of a colour, so highlighted words stay readable."""
    c = QColor(colour)
    return QColor.fromRgbF(1 - 0.45 * (1 - c.redF()), 1 - 0.45 * (1 - c.greenF()), 1 - 0.45 * (1 - c.blueF())).name()
