"""Crash safety: a process killed while it saves a scenario or imports a document loses nothing.

Each test runs the real code in a child process and kills it with SIGKILL
(no clean-up runs) at a chosen moment, or at random moments, then opens the
files as the app would the next time.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.core.scenario import Scenario, ScenarioStore
from nsp_explorer.pipeline.library import Library

ARTICLE = " ".join(["Korea and ASEAN expanded trade and people-to-people exchanges under the New Southern Policy."] * 4)


def start(script: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_when(child: subprocess.Popen, marker: str, timeout: float = 120) -> None:
    """Kill the child with SIGKILL as soon as it prints ``marker``."""
    deadline = time.monotonic() + timeout
    for line in child.stdout:
        if marker in line:
            break
        assert time.monotonic() < deadline, "the child never reached the moment to kill it"
    else:
        pytest.fail(f"the child ended before {marker!r}: {child.stderr.read()[-2000:]}")
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


SAVE_SCENARIO = """
import os, sys, time
from pathlib import Path
from nsp_explorer.core.scenario import Scenario, ScenarioStore
from nsp_explorer.core.taxonomy import load_taxonomy
from nsp_explorer.paths import data_dir
real_fsync = os.fsync
def stall(fd):
    real_fsync(fd)
    print("writing", flush=True)  # the new file is written but not yet renamed into place
    time.sleep(60)
os.fsync = stall
store = ScenarioStore.open(Path(sys.argv[1]), load_taxonomy(data_dir() / "taxonomy.json"), [], [])
store.update(0, Scenario("Week 1", note="the new note that must not half-replace the old one " * 200))
"""


def test_killed_while_saving_a_scenario_the_previous_file_survives(tmp_path, taxonomy):
    folder = tmp_path / "scenarios"
    ScenarioStore.open(folder, taxonomy, [], []).add(Scenario("Week 1", note="the old note"))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    kill_when(start(SAVE_SCENARIO, str(folder)), "writing")
    store = ScenarioStore.open(folder, taxonomy, [], [])
    assert [(s.name, s.note) for s in store.scenarios] == [("Week 1", "the old note")] and not store.problems
    assert {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith(".tmp")} == before


SAVE_FOREVER = """
import sys
from pathlib import Path
from nsp_explorer.core.scenario import Scenario, ScenarioStore
from nsp_explorer.core.taxonomy import load_taxonomy
from nsp_explorer.paths import data_dir
store = ScenarioStore.open(Path(sys.argv[1]), load_taxonomy(data_dir() / "taxonomy.json"), [], [])
print("saving", flush=True)
n = 0
while True:
    n += 1
    store.update(0, Scenario("Week 1", note=("long " * 50_000) if n % 2 else "short"))
"""


def test_killed_at_random_moments_the_scenario_is_always_whole(tmp_path, taxonomy):
    folder = tmp_path / "scenarios"
    ScenarioStore.open(folder, taxonomy, [], []).add(Scenario("Week 1", note="short"))
    rng = random.Random(8)
    for _ in range(8):
        child = start(SAVE_FOREVER, str(folder))
        assert "saving" in child.stdout.readline()
        time.sleep(rng.uniform(0.05, 0.6))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        store = ScenarioStore.open(folder, taxonomy, [], [])
        assert not store.problems and len(store.scenarios) == 1
        assert store.scenarios[0].note in ("short", ("long " * 50_000))


IMPORT = """
import os, sys, time
from pathlib import Path
from nsp_explorer.paths import data_dir
from nsp_explorer.pipeline import build, library
moment = sys.argv[3]
if moment == "building":
    real = build.build_dataset
    def stall(*args, **kwargs):
        print("building", flush=True)
        time.sleep(60)
    build.build_dataset = stall
else:
    real_replace = os.replace
    def replace(source, target):
        real_replace(source, target)
        if "/corpus/" in str(target) and ".nspx-staging-" not in str(target):
            print("between moves", flush=True)  # some of the new files are in place, not all
            time.sleep(60)
    os.replace = replace
library.Library(Path(sys.argv[1])).import_file(Path(sys.argv[2]), data_dir(), set(), author="B. Writer", title="Second")
"""


@pytest.mark.parametrize("moment", ["building", "between moves"])
def test_killed_during_an_import_the_library_is_whole(tmp_path, data, taxonomy, moment):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(ARTICLE.replace("trade", "tourism"), encoding="utf-8")
    folder = tmp_path / "library"
    Library(folder).import_file(first, data, set(), author="A. Writer", title="First")
    before = Library(folder).documents()
    kill_when(start(IMPORT, str(folder), str(second), moment), moment)
    library = Library(folder)  # opening it repairs what the kill interrupted
    expected = ["First"] if moment == "building" else ["First", "Second"]  # before the moves: as it was; during them: finished
    assert [row["title"] for row in library.documents()] == expected
    if moment == "building":
        assert library.documents() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first.txt", "library", "second.txt"]  # no half-made copies left
    assert not [p for p in folder.iterdir() if p.name.startswith(".nspx-staging-") or p.name == ".nspx-journal.json"]
    dataset = load_dataset(folder / "dataset", taxonomy)
    assert sorted(dataset.documents["title"]) == expected  # the dataset is the one built with those documents
    assert len(list((folder / "corpus" / "raw").iterdir())) == len(expected)
    if moment == "building":
        assert library.import_file(second, data, set(), author="B. Writer", title="Second")  # and it still works


BUILD = """
import os, sys, time
from pathlib import Path
from nsp_explorer.paths import data_dir
from nsp_explorer.pipeline.build import build_dataset, write_dataset
dataset = build_dataset(data_dir())
row = dataset.tables["documents.csv"][0]
dataset.tables["documents.csv"][0] = (*row[:2], "changed", *row[3:])
dataset.tables["facts.csv"] = dataset.tables["facts.csv"][:3]
real_replace = os.replace
def replace(source, target):
    real_replace(source, target)
    if str(target).endswith("documents.csv"):
        print("between moves", flush=True)  # documents.csv is new, the others are still old
        time.sleep(60)
os.replace = replace
write_dataset(dataset, Path(sys.argv[1]))
"""


def test_killed_between_a_builds_moves_the_dataset_is_one_set(tmp_path, data, taxonomy):
    import shutil

    folder = tmp_path / "dataset"
    shutil.copytree(data / "dataset", folder, ignore=shutil.ignore_patterns(".*"))
    kill_when(start(BUILD, str(folder)), "between moves")
    assert (folder / ".nspx-journal.json").exists()
    load_dataset(folder, taxonomy)  # the next reader finishes the moves: all five files are the new build
    assert not (folder / ".nspx-journal.json").exists()
    new = {p.name for p in folder.iterdir() if not p.name.startswith(".")}
    assert new == {"documents.csv", "passages.csv", "codes.csv", "facts.csv", "agreement.csv"}
    assert "changed" in (folder / "documents.csv").read_text(encoding="utf-8")
    assert len((folder / "facts.csv").read_text(encoding="utf-8").splitlines()) == 4  # and facts.csv is the new one too


def test_a_stale_temporary_file_is_cleared_when_the_folder_is_opened(tmp_path, taxonomy):
    folder = tmp_path / "scenarios"
    ScenarioStore.open(folder, taxonomy, [], []).add(Scenario("Week 1"))
    stale = folder / ".week-1.json.abc123.tmp"
    stale.write_text('{"half": ', encoding="utf-8")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    ScenarioStore.open(folder, taxonomy, [], [])
    assert not stale.exists()
    assert json.loads((folder / "week-1.json").read_text(encoding="utf-8"))["name"] == "Week 1"
