"""Turn a scraped article into clean paragraphs, by general rules.

Two kinds of raw text are recognised by their shape, not by name:

* **web text** (one paragraph per line, blank lines optional) carries bylines,
  author bios, editor's notes, ad markers, comment prompts, image placeholders
  with captions, reference lists and listings of other articles;
* **hard-wrapped PDF text** (lines of roughly equal width) carries a cover
  header, page numbers, footnote markers glued to words, numbered headings
  and tables whose cells come out one per line.

The rules remove what is not the authors' prose and never rewrite a word of
it: only whitespace is normalised and footnote markers are taken out.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from .chrome import AFFILIATION, REPORTER_TAG, carried_lines_joined, content_lines, pdf_furniture
from .chrome import EMAIL as _EMAIL
from .dedupe import drop_duplicate_paragraphs


@dataclass(frozen=True)
class Table:
    """A table rebuilt from one-cell-per-line PDF text."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def as_text(self) -> str:
        """One line of text that keeps every word and number of the table."""
        lines = [" | ".join(self.header)] + [" | ".join(row) for row in self.rows]
        return f"{self.caption}: " + "; ".join(lines)


@dataclass(frozen=True)
class Block:
    """A clean paragraph (or rebuilt table) and the heading it sits under."""

    text: str
    section: str = ""
    table: Table | None = field(default=None, compare=False)


# ---------------------------------------------------------------- characters

_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_RUNS_OF_SPACE = re.compile(r" {2,}")


def normalise_characters(raw: str) -> str:
    """Unify line ends and odd spaces; drop invisible characters."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text)


def tidy_space(text: str) -> str:
    return _RUNS_OF_SPACE.sub(" ", text).strip()


# ------------------------------------------------------------ shared patterns

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_LINE = re.compile(rf"^\s*\d{{1,2}} (?:{_MONTHS}) \d{{4}}\s*$|^\s*(?:{_MONTHS}) \d{{1,2}}, \d{{4}}\s*$")
_TERMINAL = re.compile(r"[.!?…][\"”’')\]]*$")
_AD_MARKER = re.compile(r"^[\s\-–—_*|]*(?:advertisement|sponsored(?: content)?|ad)[\s\-–—_*|]*$", re.I)
# a comment form's heading, in English and the other languages of the region and beyond
_COMMENT_FORM = (
    r"leave a (?:reply|comment)|post a comment|add (?:a )?comment|join the (?:discussion|conversation)|write a comment"
    r"|laisser un commentaire|deja un comentario|deixe um comentário|kommentar (?:schreiben|hinterlassen)"
    r"|lascia un commento|tinggalkan (?:balasan|komentar)|beri komentar|để lại (?:bình luận|một bình luận)"
    r"|แสดงความคิดเห็น|コメントを(?:書く|残す)|发表评论"
)
_COMMENT_PROMPT = re.compile(
    rf"^\s*(?:{_COMMENT_FORM}|\d+ comments?|comments?(?: \(\d+\))?|share this(?: article)?|related (?:articles|posts)"
    r"|your email address will not be published.*|required fields are marked.*"
    r"|bình luận|댓글(?:\s*(?:쓰기|달기|남기기))?|コメント|留言|評論)\s*:?\s*$",
    re.I,
)
# where a page's readers' comments begin: what follows, on a page copied whole, is their comments and the site's
# sidebars and footer, never the article
_COMMENTS_BEGIN = re.compile(
    rf"^\s*(?:{_COMMENT_FORM}|\d+ (?:comments?|responses?|replies)|comments? \(\d+\)|댓글\s*(?:쓰기|달기|남기기))\s*:?\s*$",
    re.I,
)
# …or where the site's list of its other stories begins, under a heading that never opens a part of an article
# ("Related coverage", "Read more" and "More from the summit" stand in the middle of articles and live blogs: not these)
_OTHER_STORIES_BEGIN = re.compile(
    r"^\s*(?:next in(?: [\w&-]+){1,3}|more (?:stories|news|articles) from(?: [\w&.'’-]+){1,4}"
    r"|most (?:popular|read|viewed|shared)(?: (?:stories|articles|news))?|you (?:may|might) (?:also )?(?:like|be interested in)"
    r"|recommended for you|top stories|latest (?:news|stories|articles))\s*:?\s*$",
    re.I,
)
COMMENTS_AFTER = 3  # paragraphs of prose before a comments heading ends the text (a count of comments by the headline does not)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'’ -]{1,40},\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,\s*\d{4})?\s*(?:\([^)]{1,40}\))?"
    r"|[A-Z][A-Z.'’ -]{2,40}\s*\([^)]{1,40}\))\s*(?:--|—|–|-)\s+(?=\S)"
)
# Both start only where a run of their characters starts (a look-behind), so a long run is scanned once, not once per character
_END_MARKER = re.compile(r"(?:^|(?<=\S))\s*(?:\(END\)|\(end\)|-END-|/\.)\s*$")
_WIRE_CREDIT = re.compile(r"^\s*\(\s*(?:additional )?(?:reporting|writing|editing|compiled|research) by\b[^()]*(?:\([^()]*\)[^()]*)*\)\s*$", re.I)  # "(Reporting by …; Editing by …)"
_CREDIT_LINE = re.compile(r"^\s*(?:reporter|reported by|editor|writer|photo|source link|source|email|e-mail)\s*[:：]?\s*(?:\S.*)?$", re.I)
_BULLET = re.compile(r"^\s*[•▪■●◦·‣⁃►▶]\s*")
_FUSED_DATE = re.compile(
    r"^(?P<head>.{8,160}?)\s*(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4})$"
)
_EDITORS_NOTE = re.compile(r"[―—–-]{1,2}\s*Ed\.?\s*$|\(Editor'?s note[^)]*\)\s*$|^\s*Editor['’]s note\b", re.I)
_BYLINE = re.compile(r"^\s*By\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|bin|binti|al)){0,5}\s*$")
_IMAGE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)")
_CAPTION_BAR = re.compile(r"\|\s*$")
_URL = re.compile(r"https?://\S+")
_BIO_ROLE = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,4},?\s+(?:is|was|holds|serves)\s+(?i:a|an|the|currently|also|senior|associate|"
    r"assistant|head|director|professor|lecturer|researcher|fellow|member|graduate|diplomat)\b"
)
_NOT_A_NAME = re.compile(r"^(?:The|This|That|These|Those|Its|Their|Our|A|An|Such|Each|Every)\b")
_ROLE_WORD = re.compile(
    r"\b(?:professor|lecturer|researcher|research|fellow|director|analyst|scholar|student|candidate|editor|correspondent|journalist"
    r"|reporter|writer|author|diplomat|ambassador|advis[eo]r|consultant|head|member|graduate|alumn\w*|chair|founder|specialist|expert"
    r"|demographer|economist|sociologist|historian|statistician|scientist)\b",
    re.I,
)
_REFERENCE = re.compile(
    r"^[A-Z][\w'’.-]+,\s+[A-Z][\w.'’ -]*[.,]\s+(?:\(?(?:19|20)\d\d\)?[.,]|[\"“])"  # Surname, Given. 2014.
    r"|^[^.]{3,90}\.\s+\(?(?:19|20)\d\d[a-z]?\)?\.\s"  # Organisation. 2016. Title
    r"|^[^.]{3,120}[.,]\s*[\"“][^\"”]+[\"”]"  # Author. “Title.”
)
_REFERENCE_HEADING = re.compile(r"^\s*(?:references|bibliography|sources|works cited|notes|endnotes|further reading)\s*:?\s*$", re.I)
_ABBREVIATION_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|vs|[A-Z])\.$")


def _words(text: str) -> list[str]:
    return text.split()


def _is_heading_text(text: str, max_words: int = 14) -> bool:
    """Short, capitalised, and not a sentence: a heading."""
    words = _words(text)
    if not words or len(words) > max_words or len(text) > 110:
        return False
    if _TERMINAL.search(text) or text.rstrip()[-1] in ",;:":
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "“‘\""


def _is_prose(text: str) -> bool:
    return len(_words(text)) >= 25 or (len(_words(text)) >= 8 and bool(_TERMINAL.search(text)))


def _same_text(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return re.sub(r"[^0-9a-z]+", "", s.casefold())

    return bool(a) and bool(b) and key(a) == key(b)


# --------------------------------------------------------------------- tails


def _cut_listing(lines: list[str]) -> list[str]:
    """Drop a listing of other articles: recurring stand-alone date lines to the end."""
    dates = [i for i, line in enumerate(lines) if _DATE_LINE.match(line)]
    if len(dates) < 3:
        return lines
    last_long_prose = max((i for i, line in enumerate(lines) if _is_prose(line) and len(_words(line)) > 60), default=-1)
    for n, i in enumerate(dates):
        if len(dates) - n >= 3 and i > last_long_prose:  # no long prose from here to the end (one pass, not one per date)
            return lines[:i]
    return lines


REFERENCES_LOOKED_AT = 8  # lines after a "References" heading, of which two must be references for it to end the text …
REFERENCES_FROM = 0.6  # … unless it stands in the text's last two fifths


def _cut_references(lines: list[str]) -> list[str]:
    """Drop a reference list at the end, with or without its heading.

    It starts at a reference-like line after which only reference-like or
    short non-prose lines follow, and it must hold at least two references.
    """
    def is_reference(line: str) -> bool:
        return bool(_REFERENCE.match(line) or (_URL.search(line) and len(_words(line)) < 40))

    # a heading ends the text where references follow it, or in the text's last part (notes and sources); "References"
    # among the links at the head of a guideline's every page ("Table of Contents · Discussion · References") does not
    for i, line in enumerate(lines):
        if _REFERENCE_HEADING.match(line) and i > 0:
            following = [next_line for next_line in lines[i + 1 :] if next_line.strip()][:REFERENCES_LOOKED_AT]
            if i >= REFERENCES_FROM * len(lines) or sum(map(is_reference, following)) >= 2:
                return lines[:i]
    content = [i for i, line in enumerate(lines) if line.strip()]

    def fits_reference_list(line: str) -> bool:
        return is_reference(line) or len(_words(line)) <= 12

    start = None
    for i in reversed(content):
        if fits_reference_list(lines[i]):
            if is_reference(lines[i]):
                start = i
            continue
        break
    if start is None:
        return lines
    tail = [line for line in lines[start:] if line.strip()]
    return lines[:start] if sum(map(is_reference, tail)) >= 2 else lines


# ------------------------------------------------------------------ web text


_GLUED_HEADING = re.compile(r"^(?P<body>.*[a-z0-9\"”’)][.!?][\"”’)]*)\s+(?P<head>[A-Z][A-Za-z’'-]*(?:\s+(?:[A-Z][A-Za-z’'-]*|and|of|the|for|in|on|to|a)){0,5})$")


def _split_glued_heading(line: str) -> tuple[str, str]:
    """Split '… regional affairs. Conclusion' into the paragraph and its heading."""
    match = _GLUED_HEADING.match(line)
    if not match or _ABBREVIATION_END.search(match["body"]):
        return line, ""
    return match["body"], match["head"]


def _is_bio(line: str, author: str) -> bool:
    words = len(_words(line))
    honorific = r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor|Amb|Ambassador|H\.?E)\.?\s+)*"  # "Mr. Kim Chang-nyun is a Minister …"
    if author and words <= 150 and re.match(rf"^{honorific}{re.escape(author)}\s*,?\s+(?:is|was|holds|serves|has)\b", line):
        return True  # the byline's own name opening a paragraph: the author's bio, however long
    if words > 80:
        return False
    # "Jane Doe is a professor at …", never "The New Southern Policy Plus is a continuation of …"
    return bool(_BIO_ROLE.match(line)) and not _NOT_A_NAME.match(line) and bool(_ROLE_WORD.search(line))


def _is_credit_or_contact(line: str) -> bool:
    """'Reporter : Kim Minji', 'Source Link', a line that is just an e-mail address."""
    words = len(_words(line))
    if words <= 8 and _CREDIT_LINE.match(line) and not _TERMINAL.search(line.rstrip(".") + "x"):
        return True
    if _WIRE_CREDIT.match(line):
        return True
    return words <= 12 and bool(_EMAIL.search(line)) and not _TERMINAL.search(_EMAIL.sub("", line).strip())


def strip_wire_furniture(line: str) -> str:
    """Datelines, end markers and bullet glyphs around a paragraph; its words stay."""
    line = _BULLET.sub("", line)
    line = _DATELINE.sub("", line, count=1)
    line = REPORTER_TAG.sub("", line, count=1)
    return _END_MARKER.sub("", line)


def _cut_comments(lines: list[str]) -> list[str]:
    """A page copied whole, up to where its readers' comments or its list of other stories begin (after a few
    paragraphs of the article)."""
    prose = 0
    for index, line in enumerate(lines):
        if prose >= COMMENTS_AFTER and (_COMMENTS_BEGIN.match(line) or _OTHER_STORIES_BEGIN.match(line)):
            return lines[:index]
        prose += _is_prose(line)
    return lines


def _web_blocks(lines: list[str], title: str, author: str) -> list[Block]:
    blocks: list[Block] = []
    section = ""
    skip_caption = False
    content = [tidy_space(strip_wire_furniture(line)) for line in content_lines(lines, title)]
    content = [line for line in content if line and not _is_credit_or_contact(line)]
    for index, line in enumerate(content):
        if skip_caption:
            skip_caption = False
            if _CAPTION_BAR.search(line) or not _TERMINAL.search(line):
                continue
        if _IMAGE.match(line):
            skip_caption = True
            continue
        if (
            _same_text(line, title)
            or _AD_MARKER.match(line)
            or _COMMENT_PROMPT.match(line)
            or _EDITORS_NOTE.search(line)
            or _BYLINE.match(line)
            or _CAPTION_BAR.search(line)
            or _is_bio(line, author)
        ):
            continue
        fused = _FUSED_DATE.match(line)
        if fused and _is_heading_text(fused["head"]):
            line = fused["head"]  # "Korea, ASEAN sign MOU 2024-11-25 10:31": the date is page furniture
            if _same_text(line, title):
                continue
        if _is_heading_text(line):
            if index + 1 < len(content) and not AFFILIATION.match(line):  # an author's post is not a section
                section = line
            continue
        body, glued = _split_glued_heading(line)
        blocks.append(Block(body, section))
        if glued:
            section = glued
    return blocks


# ------------------------------------------------------------ hard-wrapped text

_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*\d{1,3}\s*[-–—]|page\s+\d{1,3}(?:\s+of\s+\d+)?|\d{1,3}\s*/\s*\d{1,3})\s*$", re.I)
_NUMBERED_HEADING = re.compile(r"^(?P<num>\d{1,2}(?:[-.]\d{1,2})*\.?)\s+(?P<rest>[A-Z“‘\"].*)$")
_TABLE_CAPTION = re.compile(r"^Table\s+\d+[.:]")
_NUMBER_CELL = re.compile(r"^[\d.,%()*+-]+$")


def is_hard_wrapped(lines: list[str]) -> bool:
    """Lines of a PDF text dump cluster around one width and break mid-sentence; web paragraphs do neither.

    A page copied from a browser can also have many short lines (menus, labels),
    but its longer lines end where their sentences end.
    """
    lengths = [len(line.strip()) for line in lines if line.strip()]
    if len(lengths) < 20:
        return False
    long_lines = [n for n in lengths if n > 160]
    if not (statistics.median(lengths) < 130 and len(long_lines) <= 0.05 * len(lengths)):
        return False
    filled = [line.strip() for line in lines if line.strip()]
    text_lines = [i for i, line in enumerate(filled[:-1]) if len(line) > 40]
    # a sentence carried on to the next line: no end punctuation here, a lower-case word there
    carried = [i for i in text_lines if not re.search(r"[.!?:…][\"”’')\]]*\d{0,2}$", filled[i]) and filled[i + 1][:1].islower()]
    width = _wrap_width(filled)
    at_width = [i for i in text_lines if 0.85 * width <= len(filled[i]) <= 1.1 * width]
    return len(carried) >= 0.15 * len(text_lines) or len(at_width) >= 0.6 * len(text_lines)


def _wrap_width(lines: list[str]) -> float:
    full = [len(line.strip()) for line in lines if len(line.strip()) > 60]
    return statistics.median(full) if full else 80.0


def _first_word(line: str) -> str:
    words = line.split()
    return words[0] if words else ""


def _ends_sentence(line: str) -> bool:
    """Ends with . ! ? (a footnote marker may follow) and not inside a number like 43.7."""
    return bool(re.search(r"(?:[^\d\s]|(?:19|20)\d\d)[.!?][\"”’')\]]*\d{0,2}$", line))


def _parse_table(caption: str, cells: list[str]) -> Table | None:
    """Rebuild a table whose cells came out one per line, or None if scrambled.

    The header is the leading non-numeric cells; every row is a label followed
    by numbers, one per header column. Anything else is beyond repair.
    """
    first_number = next((i for i, cell in enumerate(cells) if _NUMBER_CELL.match(cell)), len(cells))
    header = cells[: first_number - 1]  # the cell before the first number labels the first row
    width = len(header)
    body = cells[width:]
    if width < 2 or not body or len(body) % width:
        return None
    rows = [tuple(body[i : i + width]) for i in range(0, len(body), width)]
    for row in rows:
        if _NUMBER_CELL.match(row[0]) or not all(_NUMBER_CELL.match(cell) for cell in row[1:]):
            return None
    return Table(caption, tuple(header), tuple(rows))


_HYPHEN_AT_END = re.compile(r"(?<=[^\W\d_])-$")


def _joined(lines: list[str]) -> str:
    """A wrapped paragraph's lines as one: a line ending in a word's hyphen runs on without a space ("ASEAN-" and
    "Korea" is "ASEAN-Korea", "long-" and "term" is "long-term"; PDFium's soft hyphens are gone already)."""
    text = lines[0]
    for line in lines[1:]:
        text += line if _HYPHEN_AT_END.search(text) else " " + line
    return text


def _wrapped_blocks(lines: list[str]) -> list[Block]:
    lines = [line.strip() for line in lines if not _PAGE_NUMBER.match(line)]
    width = _wrap_width(lines)
    # Cover page: the short lines before the first heading or line of prose.
    start = 0
    for start, line in enumerate(lines):
        if _NUMBERED_HEADING.match(line) or len(line) > 0.6 * width:
            break

    blocks: list[Block] = []
    section = ""
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block(tidy_space(_joined(paragraph)), section))
            paragraph.clear()

    i = start
    while i < len(lines):
        line = lines[i]
        if not line:
            i += 1
            continue
        heading = _NUMBERED_HEADING.match(line)
        previous_ended = not paragraph or _ends_sentence(paragraph[-1])
        if heading and previous_ended and len(line) < 0.85 * width and not _ends_sentence(line):
            flush()
            section = line
            i += 1
            continue
        if _TABLE_CAPTION.match(line) and previous_ended:
            flush()
            i = _consume_table(lines, i, width, section, blocks)
            continue
        paragraph.append(line)
        nxt = next((line for line in lines[i + 1 :] if line), "")
        if _ends_sentence(line) and len(line) + 1 + len(_first_word(nxt)) < 0.9 * width:
            flush()
        i += 1
    flush()
    return blocks


def _consume_table(lines: list[str], i: int, width: float, section: str, blocks: list[Block]) -> int:
    """Read a table from its caption on; keep it as a block only if it rebuilds cleanly."""
    caption = [lines[i]]
    i += 1
    while i < len(lines) and lines[i] and len(caption[-1]) > 0.75 * width:  # a wrapped caption
        caption.append(lines[i])
        i += 1
    cells: list[str] = []
    while i < len(lines):
        line = lines[i]
        if line and (len(line) > 0.5 * width or _NUMBERED_HEADING.match(line) and len(line) > 30):
            break
        if line:
            cells.append(line)
        i += 1
    table = _parse_table(tidy_space(" ".join(caption)), cells)
    if table is not None:
        blocks.append(Block(table.as_text(), section, table))
    return i


# ------------------------------------------------------------ footnote markers

_MARKER_PATTERNS = (
    # glued to punctuation, a closing quote or bracket: "public.4 The", "powers”.2", "Billion)30"
    re.compile(r"(?<=[A-Za-z][.!?,;:])(\d{1,2})(?=\s|$)|(?<=[”’\")\]])(\d{1,2})(?=\s|$)|(?<=[a-z][”’\"][.,])(\d{1,2})(?=\s|$)"),
    # after a year that ends a sentence: "in 2017.14 ASEAN"
    re.compile(r"(?<=\b(?:19|20)\d\d\.)(\d{1,2})(?=\s+[A-Z“‘]|\s*$)"),
    # loose after a sentence: "meetings. 1 He noted", "since 2015. 3 The scheme"
    re.compile(r"(?<=[a-z)”’\"][.!?] )(\d{1,2})(?= [A-Z“‘])"),
    re.compile(r"(?<=\b(?:19|20)\d\d[.!?] )(\d{1,2})(?= [A-Z“‘])"),
)


def strip_footnote_markers(texts: list[str]) -> list[str]:
    """Remove footnote reference numbers whose notes are absent, in document order.

    Candidates are numbers glued to sentence ends; a candidate is taken only
    if it continues the document's running footnote count (1, 2, 3, …), so
    real numbers ("USD 4 billion", "past 28 years") are never eaten.
    """
    candidates: list[tuple[int, int, int, int]] = []  # (text index, start, end, value)
    for t, text in enumerate(texts):
        spans = set()
        for pattern in _MARKER_PATTERNS:
            for match in pattern.finditer(text):
                spans.add((match.start(), match.end()))
        candidates.extend((t, start, end, int(text[start:end])) for start, end in sorted(spans))
    expected = 1
    accepted: dict[int, list[tuple[int, int]]] = {}
    for t, start, end, value in candidates:
        if expected <= value <= expected + 2:
            accepted.setdefault(t, []).append((start, end))
            expected = value + 1
    out = []
    for t, text in enumerate(texts):
        for start, end in reversed(accepted.get(t, [])):
            before, after = text[:start], text[end:]
            if before.endswith(" ") and after.startswith(" "):
                after = after[1:]
            text = before + after
        out.append(text)
    return out


# ------------------------------------------------------------------- entry


def clean_document(raw: str, *, title: str = "", author: str = "") -> list[Block]:
    """Clean one raw article into paragraphs (and rebuildable tables)."""
    lines = normalise_characters(raw).split("\n")
    lines = _cut_listing(lines)
    lines = _cut_references(lines)
    if is_hard_wrapped(lines):
        lines = [line for line, furniture in zip(lines, pdf_furniture(lines)) if not furniture]
        blocks = _wrapped_blocks(strip_footnote_markers(lines))
    else:
        blocks = _web_blocks(_cut_comments([line for line, _ in carried_lines_joined(lines)]), title, author)
    return drop_duplicate_paragraphs(blocks)
