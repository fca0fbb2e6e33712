"""What makes a publication date usable: one rule for imports, the corpus and the dataset loader."""

from __future__ import annotations

import datetime
import re

MIN_YEAR = 1900  # older writing is not about the New Southern Policy; year 0000 is a broken file's date
MAX_YEAR_AHEAD = 1  # a date may be next year's (an issue dated ahead), no later
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def max_year() -> int:
    return datetime.date.today().year + MAX_YEAR_AHEAD


def year_problem(year: int) -> str:
    """Empty if the year is in the range the app shows, else what is wrong with it."""
    if not MIN_YEAR <= year <= max_year():
        return f"is outside {MIN_YEAR}–{max_year()}"
    return ""


def date_problem(value: str) -> str:
    """Empty if ``value`` is YYYY, YYYY-MM or YYYY-MM-DD, exists in the calendar and its year is in range."""
    match = _ISO.fullmatch(value or "")
    if not match:
        return "is not YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = (int(g) if g else None for g in match.groups())
    problem = year_problem(year)
    if problem:
        return problem
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return "is not a date in the calendar"
    return ""
