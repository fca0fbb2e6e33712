"""Read a user's document (.txt, .md, .html, .pdf, .docx) into raw text and the metadata it carries.

HTML goes through trafilatura (main text, title, author, date with htmldate,
site name); plain and PDF text are read for headline, byline, date and outlet
by ``metadata``. Every value records where it was read (``where``); a value
the file does not state stays empty. The text then goes through the same
pipeline as the bundled corpus. Every
problem is a DataFileError naming the file: unsupported type, empty, too
large, binary, encrypted or unreadable PDF, a scanned PDF with no text layer,
a broken, encrypted or over-expanding Word file, a file that vanished.
``read_document`` is the one error boundary: whatever a reader library
raises on a hostile file becomes such a message, never a traceback.

Text is UTF-8 unless a byte-order mark says otherwise; bytes that are not
UTF-8 in a mostly-UTF-8 file are read one by one as Windows-1252 (the rest
keeps its accents), and the encoding says how many and where.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

from ..core.errors import DataFileError
from ..core.validity import date_problem
from .chrome import is_role, without_contact_links
from .dates import find_dates, without_dates
from .metadata import metadata_from_text
from .sources import checked_size

SUPPORTED = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}
MAX_IMPORT_BYTES = 50 * 1024 * 1024
MAX_DOCX_XML_BYTES = 32 * 1024 * 1024  # the XML a Word file expands to (a 50-page report has 1-3 MB)
MAX_DOCX_BYTES = 160 * 1024 * 1024  # everything it expands to, pictures included
MAX_DOCX_ENTRIES = 5000


@dataclass(frozen=True)
class ImportedDocument:
    path: Path
    kind: str
    text: str
    title: str = ""
    author: str = ""
    date: str = ""  # ISO YYYY, YYYY-MM or YYYY-MM-DD where the file says
    outlet: str = ""
    url: str = ""
    encoding: str = ""
    where: dict[str, str] = field(default_factory=dict, compare=False)  # field -> where its value was read

    def with_text_metadata(self, text: str | None = None, whose: str = "") -> ImportedDocument:
        """Fill what the file's own metadata left empty from what its text states (headline, byline, date, outlet).

        ``text`` reads another text than the document's (a web page's whole text, around the article); ``whose``
        then names it in the sources.
        """
        found = metadata_from_text(self.text if text is None else text)
        values, where = {}, dict(self.where)
        for name, attribute in (("title", "title"), ("author", "author"), ("date", "date"), ("outlet", "outlet")):
            value = getattr(found, attribute)
            # a file's creation date is when the file was made, and its author who made the file: what the text states is better
            made = "creation date" in self.where.get(name, "") or (name == "author" and "file's properties" in self.where.get(name, ""))
            if value is not None and (not getattr(self, name) or made):
                values[name] = value.value
                where[name] = value.source.replace("the text,", f"{whose} text,", 1) if whose else value.source
        if found.updated and not self.date and "date" not in values:
            where["updated"] = f"{found.updated.value}, " + (found.updated.source.replace("the text,", f"{whose} text,", 1) if whose else found.updated.source)
        return replace(self, **values, where=where)

    @property
    def content_hash(self) -> str:
        """Same words, same hash: re-importing the same content is recognised."""
        words = re.findall(r"\w+", self.text.casefold())
        return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def read_document(path: Path) -> ImportedDocument:
    path = Path(path)
    kind = SUPPORTED.get(path.suffix.lower())
    if kind is None:
        raise DataFileError(path, f"is a {path.suffix or 'extension-less'} file; NSP Explorer imports .txt, .md, .html, .pdf and .docx")
    if checked_size(path, MAX_IMPORT_BYTES) == 0:
        raise DataFileError(path, "is empty")
    try:
        document = {"txt": _read_text, "md": _read_text, "html": _read_html, "pdf": _read_pdf, "docx": _read_docx}[kind](path)
    except DataFileError:
        raise
    except FileNotFoundError:
        raise DataFileError(path, "vanished while it was being read") from None
    except PermissionError:
        raise DataFileError(path, "cannot be read: permission denied") from None
    except MemoryError:
        raise DataFileError(path, "is too large to read in the memory this computer has") from None
    except RecursionError:
        raise DataFileError(path, "is nested too deeply to be read") from None
    except Exception as exc:  # the one boundary: a reader library's own error on a hostile or broken file
        raise DataFileError(path, f"cannot be read as a {kind.upper()} file ({type(exc).__name__}: {str(exc)[:200] or 'no detail'})") from None
    document = replace(document, kind=kind)
    if len(re.findall(r"\w+", document.text)) < 5:
        raise DataFileError(path, "has no text to import")
    return document.with_text_metadata()


# ------------------------------------------------------------------ plain text

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


_UTF16_32 = {"utf-32": "UTF-32", "utf-16": "UTF-16"}


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """Text and how it was read: a BOM's encoding, else UTF-8 (stray bytes as Windows-1252), else Windows-1252."""
    skipped = 0
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding in _UTF16_32:
                try:
                    return data.decode(encoding), encoding
                except UnicodeDecodeError as exc:
                    raise DataFileError(
                        path, f"is {_UTF16_32[encoding]} text with bytes that are not {_UTF16_32[encoding]} at offset {exc.start} "
                        f"({data[exc.start:exc.end][:8].hex(' ')}); save it again as UTF-8"
                    ) from None
            data, skipped = data[len(bom):], len(bom)
            break
    if b"\x00" in data[:4096]:
        raise DataFileError(path, "is a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if data.decode("utf-8", "replace").replace("\ufffd", "").isascii():  # not one UTF-8 sequence in it: a Windows-1252 file
        return _cp1252(data), "windows-1252"
    text, stray = _utf8_with_stray_bytes(data)
    shown = ", ".join(str(skipped + offset) for offset in stray[:5]) + (", …" if len(stray) > 5 else "")
    return text, f"utf-8 ({len(stray)} byte(s) not UTF-8 read as Windows-1252, at offset {shown})"


# Windows-1252 differs from Latin-1 only at 0x80-0x9F (five of which it leaves unassigned: those stay Latin-1)
_CP1252_OF_LATIN1 = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def _cp1252(data: bytes) -> str:
    return data.decode("latin-1").translate(_CP1252_OF_LATIN1)


def _utf8_with_stray_bytes(data: bytes) -> tuple[str, list[int]]:
    """UTF-8 text with every byte that is not part of a UTF-8 sequence read as Windows-1252, and those bytes' offsets.

    One pass: each decoding attempt starts where the last one stopped (a memoryview, no copies).
    """
    view = memoryview(data)
    parts: list[str] = []
    stray: list[int] = []
    position = 0
    while position < len(data):
        try:
            parts.append(codecs.utf_8_decode(view[position:], "strict", True)[0])
            break
        except UnicodeDecodeError as exc:
            bad = position + exc.start
            parts.append(codecs.utf_8_decode(view[position:bad], "strict", True)[0])
            parts.append(_cp1252(data[bad : bad + 1]))
            stray.append(bad)
            position = bad + 1
    return "".join(parts), stray


def _read_text(path: Path) -> ImportedDocument:
    """Plain text and Markdown: the metadata is whatever the text states (read later, by ``with_text_metadata``)."""
    text, encoding = decode_text(path.read_bytes(), path)
    if path.suffix.lower() in (".md", ".markdown"):
        text = _plain_markdown(text)
    return ImportedDocument(path, "txt", text, encoding=encoding)


def _plain_markdown(text: str) -> str:
    """Markdown to plain paragraphs: no markup survives, the words do.

    Every pattern stays on one line and spans a bounded number of characters,
    so the time is linear in the text whatever it holds.
    """
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    target = r"\((?:[^()\n]|\([^()\n]{0,500}\)){0,2000}\)"  # a link target, with one level of parentheses inside
    text = re.sub(r"!\[[^\]\n]{0,1000}\]" + target, "", text)  # images
    text = re.sub(r"\[([^\]\n]{0,1000})\]" + target, r"\1", text)  # links keep their words, lose their targets
    text = re.sub(r"^#{1,6}[ \t]*", "", text, flags=re.M)
    text = re.sub(r"^[ \t]*>[ \t]?", "", text, flags=re.M)
    text = re.sub(r"(\*\*|__|\*|_|`)(\S[^\n]{0,500}?\S|\S)\1", r"\2", text)
    return text


# ------------------------------------------------------------------------ HTML

_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg", "iframe", "template", "figcaption", "select", "label"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "article", "section", "blockquote", "tr", "main", "ul", "ol", "table", "dd", "dt"}


class _ArticleText(HTMLParser):
    """Collects the article's text, skipping page chrome, and the metadata in <head>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: dict[str, list[str]] = {"article": [], "main": [], "body": []}
        self.inside: dict[str, int] = {"article": 0, "main": 0}
        self.skipping = 0
        self.in_title = False
        self.title = ""
        self.meta: dict[str, str] = {}
        self.in_linked_data = False
        self.linked_data = ""  # the page's JSON-LD, read for its datePublished only (never evaluated)

    def handle_starttag(self, tag, attrs):
        attrs = {k.lower(): (v or "") for k, v in attrs}
        if tag == "script" and "ld+json" in attrs.get("type", "").lower():
            self.in_linked_data = True
        if tag in _SKIP or attrs.get("aria-hidden") == "true" or attrs.get("role") in ("navigation", "banner", "contentinfo", "complementary"):
            self.skipping += 1
            return
        if tag == "title":
            self.in_title = True
        if tag == "meta" and not self.skipping:  # not a related story's card in an <aside>
            key = (attrs.get("name") or attrs.get("property") or ("datepublished" if attrs.get("itemprop") == "datePublished" else "")).lower()
            if key and attrs.get("content"):
                self.meta.setdefault(key, attrs["content"].strip())
        if tag == "link" and attrs.get("rel", "").lower() == "canonical":
            self.meta.setdefault("canonical", attrs.get("href", ""))
        if tag in self.inside:
            self.inside[tag] += 1
        if tag in _BLOCK:
            self._add("\n\n")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_linked_data = False
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag == "title":
            self.in_title = False
        if tag in self.inside:
            self.inside[tag] = max(0, self.inside[tag] - 1)
        if tag in _BLOCK:
            self._add("\n\n")

    def handle_data(self, data):
        if self.in_linked_data:
            self.linked_data += data
        if self.in_title:
            self.title += data
        elif not self.skipping:
            self._add(data)

    def _add(self, text: str) -> None:
        self.parts["body"].append(text)
        for name, depth in self.inside.items():
            if depth:
                self.parts[name].append(text)

    def published(self) -> str:
        """The publication day the page's markup states as such (not a modified or updated time), or '': a full
        date only ("2020-01-19T12:25:36Z", "2020/01/19 10:31"); a year alone, an epoch or a compact stamp is left to
        htmldate."""
        for key in ("article:published_time", "og:article:published_time", "datepublished"):
            if _full_date(self.meta.get(key, "")):
                return _full_date(self.meta[key])
        stated = {_full_date(v) for v in re.findall(r'"datePublished"\s*:\s*"([^"]{4,40})"', self.linked_data)} - {""}
        return stated.pop() if len(stated) == 1 else ""  # several: related articles' too, which is whose is not said

    def text(self) -> str:
        for name in ("article", "main", "body"):
            joined = "".join(self.parts[name])
            if len(joined.split()) >= 30 or name == "body":
                paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", joined)]
                return "\n\n".join(p for p in paragraphs if p)
        return ""


# A "<" that no ">" closes within a tag's length is text. Python's HTMLParser rescans the rest of the page
# from every such "<" (quadratic: 100 KB of "<a " took minutes); as "&lt;" it is read once, as the same text.
_STRAY_ANGLE = re.compile(r"<(?![^<>]{0,4000}>)")


def _full_date(value: str) -> str:
    """'2020-01-19T12:25:36Z', '2020/01/19 10:31', '2020.01.19' -> '2020-01-19'; '' for anything less or impossible."""
    match = re.match(r"\s*((?:19|20)\d\d)([-/.])(\d{2})\2(\d{2})(?:[T\s]|$)", value)
    if not match:
        return ""
    iso = f"{match.group(1)}-{match.group(3)}-{match.group(4)}"
    return "" if date_problem(iso) else iso


def _iso_date(value: str) -> str:
    match = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    return "-".join(g for g in match.groups() if g) if match else ""


def _decoded_html(path: Path) -> str:
    data = path.read_bytes()
    declared = re.search(rb'charset=["\']?([\w-]+)', data[:2048], re.I)
    try:
        return data.decode(declared.group(1).decode("ascii")) if declared else decode_text(data, path)[0]
    except (LookupError, UnicodeDecodeError):
        return decode_text(data, path)[0]


def _read_html(path: Path) -> ImportedDocument:
    """The article and its metadata: trafilatura where it finds an article, the page's own tags and text otherwise."""
    text = _decoded_html(path)
    parser = _ArticleText()
    parser.feed(_STRAY_ANGLE.sub("&lt;", text))
    parser.close()
    meta = parser.meta
    outlet = meta.get("og:site_name", "").strip()
    social_title = re.sub(r"\s+", " ", meta.get("og:title") or meta.get("twitter:title") or "").strip()
    title = _headline(social_title or re.sub(r"\s+", " ", parser.title).strip(), outlet)
    tags = "the page's HTML tags"
    published = parser.published()
    document = ImportedDocument(
        path,
        "html",
        parser.text(),
        title=title,
        author=_person(meta.get("author") or meta.get("article:author") or meta.get("byl", "")),
        date=published or _iso_date(meta.get("date") or meta.get("dc.date") or meta.get("pubdate") or ""),
        outlet=outlet,
        url=meta.get("og:url") or meta.get("canonical", ""),
    )
    document = replace(document, where={name: tags for name in ("title", "author", "date", "outlet", "url") if getattr(document, name)})
    extracted = _extract_article(text)
    if extracted is None:
        return document
    page_text = document.text  # the page's text around the article: its date and byline lines are often there
    where = dict(document.where)
    values = {}
    for name, value in extracted.items():
        if name == "title" and social_title:
            continue  # the title the page gives for sharing is the headline; trafilatura may take an <h1> with a date in it
        if name == "date" and published:
            continue  # htmldate may prefer a page's modified time; the time the markup calls published is the date
        if value and name != "text":
            values[name] = value
            # htmldate may take a date the page prints in its text ("Date 2023-07-19"), not one in its markup: say which
            printed = name == "date" and any(found.iso == value for found in find_dates(page_text))
            where[name] = "the page's text (read by trafilatura)" if printed else "the page's HTML metadata (read by trafilatura)"
    article = replace(document, text=extracted["text"] or document.text, where=where, **values)
    return article.with_text_metadata().with_text_metadata(page_text, "the page's")


_LABEL_AFTER_BAR = re.compile(r"\s+\|\s+([^|]{1,30})$")


def _headline(title: str, outlet: str) -> str:
    """A page's title without what sites append after a bar: their name ("| Example Times", "| DW"), a section
    ("| Opinion") or a date ("| 19.01.2020"). A label is a date, or up to three capitalised words without a digit
    ("| Part 2" and "| A new chapter" are the headline's); a headline of three words or fewer keeps its labels, and
    a date after a comma is the headline's own ("…, 8 November 2017")."""
    if outlet:  # "Headline | Example Times": the site's name is not the title
        title = re.sub(rf"\s*[|–—:-]\s*{re.escape(outlet)}\s*$", "", title)
    while (label := _LABEL_AFTER_BAR.search(title)) and len(title[: label.start()].split()) >= 4 and _site_label(label.group(1)):
        title = title[: label.start()]
    return title


def _site_label(text: str) -> bool:
    words = text.split()
    is_date = bool(find_dates(text)) and not re.search(r"[^\W\d_]{3,}", without_dates(text))
    return is_date or (len(words) <= 3 and not re.search(r"\d", text) and all(w[:1].isupper() for w in words))


def _without_trailing_date(title: str) -> str:
    """'Korea, ASEAN sign MOU 2024-11-25 10:31' -> 'Korea, ASEAN sign MOU': a date fused to a headline is page furniture."""
    dates = find_dates(title)
    if dates and dates[-1].start > 0 and not without_dates(title[dates[-1].start :]).strip(" -|·,"):
        return title[: dates[-1].start].rstrip(" -|·,")
    return title


_NOT_A_PERSON = re.compile(r"\b(?:admin|administrator|webmaster|editorial|staff|guest|user|desk|team)\b", re.I)


def _person(author: str) -> str:
    """An author as a page's markup gives it, without a label ('作者 Admin', 'By X'); '' when it names no person."""
    author = re.sub(r"^\s*(?:by|written by|posted by|author|作者|글|tác giả|โดย)\s*[:：]?\s*", "", author.strip(), flags=re.I)
    author = without_contact_links(author)
    # the parts a byline lists ("Maria Santos; Research Fellow"): a post is not a second author
    author = "; ".join(part.strip() for part in author.split(";") if part.strip() and not is_role(part))
    return "" if not author or _NOT_A_PERSON.search(author) else author


def _extract_article(html: str) -> dict[str, str] | None:
    """Main text, title, author, date, site name and address by trafilatura (imported here: it is only needed to import HTML).

    None when trafilatura is not installed or finds no article; the page's own tags are read then.
    htmldate reads the date from the page's markup only (no guessing from its running text).
    """
    try:
        import trafilatura
    except ImportError:
        return None
    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None or len((result.text or "").split()) < 30:
        return None
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in (result.text or "").split("\n")]
    author = _person(result.author or "")
    return {
        "text": "\n\n".join(p for p in paragraphs if p),
        "title": _headline(_without_trailing_date((result.title or "").strip()), (result.sitename or "").strip()),
        "author": author,
        "date": _iso_date(result.date or ""),
        "outlet": (result.sitename or "").strip(),
        "url": (result.url or "").strip(),
    }


# ------------------------------------------------------------------------- PDF


_SOFT_HYPHEN_AT_END = re.compile("[\ufffe\u00ad]\n(?=\\w)")
_PAGE_NUMBER_LINE = re.compile(r"^\s*(?:[-–—]\s*)?(?:\d{1,3}|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))(?:\s*[-–—])?\s*$", re.I)


def _without_page_number(page: str) -> str:
    """A page's text without the number printed alone at its foot or head ("12", "- 12 -", "iv")."""
    lines = page.split("\n")
    content = [i for i, line in enumerate(lines) if line.strip()]
    if not content:
        return page
    first, last = content[0], content[-1]
    if last != first and _PAGE_NUMBER_LINE.match(lines[last]):
        lines = lines[:last]
        while lines and not lines[-1].strip():  # the page's text ends where its last line of text does
            lines.pop()
    if _PAGE_NUMBER_LINE.match(lines[first]) and first < len(lines) - 1:
        lines = lines[first + 1 :]
    return "\n".join(lines)


RUNNING_EDGE = 3  # lines at a page's head and foot where running heads, footers and print stamps stand
RUNNING_PAGES = 3  # pages a line must head or foot, at least …
RUNNING_SHARE = 0.3  # … and this share of the pages, to be the document's furniture


RUNNING_STAMP = 6  # words at least, for running words that say a page or a time to come off a line without standing alone
_PAGE_OR_TIME = re.compile(r"\bpage #|#:#|#/#/#")
RUNNING_FEWEST, RUNNING_MOST = 4, 40  # words: a running line fused with a heading on one line is found by its first (or last) words


def _edge_key(words: list[str]) -> str:
    return re.sub(r"\d+", "#", " ".join(words).lower())


def _ends(line: str) -> set[tuple[str, int, str]]:
    """A line's whole key, and the keys of its first and last n words (``("head", n, key)``, ``("tail", n, key)``)."""
    words = line.split()
    keys = {("line", len(words), _edge_key(words))}
    for n in range(RUNNING_FEWEST, min(len(words), RUNNING_MOST + 1)):
        keys |= {("head", n, _edge_key(words[:n])), ("tail", n, _edge_key(words[-n:]))}
    return keys


def _mostly_numbers(line: str) -> bool:
    """A table's row ("Viet Nam 75.0 72.7"): its numbers are data, however alike its rows are once digits are '#'."""
    words = line.split()
    return sum(any(c.isdigit() for c in w) for w in words) * 3 >= len(words)


def _without_running_lines(pages: list[str]) -> list[str]:
    """The pages without the lines that head or foot many of them, page numbers and dates aside ("The Digital
    Millennium Copyright Act of 1998", "Copyright Office Summary December 1998 Page 4", "Printed by … on 1/27/2021"),
    or those words alone where the PDF set them on one line with a heading or the page's last words.
    The first page keeps its head: the document's title may be the running head."""
    def edges(lines: list[str], head: bool = True) -> list[int]:
        filled = [i for i, line in enumerate(lines) if line.strip()]
        return sorted(set((filled[:RUNNING_EDGE] if head else []) + filled[-RUNNING_EDGE:]))

    split = [page.split("\n") for page in pages]
    seen: dict[tuple[str, int, str], int] = {}
    for lines in split:
        for key in set().union(*(_ends(lines[i]) for i in edges(lines))):
            seen[key] = seen.get(key, 0) + 1
    # a line that heads or foots enough pages, whole; its words fused onto another line only where they also stand
    # alone as such a line somewhere, or say a page or a print time ("… December 1998 Page #", "Printed by … on
    # #/#/#### #:#:# PM"): a sentence that begins like the running head, or pages that begin alike, keep their words
    whole = {(n, key) for kind, n, key in seen if kind == "line"}
    running = {(kind, n, key): count for (kind, n, key), count in seen.items()
               if count >= RUNNING_PAGES and count >= RUNNING_SHARE * len(pages)
               and (kind == "line" or (n, key) in whole or (n >= RUNNING_STAMP and _PAGE_OR_TIME.search(key)))}
    if not running:
        return pages
    out = []
    for number, lines in enumerate(split):
        for i in edges(lines, head=number > 0):
            lines[i] = _without_running_words(lines[i], running)
        out.append("\n".join(line for line in lines if line is not None))
    return out


def _without_running_words(line: str, running: dict) -> str | None:
    """A line without its running words: None if it is all running, else what is left of it. Of the running heads
    (or tails) a line begins (ends) with, the one on the most pages comes off: "… Page 3" is on every page, "… Page
    3 The" on the few whose next heading begins with "The"."""
    words = line.split()
    if _mostly_numbers(line):
        return line
    if ("line", len(words), _edge_key(words)) in running:
        return None
    most = min(len(words), RUNNING_MOST + 1)
    heads = [(running[key], n) for n in range(RUNNING_FEWEST, most) if (key := ("head", n, _edge_key(words[:n]))) in running]
    head = max(heads, default=(0, 0))[1]
    tails = [(running[key], n) for n in range(RUNNING_FEWEST, min(most, len(words) - head)) if (key := ("tail", n, _edge_key(words[-n:]))) in running]
    tail = max(tails, default=(0, 0))[1]
    return " ".join(words[head : len(words) - tail]) if head or tail else line


def _page_lines(textpage, width: float, height: float) -> str:
    """A page's text in reading order, with line breaks and blank lines between paragraphs.

    PDFium's plain text drops the layout; each character's box keeps it: a move
    down to a new line is a line break, a move down further than a line is a
    paragraph break. Text drawn outside the page (``width`` × ``height``), which
    no reader sees, is left out: some writers draw the line a page break cut
    again above the next page, clipped.
    """
    text = textpage.get_text_range()
    if len(text) != textpage.count_chars():
        return text  # characters outside the BMP shift the indexes: keep the text, lose the layout
    out: list[str] = []
    previous_bottom = previous_height = None
    for index, char in enumerate(text):
        if char in "\r\n":
            char = " "
        if not char.strip():
            out.append(char)
            continue
        left, bottom, right, top = textpage.get_charbox(index, loose=True)  # font-high boxes: a line shares one top and bottom
        if bottom >= height or top <= 0 or left >= width or right <= 0:
            continue  # off the page
        height_of_line = top - bottom
        if previous_bottom is not None and height_of_line > 0 and top < previous_bottom + 0.2 * height_of_line:
            gap = previous_bottom - top
            out.append("\n\n" if gap > 0.8 * max(height_of_line, previous_height or height_of_line) else "\n")
        previous_bottom, previous_height = bottom, height_of_line
        out.append(char)
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in "".join(out).split("\n")]
    # PDFium marks a word hyphenated at a line's end with U+FFFE (a soft hyphen): the word is one ("Ex-\nisting")
    return _SOFT_HYPHEN_AT_END.sub("", "\n".join(lines)).replace("\ufffe", "").replace("\u00ad", "")


def _read_pdf(path: Path) -> ImportedDocument:
    """Text PDFs through PDFium (pypdfium2): fast enough for a 50-page brief in well under a second."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise DataFileError(path, "is an encrypted PDF; save an unprotected copy and import that") from None
        raise DataFileError(path, f"is not a readable PDF ({exc})") from None
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            pages.append(_without_page_number(_page_lines(textpage, *page.get_size())))
            textpage.close()
            page.close()
        info = document.get_metadata_dict()
    except pdfium.PdfiumError as exc:
        raise DataFileError(path, f"is not a readable PDF ({exc})") from None
    finally:
        document.close()
    text = "\n".join(_without_running_lines(pages)).replace("\r\n", "\n").replace("\r", "\n")
    if len(re.findall(r"\w+", text)) < 5:
        raise DataFileError(path, "has no text layer (a scanned PDF?); run it through OCR first, then import the result")
    created = re.match(r"D:(\d{4})(\d{2})?(\d{2})?", info.get("CreationDate", "") or "")
    date = "-".join(g for g in created.groups() if g) if created else ""
    document = ImportedDocument(path, "pdf", text, title=info.get("Title", "") or "", author=info.get("Author", "") or "", date=date)
    return _file_properties(document, "PDF")


# ------------------------------------------------------------------------ DOCX


def _checked_word_package(path: Path) -> None:
    """Refuse a Word file before it is expanded: not a zip (an encrypted one), too many parts, or too much inside."""
    import zipfile

    with path.open("rb") as handle:
        if handle.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE: how Word stores a password-protected file
            raise DataFileError(path, "is an encrypted (password-protected) Word document; save an unprotected copy and import that")
    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise DataFileError(path, f"is not a readable Word document ({exc or 'broken file'})") from None
    if len(entries) > MAX_DOCX_ENTRIES:
        raise DataFileError(path, f"is not a usable Word document: it holds {len(entries):,} parts")
    xml = sum(e.file_size for e in entries if e.filename.lower().endswith((".xml", ".rels")))
    total = sum(e.file_size for e in entries)
    if xml > MAX_DOCX_XML_BYTES or total > MAX_DOCX_BYTES:
        raise DataFileError(
            path, f"expands to {max(xml, total) / 2**20:,.0f} MB (at most {MAX_DOCX_XML_BYTES / 2**20:.0f} MB of text and "
            f"{MAX_DOCX_BYTES / 2**20:.0f} MB in all); not read"
        )


def _read_docx(path: Path) -> ImportedDocument:
    import zipfile

    _checked_word_package(path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DataFileError(path, f"is not a readable Word document ({exc or 'broken file'})") from None
    paragraphs = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    core = document.core_properties
    created = core.created.date().isoformat() if core.created else ""
    text = "\n\n".join(paragraphs)
    document = ImportedDocument(path, "docx", text, title=core.title or "", author=core.author or "", date=created)
    return _file_properties(document, "Word")


# what writing software puts in a file's properties by itself: not the document's title or author
_MADE_TITLE = re.compile(
    r"^\s*(?:microsoft (?:word|powerpoint|excel)\s*-|untitled\s*\d*\s*$|document\d*\s*$|presentation\d*\s*$|title\s*$|slide \d+\s*$)"
    r"|\.(?:docx?|pdf|rtf|odt|pages|indd|tex|txt|pptx?|xlsx?)\s*$",
    re.I,
)
_LOGIN = re.compile(r"^[a-z0-9._-]+$|^[\w.-]*\d[\w.-]*$")  # "jserjeant", "user01": an account, not a byline
# what a computer calls its user: "Cisco Employee", "HP Authorized Customer", an office code "W:CAR:MP:FP"
_ACCOUNT_NAME = re.compile(r"\b(?:employee|customer|owner|licensee|valued|authorized|default|preferred)\b|[:\\/@]", re.I)
_LOGIN_AFTER = re.compile(r"\s+[-–—]\s+[a-z0-9._]{2,12}$")  # "United States Copyright Office - jmf": the login after the name


def _file_properties(document: ImportedDocument, kind: str) -> ImportedDocument:
    """The title, author and creation date a PDF or Word file's properties hold, without what the software made up
    (a file name as title, "Windows User" or a login name as author); the text's own headline and byline then
    say (``with_text_metadata``; a byline in the text beats an author in the properties)."""
    stem = document.path.stem
    file_name = document.title.strip() == stem and not re.search(r"\s", stem)  # "brief_v3": the file's name, not a title
    title = "" if _MADE_TITLE.search(document.title) or file_name else document.title.strip()
    author = _LOGIN_AFTER.sub("", _person(document.author))
    author = "" if _LOGIN.match(author) or _ACCOUNT_NAME.search(author) else author
    document = replace(document, title=title, author=author)
    where = {name: f"the {kind} file's properties" for name in ("title", "author") if getattr(document, name)}
    if document.date:
        where["date"] = f"the {kind} file's properties (creation date)"
    return replace(document, where=where)
