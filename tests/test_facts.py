"""Facts: the figures the authors cite, with the right year and unit, traceable to passages."""

from __future__ import annotations

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
