"""Errors that name the file and the problem, shown to users without a traceback."""

from __future__ import annotations

from pathlib import Path


class DataFileError(Exception):
    """A file the app or the build reads is missing, unreadable or invalid."""

    def __init__(self, path: Path | str, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class BadValue(ValueError):
    """A value the user typed (a date, a title, a document's ID) that cannot be taken: the message names it and says
    what to give instead. No file is at fault, so none is named."""
