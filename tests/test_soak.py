"""Thousands of filter toggles in a subprocess: a crashing Qt build fails here, not in a seminar."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path


def test_five_thousand_filter_toggles_redraw_every_view_and_exit_cleanly():
    script = Path(__file__).with_name("soak_toggles.py")
    result = subprocess.run([sys.executable, str(script), "5000"], capture_output=True, text=True, timeout=1500)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "5000 toggles" in result.stdout and "last state drawn: True" in result.stdout
    assert "Fatal Python error" not in result.stderr
    before, after = re.search(r"widgets before (\d+), after (\d+)", result.stdout).groups()
    assert before == after, "widgets pile up with every redraw"
