"""The general frame rules: each with sentences that should and should not fire (frame_rules, negation, modality)."""

from __future__ import annotations

import pytest

from nsp_explorer.pipeline.agreement import agreement, binary_alpha
from nsp_explorer.pipeline.code import code_text
from nsp_explorer.pipeline.modality import is_month


def frames(text, codebook, taxonomy):
    return {c.code for c in code_text(text, codebook, taxonomy) if c.dimension == "frame"}


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # negation: a negated positive cue is a challenge
        ("The initiative has not made much progress.", {"challenge"}, {"achievement"}),
        ("Korea's presence in the region is not substantial.", {"challenge"}, {"achievement"}),
        ("The partnership has never been successful.", {"challenge"}, {"achievement"}),
        ("There is hardly any progress on the ground.", {"challenge"}, {"achievement"}),
        ("The lack of progress worries the members.", {"challenge"}, {"achievement"}),
        ("The plan holds no real opportunities for small firms.", {"challenge"}, {"opportunity"}),
        ("The summit was not a failure.", set(), {"challenge"}),
        ("Trade with Laos hasn't grown much since then.", {"challenge"}, {"achievement"}),
        ("The results are far from impressive.", {"challenge"}, {"achievement"}),
        ("Seoul failed to deliver on its pledges.", {"challenge"}, {"achievement"}),
        # pseudo-negation and contrast: not negated
        ("The policy was not only a success in trade but also in culture.", {"achievement"}, {"challenge"}),
        ("It was not cheap, but the programme has grown steadily.", {"achievement"}, set()),
        ("Korea is not a threat but a partner.", set(), {"challenge"}),
        ("Although it is not easy, progress has been made.", {"achievement"}, set()),
        # the negation window ends after a few words
        ("No one doubts that the agreement, signed in Hanoi, achieved its aims.", {"achievement"}, set()),
        # modality: the month May is not a possibility
        ("The agreement was signed in May 2019.", set(), {"opportunity"}),
        ("Leaders met in Seoul in late May to review the plan.", set(), {"opportunity"}),
        ("Korea may gain a larger share of the market.", {"opportunity"}, set()),
        # discourse phrases are neither advice nor possibility
        ("It should be noted that the pillar is vague.", set(), {"recommendation"}),
        ("Needless to say, the visit was brief.", set(), {"recommendation", "opportunity"}),
        ("One may ask whether the policy is new at all.", set(), {"opportunity"}),
        ("One has to start from the history of the relationship.", set(), {"recommendation"}),
        ("It would arguably be the most ambitious plan yet.", set(), {"opportunity"}),
        ("Korea should fund more scholarships.", {"recommendation"}, set()),
        ("Seoul has to invest more in the Mekong region.", {"recommendation"}, set()),
        # conditionals
        ("He will close the mosques should he be voted into power.", set(), {"recommendation"}),
        ("If trade increased, both sides would gain.", set(), {"achievement"}),
        ("If talks stall, Seoul should turn to ASEAN.", {"recommendation"}, set()),
        # potential + harm is a challenge
        ("The navy watches for potential threats at sea.", {"challenge"}, {"opportunity"}),
        ("Analysts warn of potential provocations by the North.", {"challenge"}, {"opportunity"}),
        ("Vietnam has great potential as a market.", {"opportunity"}, {"challenge"}),
        ("The dispute could undermine the talks.", {"challenge"}, {"opportunity"}),
        ("A new fund could become a model for the region.", {"opportunity"}, set()),
        # reported actions are not the author's advice or hope
        ("The government announced it would build new roads.", set(), {"opportunity", "recommendation"}),
        ("The ministers agreed that they should meet every year.", set(), {"recommendation"}),
        ("This would boost trade between the two sides.", {"opportunity"}, set()),
    ],
)
def test_frame_rules(codebook, taxonomy, text, present, absent):
    found = frames(text, codebook, taxonomy)
    assert present <= found, found
    assert not (absent & found), found


def test_a_flipped_cue_keeps_the_trigger_as_evidence(codebook, taxonomy):
    (challenge,) = [c for c in code_text("The initiative has not made much progress.", codebook, taxonomy) if c.code == "challenge"]
    assert challenge.evidence == ("not made much progress",)


@pytest.mark.parametrize(
    "sentence, word, month",
    [("It opened in May 2019.", "May", True), ("On 12 May the talks began.", "May", True), ("May Korea prosper.", "May", False),
     ("Korea may gain.", "may", False), ("Prices may 3", "may", True)],
)
def test_month_or_modal(sentence, word, month):
    start = sentence.index(word)
    assert is_month(sentence, start, start + len(word)) is month


def test_frames_belong_to_the_sentence_that_sets_them(codebook, taxonomy):
    codes = code_text("Trade with Vietnam has grown impressively. Security tensions remain a risk.", codebook, taxonomy)
    by_sentence = {}
    for c in codes:
        by_sentence.setdefault(c.sentence, set()).add((c.dimension, c.code))
    assert ("area", "trade") in by_sentence[1] and ("frame", "achievement") in by_sentence[1]
    assert ("frame", "challenge") not in by_sentence[1]
    assert ("frame", "challenge") in by_sentence[2] and ("area", "trade") not in by_sentence[2]


def test_krippendorff_alpha_of_a_published_example():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", binary data, two observers: alpha = 0.095
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert binary_alpha(zip(map(bool, a), map(bool, b))) == pytest.approx(0.095, abs=0.001)
    assert binary_alpha([(True, True), (False, False)]) == 1.0
    assert binary_alpha([(False, False)] * 3) is None  # no variation: not computable, never made up


def test_agreement_counts_codes_over_units():
    machine = {1: frozenset({"a"}), 2: frozenset({"a", "b"}), 3: frozenset()}
    truth = {1: frozenset({"a"}), 2: frozenset({"b"}), 3: frozenset({"b"})}
    score = agreement(machine, truth, ("a", "b"))
    assert (score.precision, score.recall, score.units, score.support) == (2 / 3, 2 / 3, 3, 3)
    assert agreement({1: frozenset()}, {1: frozenset()}, ("a",)).precision is None


@pytest.mark.parametrize(
    "text, recommendation",
    [("Seoul, in turn, should invest more in the Mekong.", True), ("Should the talks fail, Seoul will look elsewhere.", False),
     ("The region, should the rivalry deepen, will suffer.", False)],
)
def test_should_as_advice_or_condition(codebook, taxonomy, text, recommendation):
    assert ("recommendation" in frames(text, codebook, taxonomy)) is recommendation


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # not X but Y: a "not" further back still reaches X when a "but" follows
        ("Seoul treats ASEAN not as a periphery to be exploited, but as a centre of gravity.", set(), {"challenge"}),
        ("Korea did not sign the accord at the first meeting in Hanoi, since the text was exploited.", {"challenge"}, set()),
        # counterfactual modal
        ("The sanctions could have been a heavy burden for the members.", {"challenge"}, {"opportunity"}),
        # achievement under a modal is not (yet) an achievement
        ("ASEAN can make a substantial contribution to peace.", {"opportunity"}, {"achievement"}),
        ("Trade will have doubled by 2030.", set(), {"achievement"}),
        ("Trade has doubled since 2010.", {"achievement"}, set()),
        # growth of a harm is not an achievement
        ("Korea is increasingly facing pressure from both powers.", {"challenge"}, {"achievement"}),
        ("The initiative increasingly became secondary.", {"challenge"}, {"achievement"}),
        ("Bilateral trade has grown twelve-fold.", {"achievement"}, set()),
        # a roadmap of the text itself
        ("After reviewing this, this article examines the potential of the partnership.", set(), {"opportunity", "achievement"}),
        ("This partnership has great potential.", {"opportunity"}, set()),
        # a question asserts no frame but a challenge
        ("What would ASEAN countries expect from such a strategy?", set(), {"opportunity"}),
        ("How can the partnership achieve real progress?", set(), {"achievement", "opportunity"}),
        ("Why have the talks stalled since 2019?", {"challenge"}, set()),
        ("ASEAN countries would benefit from such a strategy.", {"opportunity"}, set()),
        # a forward phrase is read as a modal: not before a decline or a harm
        ("Bilateral trade is expected to double by 2030.", {"opportunity"}, set()),
        ("Exports to the region are expected to decline next year.", {"challenge"}, {"opportunity"}),
        ("The trade deficit is expected to widen further.", {"challenge"}, {"opportunity"}),
        ("Security risks in the strait could increase.", {"challenge"}, {"opportunity"}),
        ("Trade with Vietnam could increase sharply.", {"opportunity"}, set()),
    ],
)
def test_more_frame_rules(codebook, taxonomy, text, present, absent):
    found = frames(text, codebook, taxonomy)
    assert present <= found, found
    assert not (absent & found), found


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("Young people watch Korean films because they want to, not because they have to.", set(), {"recommendation"}),
        ("Seoul does not need to choose between the two powers.", set(), {"recommendation"}),
        ("Korea should not wait for the next summit.", {"recommendation"}, set()),
        ("The plan was changed to meet ASEAN's urgent needs to deal with the crisis.", {"challenge"}, {"recommendation"}),
        ("Seoul needs to act on the crisis.", {"recommendation"}, set()),
        ("More Korean students can be found studying in Hanoi.", set(), {"opportunity"}),
        ("Korean firms can help train engineers in Laos.", {"opportunity"}, set()),
        ("Now it is a time for the government to put forward a workplan.", {"recommendation"}, set()),
    ],
)
def test_obligation_and_existence(codebook, taxonomy, text, present, absent):
    found = frames(text, codebook, taxonomy)
    assert present <= found, found
    assert not (absent & found), found


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("Before discussing ideas, it would be useful to start off by looking at the history of the ties.", set(), {"recommendation"}),
        ("The combined forces of ASEAN and Korea should not be underestimated.", set(), {"recommendation"}),
        ("Korea should not ignore the smaller members.", {"recommendation"}, set()),
        ("The paper concludes with some policy suggestions for the NSP.", set(), {"recommendation"}),
        ("This section analyses structural limits that have prevented cooperation.", {"challenge"}, set()),
        # a plan a party reports is not advice; a party's call on another prescribes what it should do
        ("The ministers agreed that they should meet again in Hanoi.", set(), {"recommendation"}),
        ("The defence minister called on ASEAN members to back the talks.", {"recommendation"}, set()),
        # the harm must be what grows or is expected to grow
        ("In many cases, trade has grown.", {"achievement"}, {"challenge"}),
        ("Korea's competitiveness has increased against Chinese competition.", set(), {"challenge"}),
        ("Tourism is expected to grow as concerns fade.", {"opportunity"}, set()),
        # a question keeps its closing footnote mark; a noun of room is not a modal
        ("Could Korea gain from the deal?[2]", set(), {"opportunity"}),
        ("Officials said there is room to cooperate further.", {"opportunity"}, set()),
        ("Officials said they would increase the budget next year.", set(), {"opportunity"}),
        # a reported benefit is still a benefit; a reported plan is not
        ("Officials said the new route could boost tourism to Da Nang.", {"opportunity"}, set()),
        ("Officials said they would hold a second round of talks in May.", set(), {"opportunity"}),
        ("Exporters were urged by the trade association to diversify their markets.", {"recommendation"}, set()),
        ("She advised returning workers to renew their permits at the immigration office.", {"recommendation"}, set()),
        # … but a call paid on someone is a visit, and "advised" in its other senses is no advice
        ("President Moon called on the Sultan of Brunei during his visit.", set(), {"recommendation"}),
        ("The plan was ill-advised.", set(), {"recommendation"}),
        ("The ministry advised that the fund had been spent.", set(), {"recommendation"}),
    ],
)
def test_text_organisation_and_reports_are_not_advice(codebook, taxonomy, text, present, absent):
    found = frames(text, codebook, taxonomy)
    assert present <= found, found
    assert not (absent & found), found
