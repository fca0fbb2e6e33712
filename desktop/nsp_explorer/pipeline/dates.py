"""Calendar dates written in text: numeric, with month names, in Korean; each found with where it stands.

Used to read a page's own date (``metadata``) and to recognise lines that are
nothing but page furniture around a date (``chrome``). A date is only ever
returned as precisely as it is written: ``YYYY-MM-DD``, or ``YYYY-MM`` for
"November 2024"; a day without a year is not a date here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"

_PATTERNS = (
    # 2024-11-25, 2024.11.25, 2024/11/25, 2024년 11월 25일
    ("ymd", re.compile(rf"(?<![\d.]){_YEAR}\s*(?:[-./]|년)\s*(?P<m>1[0-2]|0?[1-9])\s*(?:[-./]|월)\s*(?P<d>3[01]|[12]\d|0?[1-9])(?:일)?(?!\d|\.\d)")),
    # 25/11/2024, 25-11-2024, 25.11.2024
    ("dmy", re.compile(r"(?<![\d./])(?P<a>[0-3]?\d)[-./]" + rf"(?P<b>[01]?\d)[-./]{_YEAR}(?![\d])")),
    # November 25, 2024 · Nov. 25 2024 · December, 06/2017
    ("mdy", re.compile(rf"\b{_MONTH},?\s+{_DAY}(?:,?\s+|/){_YEAR}\b", re.I)),
    # 25 November 2024 · 25th Nov, 2024 · 09-Jan-2014
    ("dmy_name", re.compile(rf"(?:\b|(?<=date)){_DAY}(?:\s+|-){_MONTH}(?:,?\s+|-){_YEAR}\b", re.I)),
    # November 2024
    ("my", re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I)),
)
TIME = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*\(?(?:KST|GMT|UTC|ICT|WIB|SGT|PHT|JST)(?:\s*[+-]\d{1,2})?\)?)?"
)
WEEKDAY = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?|\bthứ\s+(?:hai|ba|tư|năm|sáu|bảy)\b|\bchủ\s+nhật\b", re.I
)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    iso: str  # YYYY-MM-DD or YYYY-MM
    note: str = ""  # how an ambiguous form was read


def _valid(year: int, month: int, day: int) -> bool:
    import calendar

    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def find_dates(text: str) -> list[FoundDate]:
    """Every date written in ``text``, in order, without overlaps (the fullest form wins)."""
    if not any(c.isdigit() for c in text):
        return []  # every form has a year
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            year = int(match["year"])
            note = ""
            if kind == "ymd":
                month, day = int(match["m"]), int(match["d"])
            elif kind == "dmy":
                a, b = int(match["a"]), int(match["b"])
                day, month = (a, b) if a > 12 or b <= 12 else (b, a)
                if a <= 12 and b <= 12 and a != b:
                    note = "read as day/month/year"
            elif kind == "my":
                month, day = MONTHS[match["month"].lower()], 0
            else:
                month, day = MONTHS[match["month"].lower()], int(match["day"])
            if day and not _valid(year, month, day):
                taken.append(span)  # "31 February 2024" is no date, and no "February 2024" either
                continue
            iso = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
            found.append(FoundDate(span[0], span[1], iso, note))
            taken.append(span)
    return sorted(found, key=lambda d: d.start)


def without_dates(text: str) -> str:
    """The text with its dates, times and weekday names taken out."""
    for date in reversed(find_dates(text)):
        text = text[: date.start] + " " + text[date.end :]
    return WEEKDAY.sub(" ", TIME.sub(" ", text))
