"""Tell a page's text from its chrome, line by line, by general evidence.

Text copied out of a browser (or extracted from a saved page) arrives as one
paragraph a line, mixed with the page around it: menus and breadcrumbs, share
rows, view counters, date and byline lines, photo captions and credits,
download prompts, tags, comment forms in the site's language, page lines in
another script than the article, copyright lines, author bios with an e-mail.

The classifier follows jusText's idea: every line is first judged on its own
(its shape, its share of function words, link/menu/share/caption/counter
evidence, its script), then the undecided short lines are judged by their
neighbours: a short line stays only as a heading right before prose (never
a one-to-three-word label before the text starts, never a line that says
when, like a caption), or as a short sentence with a function word. Two
promises hold whatever the page:

* a real sentence (long enough, with function words, ending like a sentence)
  is only dropped on strong evidence (an e-mail address, a copyright notice,
  a call to subscribe or apply, a photo credit, a comment form);
* a line that is only debris is never kept, so it can never become a passage
  or a section heading.

Furniture around real text (bullet glyphs, a cut dateline's dash, a date
fused before a caption, wire end markers) is taken off; the words stay.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .dates import MONTHS, WEEKDAY, find_dates, without_dates

_MONTHS = "|".join(name.capitalize() for name in sorted(MONTHS, key=len, reverse=True))

# English function words: their share tells running prose from labels, menus and names (jusText's stop-word density).
STOP_WORDS = frozenset(
    """a about above after again against all also although am among an and any are as at be because been before being
    below between both but by can could did do does doing down during each either few for from further had has have having
    he her here hers him his how however i if in into is it its itself just may might more most must my no nor not now of
    off on once only or other our ours out over own same she should since so some such than that the their theirs them then
    there these they this those through thus to too toward towards under until up upon very was we were what when where
    whether which while who whom whose why will with within without would yet you your""".split()
)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TERMINAL = re.compile(r"[.!?…。][\"”’')\]]*$")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")  # tried only where a run of its characters starts: linear time
_URL = re.compile(r"(?:https?://|www\.)\S+")

# furniture at the edges of a line
_BULLET = re.compile(r"^\s*(?:[°•▪■●◦·‣⁃►▶▷※*➢✓❍○□◆◇△▲⊙◎→ㅇ-]|o(?=\s+[A-Z0-9\"“‘(]))\s+")
# "[Opinion] Korea's …", "(LEAD) S. Korea …", "(2nd LD) …": the label goes
_SECTION_TAG = re.compile(r"^\s*(?:[\[【〔]\s*[^\]】〕]{1,25}\s*[\]】〕]|\((?:[A-Z0-9][A-Za-z0-9]*)(?:\s[A-Z0-9][A-Za-z0-9]*){0,2}\))\s+(?=[A-Z0-9\"“‘])")
_CAPS_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'’ ]{2,30}(?:,\s*[A-Z][A-Za-z.]+){0,2}(?:\s+(?:--|—|–)\s*|\s*(?:--|—|–)\s+)(?=[A-Z\"“‘])")  # "JAKARTA — …"
_FIELD_LABEL = re.compile(
    r"^\s*(?:date|dates|hits?|views?|writer|written by|author|by|reporter|editor|source|category|categories|tags?|posted|published|updated"
    r"|department|tel|phone|fax|e-?mail|files?|attachments?|read|time|작성자|작성일|등록일|조회수?|담당부서|부서|연락처|첨부파일"
    r"|ngày|tác giả|nguồn|วันที่|ผู้เขียน|ที่มา)\s*[:：]?\s*$",
    re.I,
)
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z.'’ -]{1,40}"  # the place
    r"(?:,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,\s*\d{4})?)?"  # its date
    r"\s*\((?:[A-Z][A-Za-z&.]{1,15}(?:\s[A-Z][A-Za-z&.]{1,15}){0,2})\)"  # the agency: (VNA), (Yonhap), (AFP)
    r"\s*(?:--|—|–|-)\s*"
)
# a Korean outlet's reporter tag opening the story: "[Asia Economy Reporter Yoo In-ho] In November 2017, …"
REPORTER_TAG = re.compile(
    r"^\s*\[(?P<outlet>(?:[A-Z][\w&.'’-]*\s+){0,4}?)(?:(?:Senior|Staff|Special|Chief)\s+)?(?:Reporter|Correspondent|Writer|Journalist)s?\s+"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,3})\]\s*"
)
_LEADING_DASH = re.compile(r"^\s*(?:--|—|–|-)\s+(?=[A-Z\"“‘(])")
_END_MARKER = re.compile(r"\s*(?:\(END\)|\(end\)|-END-|-\s*end\s*-|/\.)\s*$")

# evidence that a line is page chrome
# a copyright notice: the sign, "all rights reserved", or the word before a year ("Copyright 2014 Pew Research
# Center"); never the word alone ("the Copyright Act", "Copyright Office studies are required by the Act")
# a notice written as a sentence ("Copyright by The Korea Herald. Reproduction prohibited.")
_NOTICE_SENTENCE = re.compile(
    r"[©ⓒ]|all rights reserved|\b(?:reproduction|redistribution|republication)\s+(?:is\s+)?(?:strictly\s+)?prohibited"
    r"|^\W*copyright\s*(?:\(c\)|by\b|(?:19|20)\d\d)",
    re.I,
)
_COPYRIGHT = re.compile(
    r"[©ⓒ]|\(c\)\s*(?:(?:19|20)\d\d|(?-i:[A-Z]))|\ball rights reserved\b|\bcopyright\s*(?:\(c\)\s*)?(?:19|20)\d\d|\bcopyright\s+by\b"
    r"|\b(?:reproduction|redistribution|republication)\s+(?:is\s+)?(?:strictly\s+)?prohibited\b|무단\s*전재|재배포\s*금지|สงวนลิขสิทธิ์|版权所有",
    re.I,
)
# a page speaking to its reader: strong enough to drop even a sentence-shaped line
_CALL_TO_ACTION = re.compile(
    r"\bclick here\b|\bsubscribe (?:now|today|for|to (?:our|the|this))\b|\bsign up (?:now|today|for|to)\b|\bapply (?:now|by|before|online)\b"
    r"|\bwe(?:'re| are) (?:hiring|recruiting)\b|\bjob (?:openings?|vacanc(?:y|ies)|opportunit(?:y|ies))\b|\bjoin our team\b|\bfull access\b"
    r"|\bread (?:the )?full (?:story|article|report)\b|\bdeadline for applications\b|\bapplication deadline\b|\bcall for (?:applications|papers)\b"
    r"|\b(?:update|upgrade) your browser\b|\byour browser is (?:out of date|outdated|not supported|no longer supported)\b"
    r"|\b(?:please )?enable javascript\b|\bjavascript is (?:disabled|required)\b"  # the site's notice about the reader's browser
    # its cookie notice and account prompts, as it addresses the reader ("cookie consent" in an article is news)
    r"|\b(?:we|this (?:web)?site|our (?:web)?site)\s+uses?\s+cookies\b|\baccept (?:all )?cookies\b"
    r"|\bby (?:continuing|using)\b[^.]{0,60}\byou (?:accept|agree|consent)\b|^\s*forgot (?:your )?password\??\s*$|\bsend us your feedback\b",
    re.I,
)
# the same, weaker: only a line that is not a sentence
_PROMPT = re.compile(
    r"\bsign up\b|\blog ?in\b|\bsign in\b|\bnewsletter\b|\bsubscribe\b|\bvacanc(?:y|ies)\b|\bcareers?\b|\binternships?\b"
    r"|\bdownload (?:the|our|full|pdf|now|here|this)\b|\bcontinues? (?:below|after)\b|\bcontinue reading\b"
    r"|\bcookies? (?:policy|settings|preferences|consent|notice)\b",
    re.I,
)
_SHARE_WORDS = frozenset(
    """share shares sharing tweet facebook twitter x linkedin whatsapp telegram line kakao kakaotalk kakaostory naver band
    reddit pinterest tumblr youtube instagram tiktok weibo wechat zalo viber email e-mail mail print copy link url rss feed
    follow us on via comment comments like likes save bookmark send""".split()
)
_MENU_SEPARATOR = re.compile(r"\s(?:>|›|»|/|\||·|•|→)\s")
_COUNTER = re.compile(
    r"(?:\b(?:views?|hits?|reads?|read count|visits?|clicks?|likes?|shares?|comments?|replies)\b|조회(?:수)?|추천|댓글|lượt xem|lượt đọc|ผู้เข้าชม|อ่าน|浏览|阅读|閲覧)"
    r"\s*[:：]?\s*\d[\d,.]*|\d[\d,.]*\s*[KkMm]?\s*(?:views?|hits|reads|likes|shares|comments?|replies)\b|\b\d+\s*min(?:ute)?s?\s+read\b|\bread(?:ing)? time\b",
    re.I,
)
_WHO_WHERE = re.compile(r"\((?:(?:first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))(?: from)? (?:left|right|L|R)|from (?:L|left) to (?:R|right))\b", re.I)
_CAPTION = re.compile(
    r"^\s*[\[(]?(?:photos?|images?|pictures?|picture|credits?|courtesy|file photo|graphic|video|사진|그래픽|ảnh|hình|ภาพ|图|照片)\b\s*(?:[:：=/|]|by\b|courtesy\b)"
    r"|[\[(](?:photos?|images?|credits?|courtesy|file photo|사진|ảnh|ภาพ)\b[^)\]]*[)\]]"
    r"|\b(?:photo|image|picture)s?\s*(?:by|courtesy of|credit)\b"
    r"|\bphotos?\s+via\s+[A-Z][\w.]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$"  # "… Pool Photo via AP Kham" closing the line
    r"|\bcredit\s*:"
    r"|\b(?:photo|image|picture|file photo)s?\s*:\s*\S+(?:\s+\S+){0,4}\s*$"
    r"|/\s*(?:Yonhap|AFP|Reuters|AP|EPA|VNA|Xinhua|Newsis|News1|Getty Images|Shutterstock|Depositphotos)\s*[)\]]?\s*$"
    # an agency and its photographer closing a line: "… December 14, 2016. REUTERS/Gary Cameron/File Photo"
    # (case-sensitive: "… according to a Reuters/Ipsos poll." is a sentence)
    r"|(?-i:\b(?:REUTERS|Reuters|AFP|AP|EPA|Yonhap|Xinhua|Kyodo|Bernama|Antara|VNA|Bloomberg|Getty Images)/[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}(?:/File(?: Photo)?)?)\s*$"
    # who stands where in the picture: "(center)", "(R)", "(second from left)", "(3rd from R)", "(from L to R)"
    r"|\((?:cent(?:er|re)|left|right|[LRC]|front|back|(?:first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))(?: from)? (?:left|right|L|R)"
    r"|from (?:left|right|L|R)(?: to (?:left|right|L|R))?)(?:,\s*(?:front|back|second|third) row)?\)"
    # a picture described in a short line: "A photo from the summit.", "A file photo of the port"
    r"|^\s*an? (?:photo|picture|image|file photo|screenshot) (?:of|from|taken)\b(?:\s+\S+){0,6}\s*$"
    # a short line that is not a sentence, ending in a wire agency's credit: "President Moon Jae-in (Yonhap)"
    r"|^[^.!?]{0,70}[\[(](?:Yonhap|AFP|Reuters|AP|EPA|VNA|Xinhua|Newsis|News1|Bernama|Antara|PNA|Kyodo|Getty Images)[)\]]\s*$"
    # an agency's photo credit closing a line, then only a name: "… —VNA/VNS Photo Mạnh Linh"
    r"|(?:\s[-–—]|[—–])\s*[A-Z]{2,}(?:/[A-Z]{2,})*\s+Photos?(?:\s+[A-Z][\w.'’-]*){0,4}\s*$"
    # a sentence and then a bracketed credit: "… in Vientiane on Thursday. (Yonhap)"
    r"|[.!?]\s*[\[(][A-Z][^()\[\]]{1,60}[)\]]\s*$"
    r"|[\[(][^)\]]{0,40}\b(?:photo|foto|image)\b[^)\]]{0,40}[)\]]"
    r"|[\[(][^)\]]{0,60}(?:/(?:AFP|Reuters|AP|EPA|Yonhap|Xinhua)\b|\bvia Getty Images)[^)\]]{0,20}[)\]]\s*$",  # "(Jane Smith/AFP via Getty Images)"
    re.I,
)
_EDITORS_NOTE = re.compile(r"[―—–-]{1,2}\s*Ed\.?\s*$|\(Editor'?s note[^)]*\)\s*$|^\s*Editor['’]s note\b|^\s*(?:The )?(?:authors?|writers?) (?:is|are|was|were|serves?)\b", re.I)
_DISCLAIMER = re.compile(
    r"\b(?:views|opinions) (?:expressed|in this (?:article|piece|commentary))\b|\bdo(?:es)? not necessarily (?:reflect|represent)\b"
    r"|\bsolely (?:those|the views) of the authors?\b",
    re.I,
)
_PAGE_CONTROL = re.compile(r"^\s*(?:(?:font|text) size(?:\s*[:：]?(?:\s*a\s*[+\-]?){0,4})?|a\s*[+\-]?(?:\s+a\s*[+\-]?){1,3}|a\s*\+|a\s*-|zoom(?: in| out)?|listen(?: to (?:this|the) article)?|reading mode|dark mode|print(?: this)?(?: page| article)?|scroll to top|back to top|go to top|top)\s*$", re.I)
_AD_MARKER = re.compile(r"^\W*(?:advertisement|advertising|sponsored(?: content)?|ad|광고|quảng cáo|โฆษณา|广告)\W*$", re.I)
ROLE_WORDS = re.compile(
    r"\b(?:professor|lecturer|researcher|research|fellow|director|analyst|scholar|student|candidate|editor|correspondent|journalist"
    r"|reporter|writer|diplomat|ambassador|advis[eo]r|consultant|head|member|graduate|chair|specialist|expert|staff)\b",
    re.I,
)
_POST_GRADES = ("senior", "associate", "assistant", "visiting", "adjunct", "former", "deputy", "executive", "distinguished", "non-resident")
_ROLE_MODIFIERS = frozenset(_POST_GRADES) | frozenset(
    "nonresident principal chief managing contributing staff guest lead junior postdoctoral doctoral phd programme program of and the at".split()
)


def is_role(text: str) -> bool:
    """Whether a part of a byline is a post and no name: "Research Fellow", "Senior Staff Writer", "PhD Candidate"."""
    words = [w.strip(".,;:()").lower() for w in text.split()]
    words = [w for w in words if w]
    return bool(words) and any(ROLE_WORDS.fullmatch(w) for w in words) and all(ROLE_WORDS.fullmatch(w) or w in _ROLE_MODIFIERS for w in words)


# who the author is ("Head of the Center for …", "Senior Fellow at …", "Research Fellow, …"), not a headline or a heading;
# a role of office ("President of …", "Minister for …") opens headlines too, so only the posts of writers count
AFFILIATION = re.compile(
    rf"^(?:(?:{'|'.join((*_POST_GRADES, 'research'))})\s+)*"
    r"(?:head(?!\s+of\s+(?:state|government)\b)|director|professor|fellow|researcher|lecturer|chair|dean|editor|correspondent|analyst|coordinator)"
    r"(?:\s+and\s+\w+)?\s*(?:,|\bof\b|\bat\b|\bfor\b)",
    re.I,
)
_FILE_NAME = re.compile(r"\b[\w\-]+\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg|pdf|docx?|hwpx?|xlsx?|pptx?|zip)\b|\(\s*\d+(?:[.,]\d+)?\s*[KkMm]i?B\s*\)", re.I)
_DOWNLOAD = re.compile(r"^\s*(?:download|attachments?|attached files?|첨부\s*파일|첨부|tải về|tệp đính kèm|ดาวน์โหลด|ไฟล์แนบ|下载|附件)\b", re.I)
_LABEL = re.compile(
    r"^\s*(?:tags?|tagged|categor(?:y|ies)|topics?|keywords?|filed under|posted in|related(?: articles| posts| news| stories| content)?"
    r"|read (?:more|also|next)|see also|also read|more (?:from|on|stories|news)|recommended(?: for you)?|trending(?: now)?|most (?:read|popular|viewed)"
    r"|latest(?: news| posts)?|previous(?: post| article| story)?|next(?: post| article| story)?|prev|source|sources|via|originally published"
    r"|this (?:article|story|piece|post) (?:was |first )?(?:originally )?(?:appeared|published)|republished|reprinted|you may also like|editor['’]?s picks?"
    r"|share this(?: article| story| post)?|print this|related)\b\s*(?:[:：|»›>-]|\s|$)",
    re.I,
)
_BRACKETED = re.compile(r"^\s*[\[【〔<《〈「]\s*[^\]】〕>》〉」]{1,40}\s*[\]】〕>》〉」]\s*$")
_BYLINE = re.compile(
    r"^\W*(?:by|written by|posted by|words by|author|authors|reporter|reported by|editor|edited by|columnist|contributor|translated by"
    r"|(?:additional )?reporting by|writing by|editing by)\s*[:：]?\s+\S",
    re.I,
)
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|bin|binti|al|da|di|le)){1,4}"
_NAME_WITH_ROLE = re.compile(rf"^\s*{_NAME}\s*(?:\((?P<role>[^)]{{3,120}})\)|[|,]\s*(?P<role2>[A-Z][\w ,.'’&-]{{3,80}}))\s*$")
_FORM_FIELD = re.compile(r"^\s*\S.{0,40}\s*\*\s*$")  # "Name *", "电子邮件 *": a required field of a form
_FORM_WORDS = frozenset(
    """leave reply comment comments cancel post submit name email e-mail website required fields marked published address
    notify me of follow-up new posts by save my browser next time i captcha your will not be this site uses akismet to reduce
    spam learn how data is processed""".split()
)
_COMMENT_PROMPT = re.compile(
    r"^\s*(?:leave a (?:reply|comment)|post a comment|add (?:a )?comment|\d+ comments?|comments?(?: \(\d+\))?|no comments(?: yet)?"
    r"|join the (?:discussion|conversation)|write a comment|your email address will not be published|required fields are marked"
    r"|laisser un commentaire|deja un comentario|deixe um comentário|kommentar (?:schreiben|hinterlassen)|lascia un commento"
    r"|tinggalkan (?:balasan|komentar)|beri komentar|để lại (?:bình luận|một bình luận)|bình luận|gửi bình luận"
    r"|แสดงความคิดเห็น|ความคิดเห็น|댓글(?:\s*(?:쓰기|달기|남기기))?|コメントを(?:書く|残す)|コメント"
    r"|发表回复|發表回覆|发表评论|發表評論|留言|評論|评论|取消回复|您的电子邮箱地址不会被公开|必填项已用)",
    re.I,
)
_META_LABELS = re.compile(
    r"\b(?:published|publication date|posted|posted on|updated|update|last updated|modified|date|dated|time|write|written|edit|edited|"
    r"created|released|release date|issued|on|at|am|pm|kst|gmt|utc|ict|ago|hours?|minutes?)\b"
    r"|등록일?|수정일?|작성일?|입력|게시일|날짜|일자|기사입력|최종수정|ngày|cập nhật|đăng|วันที่|เผยแพร่|发布(?:时间|日期)?|日期|时间",
    re.I,
)

_SECTION_WORD = re.compile(
    r"^\s*(?:\d+[.)]\s*|[IVX]+\.\s*)?(?:introduction|background|overview|summary|executive summary|abstract|context|key points|highlights)\b|^\s*(?:\d+[.)]|[IVX]+\.)\s",
    re.I,
)

_LATIN_ENGLISH = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


@dataclass(frozen=True)
class Verdict:
    raw: str  # the line as it came
    text: str  # the line with its furniture taken off
    chrome: str  # why the line is chrome; empty for content

    @property
    def is_content(self) -> bool:
        return not self.chrome


_CONTACT_LINK = (
    r"(?:twitter|x\.com|e-?mail|mail|facebook|linkedin|instagram|youtube|rss|mastodon|threads|bluesky|telegram|whatsapp"
    r"|follow(?: on \w+)?|bio|biography|posts|all posts|contact|website|profile|@\w+)"
)
_CONTACT_LINKS_AFTER = re.compile(rf"(?:[^\w@]+{_CONTACT_LINK})+\W*$", re.I)


def without_contact_links(name: str) -> str:
    """An author's name without the labels of the links a page puts beside it ('Alyssa Newcomb Twitter Email' ->
    'Alyssa Newcomb'): read from a page's author box, the links' labels come with the name."""
    return _CONTACT_LINKS_AFTER.sub("", name).strip()


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def stop_density(words: list[str]) -> float:
    return sum(w.lower() in STOP_WORDS for w in words) / len(words) if words else 0.0


def script_of(char: str) -> str:
    """'latin' for ASCII letters, 'latin-ext' for accented Latin, else the Unicode script's first name word (HANGUL, THAI, CJK…)."""
    if char in _LATIN_ENGLISH:
        return "latin"
    name = unicodedata.name(char, "")
    if name.startswith("LATIN"):
        return "latin-ext"
    return name.split(" ")[0] if name else "other"


def main_script(text: str) -> str:
    """The script most letters are in (accented Latin counts as Latin)."""
    counts = Counter(script_of(c) for c in text if c.isalpha() and not c.isascii())
    counts["latin"] += sum(1 for c in text if c.isascii() and c.isalpha()) + counts.pop("latin-ext", 0)
    return max(counts, key=counts.__getitem__) if sum(counts.values()) else ""


def in_other_script(text: str, body_script: str) -> bool:
    """Most of the line's letters are in another script than the article (or, for an English article, are accented Latin)."""
    if not body_script or (body_script == "latin" and text.isascii()):
        return False
    letters = [script_of(c) for c in text if c.isalpha()]
    if len(letters) < 2:
        return False
    if body_script == "latin":
        foreign = sum(s != "latin" for s in letters)
        accented_words = [w for w in words_of(text) if any(script_of(c) == "latin-ext" for c in w)]
        # Vietnamese page lines: Latin letters, but most words carry its diacritics
        if accented_words and len(accented_words) >= 0.5 * len(words_of(text)) and len(words_of(text)) >= 2:
            return True
        return foreign > 0.5 * len(letters) and any(s not in ("latin", "latin-ext") for s in letters)
    return sum(s == body_script for s in letters) < 0.5 * len(letters)


def strip_furniture(line: str) -> str:
    """Bullet glyphs, a dateline and the dash a cut dateline leaves, wire end markers: off; the words stay."""
    text = re.sub(r"\s+", " ", line).strip()
    previous = None
    while previous != text:
        previous = text
        text = _BULLET.sub("", text)
        text = _SECTION_TAG.sub("", text)
        text = _DATELINE.sub("", text, count=1)
        text = _CAPS_DATELINE.sub("", text, count=1)
        text = REPORTER_TAG.sub("", text, count=1)
        text = _LEADING_DASH.sub("", text)
        text = _END_MARKER.sub("", text).strip()
    return text


def is_prose(text: str) -> bool:
    """A sentence of running text: long enough, with function words, ending like a sentence (or long)."""
    words = words_of(text)
    if len(words) >= 20 and stop_density(words) >= 0.1:
        return True
    return len(words) >= 6 and bool(_TERMINAL.search(text)) and stop_density(words) >= 0.12


def _reads_as_a_clause(words: list[str]) -> bool:
    """Eight words or more, at least half of them in lower case: a sentence, not a name, a menu or a credit line."""
    return len(words) >= 8 and sum(w[0].islower() for w in words) >= len(words) / 2


def is_heading_shaped(text: str, max_words: int = 14, max_chars: int = 110) -> bool:
    """Short, capitalised, not ending like a clause: a heading (the cleaner's own test has the same limits)."""
    words = words_of(text)
    if not words or len(words) > max_words or len(text) > max_chars or text.rstrip()[-1] in ",;:.":
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "“‘\"'"


def _is_date_line(text: str) -> bool:
    """Nothing but dates, times, weekday names, date labels, counters and separators."""
    if not find_dates(text) and not re.search(r"\b\d{1,2}:\d{2}\b|\b\d+\s+(?:hours?|minutes?|days?)\s+ago\b", text, re.I):
        return False
    rest = _META_LABELS.sub(" ", _COUNTER.sub(" ", without_dates(text)))
    rest = re.sub(r"\bby\s+\S+(?:\s+\S+){0,3}\s*$", " ", rest, flags=re.I)  # "Posted on 2023-05-14 by admin"
    return len(words_of(rest)) <= 1


_PREFIX_LABELS = re.compile(
    r"\b(?:(?:published|posted|updated|released|issued)(?: on)?|update|date|dated|write|written|created|modified|last)\b|등록일?|작성일?|입력|게시일|날짜|ngày|วันที่",
    re.I,
)


def _date_prefix(text: str) -> tuple[str, str]:
    """Split 'Date 2024-11-25 Officials pose…' into the date part and the rest ('' when no date starts the line).

    Only a date alone or after a date label starts a line this way ("On 25 November 2024 Korea…" is a sentence),
    and only when what follows starts a new phrase, not the sentence the date is the subject of.
    """
    dates = find_dates(text)
    if not dates:
        return "", text
    head = text[: dates[0].end]
    if words_of(_PREFIX_LABELS.sub(" ", head[: dates[0].start])):
        return "", text
    rest = text[dates[0].end :]
    if re.match(r"\s*,?\s*[a-z]", rest):
        return "", text  # "November 25, 2024 marks the 35th anniversary …"
    time = re.match(r"\s*(?:[-|,·/]\s*)?" + r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{3}\)?)?)?\s*[-|,·/:]?\s*", rest)
    return head + rest[: time.end()], rest[time.end() :]


def menu_like(text: str) -> bool:
    """'Home News Politics Economy Society': four or more capitalised words, no function word, no sentence end."""
    words = words_of(text)
    return len(words) >= 4 and all(w[0].isupper() for w in words) and not any(w.lower() in STOP_WORDS for w in words) and not _TERMINAL.search(text)


def name_with_role(text: str) -> bool:
    """'Jane Doe (Associate Professor, …)', 'Jane Doe, Senior Fellow': a name, then a role within its first words."""
    match = _NAME_WITH_ROLE.match(text)
    role = (match["role"] or match["role2"]) if match else ""
    return bool(role) and bool(ROLE_WORDS.search(" ".join(role.split()[:4])))


def _share_row(words: list[str]) -> bool:
    return (len(words) == 1 and words[0].lower() in _SHARE_WORDS) or (len(words) >= 2 and sum(w.lower() in _SHARE_WORDS for w in words) >= 0.6 * len(words))


def _form_line(text: str, words: list[str]) -> bool:
    if _COMMENT_PROMPT.match(text) or _FORM_FIELD.match(text):
        return True
    lowered = [w.lower() for w in words]
    return len(words) >= 3 and sum(w in _FORM_WORDS for w in lowered) >= 0.7 * len(words) and bool({"comment", "email", "reply", "website"} & set(lowered))


def _menu_row(text: str, words: list[str]) -> bool:
    """'Home > News > Diplomacy', 'Politics | Economy | Society': short segments between separators."""
    parts = [p for p in re.split(r"\s*(?:>|›|»|/|\||·|•|→)\s*", text) if p.strip()]
    return len(_MENU_SEPARATOR.findall(" " + text + " ")) >= 1 and len(parts) >= 2 and all(len(words_of(p)) <= 4 for p in parts) and not _TERMINAL.search(text)


def line_evidence(text: str, body_script: str, title: str = "") -> str:
    """Why this line (furniture already off) is chrome on its own evidence, or '' when its own evidence says nothing."""
    words = words_of(text)
    prose = is_prose(text)
    if not words:
        return "date line" if _is_date_line(text) else "no words"
    if len(words) <= 70 and "@" in text and EMAIL.search(text):
        return "e-mail (contact or author bio)"
    if _COPYRIGHT.search(text) and len(words) <= 40 and (not prose or _NOTICE_SENTENCE.search(text)):
        return "copyright"
    if _form_line(text, words):
        return "comment form"
    if (_CALL_TO_ACTION.search(text) and len(words) <= 40) or (_PROMPT.search(text) and not prose):
        return "call to action (subscribe, download, apply)"
    if _CAPTION.search(text) and (len(words) <= 45 or (len(words) <= 90 and _WHO_WHERE.search(text))):
        return "photo caption or credit"  # a long caption names who stands where: "(3rd from R)", "(second from right, front row)"
    if _URL.search(text) and len(words_of(_URL.sub(" ", text))) <= 6:
        return "link"
    if _AD_MARKER.match(text):
        return "advertisement marker"
    if _EDITORS_NOTE.search(text) and len(words) <= 60:
        return "editor's note or author line"
    if _PAGE_CONTROL.match(text):
        return "page control"
    if _DISCLAIMER.search(text) and len(words) <= 60:
        return "disclaimer"
    if re.match(r"^\W*(?:additional )?(?:reporting|writing|editing) by\b", text, re.I) and len(words) <= 25:
        return "byline"  # a wire's "(Reporting by …; Editing by …)"
    if title and _same_text(text, title):
        return "repeated headline"
    if in_other_script(text, body_script) and not prose:
        return "another script than the article"
    if prose:
        return ""
    if _COUNTER.search(text) and len(words) <= 14:
        return "counter"
    if _is_date_line(text):
        return "date line"
    if _BRACKETED.match(text):
        return "bracketed label"
    if len(words) <= 14 and _FILE_NAME.search(text):
        return "file name or attachment"
    if (_DOWNLOAD.match(text) and len(words) <= 15) or (re.search(r"\bdownload", text, re.I) and len(words) <= 8):
        return "download prompt"
    if _LABEL.match(text) and len(words) <= 30:
        return "label (tags, related, source)"
    if _share_row(words):
        return "share row"
    if _menu_row(text, words) or (menu_like(text) and not re.search(r"\d|[,:;]", text)):
        return "menu or breadcrumb"
    if _BYLINE.match(text) and len(words) <= 12:
        return "byline"
    if name_with_role(text) and len(words) <= 20:
        return "byline with role"
    if not re.search(r"[^\W\d_]{2}", text):
        return "no words"
    return ""


def _same_text(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return re.sub(r"[^\w]+", "", s.casefold())

    return bool(key(a)) and key(a) == key(b)


def classify(lines: list[str], title: str = "", body_script: str | None = None) -> list[Verdict]:
    """A verdict for every line (blank lines are chrome 'blank')."""
    texts: list[str] = []
    fused: list[bool] = []
    for line in lines:
        text = strip_furniture(line)
        prefix, rest = _date_prefix(text)
        fused.append(bool(prefix and words_of(rest)))
        texts.append(rest.strip() if prefix and words_of(rest) else text)
    if body_script is None:
        body_script = main_script(" ".join(t for t in texts if is_prose(t)) or " ".join(texts))
    counts = Counter(t.casefold() for t in texts if t and not is_prose(t))

    reasons: list[str] = []
    previous_text = ""
    for text, was_fused in zip(texts, fused):
        if not text:
            reasons.append("blank")
            continue
        reason = line_evidence(text, body_script, title)
        if not reason and was_fused and len(words_of(text)) < 40:
            reason = "date fused to a caption or label"
        if not reason and previous_text and _FIELD_LABEL.match(previous_text) and not is_prose(text) and len(words_of(text)) <= 5:
            reason = "value of a page field"
        if not reason and _FIELD_LABEL.match(text):
            reason = "page field label"
        if not reason and not is_prose(text) and counts[text.casefold()] > 1 and not is_heading_shaped(text):
            reason = "repeated line"
        if not reason and not is_prose(text) and counts[text.casefold()] > 1 and title and len(words_of(text)) <= 6:
            reason = "repeated line"
        reasons.append(reason)
        previous_text = text

    # context: an undecided short line stays as a heading right before prose, or as a short sentence
    decided = list(reasons)
    content = [i for i, r in enumerate(reasons) if r != "blank"]
    first_prose = next((i for i in content if not reasons[i] and is_prose(texts[i])), len(texts))
    for n, i in enumerate(content):
        if reasons[i] or is_prose(texts[i]):
            continue
        next_line = content[n + 1] if n + 1 < len(content) else None
        next_is_prose = next_line is not None and not reasons[next_line] and is_prose(texts[next_line])
        text = texts[i]
        words = words_of(text)
        # before the text starts, a label of one to three words is a menu or category label, not a section heading
        opening_label = i < first_prose and len(words) <= 3 and not _SECTION_WORD.match(text)
        # a line that says when ("… in Seoul on Monday", "… on Nov. 14") is a photo caption, not a section heading
        says_when = len(words) >= 5 and bool(WEEKDAY.search(text) or find_dates(text) or re.search(rf"\b(?:{_MONTHS})\.? \d{{1,2}}\b", text))
        if is_heading_shaped(text) and next_is_prose and not opening_label and not says_when:
            continue
        # a short sentence (with a function word) is the author's, wherever it stands: "That is changing."; so is a
        # longer one of figures and nouns with none ("Bilateral trade reached 87 billion US dollars last year, making …"),
        # told from a label or a credit by its lower-case words
        if _TERMINAL.search(text) and len(words) >= 3 and (stop_density(words) > 0 or _reads_as_a_clause(words)):
            continue
        decided[i] = "short line outside the text"
    return [Verdict(raw, text, reason) for raw, text, reason in zip(lines, texts, decided)]


_PRINT_HEADER = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}\s*(?:[AaPp][Mm])?\b")  # a browser's "11/25/24, 10:31 AM"


def pdf_furniture(lines: list[str]) -> list[bool]:
    """Which lines of hard-wrapped (PDF) text are page furniture on their own evidence.

    A wrapped line is a piece of a sentence, so only whole-line evidence counts here:
    a browser's print header, an address alone, a copyright line, a line in another script.
    """
    body_script = main_script(" ".join(lines))
    marks = []
    for line in lines:
        text = line.strip()
        words = words_of(text)
        marks.append(
            bool(text)
            and bool(
                _PRINT_HEADER.match(text)
                or (_URL.search(text) and len(words_of(_URL.sub(" ", text))) <= 3 and not _TERMINAL.search(text))  # a sentence's end is text
                or (_COPYRIGHT.search(text) and len(words) <= 15 and not _TERMINAL.search(text.rstrip(".") + "x") and text[:1] in "©C")
                or in_other_script(text, body_script)
            )
        )
    return marks


def content_lines(lines: list[str], title: str = "") -> list[str]:
    """The lines that are the article's text, furniture off, in order."""
    return [v.text for v in classify(lines, title) if v.is_content]


_CARRIED_ON = re.compile(r"[a-z]+(?:[\s,;.]|$)")  # a plain lower-case word ("from …"), not a handle ("oi-Shubham")
_NOT_CARRIED = frozenset({"by", "updated", "posted", "published", "photo", "source", "via"})  # a byline's or a stamp's first word
_ENDS_SENTENCE = re.compile(r"[.!?:;…][\"”’')\]]*\d{0,2}$")


_ENDS_MID_PHRASE = re.compile(
    r"\b(?:of|from|the|and|or|to|for|in|on|with|at|by|a|an|as|between|among|into|over|under|about|against|towards?|via|amid|its|their)$"
)


def _ends_a_phrase(line: str) -> bool:
    """The rest of a headline wrapped mid-phrase: a few words, one of them lower-case ("Obama's executive action"),
    not a sentence; never a bare name ("Dira Fabrian", a byline under the headline) nor a paragraph."""
    words = line.split()
    return 0 < len(words) <= 8 and any(w[:1].islower() for w in words[1:] or words) and not _ENDS_SENTENCE.search(line.strip())


def carried_lines_joined(lines: list[str]) -> list[tuple[str, int]]:
    """(line, number of its first line) with every sentence carried on to the next line made one line again: a
    line of more than 40 characters and six words without end punctuation, then, with no blank line between, a line
    that starts with a plain lower-case word (a short PDF's wrapped paragraph, too short to read as hard-wrapped);
    or a line of three words or more that ends on a word no phrase ends on ("… will benefit most from"), then the
    few words that end the phrase (a headline wrapped in a PDF: "Obama's executive action"). Read line by line, its first half would be a
    heading-shaped fragment. Linear: each line is looked at once."""
    joined: list[tuple[list[str], int]] = []
    for number, line in enumerate(lines):
        last = joined[-1][0][-1].strip() if joined else ""
        carried = len(last) > 40 and len(last.split()) >= 6 and not _ENDS_SENTENCE.search(last)
        mid_phrase = len(last.split()) >= 3 and bool(_ENDS_MID_PHRASE.search(last)) and _ends_a_phrase(line)
        first_word = line.split(None, 1)[0].strip(",;.").lower() if line.strip() else ""
        if (mid_phrase or (carried and _CARRIED_ON.match(line))) and first_word not in _NOT_CARRIED:
            joined[-1][0].append(line.strip())
        else:
            joined.append(([line], number))
    return [(" ".join(part.strip() for part in parts) if len(parts) > 1 else parts[0], number) for parts, number in joined]
