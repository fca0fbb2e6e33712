"""The questions an export asks: where the files go, and the figures' layout and size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from ..core.report import MAX_PNG_WIDTH
from ..figures.export import file_names, files_in_the_way
from .settings import read_settings, remember_setting

LAYOUTS = {"Slide 16:9": "slide-16x9", "Slide 4:3": "slide-4x3", "Paper column (89 mm)": "paper-column"}


def _last_folder() -> str:
    """Where the last export went, or the home folder (never the app's own, the working folder)."""
    last = (read_settings() or {}).get("export_folder")
    return last if isinstance(last, str) and Path(last).is_dir() else str(Path.home())


def ask_folder(parent: QWidget, title: str, remember: bool = True) -> Path | None:
    """A folder chosen by the user, starting where the last export went; remembered unless ``remember`` is False
    (a window that keeps no settings). None if cancelled."""
    folder = QFileDialog.getExistingDirectory(parent, title, _last_folder())
    if not folder:
        return None
    if remember:
        remember_setting("export_folder", folder)
    return Path(folder)


def ask_save_path(parent: QWidget, title: str, name: str, kinds: str, remember: bool = True) -> Path | None:
    """A file to write, offered as ``name`` in the folder of the last export; its folder is remembered likewise."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(_last_folder()) / name), kinds)
    if not path:
        return None
    if remember:
        remember_setting("export_folder", str(Path(path).parent))
    return Path(path)


def ask_export_folder(parent: QWidget, title: str, stems, remember: bool, say) -> tuple[Path, list[Path]] | None:
    """The folder for an export of the figures named in ``stems`` (None: every view) and the files already there that it
    would replace, once the user has agreed to replace them; None if cancelled or declined (``say`` tells the user
    that nothing was exported)."""
    folder = ask_folder(parent, title, remember)
    if folder is None:
        return None
    in_the_way = files_in_the_way(folder, stems)
    if not may_replace(parent, folder, in_the_way):
        say(f"Nothing exported: the figures in {folder} are kept")
        return None
    return folder, in_the_way


def may_replace(parent: QWidget, folder: Path, in_the_way: list[Path]) -> bool:
    """True if nothing would be replaced, or the user says the files listed may be."""
    if not in_the_way:
        return True
    answer = QMessageBox.question(
        parent,
        "Replace files?",
        f"{len(in_the_way)} file{'s' if len(in_the_way) != 1 else ''} in {folder} would be replaced: {file_names(in_the_way)}.\n\n"
        "Replace them? (A figure whose view shows no data now is removed, so that the folder holds one export. Choose No and "
        "export into another folder to keep both.)",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


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
