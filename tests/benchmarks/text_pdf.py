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


def make_printed_pdf(path: Path, paragraphs: list[str]) -> Path:
    """The text as Qt prints a document: paged by Qt, a number at each page's foot, and the line a page break cuts
    drawn again, clipped, above the next page (as a word processor's "print to PDF" may)."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(20, 20, 20, 20)))
    text = QTextDocument()
    font = QFont()
    font.setPointSize(11)
    text.setDefaultFont(font)
    text.setPlainText("\n\n".join(paragraphs))
    text.print_(writer)
    return path


def make_pdf_with_text_off_the_page(path: Path, paragraphs: list[str], hidden: str) -> Path:
    """``make_pdf``'s page with a line drawn above the page's top edge, where no reader sees it."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(20, 20, 20, 20)))
    painter = QPainter(writer)
    painter.setClipping(False)
    painter.drawText(0, -writer.logicalDpiY(), hidden)  # an inch above the page
    text = QTextDocument()
    text.documentLayout().setPaintDevice(writer)
    text.setTextWidth(writer.width())
    text.setPlainText("\n\n".join(paragraphs))
    text.drawContents(painter, QRectF(0, 0, writer.width(), writer.height()))
    painter.end()
    return path


def make_report_pdf(path: Path, paragraphs: list[str], head: str, foot: str, per_page: int = 3) -> Path:
    """A report's pages: ``head`` above the text of each page, ``foot`` (with "{page}" for its number) below it."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(20, 20, 20, 20)))
    painter = QPainter(writer)
    font = QFont()
    font.setPointSize(11)
    line = writer.logicalDpiY() // 4
    for page, start in enumerate(range(0, len(paragraphs), per_page)):
        if page:
            writer.newPage()
        painter.setFont(font)
        painter.drawText(0, line, head)
        text = QTextDocument()
        text.documentLayout().setPaintDevice(writer)
        text.setDefaultFont(font)
        text.setTextWidth(writer.width())
        text.setPlainText("\n\n".join(paragraphs[start : start + per_page]))
        painter.save()
        painter.translate(0, 2 * line)
        text.drawContents(painter, QRectF(0, 0, writer.width(), writer.height() - 4 * line))
        painter.restore()
        painter.drawText(0, writer.height() - line, foot.format(page=page + 1))
    painter.end()
    return path
