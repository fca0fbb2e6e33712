"""Facts: the figures the authors cite, with the right year and unit, traceable to passages."""

from __future__ import annotations

import pytest

from nsp_explorer.pipeline.clean import clean_document
from nsp_explorer.pipeline.facts import facts_in_passage, facts_in_table

from .conftest import FACTS_GOLD, read_rows


def test_at_least_90_percent_of_cited_figures_are_extracted_with_year_and_unit(facts):
    expected = read_rows(FACTS_GOLD)
    found = {(f["passage_id"].split(":")[0], float(f["value"]), f["unit"], f["year"]) for f in facts}
    missing = [e for e in expected if (e["doc_id"], float(e["value"]), e["unit"], e["year"]) not in found]
    assert len(expected) >= 70
    assert 1 - len(missing) / len(expected) >= 0.90, missing


def test_every_fact_is_traceable_to_its_passage(facts, passages, taxonomy):
    text = {p["passage_id"]: p["text"] for p in passages}
    for fact in facts:
        assert fact["fact_id"].startswith(fact["passage_id"] + "#")
        assert fact["quote"] in text[fact["passage_id"]]
        assert fact["value"].replace(".", "", 1).isdigit()
        assert fact["partner"] == "" or fact["partner"] in taxonomy.ids("partner")
        assert fact["year"] == "" or fact["year"] in text[fact["passage_id"]]


def test_table_2_is_rebuilt_as_facts(facts):
    oda = [f for f in facts if f["indicator"].startswith("korean_oda") and f["quote"].startswith(("Vietnam", "Laos"))]
    assert {(f["indicator"], f["value"], f["partner"], f["year"]) for f in oda} >= {
        ("korean_oda", "170.7", "vietnam", "2019"),
        ("korean_oda_grant", "38.6", "vietnam", "2019"),
        ("korean_oda_loan", "63.1", "laos", "2019"),
    }


def test_indicator_year_and_partner_on_new_sentences(codebook, fact_rules):
    text = (
        "In 2022, Korea's exports to Indonesia were USD 12.5 billion and its imports from Indonesia were USD 9.1 billion. "
        "About 45.5% of respondents trust Japan. More than 2,300 Filipino students studied in Korea in 2019."
    )
    got = {(f.indicator, f.value, f.unit, f.year, f.partner) for f in facts_in_passage("x:1", text, codebook, fact_rules)}
    assert ("korea_exports_to_indonesia", "12.5", "USD billion", "2022", "indonesia") in got
    assert ("korea_imports_from_indonesia", "9.1", "USD billion", "2022", "indonesia") in got
    assert ("survey_respondents", "45.5", "percent", "", "japan") in got
    assert ("residents_in_korea", "2300", "people", "2019", "philippines") in got


def test_numbers_without_units_are_not_facts(codebook, fact_rules):
    text = "The 36th ASEAN Summit brought 10 ASEAN leaders and the G20 together in 2020 for three days."
    assert facts_in_passage("x:1", text, codebook, fact_rules) == []


def test_a_regular_pdf_table_becomes_facts(codebook, fact_rules):
    lines = ["Table 3. Korean FDI by destination (2020, USD Million)", "Country", "", "Amount", "", "Vietnam", "", "1,200", "", "Thailand", "", "300"]
    body = ["Long prose line that makes this look like a wrapped PDF document for the cleaner to read."] * 25
    blocks = [b for b in clean_document("\n".join(body[:12] + lines + body[12:])) if b.table]
    assert len(blocks) == 1
    facts = facts_in_table("x:2", blocks[0].table, blocks[0].text, codebook, fact_rules)
    assert [(f.value, f.unit, f.year, f.partner) for f in facts] == [("1200", "USD million", "2020", "vietnam"), ("300", "USD million", "2020", "thailand")]


def test_the_figure_is_kept_as_printed_with_its_qualifier_and_country(codebook, fact_rules):
    text = (
        "Almost 2.1 million Koreans visited Vietnam in 2019, and more than USD 4 billion was invested there. "
        "About 855,000 refugees in Bangladesh wait to return. Trade reached USD 12.5 billion in 2022."
    )
    found = {f.printed: (f.qualifier, f.country) for f in facts_in_passage("x:1", text, codebook, fact_rules)}
    assert found["2.1 million Koreans"] == ("almost", "")
    assert found["USD 4 billion"] == ("more than", "")
    assert found["855,000 refugees"] == ("about", "Bangladesh")  # a country that is not a partner is kept as written
    assert found["USD 12.5 billion"] == ("", "")


def test_the_built_facts_keep_qualifiers_and_every_table_rows_country(facts):
    qualified = {(f["fact_id"], f["qualifier"]) for f in facts if f["qualifier"]}
    assert ("lee-2019-asan:19#3", "almost") in qualified and ("mokhter-2020-isis:9#1", "about") in qualified
    assert len(qualified) >= 10  # the figures the text gives with "about", "more than", "almost", "over", "around"
    table = [f for f in facts if f["passage_id"] == "lee-2019-asan:32"]
    assert {f["country"] for f in table} >= {"Bangladeshi", "Tanzania", "Senegal", "Mongolia", "Vietnam"}
    assert {f["partner"] for f in table if f["country"] in ("Tanzania", "Senegal", "Mongolia")} == {""}
    assert all(f["printed"] and f["printed"] in f["quote"] for f in facts)


def test_table_2_is_in_usd_million_with_the_readers_note(facts):
    table = [f for f in facts if f["passage_id"] == "lee-2019-asan:32"]
    assert len(table) == 30 and {f["unit"] for f in table} == {"USD million"}
    assert all("USD billion → USD million" in f["note"] and "873" in f["note"] for f in table)
    assert {f["check"] for f in facts} == {""}  # once corrected, no figure of the corpus has a doubtful unit


def test_a_figure_above_its_indicators_bound_is_flagged(fact_rules):
    from dataclasses import replace

    from nsp_explorer.pipeline.facts import Fact, unit_checks

    table = [Fact("lee:32", "korean_oda", v, "USD billion", "2019", "", "row", v, "", "Vietnam") for v in ("170.7", "38.6")]
    checks = unit_checks(table, fact_rules, [True, True])
    assert checks[0].startswith("unit implausible") and "10 USD billion at most" in checks[0]
    assert checks[1].startswith("unit implausible")  # 38.6 billion is above the bound too
    assert unit_checks([replace(table[0], unit="USD million")], fact_rules, [True]) == [""]


def test_a_table_far_from_the_texts_own_figures_of_the_indicator_is_flagged(fact_rules):
    from dataclasses import replace

    from nsp_explorer.pipeline.facts import Fact, FactRules, unit_checks

    unbounded = FactRules(fact_rules.counts, fact_rules.count_units, tuple(replace(r, at_most=None) for r in fact_rules.indicators))
    table = [Fact("lee:32", "korean_oda_grant", "380", "USD billion", "2019", "", "row")]
    prose = [Fact("lee:19", "korean_oda", "2.5", "USD billion", "2019", "", "quote")]
    assert unit_checks(table + prose, unbounded, [True, False])[0].endswith("away from the text's other korean oda figures")
    near = [Fact("lee:32", "korean_oda_grant", "3.8", "USD billion", "2019", "", "row")]
    assert unit_checks(near + prose, unbounded, [True, False]) == ["", ""]
    other_text = [Fact("kim:19", "korean_oda", "2.5", "USD billion", "2019", "", "quote")]
    assert unit_checks(table + other_text, unbounded, [True, False])[0] == ""  # only the same text's figures count


def test_a_correction_is_applied_with_its_reason_and_refused_where_it_does_not_fit(tmp_path):
    import pytest

    from nsp_explorer.core.errors import DataFileError
    from nsp_explorer.pipeline.facts import Fact
    from nsp_explorer.pipeline.facts_review import apply_facts_review, load_facts_review

    facts = [("d:1#1", Fact("d:1", "korean_oda", "38.6", "USD billion", "2019", "", "Vietnam | 38.6"))]
    review = tmp_path / "facts_review.csv"
    review.write_text("fact,field,was,value,reason\nd:1,unit,USD billion,USD million,the values are millions\n", encoding="utf-8")
    (fact_id, fact), = apply_facts_review(facts, load_facts_review(review), review)
    assert (fact_id, fact.unit, fact.value) == ("d:1#1", "USD million", "38.6")
    assert fact.note == "corrected by a reader: unit USD billion → USD million (the values are millions)"
    review.write_text("fact,field,was,value,reason\nd:1#1,unit,USD million,USD thousand,a guess\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="has unit 'USD billion', not 'USD million'"):
        apply_facts_review(facts, load_facts_review(review), review)
    review.write_text("fact,field,was,value,reason\nd:1,unit,USD billion,USD million,\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="needs a reason"):
        load_facts_review(review)


def test_the_cited_figures_chart_says_a_figure_was_corrected_and_why(qtbot, data, taxonomy):
    from nsp_explorer.core.coded import code_passages
    from nsp_explorer.core.dataset import load_dataset
    from nsp_explorer.gui.charts.cited_figures import CitedFigures
    from nsp_explorer.gui.state import FilterState

    chart = CitedFigures(code_passages(load_dataset(data / "dataset", taxonomy), taxonomy), FilterState())
    qtbot.addWidget(chart)
    chart.refresh()
    chart.choice.setCurrentIndex([chart.choice.itemData(i) for i in range(chart.choice.count())].index(("korean_oda", "USD million")))
    chart.refresh()
    assert chart._title[1] == "10 figures with a year · ⚠ 10 corrected" and "ODA" in chart._title[0]
    vietnam = next(i for i in chart.drawn if chart.coded.fact_quote(int(i)).startswith("Vietnam"))
    tip = chart._tip(0, 0, int(vietnam))
    assert "170.7 USD million" in tip and "as printed: 170.7 (Vietnam)" in tip and "corrected by a reader: unit USD billion → USD million" in tip


def test_each_currency_is_its_own_unit_and_singapore_dollars_are_not_us_dollars(codebook, fact_rules):
    text = (
        "In 2019, trade between Korea and Singapore reached S$27.3 billion, while Korean investment in Malaysia was "
        "RM1.2 billion and in Indonesia Rp 16 trillion; the Export-Import Bank lent US$ 10 million and $5 billion more."
    )
    units = {f.printed: f.unit for f in facts_in_passage("x:1", text, codebook, fact_rules)}
    assert units.get("S$27.3 billion") == "SGD billion" and units.get("RM1.2 billion") == "MYR billion"
    assert units.get("Rp 16 trillion") == "IDR trillion" and units.get("US$ 10 million") == "USD million" and units.get("$5 billion") == "USD billion"


def test_a_figure_used_as_an_adjective_keeps_its_scale(codebook, fact_rules):
    text = "In 2023, Samsung opened a $220-million research centre in Hanoi and Korea pledged US$1.5-billion in loans to Vietnam."
    units = {f.printed: (f.value, f.unit) for f in facts_in_passage("x:1", text, codebook, fact_rules)}
    assert units.get("$220-million") == ("220", "USD million") and units.get("US$1.5-billion") == ("1.5", "USD billion")


def test_a_goal_is_its_own_series_and_last_year_stays_undated(codebook, fact_rules):
    text = (
        "He pledged to increase bilateral trade with ASEAN to US$200 billion by 2020 - up from US$118.8 billion last year. "
        "Trade between Korea and Vietnam rose to USD 80 billion in 2022. The two sides set a target of USD 150 billion."
    )
    found = {f.printed: (f.indicator, f.year) for f in facts_in_passage("x:1", text, codebook, fact_rules)}
    assert found["US$200 billion"] == ("asean_korea_trade_target", "2020")  # a goal, never a point among the figures reached
    assert found["US$118.8 billion"] == ("asean_korea_trade", "")  # "last year" is the publication's year: not stated here
    assert found["USD 80 billion"] == ("vietnam_korea_trade", "2022")  # reached: what "rose to" reports
    assert found["USD 150 billion"][0].endswith("target")


@pytest.mark.parametrize(
    "sentence",
    [
        "Exports from Samsung's plants in Vietnam rose to $65 billion in 2022.",
        "The Joint Committee reported that trade between Korea and ASEAN grew to $170 billion in 2022.",
        "Exports targeted at ASEAN rose to $95 billion in 2022.",
        "Trade between Korea and ASEAN, which Seoul hopes to expand, rose to $160 billion in 2022.",
    ],
)
def test_a_figure_reached_is_not_a_goal_for_a_word_of_aim_elsewhere_in_the_sentence(codebook, fact_rules, sentence):
    assert not any(f.indicator.endswith("target") for f in facts_in_passage("x:1", sentence, codebook, fact_rules))
