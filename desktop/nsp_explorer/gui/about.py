"""Help ▸ About: the version, the dataset and its sources, and the licences of what ships inside."""

from __future__ import annotations

import html
import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from .. import __version__

APP_ID = "io.github.nspexplorer.NSPExplorer"  # the desktop entry's file name, without .desktop

# What ships inside the app and a bundle, with its licence.
BUNDLED = (
    ("Qt", qVersion(), "LGPL-3.0 (The Qt Company); dynamically linked, replaceable"),
    ("PySide6-Essentials / shiboken6", pyside_version, "LGPL-3.0"),
    ("pyqtgraph", None, "MIT"),
    ("pandas", None, "BSD-3-Clause"),
    ("NumPy", None, "BSD-3-Clause"),
    ("appdirs", None, "MIT"),
    ("trafilatura, htmldate (reading saved web pages)", None, "Apache-2.0"),
    ("Python", platform.python_version(), "PSF License"),
)
DISTRIBUTIONS = {"pyqtgraph": "pyqtgraph", "pandas": "pandas", "NumPy": "numpy", "appdirs": "appdirs", "trafilatura, htmldate (reading saved web pages)": "trafilatura"}


def _version(name: str, given: str | None) -> str:
    if given:
        return given
    from importlib import metadata  # pulls in the email package: only when About opens

    try:
        return metadata.version(DISTRIBUTIONS[name])
    except (metadata.PackageNotFoundError, KeyError):
        return "bundled"


SOURCES_LISTED = 200  # an archive of thousands lists its first sources and says how many more


def about_html(coded) -> str:
    e = html.escape
    sources = "".join(
        f"<li>{e(d.author)} ({e(str(d.published))}). <i>{e(d.title)}</i>. {e(d.outlet)}."
        + (f"<br><span style='color:#555'>{e(d.url)}</span>" if d.url else "")
        + "</li>"
        for d in coded.documents.head(SOURCES_LISTED).itertuples()
    )
    more = len(coded.documents) - SOURCES_LISTED
    if more > 0:
        sources += f"<p>… and {more:,} more (see documents.csv in the dataset folder).</p>"
    parts = "".join(f"<tr><td>{e(name)}</td><td>{e(_version(name, version))}</td><td>{e(licence)}</td></tr>" for name, version, licence in BUNDLED)
    return (
        f"<h2>NSP Explorer {e(__version__)}</h2>"
        "<p>How policy writing frames Korea's New Southern Policy: pillars, cooperation areas, partners, frames and "
        "the figures authors cite, with the source passages at hand. Works offline: it never connects to the network.</p>"
        f"<p><b>Dataset</b> {e(coded.version)}: {len(coded.documents)} documents, {len(coded)} passages, "
        f"{len(coded.codes)} codes, {len(coded.facts)} cited figures ({e(str(coded.folder))}).</p>"
        f"<p><b>Sources</b> (the texts remain the work and copyright of their authors and publishers; they are included "
        f"for research and teaching):</p><ol>{sources}</ol>"
        f"<p><b>Inside the app</b></p><table cellpadding='3'><tr><th align='left'>Part</th><th align='left'>Version</th>"
        f"<th align='left'>Licence</th></tr>{parts}</table>"
        "<p>NSP Explorer itself: MIT licence.</p>"
    )


class AboutDialog(QDialog):
    def __init__(self, coded, parent=None):
        super().__init__(parent)
        self.setWindowTitle("About NSP Explorer")
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)  # addresses are shown, never opened: the app stays offline
        self.text.setHtml(about_html(coded))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(720, 620)
