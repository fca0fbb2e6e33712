"""Real documents from the web: chrome goes, every sentence stays, metadata is read with its source, and nothing is invented."""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest
import shiboken6

from nsp_explorer.core.coded import code_passages
from nsp_explorer.core.dataset import load_dataset, merge_datasets, year_label
from nsp_explorer.core.errors import BadValue, DataFileError
from nsp_explorer.core.filters import FilterSpec
from nsp_explorer.core.names import family_name, short_name
from nsp_explorer.pipeline.chrome import classify
from nsp_explorer.pipeline.clean import clean_document
from nsp_explorer.pipeline.dates import find_dates
from nsp_explorer.pipeline.importers import read_document
from nsp_explorer.pipeline.library import Library
from nsp_explorer.pipeline.metadata import metadata_from_text

from .web_pages import PAGES, THAI, VARIANTS, WIRE_AND_PRESS, Page

ALL = PAGES + VARIANTS
IDS = [page.name for page in ALL]


def cleaned(page: Page):
    found = metadata_from_text(page.text)
    return clean_document(page.text, title=found.title.value if found.title else "", author=found.author.value if found.author else "")


@pytest.mark.parametrize("page", ALL, ids=IDS)
def test_every_body_sentence_arrives_once(page):
    texts = [block.text for block in cleaned(page)]
    for sentence in page.body:
        assert sum(sentence in text for text in texts) == 1, sentence


@pytest.mark.parametrize("page", ALL, ids=IDS)
def test_no_debris_line_is_a_passage_part_of_one_or_a_heading(page):
    blocks = cleaned(page)
    shown = [block.text for block in blocks] + [block.section for block in blocks if block.section]
    assert [debris for debris in page.debris if any(debris in text for text in shown)] == []


@pytest.mark.parametrize("page", WIRE_AND_PRESS, ids=[p.name for p in WIRE_AND_PRESS])
def test_short_wire_and_press_texts_carry_no_debris_at_all(page):
    """Yonhap with elly@… and (END), a release with ° bullets, a VNA report ending ./.: exactly the sentences."""
    assert [(block.text, block.section) for block in cleaned(page)] == [(sentence, "") for sentence in page.body]


def test_a_real_sentence_that_looks_like_a_bio_is_kept():
    sentence = next(s for s in THAI.body if s.startswith("The New Southern Policy Plus is a continuation"))
    assert sentence in [block.text for block in cleaned(THAI)]


def test_real_sentences_are_kept_whatever_surrounds_them():
    """Sentences between menus, counters and foreign-script lines are content; the lines around them are not."""
    lines = ["홈페이지", "Views 12", "Korea and Vietnam agreed to expand their cooperation on clean energy this year.", "ข่าว", "Share", "That is changing."]
    verdicts = classify(lines)
    assert [v.is_content for v in verdicts] == [False, False, True, False, False, True]
    assert verdicts[0].chrome == "another script than the article" and verdicts[1].chrome == "counter"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Photo by Kim Minji", "photo caption or credit"),
        ("2024-11-25 10:31 Leaders pose before the summit", "date fused to a caption or label"),
        ("2024-11-25 10:31 Leaders pose before the summit (Yonhap)", "photo caption or credit"),
        ("President Yoon Suk Yeol (Yonhap)", "photo caption or credit"),
        ("The leaders pose for photos (2nd from L) in Busan", "photo caption or credit"),
        ("A photo from a previous ASEAN-ROK summit meeting.", "photo caption or credit"),
        ("Shoppers in District 7 of HCM City —VNA/VNS Photo Minh Anh", "photo caption or credit"),
        ("Home > News > Diplomacy", "menu or breadcrumb"),
        ("Home News Politics Economy Society World", "menu or breadcrumb"),
        ("[Opinion]", "bracketed label"),
        ("IMG_2034.jpg", "file name or attachment"),
        ("Facebook Twitter LinkedIn Email Print", "share row"),
        ("Lượt xem: 1.204", "another script than the article"),
        ("Updated : Nov. 26, 2024 - 09:00", "date line"),
        ("Jane Doe is a senior fellow at the institute and can be reached at jane@example.org.", "e-mail (contact or author bio)"),
        ("Your email address will not be published. Required fields are marked *", "comment form"),
        ("Name *", "comment form"),
        ("Kommentar hinterlassen", "comment form"),
        ("We are hiring: research assistant, apply now", "call to action (subscribe, download, apply)"),
        ("Foreign Minister Cho Tae-yul speaks at a meeting in Seoul on Monday", "short line outside the text"),
        ("The views expressed are the author's own and not those of the institute.", "disclaimer"),
        ("Text size", "page control"),
        ("Font size A A", "page control"),
        (
            "President Kim (second from right, front row), the chairman of the chamber of commerce (right, front row), the first lady (third"
            " from right, front row) and business leaders from both countries pose for a photo at a business forum in Hanoi on Friday, after"
            " the two governments signed twelve agreements on trade, energy and infrastructure.",
            "photo caption or credit",
        ),
        ("Two leaders toast during a reception in Pyongyang on 19 June 2024 (Jane Smith/AFP via Getty Images)", "photo caption or credit"),
        ("The agency released new data (including satellite images) on the flooding in central Vietnam last year.", ""),
        ("A- A+", "page control"),
        ("Your browser is out of date, and may not be compatible with our website.", "call to action (subscribe, download, apply)"),
        ("(Reporting by Kim Minji; Editing by John Lee.)", "byline"),
        ("Story continues below advertisement", "call to action (subscribe, download, apply)"),
        ("We use cookies to improve our service for you. You can find more information in our data protection declaration.", "call to action (subscribe, download, apply)"),
        ("By continuing to browse, you accept our Cookie Policy and Privacy Notice.", "call to action (subscribe, download, apply)"),
        ("Forgot your password?", "call to action (subscribe, download, apply)"),
        ("Feedback: Send us your feedback.", "call to action (subscribe, download, apply)"),
        ("Korean snack makers said exports of cookies to Vietnam doubled last year.", ""),
        # a sentence of figures and nouns, with no function word at all, is still the author's
        ("Bilateral trade reached 87 billion US dollars last year, making Korea Vietnam's third-largest trading partner.", ""),
        ("Copyright 2024 Yonhap News Agency. All Rights Reserved.", "copyright"),
        ("Korea Vietnam Trade Investment Summit Hanoi Seoul Busan Jakarta Manila.", "short line outside the text"),
        ("Vietnam's new decree requires every website to show a cookie consent banner to its readers.", ""),
        ("Cookie settings", "call to action (subscribe, download, apply)"),
        ("Hackers imitated a bank's forgot your password page to steal the logins of officials in Hanoi.", ""),
    ],
)
def test_chrome_lines_are_named_for_what_they_are(line, reason):
    prose = "Korea and ASEAN agreed to deepen their cooperation on trade and energy, officials said on Monday."
    verdicts = classify([prose, line, prose.replace("Monday", "Tuesday")])
    assert verdicts[1].chrome == reason and verdicts[0].is_content and verdicts[2].is_content


def test_furniture_comes_off_and_the_words_stay():
    lines = ["Hanoi (VNA) – Korea and Vietnam signed a deal on labour cooperation in Hanoi on Monday.", "° The deal covers seasonal work.", "※ Korea will also train 500 Vietnamese nurses next year./."]
    assert [v.text for v in classify(lines)] == [
        "Korea and Vietnam signed a deal on labour cooperation in Hanoi on Monday.",
        "The deal covers seasonal work.",
        "Korea will also train 500 Vietnamese nurses next year.",
    ]


# ------------------------------------------------------------------ metadata


@pytest.mark.parametrize("page", ALL, ids=IDS)
def test_metadata_is_read_from_the_page_with_its_source(page):
    found = metadata_from_text(page.text)
    for name in ("title", "author", "date", "outlet"):
        value = getattr(found, name)
        assert (value.value if value else "") == getattr(page, name), name
        if value:
            quoted = value.source.split(": ", 1)[1].strip("'")[:10]  # a label and its value on two lines are quoted as one
            assert value.source.startswith("the text, line ") and quoted in page.text.replace("\n", " ")


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Published : November 25, 2024 - 10:31", "2024-11-25"),
        ("Date 2024-11-25", "2024-11-25"),
        ("Write: 2024-10-07 16:20:11", "2024-10-07"),
        ("Posted on 25 Nov 2024", "2024-11-25"),
        ("March 2021", "2021-03"),
        ("2024년 11월 25일", "2024-11-25"),
        ("Thứ Hai, 25/11/2024 - 08:15", "2024-11-25"),
        ("2019.06.21", "2019-06-21"),
    ],
)
def test_dates_in_the_usual_forms(text, iso):
    assert [d.iso for d in find_dates(text)] == [iso]


def test_an_impossible_date_is_no_date():
    assert find_dates("31 February 2024") == [] and find_dates("2024-13-01") == []


def test_a_date_inside_the_article_is_not_its_date():
    text = "Korea and ASEAN agree on data\nThe leaders met in Seoul on November 25, 2024, and agreed to cooperate on data protection.\nThey will meet again next year."
    assert metadata_from_text(text).date is None


def test_the_updated_date_is_not_the_published_date():
    text = "Korea, ASEAN open a joint centre\nUpdated : Dec. 2, 2024 - 09:00 Published : Nov. 29, 2024 - 18:00\nKorea and ASEAN opened a joint centre for digital skills in Jakarta on Friday, officials said."
    assert metadata_from_text(text).date.value == "2024-11-29"


def test_a_standfirst_under_the_headline_is_not_the_title():
    text = (
        "The Seoul Ledger\n\nKorea widens its bet on Mekong ports\n\n"
        "Financing package for three harbours signals a deeper push into mainland Southeast Asia, officials say\n\n"
        "By Park Ji-won\nPublished : Mar. 4, 2025 - 10:12\n"
        "Korea will lend USD 600 million to upgrade three river ports in Cambodia and Laos, the finance ministry said on Tuesday.\n"
        "The loans are the largest the country has made to the Mekong basin."
    )
    found = metadata_from_text(text)
    assert found.title.value == "Korea widens its bet on Mekong ports"
    assert found.author.value == "Park Ji-won" and found.date.value == "2025-03-04"


@pytest.mark.parametrize(
    "head, title",
    [
        ("ASEAN ties deepen\n\nKorea and ASEAN leaders met in Jakarta on Monday for trade talks.", "ASEAN ties deepen"),
        ("Why ASEAN matters\n\nSouth Korea has long looked to its north and west.", "Why ASEAN matters"),
        ("ASEAN ties deepen\n\nMay 3, 2024\n\nThe leaders met in Jakarta on Monday for talks.", "ASEAN ties deepen"),
        ("ASEAN ties deepen\n\nBy Kim Min-ji\n\nThe leaders met in Jakarta on Monday for talks.", "ASEAN ties deepen"),
    ],
)
def test_a_short_headline_over_a_short_first_sentence_stays_the_title(head, title):
    body = "The two sides agreed to expand cooperation in trade, energy and digital infrastructure over the next five years, officials said after the meeting."
    assert metadata_from_text(f"{head}\n\n{body}\n\n{body}").title.value == title


def test_a_byline_below_a_caption_or_a_page_note_is_found():
    text = (
        "Search\nThe archive covers articles published after 2012.\nTop stories\n"
        "Thai and Korean coast guards hold first joint drill\n"
        "09:15 June 3, 2024\nBy Lee Soo-min\n"
        "BANGKOK, June 3 (Yonhap) -- The coast guards of Thailand and South Korea held their first joint search-and-rescue drill in the Gulf of Thailand on Monday.\n"
        "Some 200 personnel and six vessels took part, the agency said."
    )
    found = metadata_from_text(text)
    assert found.title.value == "Thai and Korean coast guards hold first joint drill"
    assert found.author.value == "Lee Soo-min"


def test_a_name_whose_part_is_a_function_word_is_still_a_name():
    text = "Korean aid reaches Lao schools\nBy Kim He-jin\nKorea has funded 40 new classrooms in rural Laos since 2020, the embassy said on Friday."
    assert metadata_from_text(text).author.value == "Kim He-jin"


def test_the_headline_after_a_fused_date_is_the_title():
    text = " date 2023-05-17 Vietnam, Korea sign deal on skilled-worker visas\nVietnam and South Korea on Wednesday signed an agreement that doubles the quota of skilled-worker visas.\nThe quota will rise to 12,000 a year."
    found = metadata_from_text(text)
    assert found.title.value == "Vietnam, Korea sign deal on skilled-worker visas" and found.date.value == "2023-05-17"


def test_the_sites_date_of_today_above_the_headline_is_not_the_articles():
    text = (
        "Monday, March 9 2026\nMekong News\nKorean clinics open in rural Cambodia\n"
        "Posted : Nov. 3, 2021\n"
        "Three clinics funded by Korea opened in Kampong Cham province, the health ministry said on Wednesday.\n"
        "They will serve 40,000 villagers."
    )
    assert metadata_from_text(text).date.value == "2021-11-03"
    undated = text.replace("Posted : Nov. 3, 2021\n", "")
    assert metadata_from_text(undated).date is None  # the masthead's "today" is not the article's date


def test_a_menu_label_beside_the_headline_is_not_an_author():
    text = (
        "Korea and Indonesia open a battery research centre\nRecent Stories\nAsia | Business | Technology | Opinion\n"
        "Korea and Indonesia opened a joint battery research centre in Bandung on Thursday, the two governments said.\n"
        "The centre will train 300 engineers a year."
    )
    assert metadata_from_text(text).author is None


@pytest.mark.parametrize("subhead", ["By Regional Standards", "By Global Comparison", "By Most Measures"])
def test_an_adverbial_by_phrase_under_a_short_lede_is_not_a_byline(subhead):
    text = (
        "Korea's aid to Laos doubles\nA record year.\n" + subhead + "\n"
        "Korea's grants to Laos doubled in 2024 to 80 million dollars, the foreign ministry said on Monday.\n"
        "Most of the money went to rural schools and clinics."
    )
    assert metadata_from_text(text).author is None
    assert metadata_from_text(text.replace(subhead, "By Kim Min-ji")).author.value == "Kim Min-ji"


# --------------------------------------------------------- import and library


@pytest.fixture
def library(tmp_path) -> Library:
    return Library(tmp_path / "library")


def write_page(tmp_path, page: Page):
    path = tmp_path / (page.name.replace(" ", "_") + ".txt")
    path.write_text(page.text, encoding="utf-8")
    return path


def test_an_imported_page_carries_its_metadata_and_where_it_was_read(tmp_path, library, data):
    from .web_pages import HERALD

    doc_id = library.import_file(write_page(tmp_path, HERALD), data, set())
    row = library.documents()[0]
    assert doc_id == "son-2024-korea"
    assert (row["title"], row["author"], row["outlet"], row["published"]) == (HERALD.title, HERALD.author, HERALD.outlet, HERALD.date)
    assert row["date_basis"] == "the text, line 6: 'Published : Oct. 10, 2024 - 17:42'"
    assert "author: the text, line 7: 'By Son Ji-hyoung'" in row["metadata_sources"]
    passages = (library.folder / "dataset" / "passages.csv").read_text(encoding="utf-8")
    assert all(sentence.replace('"', '""') in passages for sentence in HERALD.body)


def test_a_page_with_no_date_stays_undated_never_the_import_year(tmp_path, library, data, taxonomy):
    from .web_pages import AGGREGATOR

    assert read_document(write_page(tmp_path, AGGREGATOR)).date == ""
    doc_id = library.import_file(write_page(tmp_path, AGGREGATOR), data, set())
    row = library.documents()[0]
    assert row["published"] == "" and row["date_basis"].startswith("not known") and "undated" in doc_id
    documents = list(csv.DictReader(io.StringIO((library.folder / "dataset" / "documents.csv").read_text(encoding="utf-8"))))
    assert (documents[0]["published"], documents[0]["year"]) == ("", "")

    both = merge_datasets(load_dataset(data / "dataset", taxonomy), load_dataset(library.folder / "dataset", taxonomy))
    coded = code_passages(both, taxonomy)
    undated = coded.passages["doc_id"].to_numpy() == doc_id
    assert undated.sum() == 3 and 2026 not in coded.years and 0 not in coded.years
    everything = np.ones(len(coded), dtype=bool)
    assert coded.per_year(everything).sum() == len(coded) - 3  # out of the year chart
    assert not (FilterSpec(years=frozenset(coded.years)).mask(coded) & undated).any()  # out of every year filter
    assert FilterSpec().mask(coded)[undated].all()  # but shown when no year is chosen
    from nsp_explorer.core.framing import framing_mix

    undated_author = coded.passages["author"].to_numpy()[undated][0]
    mix = framing_mix(coded, FilterSpec(years=frozenset({2019})))  # the Framing view under a year filter (an IndexError once)
    assert mix.loc[undated_author, "sentences"].sum() == 0
    assert mix["sentences"].sum() == framing_mix(coded, FilterSpec(authors=frozenset({"Lee Jaehyon"})))["sentences"].sum()  # 2019: Lee's
    assert framing_mix(coded, FilterSpec()).loc[undated_author, "sentences"].sum() > 0  # no year chosen: the undated are in
    assert year_label(coded.passages["year"].to_numpy()[undated][0]) == "date unknown"
    author = coded.passages["author"].to_numpy()[undated][0]
    assert short_name(author, coded.first_years).endswith(" n.d.")  # a chart's label: never a year, never bare
    assert short_name("Unknown author", {}) == "Unknown author n.d."  # not "author", the last word of the phrase
    assert short_name("Unknown author (Korea Herald)", {"Unknown author (Korea Herald)": 2019}) == "Korea Herald 2019"


@pytest.mark.parametrize(
    "author, label",
    [
        ("Howard Schneider; Lindsay Dunsmuir", "Schneider & Dunsmuir 2016"),  # two authors, as a citation names them
        ("Jens Manuel Krogstad and Jeffrey S. Passel", "Krogstad & Passel 2016"),  # not "Passel 2016", the last word
        ("A. Smith, B. Jones and C. Brown", "Smith et al. 2016"),
        ("Kim Minji and Park Ji-hoon", "Kim & Park 2016"),  # family names first, each
        ("Krogstad, Jens Manuel", "Krogstad 2016"),  # one author, family name first
        ("Dira Fabrian", "Fabrian 2016"),
        ("Lee Jaehyon", "Lee 2016"),
    ],
)
def test_a_chart_names_a_documents_authors_as_a_citation_does(author, label):
    assert short_name(author, {author: 2016}) == label


def test_an_undated_passage_shows_no_year_in_the_list_and_the_reading_pane(tmp_path, library, data, taxonomy, qtbot):
    from nsp_explorer.gui.passages import PassageTable, ReadingPane
    from nsp_explorer.gui.state import FilterState

    from .web_pages import AGGREGATOR

    doc_id = library.import_file(write_page(tmp_path, AGGREGATOR), data, set())
    coded = code_passages(load_dataset(library.folder / "dataset", taxonomy), taxonomy)
    model = PassageTable(coded)
    model.show(np.arange(len(coded)), "")
    assert {model.data(model.index(i, 1)) for i in range(model.rowCount())} == {"n.d."}
    state = FilterState()
    pane = ReadingPane(coded, state)
    qtbot.addWidget(pane)
    state.set_focus(coded.passage_id(0))
    qtbot.waitUntil(lambda: "(date unknown)" in pane.browser.toPlainText())
    assert "()" not in pane.browser.toPlainText() and doc_id in set(coded.passages["doc_id"])


def test_edit_corrects_metadata_as_a_transaction(tmp_path, library, data):
    from .web_pages import AGGREGATOR

    doc_id = library.import_file(write_page(tmp_path, AGGREGATOR), data, set())
    library.edit(doc_id, data, date="2024-06-03", author="Dian Septiari", outlet="Jakarta Globe")
    row = library.documents()[0]
    assert (row["doc_id"], row["published"], row["author"], row["date_basis"]) == (doc_id, "2024-06-03", "Dian Septiari", "given by you after import")
    documents = (library.folder / "dataset" / "documents.csv").read_text(encoding="utf-8")
    assert "2024-06-03,2024," in documents and "Dian Septiari" in documents

    before = {p: p.read_bytes() for p in sorted(library.folder.rglob("*")) if p.is_file()}
    for bad, problem in (({"date": "June 2024"}, "cannot take the date 'June 2024'"), ({"title": ""}, "empty title"),
                         ({"affiliation": "x"}, "cannot edit affiliation"), ({"author": "A\x00B"}, "author with control characters")):
        with pytest.raises(BadValue, match=problem) as error:  # the value typed is at fault, not a file of the library
            library.edit(doc_id, data, **bad)
        assert "metadata.csv" not in str(error.value)
    with pytest.raises(BadValue, match="no document"):
        library.edit("nobody-2024-x", data, date="2024")
    assert {p: p.read_bytes() for p in sorted(library.folder.rglob("*")) if p.is_file()} == before

    library.edit(doc_id, data, date="")  # back to unknown: said to be the user's doing, not "no date in the file"
    assert (library.documents()[0]["published"], library.documents()[0]["date_basis"]) == ("", "not known: cleared by you")
    library.edit(doc_id, data, author="")  # a name the importer took wrongly: unknown, named by the outlet as an unsigned import is
    row = library.documents()[0]
    assert row["author"] == "Unknown author (Jakarta Globe)" and "author: cleared by you: not known" in row["metadata_sources"]
    library.edit(doc_id, data, outlet="The Korea Herald")  # named by its outlet: the new one names it
    assert library.documents()[0]["author"] == "Unknown author (The Korea Herald)"


def test_nspx_edit(tmp_path, data, capsys):
    from nsp_explorer.cli import main

    from .web_pages import AGGREGATOR

    folder = tmp_path / "library"
    assert main(["import", str(write_page(tmp_path, AGGREGATOR)), "--library", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "no date found" in out and "nspx edit" in out
    doc_id = Library(folder).documents()[0]["doc_id"]
    assert main(["edit", doc_id, "--date", "2024-06", "--title", "Indonesia and Korea sign battery deals", "--library", str(folder)]) == 0
    assert "date: 2024-06  (given by you after import)" in capsys.readouterr().out
    row = Library(folder).documents()[0]
    assert (row["published"], row["title"]) == ("2024-06", "Indonesia and Korea sign battery deals")
    assert main(["edit", doc_id, "--library", str(folder)]) == 2
    capsys.readouterr()
    assert main(["edit", doc_id, "--date", "June 2024", "--library", str(folder)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("nspx: error: cannot take the date 'June 2024'") and "YYYY-MM-DD" in error and "metadata.csv" not in error
    assert Library(folder).documents()[0]["published"] == "2024-06"
    assert main(["remove", "nobody-2024-x", "--library", str(folder)]) == 2
    assert capsys.readouterr().err == "nspx: error: your library has no document 'nobody-2024-x' (nspx library lists them)\n"
    with pytest.raises(BadValue, match="has quotes or backslashes"):
        Library(folder).add_term("areas", "trade", 'say "no"', data)
    passage = f"{doc_id}:1"
    Library(folder).decide(passage, "area", "trade", "add", "about trade", data, {passage: "Any words."})
    assert main(["remove", doc_id, "--library", str(folder)]) == 0
    assert capsys.readouterr().out == f"removed {doc_id} and your 1 review decision(s) on it\n"


def test_the_details_dialog_names_a_bad_date_and_keeps_the_document(qtbot, tmp_path, data, monkeypatch):
    from nsp_explorer.gui.library_dialogs import EditDocumentDialog

    from .web_pages import AGGREGATOR

    library = Library(tmp_path / "library")
    doc_id = library.import_file(write_page(tmp_path, AGGREGATOR), data, set())
    monkeypatch.setattr("nsp_explorer.gui.library_dialogs.data_dir", lambda: data)
    dialog = EditDocumentDialog(None, library, library.documents()[0])
    qtbot.addWidget(dialog)
    dialog.fields["date"].setText("June 2024")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.problem.text() != "", timeout=10_000)
    assert dialog.problem.text().startswith("Cannot take the date 'June 2024'") and "metadata.csv" not in dialog.problem.text()
    assert dialog.isEnabled() and library.documents()[0]["published"] == "" and library.documents()[0]["doc_id"] == doc_id


def test_html_goes_through_the_extractor(tmp_path):
    """A saved page: trafilatura finds the article, its date (htmldate) and site; the menu, share row and comment form stay out."""
    pytest.importorskip("trafilatura")
    from .web_pages import DIPLOMAT

    body = "".join(f"<p>{s}</p>" for s in DIPLOMAT.body)
    page = tmp_path / "diplomat.html"
    page.write_text(
        "<html><head><title>Why South Korea's Southern Policy Needs a Reset – The Diplomat</title>"
        '<meta property="og:site_name" content="The Diplomat"><meta name="author" content="Jane Whitfield">'
        '<meta property="article:published_time" content="2024-11-25T09:00:00+00:00"></head><body>'
        '<nav><ul><li><a href="/">Features</a></li><li><a href="/x">Diplomacy</a></li></ul></nav>'
        f"<article><h1>Why South Korea's Southern Policy Needs a Reset</h1>{body}"
        '<div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a></div></article>'
        '<div id="comments"><h3>Leave a Reply</h3><form><label>Name *</label><input></form></div></body></html>',
        encoding="utf-8",
    )
    document = read_document(page)
    assert (document.title, document.author, document.date, document.outlet) == (DIPLOMAT.title, "Jane Whitfield", "2024-11-25", "The Diplomat")
    assert document.where["date"] == "the page's HTML tags"  # its published time, which beats any date htmldate guesses
    blocks = clean_document(document.text, title=document.title, author=document.author)
    assert [b.text for b in blocks] == list(DIPLOMAT.body)
    printed = tmp_path / "printed.html"  # no date in the markup; the page prints one over its text
    printed.write_text(
        "<html><head><title>Why South Korea's Southern Policy Needs a Reset</title></head><body>"
        f"<p>Ministry News</p><p>Date<br>2024-11-25<br>hit<br>7547</p>{body}</body></html>",
        encoding="utf-8",
    )
    document = read_document(printed)
    assert document.date == "2024-11-25" and document.where["date"].startswith("the page's text")  # not "HTML metadata"


def test_the_app_starts_without_importing_the_extractor():
    import subprocess
    import sys

    code = "import sys; import nsp_explorer.gui.main_window, nsp_explorer.pipeline.importers; print('trafilatura' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


# ----------------------------------------------------------------------- GUI


def test_your_documents_edits_a_document_and_the_window_follows(qtbot, tmp_path, monkeypatch, data):
    from nsp_explorer.gui.app import load
    from nsp_explorer.gui.main_window import MainWindow
    from nsp_explorer.pipeline.library import library_dir

    from .web_pages import AGGREGATOR

    monkeypatch.setenv("NSP_EXPLORER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NSP_EXPLORER_CONFIG_DIR", str(tmp_path / "config"))
    Library(library_dir()).import_file(write_page(tmp_path, AGGREGATOR), data, set())
    window = MainWindow(load(None), remember=False)
    window.show()
    author = "Unknown author (Jakarta Globe)"  # an unsigned page is named by its source, never pooled with others
    assert "date unknown" in window.filter_panel.items[("author", author)].text(0)
    documents = window.show_documents()
    documents.list.setCurrentRow(0)
    assert "date unknown" in documents.list.currentItem().text()
    dialog = documents.edit_current()
    assert "not known" in dialog.note.text() and "Originally published by Jakarta Globe" in dialog.fields["outlet"].toolTip()
    dialog.fields["date"].setText("2024-06-03")
    dialog.fields["author"].setText("Dian Septiari")
    assert dialog.changes() == {"date": "2024-06-03", "author": "Dian Septiari"}
    before = MainWindow.latest
    dialog.save()
    qtbot.waitUntil(lambda: MainWindow.latest is not before and MainWindow.latest is not None, timeout=30000)
    fresh = MainWindow.latest
    try:
        assert 2024 in fresh.coded.years and fresh.coded.first_years["Dian Septiari"] == 2024
        assert Library(library_dir()).documents()[0]["published"] == "2024-06-03"
    finally:
        for shown in (fresh, window):
            if shiboken6.isValid(shown):
                shown.close()
                shown.deleteLater()


def test_a_web_page_printed_to_pdf_loses_its_print_headers_and_keeps_its_text():
    prose = [
        "Korea's engagement with the Mekong countries has deepened over the last decade, and the government",
        "now treats the subregion as a priority of its southern diplomacy. Trade with the five Mekong states",
        "reached USD 85 billion in 2020, and Korean firms invested USD 3 billion in Vietnam alone in the",
        "same year. This paper reviews the main programmes and what they have achieved for the region so far.",
    ]
    furniture = ["11/25/24, 10:31 AM Korea and the Mekong | Example Institute", "https://www.example.org/briefs/korea-mekong 1/2", "한국어 사이트 바로가기", "© Example Institute"]
    lines = (furniture[:1] + prose + furniture[1:]) * 6
    blocks = clean_document("\n".join(lines))
    text = " ".join(block.text for block in blocks)
    assert "reached USD 85 billion in 2020" in text and "same year." in text
    assert not [f for f in ("10:31 AM", "https://", "한국어", "©") if f in text]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ASEAN-Korea Centre publishes a monthly newsletter on trade and investment in the region.",
        "Korea strengthened copyright protection for K-pop in ASEAN markets last year.",
        "Korean firms are filling vacancies in the labour market with workers from Vietnam.",
        "The photo exhibition in Hanoi drew more than 5,000 visitors in its first week.",
        "A photo of the two leaders shaking hands in Busan was printed by every newspaper in the region the next morning.",
        "A photo of the two leaders went viral in Indonesia.",
        "Images of the flooding prompted Korea to pledge emergency aid.",
        "The ASEAN-ROK Photo Exhibition opened in Busan on Monday with works by 40 photographers.",
        "Reuters and AP reported the deal first, citing officials in Seoul (Yonhap said the same hours later).",
        "November 25, 2024 marks the 35th anniversary of ASEAN-Korea dialogue relations.",
        "On 25 November 2024 Korea and ASEAN opened a joint centre for digital skills.",
        "The New Southern Policy Plus is a continuation and upgrade of the New Southern Policy, with seven new initiatives.",
        "Nguyễn Xuân Phúc and Moon Jae-in agreed to raise trade to USD 100 billion by 2020.",
    ],
)
def test_sentences_that_mention_chrome_words_are_kept(sentence):
    """A real sentence is never dropped for a word it shares with page chrome."""
    prose = "Korea and ASEAN agreed to deepen their cooperation on trade and energy, officials said on Monday."
    blocks = clean_document("\n".join([prose, sentence, prose.replace("Monday", "Tuesday")]))
    assert sentence in [block.text for block in blocks]


def test_a_saved_wordpress_page_keeps_the_post_and_nothing_of_the_form(tmp_path):
    pytest.importorskip("trafilatura")
    from .web_pages import BLOG, WORDPRESS_HTML

    page = tmp_path / "post.html"
    page.write_text(WORDPRESS_HTML, encoding="utf-8")
    document = read_document(page)
    assert (document.title, document.date, document.outlet) == (BLOG.title, "2023-05-14", "Asia Notes")
    assert document.author == ""  # "作者 admin" names no person
    blocks = clean_document(document.text, title=document.title)
    assert [block.text for block in blocks] == list(BLOG.body)


def test_the_import_form_says_where_values_come_from_and_asks_for_a_missing_date(qtbot, tmp_path, monkeypatch):
    from nsp_explorer.gui.app import load
    from nsp_explorer.gui.main_window import MainWindow
    from nsp_explorer.pipeline.library import library_dir

    from .web_pages import AGGREGATOR, HERALD

    monkeypatch.setenv("NSP_EXPLORER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NSP_EXPLORER_CONFIG_DIR", str(tmp_path / "config"))
    window = MainWindow(load(None), remember=False)
    window.show()
    try:
        dated = window.import_files([write_page(tmp_path, HERALD)])
        assert dated.fields["date"].text() == "2024-10-10" and "Published : Oct. 10, 2024" in dated.fields["date"].toolTip()
        assert "No date found" not in dated.note.text()
        dated.close()
        undated = window.import_files([write_page(tmp_path, AGGREGATOR)])
        assert undated.fields["date"].text() == "" and "No date found" in undated.note.text() and "unknown" in undated.note.text()
        assert undated.given() == {}  # nothing typed: the file's own values keep their sources
        with qtbot.waitSignal(undated.imported, timeout=30000):
            undated.start.click()
        row = Library(library_dir()).documents()[0]
        assert row["published"] == "" and "the text, line 4" in row["metadata_sources"]
    finally:
        for shown in {window, MainWindow.latest} - {None}:
            if shiboken6.isValid(shown):
                shown.close()
                shown.deleteLater()


# ------------------------------------------- page heads seen on real pages (2026-12 development samples)


@pytest.mark.parametrize(
    "written, iso",
    [("09-Jan-2014 Mekong Wire | 6:00 AM", "2014-01-09"), ("Update: December, 06/2017 - 09:00", "2017-12-06"), ("No.PR/20-05Date19 February 2020", "2020-02-19"),
     ("After the G20 June 2019 summit", "2019-06")],  # a number glued to a word is no day
)
def test_dates_in_the_forms_sites_print_them(written, iso):
    from nsp_explorer.pipeline.dates import find_dates

    assert [d.iso for d in find_dates(written)] == [iso]


def _page(head: str) -> str:
    return head + "\nKorea and Vietnam agreed on Tuesday to double the number of scholarships for Vietnamese engineers.\nThe programme will start in March."


@pytest.mark.parametrize(
    "head, date, author",
    [
        ("Korea, Vietnam expand scholarships\nSept. 20, 2017 - 16:47 By Yonhap", "2017-09-20", None),
        ("The Saigon Times - 10 December 2018\nKorea, Vietnam expand scholarships\nBy Yonhap", "2018-12-10", None),
        ("Korea, Vietnam expand scholarships\nBy Ngoc Dinh    November 17, 2018 | 04:53 am PT", "2018-11-17", "Ngoc Dinh"),
        ("Korea, Vietnam expand scholarships\nPublished On: 29 July, 2022 03:19 PM IST | Hanoi | Mai Anh Tran", "2022-07-29", "Mai Anh Tran"),
    ],
)
def test_a_head_line_gives_the_date_it_states_beside_a_byline_a_source_or_a_time(head, date, author):
    found = metadata_from_text(_page(head))
    assert found.date.value == date
    assert (found.author.value if found.author else None) == author


def test_a_date_inside_a_headline_or_a_sentence_is_not_the_pages_date():
    assert metadata_from_text(_page("Korea hosts Mekong ministers on 25 November 2019 in Busan")).date is None
    assert metadata_from_text(_page("Korea, Vietnam expand scholarships\nOfficials met on 25 November 2019 in Busan to sign it.")).date is None


def test_when_a_page_was_updated_is_never_its_date_and_the_user_is_told_of_it(tmp_path, library, data):
    only = metadata_from_text(_page("Korea, Vietnam expand scholarships\nUpdated: 4 March 2024"))
    assert only.date is None and only.updated.value == "2024-03-04"
    both = metadata_from_text(_page("Korea, Vietnam expand scholarships\nPublished: 1 March 2024 | Updated: 4 March 2024"))
    assert both.date.value == "2024-03-01" and both.updated is None
    page = tmp_path / "updated.txt"
    page.write_text(_page("Korea, Vietnam expand scholarships\nUpdate: December, 06/2017 - 09:00"), encoding="utf-8")
    library.import_file(page, data, set())
    row = library.documents()[0]
    assert row["published"] == "" and "undated" in row["doc_id"]
    assert row["date_basis"].startswith("not known: the file states only when it was updated (2017-12-06, the text, line 2")


def test_a_labelled_month_is_kept_at_month_precision_and_a_span_of_years_is_no_date():
    assert metadata_from_text(_page(" date 2022-10 Watch more on our channel")).date.value == "2022-10"
    assert metadata_from_text(_page("Korea–Vietnam scholarships 2021-22\nKorea, Vietnam expand scholarships")).date is None


def test_a_dateline_whose_dash_touches_the_text_gives_its_year():
    text = "JAKARTA, 26 August 2020 –Today, officials of ASEAN and Korea met online to review their cooperation.\nThey agreed to meet again in 2021."
    assert metadata_from_text(text).date.value == "2020-08-26"


def test_a_notice_about_the_readers_browser_is_neither_headline_nor_text():
    text = _page("Please Update your browser\nYour browser is out of date, and may not be compatible with our website. A list of browsers is below.\nKorea, Vietnam expand scholarships\nMai Anh Tran (The Saigon Times)\nTue, April 13, 2021")
    found = metadata_from_text(text)
    assert (found.title.value, found.author.value, found.date.value) == ("Korea, Vietnam expand scholarships", "Mai Anh Tran", "2021-04-13")


def test_a_photo_caption_printed_twice_above_the_headline_does_not_end_the_pages_head():
    caption = "Students wave Korean and Vietnamese flags before a welcoming ceremony at the palace in Hanoi, Friday, March 23, 2018."
    text = _page(f"{caption}\n{caption} Pool Photo via AP\nBusiness\nKorea, Vietnam expand scholarships\nThe Associated Press\nMarch 23, 2018 01:43 AM")
    found = metadata_from_text(text)
    assert (found.title.value, found.date.value) == ("Korea, Vietnam expand scholarships", "2018-03-23")


@pytest.mark.parametrize(
    "line, author",
    [
        ("Korean Serenade - Lee Sang-Hwa - The Philippine Star", "Lee Sang-Hwa"),
        ("Dr. Choi Kyunghee", "Choi Kyunghee"),
        ("Korean Language Training Fellowship", None),  # a programme's name, not a person's
        ("Southeast Asia Centre", None),
    ],
)
def test_a_name_under_the_headline_is_a_person_and_not_a_place_or_a_programme(line, author):
    found = metadata_from_text(_page(f"Korea, Vietnam expand scholarships\nCurrent Issues No. 2018-20\n{line}"))
    assert (found.author.value if found.author else None) == author


def test_a_country_opening_a_sentence_at_the_end_is_not_an_authors_bio():
    text = _page("Korea, Vietnam expand scholarships") + "\nSouth Korea is also the leading source of tourists, the ambassador said, and President Duterte welcomed it."
    assert metadata_from_text(text).author is None


def test_a_headline_in_title_case_under_a_section_label_is_the_title_not_a_standfirst():
    text = _page("Australian Outlook\nIn this section\nRepublic of Korea and ASEAN Relations: From the Centre to the Periphery\n21 Jul 2023\nBy Dr Mai Anh Tran")
    found = metadata_from_text(text)
    assert found.title.value == "Republic of Korea and ASEAN Relations: From the Centre to the Periphery"
    assert (found.date.value, found.author.value) == ("2023-07-21", "Mai Anh Tran")


def test_a_question_headline_right_above_its_byline_is_the_title():
    text = "Korea’s New Southern Policy: a café diplomacy?\nBy José María García\nSeoul’s approach to ASEAN has made progress in tourism and education, but trade with Myanmar has declined."
    found = metadata_from_text(text)
    assert (found.title.value, found.author.value) == ("Korea’s New Southern Policy: a café diplomacy?", "José María García")
    plain = "Has the policy worked in Cambodia and in Laos since 2017?\nSeoul’s approach to ASEAN has made progress in tourism and education, but trade with Myanmar has declined."
    assert metadata_from_text(plain).title is None  # an opening question with no byline under it is the text's


def test_a_notes_line_gives_its_author_and_date_and_an_initial_is_part_of_a_name():
    text = "Week 6: The New Southern Policy after Moon\nLecture notes, Dr. A. Rahman, University of Malaya, 2023-10-02\nKey points\nThe NSP raised ASEAN's place in Korean diplomacy, but it did not change Korea's stance on the South China Sea."
    found = metadata_from_text(text)
    assert (found.author.value, found.date.value) == ("A. Rahman", "2023-10-02")
    assert metadata_from_text(text.replace("Dr. A. Rahman, ", "")).author is None


def test_a_caption_with_its_credit_is_not_text_and_a_sentence_that_merely_mentions_photos_is():
    caption = "Students wave Korean and Vietnamese flags before a welcoming ceremony at the palace in Hanoi on Friday."
    lead = "Korea and Vietnam agreed on Tuesday to double the number of scholarships for engineers."
    text = f"{lead}\n{caption} Pool Photo via AP\nThe programme starts in March.\nThousands of students shared photos via Instagram after the ceremony in Hanoi."
    kept = " ".join(b.text for b in clean_document(text))
    assert "Pool Photo" not in kept and lead in kept and "shared photos via Instagram" in kept
    # a lead repeated under the picture with a credit: the lead stays (which copy is the caption cannot be told)
    again = clean_document(f"{lead}\nThe programme starts in March.\n{lead} (Yonhap)\nIt will run for five years.")
    assert lead in again[0].text


def test_a_place_and_a_name_on_a_date_line_are_not_the_headline():
    found = metadata_from_text("Updated On: 29 July, 2022 03:19 PM IST | Mumbai | Mai Anh Tran\n" + _page("The Korean wave takes over India with streaming platforms cashing in").split("\n", 1)[1])
    assert found.title is None and found.author.value == "Mai Anh Tran" and found.date is None


@pytest.mark.parametrize(
    "head, date",
    [
        ("Joint Vision Statement of the ASEAN-Korea Commemorative Summit, 26 November 2019\nDecember 2, 2019 | By Kim Minji", "2019-12-02"),
        ("Webinar: Korea-ASEAN Cooperation in the Digital Age, 3 June 2021", None),
        ("Latest news\nKorea, Laos sign ODA agreement - 3 March 2018\nVietnam hosts Mekong forum - 1 March 2018\nKorea and Singapore deepen fintech ties\nBy Tan Wei Ming", None),
        ("Korea, Vietnam expand scholarships\nNov 25, 2019 | Last updated on Dec 2, 2019", "2019-11-25"),
        ("Korea, Vietnam expand scholarships\nLast update date: 2022-10", None),
        ("After G20 June 2019 summit, Moon heads to ASEAN", None),
    ],
)
def test_a_date_in_a_headline_a_ticker_or_an_update_is_not_the_pages_date(head, date):
    found = metadata_from_text(_page(head))
    assert (found.date.value if found.date else None) == date
    assert found.title is not None and not found.title.value.startswith(("Latest", "Korea, Laos", "Vietnam hosts"))


@pytest.mark.parametrize(
    "line",
    [
        "Tuoi Tre | 14 May 2021", "Bangkok Post | 25 November 2019", "Tags: Trade | Diplomacy | Mahathir Mohamad", "Anwar Ibrahim - Reuters",
        "Phnom Penh, 12 March 2019",
        # who is in the picture: a caption's people, and a possessive noun phrase, are not bylines
        "(From left) Thai Prime Minister Paetongtarn Shinawatra, South Korean President Yoon Suk Yeol, Malaysia's Sultan Ibrahim Iskandar, "
        "Lao President Thongloun Sisoulith at the Asean Summit in Vientiane, Laos, on Oct 10, 2024. PHOTO: AFP",
        "Reuters - Malaysia's Anwar Ibrahim - Kuala Lumpur",
        "News Round-up", "The Op-ed", "Most Well-read",  # a section's label, not "Do Je-hae"
    ],
)
def test_a_source_a_tag_or_a_subject_beside_the_headline_is_not_the_author(line):
    assert metadata_from_text(_page(f"Korea, Vietnam expand scholarships\n{line}")).author is None


def test_unsigned_documents_of_different_sources_are_not_pooled_as_one_author(tmp_path, library, data):
    body = "\nKorea and Vietnam agreed on Tuesday to double the number of scholarships for Vietnamese engineers.\nThe programme will start in March."
    for name, head in (("herald", "Korea, Vietnam expand scholarships\n© 2019 The Korea Herald. All rights reserved."),
                       ("times", "Scholarships for Vietnamese engineers doubled\nSource: Viet Nam News"),
                       ("bare", "")):
        page = tmp_path / f"{name}.txt"
        page.write_text(head.split("\n")[0] + body + "\n" + "\n".join(head.split("\n")[1:]) if head else body.strip() + " Korean firms will pay half.", encoding="utf-8")
        library.import_file(page, data, set())
    authors = sorted(row["author"] for row in library.documents())
    assert authors == ["Unknown author (The Korea Herald)", "Unknown author (Viet Nam News)", "Unknown author (bare.txt)"]  # no headline: the file, as named
    assert family_name(authors[0]) == "The Korea Herald" and all(row["doc_id"].split("-")[0] != "unknown" for row in library.documents())


def test_the_timeline_figure_says_how_many_undated_passages_it_leaves_out(tmp_path, library, data, taxonomy):
    from nsp_explorer.core.filters import ExplorerState
    from nsp_explorer.figures.context import FigureContext
    from nsp_explorer.figures.export import draw
    from nsp_explorer.figures.views import VIEWS

    from .web_pages import AGGREGATOR

    library.import_file(write_page(tmp_path, AGGREGATOR), data, set())
    both = merge_datasets(load_dataset(data / "dataset", taxonomy), load_dataset(library.folder / "dataset", taxonomy))
    coded = code_passages(both, taxonomy)
    timeline = next(v for v in VIEWS if v.stem == "timeline")
    sheet = draw(timeline, FigureContext(coded, ExplorerState(FilterSpec())), "slide-16x9", None)
    assert "Not shown: 3 passages from documents with no known publication date." in sheet.texts()
    bundled = draw(timeline, FigureContext(code_passages(load_dataset(data / "dataset", taxonomy), taxonomy), ExplorerState(FilterSpec())), "slide-16x9", None)
    assert not any(t.startswith("Not shown") for t in bundled.texts())


def test_the_authors_bio_under_the_byline_is_not_text_even_with_an_honorific_and_at_length():
    bio = (
        "Mr. Kim Min-su is a Minister and Deputy Chief of Mission at the Mission of the Republic of Korea to ASEAN. He is an experienced "
        "economist with over 20 years of service at the Ministry of Foreign Affairs. He has previously served as Director for Trade and "
        "Investment Promotion and Director for East Asia Trade at the Ministry, Minister-Counselor at the Embassy in Indonesia, and Head "
        "of Development Planning and General Affairs at the ASEAN-Korea Centre in Seoul. He holds degrees in economics and international "
        "relations from universities in Seoul and Washington."
    )
    body = "The world as we know it has changed since the summit in Busan. Korea and ASEAN agreed to double their exchanges."
    kept = [b.text for b in clean_document(f"Reflections on the summit\n{bio}\n{body}", title="Reflections on the summit", author="Kim Min-su")]
    assert kept == [body]
    other = "Mr. Lee Jae-won is a Minister at the Mission of the Republic of Korea to ASEAN, officials said on Monday."
    assert other in [b.text for b in clean_document(f"{other}\n{body}", author="Kim Min-su")]  # someone else's post is news


def test_an_affiliation_is_not_the_headline_and_a_column_label_is_not_the_author():
    head = (
        "Main menu Skip to content\nThe New Southern Policy: Korea's New ASEAN Initiative\nSPECIAL COLUMN\n"
        "The New Southern Policy: Korea's New ASEAN Initiative\nProf. Kim Min-su\n"
        "Head of the Center for ASEAN-India Studies, Korea National Diplomatic Academy\n"
    )
    found = metadata_from_text(head + "In celebration of the 30th anniversary of ASEAN-Korea relations, two summits were held in Busan this November.\nThey set out plans for the next decade.")
    assert (found.title.value, found.author.value) == ("The New Southern Policy: Korea's New ASEAN Initiative", "Kim Min-su")


def test_an_authors_post_is_not_a_section_heading_and_a_headline_about_a_president_is_a_headline():
    text = (
        "Prof. Kim Min-su\nHead of the Center for ASEAN-India Studies, Korea National Diplomatic Academy\n"
        "In celebration of the 30th anniversary of ASEAN-Korea relations, two summits were held in Busan this November.\n"
        "They set out plans for the next decade."
    )
    assert all(b.section == "" for b in clean_document(text, author="Kim Min-su"))
    for headline in ("President Yoon arrives in Jakarta for ASEAN summit", "Head of state talks open in Busan for two days"):
        assert metadata_from_text(_page(headline)).title.value == headline


def test_the_headline_alone_not_printed_again_with_its_byline_or_its_date_stamp_fused_on():
    fused = _page(
        "New Southern Policy Plus, Beyond Korea-ASEAN Relations\nAmbassador to ASEAN\n"
        "New Southern Policy Plus, Beyond Korea-ASEAN Relations Kim Min-su, Ambassador to ASEAN"
    )
    assert metadata_from_text(fused).title.value == "New Southern Policy Plus, Beyond Korea-ASEAN Relations"
    stamped = metadata_from_text(_page(" date 2019-11-25 KOREA-ASEAN SUMMIT OPENS IN BUSAN 입력 2019.11.25 (15:03) 수정 2019.11.25 (16:46)"))
    assert (stamped.title.value, stamped.date.value) == ("KOREA-ASEAN SUMMIT OPENS IN BUSAN", "2019-11-25")
    dated = "Joint Vision Statement of the ASEAN-Korea Commemorative Summit, 26 November 2019"
    assert metadata_from_text(_page(f"{dated}\nBy Kim Minji")).title.value == dated  # a date the headline states stays


def test_an_abbreviated_title_in_a_headline_a_short_surname_and_a_reporters_tag():
    headline = metadata_from_text(_page("Politics\nPres. Yoon Announces Seoul's First Strategy on Indo-Pacific\nWritten: 2022-11-11 19:34:06"))
    assert headline.title.value == "Pres. Yoon Announces Seoul's First Strategy on Indo-Pacific"  # "Pres. Yoon" is not two sentences
    assert metadata_from_text(_page("Korea and Vietnam double scholarships\nBy Do Je-hae")).author.value == "Do Je-hae"  # "Do" is a surname here
    assert metadata_from_text(_page("Korea and Vietnam double scholarships\nBy Regional Standards")).author is None
    tagged = "Moon's Southern Legacy\n[Asia Economy Reporter Yoo In-ho] In November 2017, President Moon Jae-in visited Indonesia.\nHe announced the policy there."
    found = metadata_from_text(tagged)
    assert (found.author.value, found.outlet.value) == ("Yoo In-ho", "Asia Economy")


def test_a_reporters_tag_does_not_reach_the_text(tmp_path, library, data):
    page = tmp_path / "tagged.txt"
    page.write_text(
        "Moon's Southern Legacy\n[Asia Economy Reporter Yoo In-ho] In November 2017, President Moon Jae-in visited Indonesia and "
        "announced the New Southern Policy.\nThe policy raised trade with ASEAN and drew praise across the region.\n",
        encoding="utf-8",
    )
    doc_id = library.import_file(page, data, set())
    passages = (library.folder / "dataset" / "passages.csv").read_text(encoding="utf-8")
    assert "In November 2017, President Moon" in passages and "Reporter Yoo" not in passages
    assert library.documents()[0]["doc_id"] == doc_id and library.documents()[0]["author"] == "Yoo In-ho"


def test_the_date_the_markup_calls_published_beats_a_modified_date(tmp_path):
    """A wire page states published and modified times (og:, JSON-LD); the date is the first, whatever htmldate prefers."""
    pytest.importorskip("trafilatura")
    from .web_pages import DIPLOMAT

    body = "".join(f"<p>{s}</p>" for s in DIPLOMAT.body)
    linked = '{"@type": "NewsArticle", "datePublished": "2020-01-19T12:25:36Z", "dateModified": "2020-01-20T02:00:00Z"}'
    page = tmp_path / "wire.html"
    page.write_text(
        "<html><head><title>Korea and ASEAN agree on a reset | Wire</title>"
        '<meta property="og:article:published_time" content="2020-01-19T12:25:36Z">'
        '<meta property="og:article:modified_time" content="2020-01-20T02:00:00Z">'
        '<meta name="REVISION_DATE" content="Mon Jan 20 02:00:00 UTC 2020"><meta name="DCSext.DatePublished" content="20200120T020000Z">'
        f'<script type="application/ld+json">{linked}</script></head><body>'
        f"<article><h1>Korea and ASEAN agree on a reset</h1><p>January 20, 2020 2:00 AM Updated</p>{body}</article></body></html>",
        encoding="utf-8",
    )
    assert read_document(page).date == "2020-01-19"
    page.write_text(page.read_text(encoding="utf-8").replace('<meta property="og:article:published_time" content="2020-01-19T12:25:36Z">', ""), encoding="utf-8")
    assert read_document(page).date == "2020-01-19"  # JSON-LD's datePublished alone says it too


def test_a_page_title_loses_the_labels_and_date_a_site_appends_to_the_headline(tmp_path):
    from .web_pages import DIPLOMAT

    body = "".join(f"<p>{s}</p>" for s in DIPLOMAT.body)
    page = tmp_path / "dw.html"
    for given, expected in (
        ("Berlin and Seoul renew their ASEAN outreach | DW | 19.01.2020", "Berlin and Seoul renew their ASEAN outreach"),
        ("Seoul and Hanoi sign a trade pact | Business | The Korea Herald", "Seoul and Hanoi sign a trade pact"),
        ("Opinion | Why Korea needs ASEAN now", "Opinion | Why Korea needs ASEAN now"),  # a label before the headline is its own
        ("Korea and ASEAN | Part 2", "Korea and ASEAN | Part 2"),  # too short a headline to tell a label from
    ):
        page.write_text(
            f'<html><head><meta property="og:title" content="{given}"><meta property="og:site_name" content="DW.COM"></head>'
            f"<body><article><h1>{given.split(' | ')[0]}</h1>{body}</article></body></html>",
            encoding="utf-8",
        )
        assert read_document(page).title == expected, given


def test_a_headline_over_a_lower_case_handle_stays_the_headline_and_a_wrapped_line_is_none():
    page = "Moon meets Modi: India's Act East and Korea's New Southern policies back each other\n\noi-Shubham Ghosh\n\n" + "\n\n".join(
        ["Korea and India agreed to deepen their cooperation on trade and defence, the two leaders said in Seoul on Friday."] * 2
    )
    assert metadata_from_text(page).title.value.startswith("Moon meets Modi")
    wrapped = "Korea and India agreed to deepen their cooperation on trade and defence, the two\nleaders said in Seoul on Friday.\n\n" * 3
    assert metadata_from_text(wrapped).title is None  # a paragraph's first printed line is no headline


def test_a_label_on_its_own_line_names_the_value_on_the_next():
    """A page laid out in two columns copies "Date" / "19.01.2020" and "Author" / "Ben Knight" as lines of their own."""
    prose = "Korea and ASEAN agreed to deepen their cooperation on trade and energy, officials said on Monday."
    page = f"Korea and ASEAN agree on a reset\n\nDate\n19.01.2020\n\nAuthor\nBen Knight\n\n{prose}\n\n{prose}"
    found = metadata_from_text(page)
    assert (found.title.value, found.author.value, found.date.value) == ("Korea and ASEAN agree on a reset", "Ben Knight", "2020-01-19")
    assert "Author Ben Knight" in found.author.source
    alone = f"Korea and ASEAN agree on a reset\n\nDate\n\nAuthor\n\n{prose}\n\n{prose}"  # labels with nothing after them
    assert metadata_from_text(alone).author is None and metadata_from_text(alone).date is None


def test_a_date_or_part_that_belongs_to_the_headline_stays(tmp_path):
    from .web_pages import DIPLOMAT

    body = "".join(f"<p>{s}</p>" for s in DIPLOMAT.body)
    page = tmp_path / "statement.html"
    for title in ("Joint statement on the Korea-ASEAN summit, 8 November 2017", "Korea's southern strategy explained | Part 2",
                  "Korea's southern strategy explained | A new chapter"):
        page.write_text(f'<html><head><meta property="og:title" content="{title}"></head><body><article>{body}</article></body></html>', encoding="utf-8")
        assert read_document(page).title == title


KOREA_PROSE = [
    "Korea and ASEAN agreed on Monday to deepen their cooperation on trade, energy and maritime security, officials said.",
    "The two sides will hold a summit in Busan next year to review the progress of the New Southern Policy, the ministry added.",
    "Trade between Korea and the ten member states reached a record high last year, driven by electronics and chemicals.",
    "Analysts said the agreement showed how far the relationship had come since the policy was launched in 2017.",
]


def test_a_page_copied_whole_ends_where_its_readers_comments_or_its_other_stories_begin():
    comments = "\n\n".join(["Leave a Comment", "Name", "Email (will not be published)", "24 Comments", "MA Sullivan • 2 weeks ago",
                            "This agreement is a disgrace and everyone involved should resign at once, frankly.", "Reply",
                            "About Fact Tank", "Real-time analysis and news about data from our writers and social scientists."])
    page = "Korea and ASEAN agree on a reset\n\n" + "\n\n".join(KOREA_PROSE) + "\n\n" + comments
    assert [b.text for b in clean_document(page, title="Korea and ASEAN agree on a reset")] == KOREA_PROSE
    teasers = "\n\n".join(["Next In Business News", "Wall St. slides after Fed raises rates",
                           "NEW YORK U.S. stocks fell the most in two months on Wednesday after the Federal Reserve raised rates."])
    page = "Korea and ASEAN agree on a reset\n\n" + "\n\n".join(KOREA_PROSE) + "\n\n" + teasers
    assert [b.text for b in clean_document(page, title="Korea and ASEAN agree on a reset")] == KOREA_PROSE
    # a count of comments by the headline, and a "Read more" box in the middle, end nothing
    page = "Korea and ASEAN agree on a reset\n\n12 Comments\n\n" + "\n\n".join(KOREA_PROSE[:2]) + "\n\nRead more\n\n" + "\n\n".join(KOREA_PROSE[2:])
    assert [b.text for b in clean_document(page, title="Korea and ASEAN agree on a reset")] == KOREA_PROSE


def test_wire_credits_and_a_co_authors_bio_are_not_the_article():
    page = "\n\n".join([*KOREA_PROSE, "(Reporting by Howard Schneider; Additional reporting by Lindsay Dunsmuir in Washington; Editing by Andrea Ricci)",
                        "Jeffrey S. Passel is Senior Demographer at the Pew Research Center’s Hispanic Trends Project."])
    assert [b.text for b in clean_document(page, author="Jens Manuel Krogstad")] == KOREA_PROSE
    news = "Joko Widodo is the President of Indonesia and met the Korean president in Seoul on Monday to discuss trade."
    assert news in [b.text for b in clean_document("\n\n".join([*KOREA_PROSE, news]))]  # a sentence about a president is news


def test_a_byline_under_photo_captions_with_an_agencys_credit_is_read():
    caption = ("Federal Reserve Chair Janet Yellen holds a news conference following day two of the Federal Open Market "
               "Committee (FOMC) meeting in Washington, U.S., December 14, 2016. REUTERS/Gary Cameron")
    page = "\n\n".join(["Business News | Wed Dec 14, 2016 | 5:03pm EST", "Fed lifts rates, sees faster pace of hikes",
                        caption, "1/3", caption, "2/3", "By Howard Schneider and Lindsay Dunsmuir | WASHINGTON", *KOREA_PROSE])
    found = metadata_from_text(page)
    assert found.author.value == "Howard Schneider and Lindsay Dunsmuir"
    assert found.title.value == "Fed lifts rates, sees faster pace of hikes"
    assert classify([caption])[0].chrome == "photo caption or credit"
    assert caption not in [b.text for b in clean_document(page)]


def test_a_headline_wrapped_on_a_word_no_phrase_ends_on_is_read_whole():
    page = "Those from Mexico will benefit most from\nObama’s executive action\n\nBy Jens Manuel Krogstad and Jeffrey S. Passel\n\n" + "\n\n".join(KOREA_PROSE)
    found = metadata_from_text(page)
    assert found.title.value == "Those from Mexico will benefit most from Obama’s executive action"
    assert found.author.value == "Jens Manuel Krogstad and Jeffrey S. Passel"
    menu = "Home\nAbout the\nTeam\n\n" + "\n\n".join(KOREA_PROSE)  # two words: a menu, not a wrapped headline
    assert "About the Team" not in (metadata_from_text(menu).title.value if metadata_from_text(menu).title else "")


def reset_page(path, head: str = "", byline: str = ""):
    """An article page, "Korea and ASEAN agree on a reset", with ``head`` in its <head> and ``byline`` above its text."""
    body = "".join(f"<p>{s}</p>" for s in KOREA_PROSE * 2)
    path.write_text(f"<html><head>{head}<title>Korea and ASEAN agree on a reset</title></head>"
                    f"<body><article><h1>Korea and ASEAN agree on a reset</h1>{byline}{body}</article></body></html>", encoding="utf-8")
    return path


def test_the_labels_of_the_links_beside_an_authors_name_are_not_the_name(tmp_path):
    page = reset_page(tmp_path / "nbc.html", head='<meta name="author" content="Alyssa Newcomb Twitter Email">')
    assert read_document(page).author == "Alyssa Newcomb"
    text = "Korea and ASEAN agree on a reset\n\nBy Kim Minji Twitter Email @kimminji\n\n" + "\n\n".join(KOREA_PROSE)
    assert metadata_from_text(text).author.value == "Kim Minji"


def test_what_looks_like_a_comments_heading_or_a_credit_in_the_middle_of_an_article_keeps_the_article():
    for heading in ("Comment", "What do you think?", "Trending", "More from the summit", "Related coverage", "Read more"):
        page = "\n\n".join([*KOREA_PROSE[:3], heading, KOREA_PROSE[3]])
        assert KOREA_PROSE[3] in [b.text for b in clean_document(page)], heading  # a section, a live blog's subhead
    poll = "Support for the New Southern Policy fell to 38 percent among South Koreans, according to a Reuters/Ipsos poll."
    assert classify([poll])[0].chrome == "" and poll in [b.text for b in clean_document("\n\n".join([*KOREA_PROSE, poll]))]


def test_a_headline_ending_on_of_is_not_joined_to_the_byline_or_the_first_paragraph_under_it():
    page = "What Southeast Asia should be wary of\nDira Fabrian\nMarch 3, 2021\n\n" + "\n\n".join(KOREA_PROSE)
    found = metadata_from_text(page)
    assert (found.title.value, found.author.value) == ("What Southeast Asia should be wary of", "Dira Fabrian")
    page = "Subscribe to our newsletter for\n" + "\n\n".join(KOREA_PROSE)
    assert KOREA_PROSE[0] in [b.text for b in clean_document(page)]


def test_an_institution_named_with_and_is_one_author():
    assert family_name("Centre for Strategic and International Studies") == "Studies"  # as before: not "Strategic & Studies"
    assert family_name("Ursula von der Leyen and Charles Michel") == "Leyen & Michel"  # a particle is part of a name


def test_a_place_under_the_headline_is_no_author():
    page = "Preemptive information extraction for ASEAN trade\n\nNew York University\nNew York, NY, 10003\n\n" + "\n\n".join(KOREA_PROSE)
    found = metadata_from_text(page)
    assert found.author is None or "York" not in found.author.value


def test_a_korean_surname_that_is_also_a_place_is_a_name():
    page = "Korea and ASEAN agree on a reset\n\nBy Hong Soo-young\n\n" + "\n\n".join(KOREA_PROSE)
    assert metadata_from_text(page).author.value == "Hong Soo-young"


def test_a_writers_post_in_the_byline_is_not_a_second_author(tmp_path):
    """"Written by Maria Santos, Research Fellow" names one author: the post is who she is, not another person (it had
    reached the chart as "Santos & Fellow")."""
    page = reset_page(tmp_path / "blog.html", byline='<p class="byline">Written by Maria Santos, Research Fellow</p>')
    assert read_document(page).author == "Maria Santos"
    text = "Korea and ASEAN agree on a reset\n\nBy Maria Santos, Senior Research Fellow\n\n" + "\n\n".join(KOREA_PROSE)
    assert metadata_from_text(text).author.value == "Maria Santos"
    two = "Korea and ASEAN agree on a reset\n\nBy Kim Minji, Lee Jaehyon\n\n" + "\n\n".join(KOREA_PROSE)
    assert metadata_from_text(two).author.value == "Kim Minji and Lee Jaehyon"  # two people stay two
