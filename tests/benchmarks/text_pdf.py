"""Real text PDFs made with Qt, for the import tests and the import benchmark."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument


def make_pdf(path: Path, paragraphs: list[str], pages: int = 1, title: str = "A text PDF", per_page: int = 0) -> Path:
    """Wrapped text on A4 pages: every paragraph on each page, or ``per_page`` of them in turn."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(20, 20, 20, 20)))
    writer.setTitle(title)
    writer.setCreator("NSP Explorer tests")
    painter = QPainter(writer)
    font = QFont()
    font.setPointSize(11)
    for page in range(pages):
        if page:
            writer.newPage()
        text = QTextDocument()
        text.documentLayout().setPaintDevice(writer)  # the PDF's own metrics: lines wrap as on paper
        text.setDefaultFont(font)
        text.setTextWidth(writer.width())
        shown = paragraphs[page * per_page : (page + 1) * per_page] if per_page else paragraphs
        text.setPlainText("\n\n".join(shown))
        text.drawContents(painter, QRectF(0, 0, writer.width(), writer.height()))
    painter.end()
    return path
