"""A label whose changing text never makes the window lay itself out again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class QuietLabel(QWidget):
    """Text in a box of fixed height: a new text repaints the box and nothing else.

    A QLabel in a layout asks every layout up to the window to recompute when
    its text changes (unless its size is fixed both ways); for the counts that
    change at every filter toggle that was about 2 ms of each redraw. Here the
    label sits in a box without a layout, which the box's own layout never hears of.
    """

    def __init__(self, lines: int = 1, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, parent=None):
        super().__init__(parent)
        self.full_text = ""
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAlignment(align)
        self.label.setWordWrap(lines > 1)
        self.lines = lines
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._fit_height()

    def _fit_height(self) -> None:
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self.lines + 4)

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.FontChange:  # larger type in seminar mode: more room
            self._fit_height()
            self._fit_text()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        self.label.setGeometry(self.rect())
        self._fit_text()  # another width: other lines
        super().resizeEvent(event)

    def setText(self, text: str) -> None:
        self.full_text = text
        self._fit_text()

    def text(self) -> str:
        return self.full_text

    def _fit_text(self) -> None:
        """The text, or as many of its words as fit the box's lines ending in "…" (the whole of it in the tooltip)."""
        text = self.full_text
        words = text.split(" ")
        fits = len(words) if self._fits(text) else self._most_words(words)
        shown = text if fits == len(words) else " ".join(words[:fits]) + " …"
        self.label.setText(shown)
        self.setToolTip(text if shown != text else "")

    def _fits(self, text: str) -> bool:
        width = max(self.width(), 1)
        if self.lines == 1:
            return self.fontMetrics().horizontalAdvance(text) <= width
        return self.fontMetrics().boundingRect(0, 0, width, 100000, int(Qt.TextFlag.TextWordWrap), text).height() <= self.height() - 4

    def _most_words(self, words: list[str]) -> int:
        low, high = 0, len(words)  # the most words that fit with the ellipsis: a few measurements, not one a word
        while low < high:
            middle = (low + high + 1) // 2
            if self._fits(" ".join(words[:middle]) + " …"):
                low = middle
            else:
                high = middle - 1
        return low
