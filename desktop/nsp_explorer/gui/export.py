"""Export views as PNG, SVG and PDF with a caption, and whole seminar packs.

Every file is written to a temporary name in its folder and renamed when
complete; a seminar pack is built in a temporary folder renamed at the end.
A failure leaves no partial output and nothing of the user's is touched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

from ..core.errors import DataFileError
from ..core.file_modes import follow_umask
from ..core.report import markdown_text, passages_csv, passages_markdown, png_width_problem
from ..core.scenario import file_stem, write_json_atomically

FORMATS = ("png", "svg", "pdf")
_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)


def _caption_font() -> QFont:
    font = QFont()
    font.setPointSizeF(8.5)
    return font


def caption_height(widget: QWidget, caption: str) -> int:
    """Height of the caption band under a view: the caption wraps, it is never cut off."""
    text = QFontMetrics(_caption_font()).boundingRect(QRect(0, 0, max(40, widget.width() - 16), 10_000), _WRAP, caption)
    return text.height() + 10


def _paint_with_caption(painter: QPainter, widget: QWidget, caption: str) -> None:
    widget.render(painter, QPoint(0, 0))
    band = QRect(0, widget.height(), widget.width(), caption_height(widget, caption))
    painter.fillRect(band, QColor("#FFFFFF"))
    painter.setPen(QColor("#333333"))
    painter.setFont(_caption_font())
    painter.drawText(band.adjusted(8, 0, -8, 0), _WRAP, caption)


def atomically(path: Path, write: Callable[[str], bool]) -> Path:
    """Run ``write(temporary_path)``; rename into place only if it reports success."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
        os.close(handle)
    except OSError as exc:
        raise DataFileError(path.parent, f"cannot be written: {exc.strerror or exc}") from None
    try:
        if not write(temp) or os.path.getsize(temp) == 0:
            raise OSError(f"could not write the {path.suffix[1:].upper()} (is the disk full?)")
        follow_umask(temp)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise DataFileError(path, f"cannot be written: {exc.strerror or exc}") from None
    return path


def export_png(widget: QWidget, path: Path, caption: str, width: int | None = None) -> Path:
    """PNG of a view and its caption, ``width`` pixels wide (default: twice the view, for slides)."""
    scale = (width or 2 * widget.width()) / widget.width()
    size = QSize(round(widget.width() * scale), round((widget.height() + caption_height(widget, caption)) * scale))

    def write(temp: str) -> bool:
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(QColor("#FFFFFF"))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        _paint_with_caption(painter, widget, caption)
        painter.end()
        return image.save(temp, "PNG")

    return atomically(path, write)


def export_svg(widget: QWidget, path: Path, caption: str) -> Path:
    def write(temp: str) -> bool:
        generator = QSvgGenerator()
        generator.setFileName(temp)
        height = widget.height() + caption_height(widget, caption)
        generator.setSize(QSize(widget.width(), height))
        generator.setViewBox(QRect(0, 0, widget.width(), height))
        generator.setTitle("NSP Explorer")
        generator.setDescription(caption)
        painter = QPainter()
        if not painter.begin(generator):
            return False
        _paint_with_caption(painter, widget, caption)
        return painter.end()

    return atomically(path, write)


def export_pdf(widget: QWidget, path: Path, caption: str) -> Path:
    def write(temp: str) -> bool:
        writer = QPdfWriter(temp)
        writer.setResolution(96)
        millimetres = QSizeF(widget.width() * 25.4 / 96, (widget.height() + caption_height(widget, caption)) * 25.4 / 96)
        writer.setPageLayout(QPageLayout(QPageSize(millimetres, QPageSize.Unit.Millimeter), QPageLayout.Orientation.Portrait, QMarginsF()))
        writer.setTitle(caption)
        painter = QPainter()
        if not painter.begin(writer):
            return False
        _paint_with_caption(painter, widget, caption)
        return painter.end()

    return atomically(path, write)


def export_view(widget: QWidget, folder: Path, stem: str, formats, caption: str, width: int | None = None) -> list[Path]:
    writers = {"png": lambda p: export_png(widget, p, caption, width), "svg": lambda p: export_svg(widget, p, caption), "pdf": lambda p: export_pdf(widget, p, caption)}
    return [writers[f](folder / f"{stem}.{f}") for f in formats]


def export_views(window, folder: Path, formats, width: int | None = None) -> list[Path]:
    """Every chart and the whole window, in each format, into ``folder`` (all or nothing)."""
    problem = png_width_problem(width)
    if problem:
        raise DataFileError(folder, f"not written: {problem}")
    caption = window.caption_text()
    views = [(file_stem(chart.title), chart) for chart in window.charts] + [("main-window", window)]
    return _into_folder(folder, lambda temp: [p for stem, view in views for p in export_view(view, temp, stem, formats, caption, width)])


def _temporary_folder_in(folder: Path, prefix: str) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=prefix, dir=folder))
    except OSError as exc:
        raise DataFileError(folder, f"cannot be written: {exc.strerror or exc}") from None


def _into_folder(folder: Path, build: Callable[[Path], list[Path]]) -> list[Path]:
    """Build files in a temporary folder inside ``folder``; move them out only when all succeeded."""
    temp = _temporary_folder_in(folder, ".nsp-export-")
    try:
        built = build(temp)
        return [Path(shutil.move(str(p), folder / p.name)) for p in built]
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def seminar_pack(window, folder: Path, scenario_json: dict) -> Path:
    """One folder with every view as PNG and SVG, the passages (CSV, Markdown), the scenario and a README."""
    name = scenario_json.get("name") or "current view"
    target = folder / f"{file_stem(name)}-seminar-pack"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{file_stem(name)}-seminar-pack-{n}"
    temp = _temporary_folder_in(folder, ".nsp-pack-")
    try:
        caption = window.caption_text()
        for chart in window.charts:
            export_view(chart, temp, file_stem(chart.title), ("png", "svg"), caption)
        export_view(window, temp, "main-window", ("png", "svg"), caption)
        rows, documents = window.selected_passages(), window.coded.documents
        atomically(temp / "passages.csv", lambda t: Path(t).write_bytes(passages_csv(rows, documents)) > 0)
        atomically(temp / "passages.md", lambda t: Path(t).write_text(passages_markdown(rows, documents, name), encoding="utf-8") > 0)
        write_json_atomically(temp / "scenario.json", scenario_json)
        readme = "\n".join(
            [
                f"# {markdown_text(name)}",  # the name, note and caption are the user's text: shown, never markup or links
                "",
                markdown_text(caption),
                "",
                markdown_text(scenario_json.get("note") or ""),
                "",
                "- `main-window.png` / `.svg`: the whole explorer as it was shown",
                *[f"- `{file_stem(c.title)}.png` / `.svg`: {c.title}" for c in window.charts],
                f"- `passages.csv`, `passages.md`: the {len(rows)} passages shown, with citations",
                "- `scenario.json`: open it in NSP Explorer (Scenarios ▸ Import) to show the same view",
                "",
            ]
        )
        atomically(temp / "README.md", lambda t: Path(t).write_text(readme, encoding="utf-8") > 0)
        follow_umask(temp, directory=True)
        temp.rename(target)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return target
