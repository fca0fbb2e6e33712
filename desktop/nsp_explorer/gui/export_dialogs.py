"""The questions an export asks: where the files go, and the figures' layout and size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from ..core.report import MAX_PNG_WIDTH
from .settings import read_settings, save_settings

LAYOUTS = {"Slide 16:9": "slide-16x9", "Slide 4:3": "slide-4x3", "Paper column (89 mm)": "paper-column"}


def ask_folder(parent: QWidget, title: str) -> Path | None:
    """A folder chosen by the user, starting where the last export went (the home folder the first time, never the
    app's own); the choice is remembered. None if cancelled."""
    settings = read_settings()
    last = (settings or {}).get("export_folder")
    start = last if isinstance(last, str) and Path(last).is_dir() else str(Path.home())
    folder = QFileDialog.getExistingDirectory(parent, title, start)
    if not folder:
        return None
    if settings is not None and settings.get("export_folder") != folder:
        settings["export_folder"] = folder
        try:
            save_settings(settings)
        except OSError:
            pass  # the export goes on; the next one starts at home again
    return Path(folder)


def ask_layout(parent: QWidget) -> tuple[str, int] | None:
    """Where the figures go (a slide or a paper column) and how many pixels wide; None if cancelled."""
    from ..figures.media import DEFAULT_MEDIUM, MEDIA

    current = next(k for k, v in LAYOUTS.items() if v == DEFAULT_MEDIUM)
    choice, ok = QInputDialog.getItem(parent, "Figure layout", "Lay the figures out for:", list(LAYOUTS), list(LAYOUTS).index(current), False)
    if not ok:
        return None
    medium = LAYOUTS[choice]
    default = min(MEDIA[medium].default_width, MAX_PNG_WIDTH)
    width, ok = QInputDialog.getInt(parent, "Figure size", "Width of the PNG in pixels (SVG and PDF have the same proportions):", default, 200, MAX_PNG_WIDTH, 100)
    return (medium, width) if ok else None
