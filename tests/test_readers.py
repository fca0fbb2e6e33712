"""Two readers of the same sentences: `nspx agree` measures them, and the Coding quality view gives their agreement
as the yardstick beside the coder's."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nsp_explorer.core.agreement import headline, load_agreement
from nsp_explorer.core.errors import DataFileError
from nsp_explorer.gui.quality import CodingQualityDialog
from nsp_explorer.pipeline.agreement_table import READERS, recorded_readers

ROOT = Path(__file__).parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "agreement.csv"
COLUMNS = ("doc_id", "sentence", "pillar", "area", "frame", "partner")
SENTENCES = [
    ("p1", "Korea's exports to Vietnam rose by a fifth last year.", "prosperity", "trade", "achievement", "vietnam"),
    ("p1", "Labour shortages on farms remain a worry.", "people", "migration", "challenge", ""),
    ("p2", "Both sides should widen scholarships for students.", "people", "education", "recommendation", "asean"),
    ("p2", "The minister arrived in Jakarta on Monday.", "peace", "diplomatic_institutions", "", "indonesia"),
]


def nspx(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nsp_explorer.cli", *args], capture_output=True, text=True, timeout=120)


def write(path: Path, rows) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


def test_a_second_reader_is_scored_against_the_first_dimension_by_dimension(tmp_path):
    first = write(tmp_path / "first.csv", SENTENCES)
    same = nspx("agree", str(first), str(write(tmp_path / "same.csv", SENTENCES)))
    assert same.returncode == 0, same.stderr
    assert "same.csv (second reader) against first.csv (first reader), 4 sentences" in same.stdout
    assert "frame            1.000   1.000  1.000  1.000        3" in same.stdout
    # the second reader misses the challenge and adds an opportunity: precision and recall of frames both fall to 2 in 3
    other = [list(row) for row in SENTENCES]
    other[1][4] = ""
    other[3][4] = "opportunity"
    differ = nspx("agree", str(first), str(write(tmp_path / "other.csv", other)), "--detail")
    assert differ.returncode == 0, differ.stderr
    assert "frame            0.667   0.667  0.667" in differ.stdout
    assert "area             1.000   1.000  1.000" in differ.stdout
    assert "frame:challenge" in differ.stdout  # --detail lists every code
    listed = nspx("agree", str(first), str(tmp_path / "other.csv"), "--disagreements")
    assert "2 sentences coded differently (line: first.csv | other.csv)" in listed.stdout
    assert "line 3: Labour shortages on farms remain a worry.\n  frame    challenge | –" in listed.stdout
    assert "line 5: The minister arrived in Jakarta on Monday.\n  frame    – | opportunity" in listed.stdout
    assert "line 2:" not in listed.stdout and "line 4:" not in listed.stdout  # sentences coded alike are not listed
    alike = nspx("agree", str(first), str(tmp_path / "same.csv"), "--disagreements")
    assert "The two readers gave the same codes to every sentence." in alike.stdout


def test_two_files_that_are_not_the_same_sentences_are_refused_by_file_and_line(tmp_path):
    first = write(tmp_path / "first.csv", SENTENCES)
    moved = write(tmp_path / "moved.csv", [SENTENCES[0], SENTENCES[2], SENTENCES[1], SENTENCES[3]])
    result = nspx("agree", str(first), str(moved))
    assert result.returncode != 0
    assert "moved.csv: line 3: the sentence is not the one on line 3 of first.csv" in result.stderr
    assert "first.csv: Labour shortages on farms remain a worry." in result.stderr  # both sentences, to see the difference
    assert "moved.csv: Both sides should widen scholarships for students." in result.stderr
    short = nspx("agree", str(first), str(write(tmp_path / "short.csv", SENTENCES[:3])))
    assert short.returncode != 0 and "short.csv: has 3 sentences where first.csv has 4" in short.stderr
    spaced = [(d, "  " + s.replace(" ", "  "), *rest) for d, s, *rest in SENTENCES]  # spacing aside, the same sentences
    assert nspx("agree", str(first), str(write(tmp_path / "spaced.csv", spaced))).returncode == 0
    missing = nspx("agree", str(first), str(tmp_path / "none.csv"))
    assert missing.returncode != 0 and "none.csv: is missing" in missing.stderr


def test_recorded_readers_reach_the_coding_quality_view_as_the_yardstick(qtbot, tmp_path):
    data = tmp_path / "data"  # a data folder without gold/ yet: --record makes it
    data.mkdir()
    shutil.copy(ROOT / "data" / "taxonomy.json", data / "taxonomy.json")
    first = write(tmp_path / "first.csv", SENTENCES)
    other = [list(row) for row in SENTENCES]
    other[1][4] = ""
    result = nspx("agree", str(first), str(write(tmp_path / "other.csv", other)), "--record", "--data", str(data))
    assert result.returncode == 0, result.stderr
    rows = recorded_readers(data)
    assert rows[2][:7] == ("readers", "sentence", "frame", "4", "1.000", "0.667", "0.800") and 0 < float(rows[2][7]) < 1
    # the dataset's agreement file with the readers' rows: the view gives them right after the coder's on real pages
    table = FIXTURE.read_text(encoding="utf-8") + "".join(",".join(row) + "\n" for row in rows)
    (tmp_path / "agreement.csv").write_text(table, encoding="utf-8")
    said = headline(load_agreement(tmp_path / "agreement.csv"))
    assert "a second careful reader who coded 4 real-page sentences alone" in said
    assert "the coder is not yet" not in said  # no coder's figures on real pages here: nothing is claimed about it
    dialog = CodingQualityDialog(tmp_path)
    qtbot.addWidget(dialog)
    names = [row[0] for row in dialog.figures()]
    assert names == ["yardstick: second reader"] * 4 + ["held-out sentences"] * 2 + ["bundled articles"] * 2
    assert "frames F1 0.80 (precision 1.00, recall 0.67)" in dialog.details.text()
    assert "Yardstick, second reader:" in dialog.explanation.text()


def test_a_readers_file_with_another_sample_is_refused(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / READERS).write_text("sample,level,dimension,units,precision,recall,f1,alpha\npages,sentence,frame,4,1,1,1,1\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not 'readers'"):
        recorded_readers(tmp_path)


def test_the_shipped_figures_give_the_coder_beside_a_second_reader():
    table = load_agreement(ROOT / "data" / "dataset" / "agreement.csv")
    readers = table[table["sample"] == "readers"].set_index("dimension")
    pages = table[table["sample"] == "pages"].set_index("dimension")
    assert set(readers.index) == {"pillar", "area", "frame", "partner"} and set(pages.index) == set(readers.index)
    assert "For comparison, a second careful reader" in headline(table)


def test_a_spreadsheets_csv_and_codes_typed_as_words_are_read(tmp_path):
    """Excel's "CSV UTF-8" starts with a byte-order mark, and people type "Achievement" or "North Korea"."""
    first = write(tmp_path / "first.csv", SENTENCES)
    typed = [(d, s, p.title(), a.replace("_", " ").title(), f.capitalize(), q.title()) for d, s, p, a, f, q in SENTENCES]
    excel = tmp_path / "excel.csv"
    write(excel, typed)
    excel.write_bytes(b"\xef\xbb\xbf" + excel.read_bytes())
    result = nspx("agree", str(first), str(excel))
    assert result.returncode == 0, result.stderr
    assert "area             1.000   1.000  1.000" in result.stdout and "frame            1.000   1.000  1.000" in result.stdout
    assert "support: the first reader's codes" in result.stdout  # the output says what its columns mean
    labels = [(d, s, p, "Climate and green growth" if a == "trade" else a, f, "Viet Nam" if q == "vietnam" else q) for d, s, p, a, f, q in SENTENCES]
    labels[2] = (*labels[2][:5], "ASEAN (as a bloc), Viet Nam")  # a comma between codes, as people type it
    as_shown = nspx("agree", str(first), str(write(tmp_path / "labels.csv", labels)))  # the names the app shows are read too
    assert as_shown.returncode == 0, as_shown.stderr
    assert "area             0.750   0.750  0.750" in as_shown.stdout and "partner          0.750   1.000  0.857" in as_shown.stdout
    wrong = [list(row) for row in SENTENCES]
    wrong[0][4] = "Achievment"
    refused = nspx("agree", str(first), str(write(tmp_path / "typo.csv", wrong)))
    assert refused.returncode != 0
    assert "typo.csv: line 2: unknown frame code(s) Achievment (the frame IDs are achievement, opportunity, challenge, recommendation)" in refused.stderr


def test_the_yardstick_compares_the_coder_only_where_both_are_known(tmp_path):
    header = "sample,level,dimension,units,precision,recall,f1,alpha\n"
    readers = "readers,sentence,frame,800,0.90,0.91,0.91,0.90\nreaders,sentence,area,800,0.95,0.93,0.94,0.94\n"
    path = tmp_path / "agreement.csv"
    path.write_text(header + readers + "pages,sentence,frame,2844,0.72,0.77,0.74,0.70\npages,sentence,area,2844,0.74,0.76,0.75,0.73\n", encoding="utf-8")
    assert "the coder is not yet as close to a reader as another reader is" in headline(load_agreement(path))
    path.write_text(header + readers + "pages,sentence,frame,2844,0.92,0.93,0.92,0.90\npages,sentence,area,2844,0.74,0.76,0.75,0.73\n", encoding="utf-8")
    assert "the coder is not yet as close to a reader on areas." in headline(load_agreement(path))
    path.write_text(header + "readers,sentence,frame,800,,,,\npages,sentence,frame,2844,0.72,0.77,0.74,0.70\n", encoding="utf-8")
    assert "second careful reader" not in headline(load_agreement(path))  # the readers' figures are not known: nothing said
