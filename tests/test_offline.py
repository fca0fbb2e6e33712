"""Offline: a whole session (load, filter, export, import) opens no network socket; the About dialog names the sources and licences."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from nsp_explorer.core.coded import code_passages
from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.gui.about import APP_ID, about_html

SESSION = textwrap.dedent(
    """
    import os, socket, sys, tempfile
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    attempts = []
    real_socket = socket.socket
    class NoNetwork(real_socket):
        def connect(self, address):
            attempts.append(address)
            raise OSError("network use refused by the test")
        connect_ex = connect
        def sendto(self, *args):
            attempts.append(args[-1])
            raise OSError("network use refused by the test")
    socket.socket = NoNetwork
    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network use refused by the test")
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from nsp_explorer.core.filters import FilterSpec
    from nsp_explorer.gui.app import load
    from nsp_explorer.gui.export import export_views, seminar_pack
    from nsp_explorer.gui.main_window import MainWindow
    out = tempfile.mkdtemp()
    window = MainWindow(load(None), remember=True)
    window.show(); app.processEvents()
    window.state.set_filters(FilterSpec(pillars={"peace"})); window.state.set_search("trade"); app.processEvents()
    window.scenarios.save_current("Offline")
    window.show_about(); app.processEvents()
    export_views(window, __import__("pathlib").Path(out), ["png", "svg", "pdf"])
    seminar_pack(window, __import__("pathlib").Path(out), window.current_scenario("Offline").to_json())
    window.close(); app.processEvents()
    # import a web page that points at remote images, styles and scripts: nothing is fetched
    from pathlib import Path
    from nsp_explorer.paths import data_dir
    from nsp_explorer.pipeline.library import Library, library_dir
    page = Path(out) / "page.html"
    page.write_text(
        '<html><head><title>Remote</title><link rel="stylesheet" href="https://cdn.example/s.css">'
        '<script src="https://cdn.example/a.js"></script></head><body><article><img src="https://img.example/x.png">'
        + "<p>Korea and ASEAN expanded trade and people-to-people exchanges under the New Southern Policy.</p>" * 4
        + '<iframe src="https://video.example/embed"></iframe></article></body></html>', encoding="utf-8")
    Library(library_dir()).import_file(page, data_dir(), set(), author="A. Writer")
    window = MainWindow(load(None), remember=True)
    window.show(); app.processEvents()
    assert len(window.coded.documents) == 6, "the imported page is in the dataset"
    window.close(); app.processEvents()
    print("network attempts:", len(attempts), attempts[:3])
    sys.exit(1 if attempts else 0)
    """
)


def test_a_whole_session_opens_no_network_socket(tmp_path):
    env = {**os.environ, "NSP_EXPLORER_CONFIG_DIR": str(tmp_path / "c"), "NSP_EXPLORER_DATA_DIR": str(tmp_path / "d")}
    result = subprocess.run([sys.executable, "-c", SESSION], capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    assert "network attempts: 0" in result.stdout


def test_about_names_version_dataset_sources_and_licences(data, taxonomy):
    text = about_html(code_passages(load_dataset(data / "dataset", taxonomy), taxonomy))
    assert "NSP Explorer 0.1.0" in text and "LGPL-3.0" in text and "pyqtgraph" in text and "MIT" in text
    assert "Lee Jaehyon" in text and "en.asaninst.org" in text and "The Korea Times" in text


def test_desktop_entry_matches_the_app_id():
    root = Path(__file__).resolve().parents[1]
    entry = (root / "resources" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Icon={APP_ID}" in entry and "Categories=Education;" in entry and "Exec=nsp-explorer" in entry
    assert (root / "resources" / "icons" / "nsp-explorer-256.png").exists()
