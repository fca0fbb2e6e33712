"""Writing exports: every file atomically, a set of files all or nothing, a figure in each format.

A file is written to a temporary name in its folder and renamed when complete;
a set of files is built in a temporary folder and moved out only when every
one succeeded. A failure leaves no partial output and nothing of the user's is touched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..core.errors import DataFileError
from ..core.file_modes import follow_umask
from ..core.report import png_width_problem

FORMATS = ("png", "svg", "pdf")

# How every figure is drawn and saved. Glyphs in the SVG are paths: it then looks the same in every
# renderer, with or without DejaVu Sans installed (an SVG cannot embed a font that all renderers read).
# The PDF embeds DejaVu Sans as TrueType: its text stays text (searchable, selectable) and looks the same.
STYLE = {
    "font.family": "DejaVu Sans",
    "svg.fonttype": "path",
    "svg.hashsalt": "nsp-explorer",  # the same figure gives the same SVG
    "pdf.fonttype": 42,
    "pdf.compression": 6,  # Flate: nothing is ever JPEG-compressed (figures hold no images anyway)
    "path.simplify": False,
    "path.snap": False,  # edges where the vectors put them, as the SVG and PDF renderers do (not moved to whole pixels)
    "text.hinting": "none",  # the PNG's glyphs take the outlines' exact shapes, as the SVG's paths and the PDF's font do
    "axes.unicode_minus": True,
}


def parse_formats(text: str) -> list[str]:
    """'png, SVG' -> ['png', 'svg']; ValueError names what is not a format."""
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ValueError(f"formats are {', '.join(FORMATS)} (comma-separated), not {text!r}")
    return list(dict.fromkeys(formats))


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
        follow_umask(temp)  # as an ordinary new file (mkstemp makes it private to the user)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise DataFileError(path, f"cannot be written: {exc.strerror or exc}") from None
    return path


def temporary_folder_in(folder: Path, prefix: str) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=prefix, dir=folder))
    except OSError as exc:
        raise DataFileError(folder, f"cannot be written: {exc.strerror or exc}") from None


def into_folder(folder: Path, build: Callable[[Path], list[Path]]) -> list[Path]:
    """Build files in a temporary folder inside ``folder``; move them out only when all succeeded."""
    temp = temporary_folder_in(folder, ".nsp-export-")
    try:
        built = build(temp)
        return [Path(shutil.move(str(p), folder / p.name)) for p in built]
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def save_figure(sheet, folder: Path, stem: str, formats) -> list[Path]:
    """The figure of a ``Sheet`` as ``folder/stem.<format>`` for each format, each written atomically."""
    import matplotlib

    problem = png_width_problem(sheet.width_px)  # the one limit on every exported figure (a wider PNG asks for gigabytes)
    if problem:
        raise DataFileError(folder, f"not written: {problem}")
    figure = sheet.figure
    metadata = {
        "png": {"Title": sheet.title, "Description": sheet.subtitle, "Source": sheet.source},
        "svg": {"Title": sheet.title, "Description": f"{sheet.subtitle}. {sheet.source}", "Date": None},
        "pdf": {"Title": sheet.title, "Subject": f"{sheet.subtitle}. {sheet.source}", "CreationDate": None, "ModDate": None},
    }

    engine = figure.get_layout_engine()
    if engine is not None:  # place the axes once ...
        with matplotlib.rc_context(STYLE):
            engine.execute(figure)
        figure.set_layout_engine("none")  # ... and keep them there in every format: PNG, SVG and PDF match to the pixel

    def writer(fmt: str) -> Callable[[str], bool]:
        def write(temp: str) -> bool:
            with matplotlib.rc_context(STYLE):
                figure.savefig(temp, format=fmt, dpi=sheet.dpi, facecolor="white", metadata=metadata[fmt])
            return True

        return write

    return [atomically(folder / f"{stem}.{fmt}", writer(fmt)) for fmt in formats]
