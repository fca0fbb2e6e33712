"""Check every value an import accepts before it is written: dates, years, names, addresses.

A value that would stop the library from opening later (a year 0000, a date
that does not exist, a name with control characters or thousands of
characters) is refused at the door with a message naming the file.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.errors import BadValue, DataFileError
from ..core.validity import date_problem

MAX_NAME = 300  # characters of a title, author, outlet or affiliation
MAX_URL = 2000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


def checked_date(value: str, path: Path) -> str:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) that exists and whose year is in the range the app shows."""
    problem = date_problem(value)
    if problem:
        raise DataFileError(path, f"has a date {value!r} that {problem}")
    return value


def checked_text(name: str, value: str, path: Path, limit: int = MAX_NAME) -> str:
    """One line of text (control characters and line breaks refused), at most ``limit`` characters."""
    value, problem = _one_line(name, value, limit)
    if problem:
        raise DataFileError(path, f"has {problem}")
    return value


def typed_text(name: str, value: str, limit: int = MAX_NAME) -> str:
    """``checked_text`` for a value the user typed: the message names the value, not a file."""
    value, problem = _one_line(name, value, limit)
    if problem:
        raise BadValue(f"cannot take {problem}")
    return value


def _one_line(name: str, value: str, limit: int) -> tuple[str, str]:
    """The value on one line, and what is wrong with it ("" if nothing)."""
    value = " ".join(value.split())
    if _CONTROL.search(value):
        return value, f"a {name} with control characters"
    if len(value) > limit:
        return value, f"a {name} of {len(value):,} characters (at most {limit:,})"
    return value, ""


def plain_text(value: str, limit: int = MAX_NAME) -> str:
    """What a file says about itself, as one line of at most ``limit`` characters (files are not asked to be tidy)."""
    return " ".join(_CONTROL.sub(" ", value or "").split())[:limit]


def checked_metadata(row: dict[str, str], path: Path) -> dict[str, str]:
    """A library metadata row whose every value is usable; else a DataFileError naming the file and the value."""
    checked = dict(row)
    checked["published"] = checked_date(row["published"], path) if row["published"] else ""  # empty: not known
    for name in ("title", "author", "outlet", "affiliation"):
        checked[name] = checked_text(name, row.get(name, ""), path)
    if not checked["author"]:
        raise DataFileError(path, "has no author")
    url = checked_text("URL", row.get("url", ""), path, MAX_URL)
    if url and not re.match(r"(?i)https?://[^\s]+$", url):
        raise DataFileError(path, f"has an address {url[:80]!r} that is not an http(s) URL")
    checked["url"] = url
    return checked
