"""Two processes at once on the user's library: nothing lost, one writer, readers see it whole.

Every test runs real processes (``nspx`` or a child Python) against a library
in a temporary home. The long import is held at a chosen moment (while it
builds, or between its moves) until the test lets it go.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.pipeline.library import Library

ARTICLE = " ".join(["Korea and ASEAN expanded trade and people-to-people exchanges under the New Southern Policy."] * 4)

SLOW_IMPORT = """
import os, sys, time
from pathlib import Path
from nsp_explorer.paths import data_dir
from nsp_explorer.pipeline import build, library
go = Path(sys.argv[3])
real = build.build_dataset
def held(*args, **kwargs):
    print("building", flush=True)
    while not go.exists():
        time.sleep(0.05)
    return real(*args, **kwargs)
build.build_dataset = held
doc_id = library.Library(Path(sys.argv[1])).import_file(Path(sys.argv[2]), data_dir(), set(), author="B. Writer", title="Second")
print("imported", doc_id, flush=True)
"""


def nspx(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nsp_explorer.cli", *args], capture_output=True, text=True, timeout=120, env=env)


@pytest.fixture
def home(tmp_path, data, monkeypatch):
    """A library with one document, in a temporary home, and the environment for processes that use it."""
    env = dict(os.environ, NSP_EXPLORER_DATA_DIR=str(tmp_path / "user"), NSP_EXPLORER_CACHE_DIR=str(tmp_path / "cache"),
               NSP_EXPLORER_CONFIG_DIR=str(tmp_path / "config"), QT_QPA_PLATFORM="offscreen")
    for name in ("NSP_EXPLORER_DATA_DIR", "NSP_EXPLORER_CACHE_DIR", "NSP_EXPLORER_CONFIG_DIR"):
        monkeypatch.setenv(name, env[name])
    first = tmp_path / "first.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    Library(tmp_path / "user" / "library").import_file(first, data, set(), author="A. Writer", title="First")
    second = tmp_path / "second.txt"
    second.write_text(ARTICLE.replace("trade", "tourism"), encoding="utf-8")
    return tmp_path, env


def held_import(home_dir: Path, env: dict) -> tuple[subprocess.Popen, Path]:
    go = home_dir / "go"
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(SLOW_IMPORT), str(home_dir / "user" / "library"), str(home_dir / "second.txt"), str(go)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert child.stdout.readline().strip() == "building", child.stderr.read()
    return child, go


def finish(child: subprocess.Popen, go: Path) -> str:
    go.touch()
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    return out


@pytest.mark.parametrize("reader", [["library"], ["dataset", "--out", "{home}/combined"]])
def test_a_reader_during_an_import_destroys_nothing(home, taxonomy, reader):
    home_dir, env = home
    child, go = held_import(home_dir, env)
    listed = nspx(*[a.format(home=home_dir) for a in reader], env=env)
    assert listed.returncode == 0, listed.stderr
    if reader == ["library"]:
        assert "1 documents" in listed.stdout  # the library as it was: the import is not finished
    assert "imported" in finish(child, go)
    after = nspx("library", env=env)
    assert "2 documents" in after.stdout, after.stdout  # the import's work was not wiped by the reader
    dataset = load_dataset(home_dir / "user" / "library" / "dataset", taxonomy)
    assert sorted(dataset.documents["title"]) == ["First", "Second"]


def test_a_second_writer_is_told_the_library_is_busy(home, data):
    home_dir, env = home
    third = home_dir / "third.txt"
    third.write_text(ARTICLE.replace("trade", "security"), encoding="utf-8")
    child, go = held_import(home_dir, env)
    second = nspx("import", str(third), "--author", "C. Writer", env=env)
    removal = nspx("remove", "writer-undated-first", env=env)  # imported with no date: its ID says so
    assert second.returncode == 2 and "busy: another import is running" in second.stderr, second.stderr
    assert "Traceback" not in second.stderr + removal.stderr and removal.returncode == 2 and "busy: another import is running" in removal.stderr
    finish(child, go)
    titles = sorted(row["title"] for row in Library(home_dir / "user" / "library").documents())
    assert titles == ["First", "Second"]
    third_try = nspx("import", str(third), "--author", "C. Writer", env=env)  # once the first is done, the next one goes
    assert third_try.returncode == 0, third_try.stderr


def test_opening_the_app_during_an_import_shows_the_old_library(home, qtbot):
    from nsp_explorer.gui import app

    home_dir, env = home
    child, go = held_import(home_dir, env)
    coded = app.load(None)
    assert "First" in set(coded.documents["title"]) and not coded.library_notes
    finish(child, go)
    coded = app.load(None)
    assert {"First", "Second"} <= set(coded.documents["title"])


def test_a_library_that_is_a_symbolic_link_stays_one(tmp_path, data, taxonomy):
    target = tmp_path / "synced" / "nsp-library"
    target.mkdir(parents=True)
    link = tmp_path / "library"
    link.symlink_to(target, target_is_directory=True)
    for n, word in enumerate(("trade", "tourism", "security")):
        path = tmp_path / f"doc{n}.txt"
        path.write_text(ARTICLE.replace("trade", word), encoding="utf-8")
        Library(link).import_file(path, data, set(), author="A. Writer", title=f"Doc {n}")
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert len(list((target / "corpus" / "raw").iterdir())) == 3
    assert len(load_dataset(target / "dataset", taxonomy).documents) == 3
    Library(link).remove(Library(link).documents()[0]["doc_id"], data)
    assert link.is_symlink() and len(Library(target).documents()) == 2


def test_an_old_library_with_an_impossible_year_opens_without_that_document(home, data, qtbot):
    from nsp_explorer.gui import app

    home_dir, env = home
    folder = home_dir / "user" / "library"
    assert nspx("import", str(home_dir / "second.txt"), "--author", "B. Writer", "--date", "2021", env=env).returncode == 0
    for name in ("dataset/documents.csv", "corpus/metadata.csv"):  # as an older version wrote it, unchecked
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8").replace(",2021,", ",0000,", 1).replace(",2021\n", ",0000\n", 1), encoding="utf-8")
    coded = app.load(None)
    titles = set(coded.documents["title"])
    assert "First" in titles and "second" not in titles and len(coded.documents) == 6  # the rest of the library opens
    notes = coded.library_notes
    assert any("0000" in p or "outside" in p for p in notes) and all("kept as" not in p for p in notes)
    assert any("writer-2021-second" in p and "0000" in p for p in notes), notes  # the record is named


@pytest.mark.parametrize("date", ["0001", "0000", "2019-13", "2019-02-30", "9999"])
def test_an_impossible_date_is_refused_at_import(home, date):
    home_dir, env = home
    result = nspx("import", str(home_dir / "second.txt"), "--date", date, env=env)
    assert result.returncode == 2 and "has a date" in result.stderr and "Traceback" not in result.stderr
    assert "1 documents" in nspx("library", env=env).stdout
