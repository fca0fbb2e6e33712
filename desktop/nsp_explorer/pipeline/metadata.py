"""What a page's own text says about itself: headline, byline, date and outlet, each with where it was read.

Text copied from a browser starts with the page's chrome (the outlet's name,
menu labels, a share button), then the headline, a date line and a byline,
then the article; wire copy ends with a timestamp. The reader looks for each
value where pages put it and records the line it came from. Nothing is
guessed: a value that the text does not state is left out (``None``), and a
date is never taken from inside a sentence of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

from .chrome import (
    AFFILIATION, EMAIL, REPORTER_TAG, ROLE_WORDS, STOP_WORDS, carried_lines_joined, classify, in_other_script, is_heading_shaped, is_prose, is_role, menu_like,
    name_with_role, without_contact_links, words_of,
)
from .dates import TIME, WEEKDAY, FoundDate, find_dates, without_dates
from .sentences import ends_in_abbreviation

HEAD, TAIL = 100, 50  # the lines read at a long document's start and end
STANDFIRST = 12  # words: a line at least this long under a headline is its standfirst, not a second headline
FUSED = "date fused to a caption or label"  # the chrome verdict of " date 2019-11-20 S. Korea to …"
SHORT_NOTE = 12  # words: a first "prose" line this short is a note on the page, not the article's opening

@dataclass(frozen=True)
class Found:
    value: str
    source: str  # where it was read, e.g. "the text, line 4: 'Published : Nov. 25, 2024 - 10:31'"


@dataclass(frozen=True)
class TextMetadata:
    title: Found | None = None
    author: Found | None = None
    date: Found | None = None
    outlet: Found | None = None
    updated: Found | None = None  # the page states only when it was updated: not its date, told to the user


def _quote(line: str) -> str:
    line = re.sub(r"\s+", " ", line).strip()
    return line if len(line) <= 80 else line[:77] + "…"


def _where(number: int, line: str) -> str:
    return f"the text, line {number + 1}: '{_quote(line)}'"


# ---------------------------------------------------------------------- dates

_DATE_LABEL = re.compile(
    r"(?:\b(?:published|publication date|posted(?: on)?|date(?:d)?|write|written|released?|issued|created|press release)\b"
    r"|(?<=\d)date"  # "No.PR/20-05Date19 February 2020"
    r"|등록일?|작성일?|입력|게시일|기사입력|배포일|발행일|게재일|보도일|날짜|일자|ngày(?: đăng)?|đăng(?: ngày)?|วันที่|เผยแพร่|发布(?:时间|日期)?|日期)\s*[:：.]?\s*$",
    re.I,
)
# "date 2022-10": a month and year after a date label (alone, "2022-10" could be a span of years)
_LABELLED_MONTH = re.compile(r"^\s*date\s*[:：]?\s*(?P<year>(?:19|20)\d\d)-(?P<month>1[0-2]|0[1-9])(?![\d-])", re.I)
_UPDATE_LABEL = re.compile(r"\b(?:updated?|modified|edit(?:ed)?|last)\b|수정|최종|cập nhật|แก้ไข|更新", re.I)


def _labelled_date(line: str, updated: bool = False) -> FoundDate | None:
    """The date a 'Published :' / 'Date' / 'Write:' label introduces; with ``updated``, the one an 'Updated' label does."""
    previous_end = 0
    for date in find_dates(line):
        label = line[previous_end : date.start]
        previous_end = date.end
        label = re.sub(r"[|/·,\-–—]+\s*$", "", label.strip()).strip()
        if bool(_UPDATE_LABEL.search(label)) != updated:
            continue
        if updated or _DATE_LABEL.search(label):
            return date
    month = None if updated else _LABELLED_MONTH.search(line)
    return FoundDate(month.start(), month.end(), f"{month['year']}-{month['month']}") if month else None


_PREFIX_WORDS = re.compile(r"\b(?:published|publication date|posted(?: on)?|date[sd]?|on)\b\s*[:：]?|등록일?|작성일?|입력|게시일|배포일|발행일|날짜|일자", re.I)


def _stated_date(line: str) -> FoundDate | None:
    """The date a line of the page's head states beside a byline, a source or a time, the line starting or ending
    with it: "Sept. 20, 2017 - 16:47 By Yonhap", "The Korea Herald - 10 December 2018", "By Ngoc Dinh November 17,
    2018 | 04:53 am PT" (never an 'Updated' one)."""
    dates = find_dates(line)
    if not dates or _UPDATE_LABEL.search(line[: dates[0].start]):
        return None
    date = dates[0]
    before = WEEKDAY.sub(" ", _PREFIX_WORDS.sub(" ", line[: date.start]))
    after = TIME.sub(" ", line[date.end :])
    if not words_of(before):
        return date
    ends = not re.search(r"[^\W\d_]{2}", re.sub(r"\b(?:KST|GMT|UTC|ICT|WIB|SGT|PHT|JST|IST|ET|PT|EST|PST|am|pm)\b", " ", after, flags=re.I))
    # beside a source ("The Korea Herald - "), a byline, or a person's name ("Lecture notes, Dr. A. Rahman, 2023-10-02");
    # not at the end of a headline ("… Commemorative Summit, 26 November 2019", "Korea, Laos sign ODA deal - 3 March 2018")
    source = words_of(before)
    short_source = re.search(r"(?:\s[-–—|·]|\|)\s*$", before) and len(source) <= 5 and all(w[:1].isupper() for w in source if len(w) > 3)
    beside = short_source or re.search(r"\bby\s", before, re.I) or len(source) <= 2 or _name_among_parts(line)
    return date if ends and beside else None


def _head(lines: list[str], first_prose: int, head_end: int) -> range:
    """The page's head, where it states its date: before the text starts (and its byline ends), and its first lines."""
    return range(min(len(lines), max(first_prose + 3, head_end + 1)))


def _found_date(date: FoundDate, i: int, line: str) -> Found:
    return Found(date.iso, _where(i, line) + (f" ({date.note})" if date.note else ""))


def _date(lines: list[str], verdicts, first_prose: int, last_prose: int, title_index: int | None, head_end: int) -> Found | None:
    """The page's own date: labelled, on a line of its head, in its dateline or in a wire's timestamp (never when it
    was updated, see ``_updated``)."""
    head = _head(lines, first_prose, head_end)
    # 1. a labelled date in the head or right after the text (ministry and agency pages put it below)
    for i in list(head) + list(range(last_prose + 1, min(len(lines), last_prose + 6))):
        if is_prose(verdicts[i].text) and not verdicts[i].chrome:
            continue
        date = _labelled_date(lines[i])
        if date:
            return _found_date(date, i, lines[i])
    # 2. a line that is only a date (and time, weekday, label) in the head; a weekday's date above the headline is
    # the site's "today" in its masthead ("Wednesday, February 26 2020"), not the article's
    for i in head:
        if title_index is not None and i < title_index and WEEKDAY.search(lines[i]):
            continue
        dates = find_dates(lines[i])
        if dates and _UPDATE_LABEL.search(lines[i][: dates[0].start]):
            continue  # when it was updated is not when it was published ("Nov 25, 2019 | Last updated …" is)
        if verdicts[i].chrome == "date line" and dates:
            return _found_date(dates[0], i, lines[i])
        date = None if is_prose(verdicts[i].text) else _stated_date(lines[i])
        if date:
            return _found_date(date, i, lines[i])
    # 3. a dateline that gives the year: "SEOUL, Nov. 25, 2024 (Yonhap) --"
    if first_prose < len(lines):
        opening = lines[first_prose]
        match = re.match(r"^\s*[A-Z][A-Za-z.'’ -]{1,40},\s+([^()]{6,30}?)\s*(?:\([^)]{1,40}\))?\s*(?:(?:--|—|–)\s*|-\s)", opening)
        dates = find_dates(match.group(1)) if match else []
        if dates:
            return Found(dates[0].iso, _where(first_prose, opening[: match.end()]) + " (the dateline)")
    # 4. a wire timestamp right after the text: "2024/11/25 10:31 KST"
    for i in range(last_prose + 1, min(len(lines), last_prose + 4)):
        if verdicts[i].chrome == "date line" and re.search(r"\d{1,2}:\d{2}", lines[i]):
            dates = find_dates(lines[i])
            if dates:
                return Found(dates[0].iso, _where(i, lines[i]) + " (the wire's timestamp)")
    return None


def _updated(lines: list[str], verdicts, first_prose: int, head_end: int) -> Found | None:
    """When the page says it was updated: a site's 'Update' stamp may be when the article was published, or years
    later, so it is never taken for the date; the user is told of it."""
    for i in _head(lines, first_prose, head_end):
        date = None if is_prose(verdicts[i].text) and not verdicts[i].chrome else _labelled_date(lines[i], updated=True)
        if date:
            return Found(date.iso, _where(i, lines[i]))
    return None


# ------------------------------------------------------------------- bylines

_HONORIFIC = re.compile(r"^(?:(?:(?:assoc|asst|associate|assistant)\.?\s+)?(?:dr|prof|professor|mr|mrs|ms|miss|h\.?e)\.?\s+)+", re.I)
_NAME = re.compile(r"^[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|bin|binti|al|da|di|le)){1,4}$")
_BY = re.compile(
    r"^\s*(?:by|written by|posted by|words by|authors?|reporter|reported by|columnist|contributor)\s*[:：]?\s+(?P<names>.+?)\s*$", re.I
)
_BIO = re.compile(r"^(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4}),?\s+(?:is|was|serves as)\s+(?:a|an|the|currently|also|senior|associate|assistant)\b")


def _clean_name(text: str) -> str:
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]|<[^>]*>", " ", EMAIL.sub(" ", text))
    text = re.split(r"\s*(?:[|,/]|\s[-–—]\s|\bstaff\b|\bcorrespondent\b|\breporter\b|\bsenior\b|\bassociate\b)", text, maxsplit=1, flags=re.I)[0]
    text = _HONORIFIC.sub("", without_contact_links(text.strip()))
    return re.sub(r"\s+", " ", text).strip(" .:-*†‡")  # footnote marks after a name ("Seksan Anantasirikiat*")


# function words, and words that open an adverbial phrase after "By" ("By Regional Standards", "By Contrast"): never
# part of a name
_NOT_NAME_WORDS = STOP_WORDS | frozenset(
    """standards standard contrast comparison design default definition extension numbers far now then way means law
    regional global local national international historical modern most some many all any""".split()
) | frozenset(  # places and peoples ("South Korea is also …" is no bio), and the nouns of institutions, events and
    # programmes ("Korean Language Training Fellowship" under a headline is no byline)
    """korea korean koreans south north east west southeast asia asian asean india indian china chinese japan japanese
    vietnam vietnamese thailand thai philippines philippine filipino indonesia indonesian malaysia malaysian singapore
    singaporean myanmar cambodia cambodian laos lao brunei mekong pacific america american americans russia russian
    europe european australia australian republic kingdom states nations world
    university college school academy centre center institute ministry department agency office council committee
    commission secretariat embassy government foundation association society federation union bank company group
    fellowship scholarship scholarships training language program programme project initiative strategy policy
    relations cooperation partnership summit forum conference seminar meeting workshop dialogue report news media press
    times herald daily journal review magazine edition section opinion editorial trade investment economy economic
    security culture cultural development education business post star globe bulletin tribune inquirer gazette mail
    express nation observer standard wire staff desk team insider monitor network
    special column columns feature features interview analysis commentary briefing story issue issues perspective
    perspectives insight insights viewpoint focus spotlight latest breaking exclusive
    seoul busan hanoi jakarta manila bangkok kuala lumpur phnom penh vientiane yangon naypyidaw bandar begawan delhi
    mumbai tokyo beijing washington city province york geneva brussels berlin moscow canberra ottawa toronto boston
    chicago taipei shanghai""".split()  # not "Hong" (a Korean surname), "Sydney", "Francisco", "Paris", "London": names too
)


def _is_name(text: str) -> bool:
    """Two to five capitalised words, none of them a function word ("Choi He-suk" is a name: "He-suk" is one word)
    nor a word of an adverbial "By …" phrase ("By Regional Standards")."""
    words = words_of(text)
    return (
        bool(_NAME.match(text))
        and 2 <= len(words) <= 5
        and not re.search(r"\w['’]s\b", text)  # a possessive is a noun phrase ("Brunei's Sultan …"), not a byline
        # a short surname before a hyphenated given name is a romanised Korean name, function word or not ("Do Je-hae")
        and (bool(_SURNAME_GIVEN_NAME.fullmatch(text.strip())) or not any(
            w.lower().strip(".'’") in _NOT_NAME_WORDS
            for w in text.split()
            if w not in ("de", "van", "von", "al", "da", "di", "le") and not re.fullmatch(r"[A-Z]\.", w)  # an initial: "A. Rahman"
        ))
    )


_SURNAME_GIVEN_NAME = re.compile(r"[A-Z][a-z]? [A-Z][a-z]+-[a-z]+")  # "Do Je-hae", "An Ho-young"; not "The Op-ed", "News Round-up"


def _byline_in(line: str) -> str:
    """The author a byline line names ('By Kim Minji', 'Reporter : Kim Minji', 'Jane Doe (Associate Professor, …)',
    'Dian Septiari (The Jakarta Post)', 'By Ngoc Dinh November 17, 2018 | 04:53 am PT'), or ''."""
    if find_dates(line):
        line = re.sub(r"^[\s|·,\-–—]+|[\s|·,\-–—]+$", "", TIME.sub(" ", without_dates(line)))
    match = _BY.match(line)
    if match:
        names = re.split(r"\s+(?:and|&)\s+|,\s*(?=[A-Z][\w.'’-]+\s+[A-Z])", re.sub(r"\([^)]*\)", " ", EMAIL.sub(" ", match["names"])))
        cleaned = [_clean_name(n) for n in names]
        cleaned = [n for n in cleaned if _is_name(n) and not is_role(n)]  # "By Maria Santos, Research Fellow": one author
        return " and ".join(cleaned)
    role = re.match(r"^\s*(?P<name>[^()|]{3,60}?)\s*(?:\((?P<role>[^)]{3,120})\)|\|\s*(?P<role2>.{3,80}))\s*$", line)
    role_text = role and (role["role"] or role["role2"] or "")
    if role and (ROLE_WORDS.search(role_text) or _OUTLET_SHAPE.match(role_text.strip())) and _is_name(_clean_name(role["name"])):
        return _clean_name(role["name"])
    if name_with_role(line) and _is_name(_clean_name(line)):  # "Jane Doe, Senior Fellow, …"
        return _clean_name(line)
    return ""


_LISTS = ("label (tags, related, source)", "menu or breadcrumb", "share row", "link")
_PHOTO_CAPTION = "photo caption or credit"


def _name_among_parts(text: str) -> str:
    """The one name on a line, alone or among three parts or more: "Korean Serenade - Lee Sang-Hwa - The Philippine
    Star", "Updated On: 29 July, 2022 03:19 PM IST | Mumbai | Letty Mariam Abraham" (the dates out); '' when none or
    several, or beside one other part only ("Anwar Ibrahim - Reuters" under a photo, "Tuoi Tre | 14 May 2021": a
    subject or a source as much as an author)."""
    dated = bool(find_dates(text))  # on a date's line, commas part its items too ("Lecture notes, Dr. A. Rahman, 2023-10-02")
    parts = re.split(r"\s+[|·–—-]\s+|\s*\|\s*" + (r"|\s*,\s*" if dated else ""), text)
    if len([part for part in parts if part.strip()]) == 2:
        return ""
    parts = [without_dates(part) if dated else part for part in parts]
    names = [
        _clean_name(part) for part in parts if _is_name(_clean_name(part)) and not in_other_script(part, "latin") and not _OUTLET_SHAPE.match(part.strip())
    ]
    return names[0] if len(names) == 1 else ""


def _author(lines: list[str], verdicts, title_index: int | None, head_end: int, first_prose: int, last_prose: int) -> Found | None:
    head = range(0, min(len(lines), head_end + 1))
    for i in head:
        name = _byline_in(verdicts[i].text or lines[i])
        if name and not is_prose(verdicts[i].text):
            return Found(name, _where(i, lines[i]))
    for i in head:  # a line stating the date, with the name among its parts
        name = find_dates(lines[i]) and not is_prose(verdicts[i].text) and verdicts[i].chrome not in _LISTS[:1] and _name_among_parts(lines[i])
        if name:
            return Found(name, _where(i, lines[i]) + " (the name beside the date)")
    # a bare name under the headline (below its date or series line), alone or among a line's parts
    if title_index is not None:
        for i in range(title_index + 1, min(title_index + 7, len(lines))):
            if i >= first_prose and is_prose(verdicts[i].text):
                break
            # "Recent Features" above a row of section links ("The Koreas | Diplomacy | Politics") is a menu's label;
            # a row of tags or links names subjects, not the author
            in_menu = (i + 1 < len(lines) and verdicts[i + 1].chrome == "menu or breadcrumb") or verdicts[i].chrome in _LISTS
            # a photo caption names who is in the picture ("(From left) …, Brunei's Sultan Hassanal Bolkiah, …")
            name = verdicts[i].chrome != _PHOTO_CAPTION and _name_among_parts(verdicts[i].text)
            if name and not in_menu:
                return Found(name, _where(i, lines[i]) + " (the name beside the headline)")
    if first_prose < len(lines):
        tag = REPORTER_TAG.match(lines[first_prose])  # "[Asia Economy Reporter Yoo In-ho] In November 2017, …"
        if tag and _is_name(tag["name"]):
            return Found(tag["name"], _where(first_prose, tag.group().strip()) + " (the reporter's tag)")
    # a byline or a bio after the text
    for i in range(last_prose + 1, len(lines)):
        name = _byline_in(lines[i])
        if name:
            return Found(name, _where(i, lines[i]))
    for i in range(max(0, last_prose - 1), len(lines)):
        bio = _BIO.match(verdicts[i].text)
        if bio and ROLE_WORDS.search(verdicts[i].text) and _is_name(bio["name"]):
            return Found(_clean_name(bio["name"]), _where(i, lines[i]) + " (the author's bio)")
    return None


# -------------------------------------------------------------------- titles


def _capitalised_labels(text: str) -> bool:
    """A few capitalised words and nothing else ("About Archive Contact"): a menu's labels, not a headline
    (``chrome.menu_like`` takes four words or more)."""
    words = words_of(text)
    return len(words) <= 4 and all(w[:1].isupper() for w in words)


def _title_case(text: str) -> bool:
    """Most longer words capitalised: a headline's case ("Relations: From the Centre to the Peripheral"), not a
    standfirst's sentence."""
    long_words = [w for w in words_of(text) if len(w) > 3]
    return len(long_words) >= 3 and sum(w[:1].isupper() for w in long_words) >= 0.8 * len(long_words)


def _title(lines: list[str], verdicts, head_end: int, first_prose: int, outlet: str) -> tuple[int, Found] | None:
    best: tuple[float, int] | None = None
    markers = {
        i
        for i, v in enumerate(verdicts[: head_end + 1])
        if v.chrome in ("date line", "byline", "byline with role") or _byline_in(v.text or lines[i]) or (not is_prose(v.text) and v.chrome != FUSED and _stated_date(lines[i]))
    }
    candidates: dict[int, int] = {}  # line -> its number of words
    for i in range(head_end):
        verdict = verdicts[i]
        text = verdict.text
        fused = verdict.chrome == FUSED  # " date 2019-11-20 S. Korea to …": the headline after its date
        allowed = ("short line outside the text", "repeated line", "repeated headline")
        if not text or (verdict.chrome and verdict.chrome not in allowed and not fused and not menu_like(text)):
            continue  # a title-case headline with no function word looks like a menu row: it stays a candidate, scored down
        words = words_of(text)
        if not is_heading_shaped(text.rstrip("."), 18, 160) or len(words) < 3 or _byline_in(text) or _is_name(text) or i in markers:
            continue
        if AFFILIATION.match(text):
            continue  # "Head of the Center for ASEAN-India Studies, Korea National Diplomatic Academy": who the author is
        parts = re.split(r"\s*\|\s*|\s+[–—-]\s+", text)
        if (is_prose(text) and _echoed(i, verdicts)) or (("|" in text or len(parts) >= 3) and any(_is_name(_clean_name(part)) for part in parts)):
            continue  # a caption printed twice; "Korean Serenade - Lee Sang-Hwa - The Philippine Star", "Mumbai | Letty Abraham"
        if any(not ends_in_abbreviation(text[: m.start() + 2]) for m in re.finditer(r"[a-z][.!?]\s+[A-Z]", text)):
            continue  # two sentences: a caption or a standfirst, not a headline ("Pres. Yoon Announces …" is one)
        if i >= first_prose and is_prose(text) and i + 1 not in markers:  # past the first prose line only a heading can be
            continue  # the headline, or a line right above its byline or date ("A café diplomacy?" / "By José García")
        if outlet and text.casefold() == outlet.casefold():
            continue
        candidates[i] = len(words)
        above = next((j for j in (i - 1, i - 2) if j in candidates), None)
        if above is not None and (above == i - 1 or above + 1 in markers):  # right under a headline, or under its date or byline
            sentence_under = text.endswith(".") and len(words) > candidates[above]  # a headline rarely ends in a full stop
            long_under = len(words) >= STANDFIRST and not _capitalised_labels(verdicts[above].text) and not _title_case(text)
            if sentence_under or long_under:
                continue  # the standfirst
        score = len(words) + (6 if fused or markers & {i + 1, i + 2, i - 1} else 0) - (12 if menu_like(text) else 0)
        if best is None or score > best[0]:
            best = (score, i)
    if best is None:
        return None
    i = best[1]
    # the headline printed again with its byline or label fused on ("… Multilateralism Im Seong-nam, Ambassador to
    # ASEAN"): the line that is the headline alone
    shorter = [j for j in candidates if j != i and verdicts[i].text.startswith(verdicts[j].text) and candidates[j] >= 3]
    i = max(shorter, key=lambda j: candidates[j]) if shorter else i
    return i, Found(_without_date_stamp(verdicts[i].text), _where(i, lines[i]))


def _without_date_stamp(text: str) -> str:
    """A headline with the page's labelled date stamp fused after it ("… OPENS IN BUSAN 입력 2019.11.25 (15:03) 수정 …"):
    the headline alone. A date the headline itself states ("… Summit, 26 November 2019") has no label and stays."""
    for date in find_dates(text):
        label = re.search(r"(?:\s[|·\-–—]\s*)?(?:\b(?:published|posted|updated?|date[d]?)\b\s*[:：]?|입력|수정|등록|게시)\s*$", text[: date.start], re.I)
        if label and words_of(text[: label.start()]):
            return text[: label.start()].rstrip(" |·-–—,")
    return text


# -------------------------------------------------------------------- outlets

_COPYRIGHT_NAME = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\(c\)|©)?\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*)?(?:by\s+)?(?P<name>[A-Z][^.|,©;]{2,60}?)\s*(?:[.,|;]|all rights|$)",
    re.I,
)
_SOURCE_NAME = re.compile(
    r"^\s*(?:source|originally published (?:in|by|at|on)|this (?:article|story|piece) (?:was |first )?(?:originally )?(?:appeared|published) (?:in|on|by))\s*[:：]?\s*(?P<name>[A-Z][\w&'’. -]{2,60}?)\s*[.]?\s*$",
    re.I,
)
_OUTLET_SHAPE = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w&'’.-]*\s+){1,4}(?:News|Times|Herald|Post|Diplomat|Daily|Agency|Institute|Centre|Center|Ministry|Foundation"
    r"|Review|Journal|Tribune|Gazette|Broadcasting|Radio|TV|World|Forum|Observer|Insider|Monitor|Network|Press|Online)$"
)


def _outlet(lines: list[str], verdicts, first_prose: int) -> Found | None:
    for i, line in enumerate(lines):
        match = _SOURCE_NAME.match(line)
        if match and not is_prose(line):
            return Found(match["name"].strip(), _where(i, line) + " (the original source)")
    for i, line in enumerate(lines):
        if verdicts[i].chrome == "copyright":
            match = _COPYRIGHT_NAME.search(line)
            if match and len(words_of(match["name"])) <= 8:
                name = re.sub(r"\s+(?:co|inc|ltd|corp)\.?$", "", match["name"].strip(), flags=re.I)
                return Found(name, _where(i, line) + " (the copyright line)")
    if first_prose < len(lines):
        tag = REPORTER_TAG.match(lines[first_prose])
        if tag and tag["outlet"].strip():
            return Found(tag["outlet"].strip(), _where(first_prose, tag.group().strip()) + " (the reporter's tag)")
        agency = re.match(r"^\s*[A-Z][\w.'’ ,-]{1,60}\((?P<name>[A-Z][A-Za-z&.]{1,15}(?:\s[A-Z][A-Za-z&.]{1,15}){0,2})\)\s*(?:--|—|–|-)", lines[first_prose])
        if agency:
            return Found(agency["name"], _where(first_prose, lines[first_prose][: agency.end()]) + " (the dateline's agency)")
    for i in range(0, min(first_prose, 6)):
        text = verdicts[i].text
        if text and _OUTLET_SHAPE.match(text):
            return Found(text, _where(i, lines[i]) + " (the page's masthead)")
    return None


# ---------------------------------------------------------------------- entry


def _echoed(i: int, verdicts) -> bool:
    """A sentence printed twice at the top of a page (a photo caption over the picture and under it, a standfirst
    repeated as the opening), or repeated with its photo credit: page furniture, not where the article starts."""
    text = verdicts[i].text.casefold()
    if len(words_of(text)) < 6:
        return False
    others = (verdicts[j].text.casefold() for j in range(max(0, i - 2), min(len(verdicts), i + 8)) if j != i)
    return any(other == text or (min(len(other), len(text)) > 40 and (other.startswith(text) or text.startswith(other))) for other in others)


_DATE_LABEL_ALONE = re.compile(r"^(?:date|published|published on|posted|posted on)\s*[:：]?$", re.I)
_AUTHOR_LABEL_ALONE = re.compile(r"^(?:author|authors|by|written by|reporter)\s*[:：]?$", re.I)


def _labels_with_their_values(lines: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A field label on a line of its own and its value on the next ("Date" / "19.01.2020", "Author" / "Ben Knight",
    as a page laid out in two columns copies) made one labelled line, "Date 19.01.2020"; only a date after a date's
    label and a name after an author's (an "Author" heading over a bio stays as it is)."""
    joined: list[tuple[str, int]] = []
    for line, number in lines:
        label = joined[-1][0] if joined else ""
        date_value = _DATE_LABEL_ALONE.match(label) and find_dates(line) and not words_of(without_dates(line))
        if date_value or (_AUTHOR_LABEL_ALONE.match(label) and _is_name(line)):
            joined[-1] = (f"{label} {line}", joined[-1][1])  # quoted as the text reads, its line break a space
        else:
            joined.append((line, number))
    return joined


def _numbered(found: TextMetadata, numbers: list[int]) -> TextMetadata:
    """Each value's source with the line number the file gives it (blank lines counted), not its place among the
    lines read."""

    def renumbered(value: Found | None) -> Found | None:
        match = value and re.match(r"the text, line (\d+):", value.source)
        if not match:
            return value
        return Found(value.value, f"the text, line {numbers[int(match.group(1)) - 1] + 1}:" + value.source[match.end():])

    return replace(found, **{field.name: renumbered(getattr(found, field.name)) for field in fields(found)})


def metadata_from_text(text: str) -> TextMetadata:
    """Headline, author, date and outlet as the text itself states them (each with its line), else None."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    numbered = [(re.sub(r"\s+", " ", line).strip(), number) for line, number in carried_lines_joined(raw)]
    numbered = _labels_with_their_values([(line, number) for line, number in numbered if line])
    lines, numbers = [line for line, _ in numbered], [number for _, number in numbered]
    if not lines:
        return TextMetadata()
    if len(lines) > HEAD + TAIL:  # a long document states its metadata at its start and end: the middle is not read
        lines[HEAD:-TAIL] = [""] * (len(lines) - HEAD - TAIL)
    verdicts = classify(lines)
    prose = [i for i, v in enumerate(verdicts) if v.is_content and is_prose(v.text) and not _echoed(i, verdicts)]
    first_prose = prose[0] if prose else len(lines)
    last_prose = prose[-1] if prose else len(lines) - 1
    # The page's head ends where the article does start. A standfirst, a photo caption or a note
    # ("The search is limited to …") can read as prose above the headline or the byline: a headline is
    # looked for up to the second prose line when the first is short, and a byline when the first is
    # short or sits right under the headline (a subhead "By Regional Standards" further down is not one).
    second_prose = prose[1] if len(prose) > 1 else len(lines)
    short_first = first_prose < len(lines) and len(words_of(verdicts[first_prose].text)) <= SHORT_NOTE
    outlet = _outlet(lines, verdicts, first_prose)
    titled = _title(lines, verdicts, second_prose if short_first else first_prose, first_prose, outlet.value if outlet else "")
    title_index, title = titled if titled else (None, None)
    under_title = title_index is not None and first_prose <= title_index + 2
    author_head = second_prose if short_first or under_title else first_prose
    below = [i for i in prose if title_index is not None and i > title_index]  # the byline stands between headline and text,
    if below:  # and under a standfirst that follows the headline
        author_head = max(author_head, below[1] if below[0] <= title_index + 2 and len(below) > 1 else below[0])
    date = _date(lines, verdicts, first_prose, last_prose, title_index, author_head)
    found = TextMetadata(
        title=title,
        author=_author(lines, verdicts, title_index, author_head, first_prose, last_prose),
        date=date,
        outlet=outlet,
        updated=None if date else _updated(lines, verdicts, first_prose, author_head),
    )
    return _numbered(found, numbers)

