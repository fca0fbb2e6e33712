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
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        self.label.setGeometry(self.rect())
        super().resizeEvent(event)

    def setText(self, text: str) -> None:
        self.label.setText(text)

    def text(self) -> str:
        return self.label.text()
