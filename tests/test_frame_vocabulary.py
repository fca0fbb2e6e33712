"""The general frame and area vocabulary: each cue family and rule with sentences that should and should not fire.

The sentences are written for these tests (none is from the corpus): a cue family is general
vocabulary (growth, delivery, room, gaps, advice), so it must fire on new policy prose and stay
quiet where the rules say the word is not the author's frame.
"""

from __future__ import annotations

import pytest

from nsp_explorer.pipeline.code import code_text


def codes(text, codebook, taxonomy, dimension):
    return {c.code for c in code_text(text, codebook, taxonomy) if c.dimension == dimension}


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # achievement: growth, strength and delivery in general words
        ("Cooperation on vaccines has been remarkably effective.", {"achievement"}, set()),
        ("Korean dramas are hugely popular among Thai viewers.", {"achievement"}, set()),
        ("Korea donated medical equipment to Laos last year.", {"achievement"}, set()),
        ("Bilateral trade totaled 80 billion dollars in 2023.", {"achievement"}, set()),
        ("Seoul's grants have helped build rural schools in Cambodia.", {"achievement"}, set()),
        ("The embassy organised a film week for the first time.", {"achievement"}, set()),
        # challenge: harms, abuses and neglect in general words; a harm that grows is a challenge
        ("Payments for the jet project are overdue.", {"challenge"}, set()),
        ("Thousands fled across the border after the crackdown.", {"challenge"}, set()),
        ("The joint survey was put on hold last spring.", {"challenge"}, set()),
        ("Climate has received little attention in the policy.", {"challenge"}, set()),
        ("Confirmed infections have increased in Jakarta.", {"challenge"}, {"achievement"}),
        ("Rural poverty is the focus of the new aid programme.", set(), {"challenge"}),
        # someone promising to do something reports a pledge; a promising thing is a prospect
        ("After months of promising to upgrade ties, the president toured the region.", set(), {"opportunity"}),
        ("The new route is promising for exporters.", {"opportunity"}, set()),
        ("Vietnam is promising to become a hub for Korean electronics makers.", {"opportunity"}, set()),
        # "slow" the verb is a remedy ("to slow down climate change"); slow the adjective is a challenge
        ("Countries work together to slow down climate change and the spread of disease.", set(), {"challenge"}),
        ("Planting mangroves helps slow coastal erosion.", set(), {"challenge"}),
        ("Progress on the trade talks has been slow.", {"challenge"}, set()),
        ("Exports to ASEAN continued to slow in 2019.", {"challenge"}, set()),
        ("Trade began to slow after the pandemic.", {"challenge"}, set()),
        # holding or hosting an event is plain reporting
        ("The forum was held in Kuala Lumpur on Tuesday.", set(), {"achievement"}),
        ("Seoul hosted the meeting of foreign ministers.", set(), {"achievement"}),
        # … negated, it is a challenge; under advice, a goal
        ("The coordination of the ministries was not effective.", {"challenge"}, {"achievement"}),
        ("Rivalry between the powers prevents effective cooperation.", {"challenge"}, {"achievement"}),
        ("Seoul should formulate effective measures for the region.", {"recommendation"}, {"achievement"}),
        ("Korea needs to build a strong presence in the Mekong.", {"recommendation"}, {"achievement"}),
        # opportunity: room, position, fit, a future benefit
        ("There is room to expand cooperation on batteries.", {"opportunity"}, set()),
        ("Korean firms are well placed to supply smart-city services.", {"opportunity"}, set()),
        ("The two economies are highly complementary.", {"opportunity"}, set()),
        ("The new fund will help small firms enter the market.", {"opportunity"}, set()),
        # … a reported benefit is still a benefit, but a reported plan is not the author's hope, and a harm is not a benefit
        ("The ministry announced that the fund will help small firms.", {"opportunity"}, set()),
        ("The ministry announced that it will help organise the summit.", set(), {"opportunity"}),
        ("The new tariffs will harm exporters.", {"challenge"}, {"opportunity"}),
        # challenge: gaps, delays, obstacles, reluctance, dependence
        ("The project has been delayed by disputes over costs.", {"challenge"}, set()),
        ("Member states remain cautious about defence cooperation.", {"challenge"}, set()),
        ("Korea's aid to the region remains limited.", {"challenge"}, set()),
        ("Non-tariff barriers still hamper exports of farm goods.", {"challenge"}, set()),
        ("Korea has resettled only a handful of refugees.", {"challenge"}, set()),
        ("Investment has slowed as labour costs rise.", {"challenge"}, set()),
        ("There is still a lot more to be done in this field.", {"challenge"}, set()),
        # a negated result or interest named as a whole phrase (a cue that holds its own "not")
        ("Closer economic ties did not translate into political support.", {"challenge"}, set()),
        ("The ASEAN link is not widely known among Korean voters.", {"challenge"}, set()),
        ("Seoul was not inclined to spend much on the idea.", {"challenge"}, set()),
        ("The programme is widely known across the region.", set(), {"challenge"}),
        ("The summit was held without any delay.", set(), {"challenge"}),
        # recommendation: advice in general words, the author as speaker
        ("Closer coordination holds the key to a stable region.", {"recommendation"}, set()),
        ("A clearer strategy for digital trade is needed.", {"recommendation"}, set()),
        ("Joint patrols could also be established in the Malacca Strait.", {"recommendation"}, set()),
        ("The committee was established in 2018.", set(), {"recommendation"}),
        # erode / undermine / weaken negate a positive cue; a harm verb is not a benefit
        ("Rising wages erode the country's advantage.", {"challenge"}, {"opportunity"}),
        ("Korea's share of the market has shrunk.", {"challenge"}, set()),
        ("Seoul would be wise to consult its partners early.", {"recommendation"}, {"opportunity"}),
        ("Korean firms are urged to look beyond Vietnam.", {"recommendation"}, set()),
        ("Fast-growing cities need cheaper transport.", set(), {"achievement"}),
        # "active" as a predicate reports; before a noun it only describes ("an active role")
        ("Korean firms have been very active in the Mekong region.", {"achievement"}, set()),
        ("Seoul wants ASEAN to play an active role on the Peninsula.", set(), {"achievement"}),
        # room to manoeuvre is autonomy, not an opportunity
        ("Small states seek more room for manoeuvre between the powers.", set(), {"opportunity"}),
        ("Vietnam is emerging as a hub for electronics.", {"achievement"}, {"opportunity"}),
        ("Thousands now study at secondary schools.", set(), {"challenge"}),
        # evaluative words found missing or misfiring on real pages (dev samples), each read in its general sense
        ("Support for the programme in parliament remains thin.", {"challenge"}, set()),
        ("Police cooperation on online fraud has been largely ad hoc.", {"challenge"}, set()),
        ("The army killed dozens of protesters in the capital.", {"challenge"}, set()),
        ("The agency provided 2,000 test kits to Laos.", {"achievement"}, set()),
        ("Korea's aid programme has matured over two decades.", {"achievement"}, set()),
        ("Successive governments have neglected the region.", {"challenge"}, {"achievement"}),
        ("Manila still owes 300 billion won for the frigates.", {"challenge"}, {"achievement"}),
        ("A Korean consortium won the bid for the metro line.", {"achievement"}, set()),
        ("The ministry hopes to double the number of visitors.", set(), {"opportunity"}),
        ("The emerging regional order is contested.", set(), {"opportunity"}),
        ("The trade deficit with Korea increased to 11 billion dollars.", set(), {"achievement"}),
        ("The number of confirmed cases has increased sharply.", set(), {"achievement"}),
        ("The two sides expressed their strong commitment to the partnership.", set(), {"achievement"}),
        ("Korean popular culture dominates local charts.", set(), {"achievement"}),
    ],
)
def test_frame_vocabulary(codebook, taxonomy, text, present, absent):
    found = codes(text, codebook, taxonomy, "frame")
    assert present <= found, found
    assert not (absent & found), found


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # a word's other sense is not the area: an investigation is not investment, a brand name not technology
        ("Police opened an investigation into the scam centres.", {"non_traditional_security"}, {"investment"}),
        ("Samsung Electronics accounts for a fifth of Vietnam's exports.", {"trade"}, {"technology"}),
        ("The ambassador said the two sides would meet again.", set(), {"diplomatic_institutions"}),
        # economic relations as a whole are the Prosperity pillar's topic, not trade or investment in particular
        ("Economic relations between the two sides have deepened.", set(), {"trade", "investment"}),
        ("The lack of trust among communities feeds prejudice.", {"human_rights"}, set()),
        ("Human trafficking networks recruit workers for fishing boats.", {"human_rights", "migration"}, set()),
        ("Korea joined the ASEAN Defence Ministers' Meeting-Plus in 2010.", {"regional_architecture"}, {"strategic_security"}),
        ("Korea's defence exports to the region are growing.", {"strategic_security"}, set()),
        ("KOICA funds vocational schools in Laos.", {"development"}, set()),
        ("Demand for foreign caregivers keeps rising.", {"migration"}, set()),
        ("Korean turbine makers see a market in offshore wind.", {"investment", "green_growth"}, set()),
        ("Strict labour rules deter small businesses from entering.", set(), {"strategic_security"}),
        ("Missiles and artillery deter an attack.", {"strategic_security"}, set()),
        # a ministry named as the source of a statement is not diplomacy; talks, visits and anniversaries of relations are
        ("Exports of chips rose by a tenth, the ministry said on Monday.", {"trade"}, {"diplomatic_institutions"}),
        ("The two presidents held talks in Jakarta on the fleet deal.", {"diplomatic_institutions"}, set()),
        ("The year marks the 40th anniversary of diplomatic relations between Seoul and Hanoi.", {"diplomatic_institutions"}, set()),
        # the business or security environment is not the natural one; an electric car plant is industry, not climate
        ("The business environment in Malaysia remains open to foreign firms.", set(), {"green_growth"}),
        ("Protecting the marine environment is a shared goal of the coastal states.", {"green_growth"}, set()),
        ("Hyundai opened a plant for electric vehicles near Jakarta.", set(), {"green_growth"}),
        # one named company is plain reporting; companies as a group investing abroad are the topic
        ("The ferry was built by a company in Busan.", set(), {"investment"}),
        ("Korean companies poured money into Vietnamese factories.", {"investment"}, set()),
        # violence against protesters and dissidents is a rights topic; guest-worker schemes and repatriation are migration
        ("Soldiers fired on pro-democracy protesters in Mandalay.", {"human_rights"}, set()),
        ("About 3,000 Cambodians work in Korea under the EPS each year.", {"migration"}, set()),
        ("The exodus of villagers across the border continued.", {"migration"}, set()),
        # a defence show is not culture; military training is not education
        ("The defence exhibition drew buyers from twelve navies.", set(), {"culture"}),
        ("The navies held joint training near Subic Bay.", set(), {"education"}),
        # "strategic" as a plain adjective (ties, location, an institute's name) is not security; rivalry is
        ("Seoul wants stronger strategic ties with New Delhi.", set(), {"strategic_security"}),
        ("The port's strategic location draws shipping lines.", set(), {"strategic_security"}),
        ("The Institute of Strategic and International Studies ran the survey.", set(), {"strategic_security"}),
        ("US-China strategic competition shapes the region.", {"strategic_security"}, set()),
        # the armed forces as a country's rulers, or a conscript's duty, are not its defence; arms and exchanges are
        ("The military junta detained the elected leaders.", set(), {"strategic_security"}),
        ("After the coup the military shut down the internet.", set(), {"strategic_security"}),
        ("Young men must complete their military service.", set(), {"strategic_security"}),
        ("Seoul will expand military exchanges with Manila.", {"strategic_security"}, set()),
        ("Korea halted military aid and defence cooperation with Myanmar after the coup.", {"strategic_security"}, set()),
        ("Military leaders from Korea and Thailand met in Seoul.", {"strategic_security"}, set()),
        # the pandemic as a sentence's time or circumstance is not its topic; hospitals, lockdowns and vaccines are
        ("Bilateral trade fell by a fifth amid the COVID-19 pandemic.", {"trade"}, {"public_health"}),
        ("Despite the pandemic, the two leaders kept meeting.", set(), {"public_health"}),
        ("Lockdowns closed garment factories across the region.", {"public_health"}, set()),
        ("Korea sent vaccines to Laos during the pandemic.", {"public_health"}, set()),
        ("Korea has patiently built its ties with ASEAN, though the figure masks gaps.", set(), {"public_health"}),
        # arms sales are defence, a labour "export" migration, a building's name nothing
        ("Korea's arms exports to the region doubled.", {"strategic_security"}, {"trade"}),
        ("Hanoi signed a labour export agreement with Seoul.", set(), {"trade"}),
        ("The fair took place at the World Trade Center in Manila.", set(), {"trade"}),
        # a president's visit is diplomacy, a tourist's is not
        ("President Yoon visited Jakarta in September.", {"diplomatic_institutions"}, set()),
        ("Tourists visited Da Nang in record numbers.", set(), {"diplomatic_institutions"}),
        ("Yoon met with President Widodo in Jakarta.", {"diplomatic_institutions"}, set()),
        ("Samsung Electronics President Kim Ki-nam visited the Hanoi plant.", set(), {"diplomatic_institutions"}),
        ("He held a meeting with local business leaders.", set(), {"diplomatic_institutions"}),
        ("K-pop stars were named honorary tourism ambassadors.", set(), {"diplomatic_institutions"}),
        # trade agreements by name; violence against civilians; a bank bought abroad; a joint committee
        ("The CEPA came into force a decade ago and is now being revised.", {"trade"}, set()),
        ("Manila wants better market access for its bananas.", {"trade"}, set()),
        ("The Export-Import Bank of Korea signed the loan.", set(), {"trade"}),
        ("Soldiers shot dead two students in Mandalay.", {"human_rights"}, set()),
        ("Soldiers detained dozens of protesters in Yangon.", {"human_rights"}, set()),
        ("The death toll from the typhoon rose to 375.", set(), {"human_rights"}),
        ("Police detained two suspected smugglers at the border.", set(), {"human_rights"}),
        ("Visitors should respect local customs and shop duty-free.", set(), {"trade"}),
        ("Rising imports and labor shortages worry Korean manufacturers.", {"trade"}, set()),
        ("The group acquired Cambodia's PPC Bank in 2016.", {"investment"}, set()),
        ("The navy discussed the acquisition of two frigates.", set(), {"investment"}),
        ("The King Sejong Institute opened a new branch in Hanoi.", set(), {"investment"}),
        ("Scholars working in Korea–ASEAN studies met in Busan.", set(), {"migration"}),
        ("The joint trade committee will meet in Bangkok in January.", {"diplomatic_institutions"}, set()),
        # people of one country working in another; plants and production hubs abroad; aid in kind
        ("About 45,000 Cambodians are working in Korea.", {"migration"}, set()),
        ("Korean firms will build two power plants in Java.", {"investment"}, set()),
        ("Seoul funded a vocational training centre in Hue.", {"development"}, set()),
        # a weak word (a generic sense, or where and by whom something was said) yields to the area a sentence names
        ("The foreign ministers welcomed a new vaccine fund for the region.", {"public_health"}, {"diplomatic_institutions"}),
        ("The foreign ministers of the two countries met in Hanoi.", {"diplomatic_institutions"}, set()),
        ("The joint statement pledged more scholarships for nursing students.", {"education"}, {"diplomatic_institutions"}),
        ("North Korea fired two ballistic missiles into the sea on Sunday.", {"korean_peninsula"}, {"strategic_security"}),
        ("Regional security weighs on every capital's planning.", {"strategic_security"}, set()),
        ("Police escorted the tourists back to their hotel.", {"tourism_mobility"}, {"non_traditional_security"}),
        ("Police seized forged passports at the border.", {"non_traditional_security"}, set()),
        ("Korean businesses are expanding across Indonesia.", {"investment"}, set()),
        ("Business leaders asked for faster customs clearance.", {"trade"}, {"investment"}),
        ("Security threats and arms purchases shape the navy's plans.", {"strategic_security"}, set()),
        # a body's name is not its topic; the South China Sea goes by other names and features
        ("The UN Security Council met behind closed doors on the vaccine shortage.", {"public_health"}, {"strategic_security"}),
        ("Chinese vessels blocked a resupply mission near Scarborough Shoal.", {"strategic_security"}, set()),
        ("Manila calls its part of the waters the West Philippine Sea.", {"strategic_security"}, set()),
        ("Korea has signed FTAs with six ASEAN members.", {"trade"}, set()),
        ("Korean start-ups are opening offices in Ho Chi Minh City.", {"technology"}, {"investment"}),
        ("Prosecutors will share evidence on online crime.", {"non_traditional_security"}, set()),
        ("Crimes against humanity were documented in Rakhine.", {"human_rights"}, {"non_traditional_security"}),
        ("The Korean crime thriller topped the charts in Thailand.", set(), {"non_traditional_security"}),
        ("The former president faces criminal charges over bribery.", set(), {"non_traditional_security"}),
        ("Crime has risen in the border towns along the Mekong.", {"non_traditional_security"}, set()),
        # … and words of the review of this round: a fellow student is no speaker's post, a promising thing a prospect
        ("Korea will fund scholarships for 300 researchers at Chulalongkorn University.", {"education"}, set()),
        ("Her fellow students at Hanoi University were invited.", {"education"}, set()),
        ("The firm makes thin-film solar panels in Vietnam.", set(), {"culture"}),
        ("The court ordered compensation for the claimants.", set(), {"strategic_security"}),
        ("The shipyard is building capacity for LNG carriers.", set(), {"development"}),
        ("A Korean film topped the box office in Manila.", {"culture"}, set()),
        # a speaker's post at a named university is who speaks, not education; the university as host is
        ("Jeffrey Robertson, an associate professor at Yonsei University, said the tour was timely.", set(), {"education"}),
        ("Yonsei University will host 40 students from Vietnam.", {"education"}, set()),
        # development in its named kinds; military supplies and drills are defence even beside trade words
        ("The fund backs sustainable development in the Mekong basin.", {"development"}, set()),
        ("The programme helps Laos develop its human resources.", {"development"}, set()),
        ("Seoul will help strengthen the response capacity of rural clinics.", {"public_health"}, {"development"}),
        ("Seoul will help Hanoi strengthen its institutional capacity.", {"development"}, set()),
        ("Seoul banned the export of military supplies to the junta.", {"strategic_security"}, set()),
        ("Hedging between the two giants has served Hanoi well.", {"strategic_security"}, set()),
        ("A hedge fund bought shares in the Vietnamese brewer.", set(), {"strategic_security"}),
        ("Changing the status quo by force must not be allowed, to prevent armed conflicts.", {"strategic_security"}, set()),
        # work permits, stays and mixed families are migration; a visa for a holiday is not; a place on the map is no topic
        ("Some 8,000 Cambodian workers were sent to South Korea last year.", {"migration"}, set()),
        ("More than 30,000 Cambodians hold work visas for farm jobs.", {"migration"}, {"tourism_mobility"}),
        ("Seoul will grant stay permits to Myanmar nationals whose visas have expired.", {"migration"}, set()),
        ("Multicultural families from Vietnam now number over 90,000.", {"migration"}, set()),
        ("Tourist visa applications from Thailand doubled.", {"tourism_mobility"}, {"migration"}),
        ("Workers complain of poor working conditions and unpaid overtime on the farms.", {"human_rights"}, set()),
        ("The activist drives along the southern tip of the Korean Peninsula.", set(), {"korean_peninsula"}),
        ("Peace and stability on the Korean Peninsula matter to ASEAN.", {"korean_peninsula"}, {"strategic_security"}),
        ("Peace and stability in the region are everyone's concern.", {"strategic_security"}, set()),
        # the pandemic as a point in time; goods in the pandemic's service are health
        ("Firms looked to Vietnam as an alternative to China after COVID-19.", set(), {"public_health"}),
        ("Korea donated 600,000 KF94 masks and diagnostic kits to Manila.", {"public_health"}, set()),
        # investing in people or schooling is not capital placed abroad; K-products are the Korean wave
        ("The two sides will invest in educational and youth exchange programmes.", {"education"}, {"investment"}),
        ("Korean firms invest in Indonesian nickel smelters.", {"investment"}, set()),
        ("K-beauty products are the most popular in ASEAN markets.", {"culture"}, set()),
        # declarations, plans of action and leaders meeting are diplomacy; the defence ministers meeting each other defence
        ("The leaders adopted a joint declaration and a new Plan of Action.", {"diplomatic_institutions"}, set()),
        ("In Hanoi, Moon met Chinese President Xi Jinping.", {"diplomatic_institutions"}, set()),
        ("The minister met business leaders in Jakarta.", set(), {"diplomatic_institutions"}),
        ("Hyundai is in talks with Jakarta over a battery plant.", {"investment"}, {"diplomatic_institutions"}),
        ("The two sides agreed to a meeting of their defence ministers.", {"strategic_security"}, set()),
        ("Korea joined the ASEAN Defence Ministers’ Meeting-Plus.", {"regional_architecture"}, {"strategic_security"}),
        ("Yoon attended the NATO summit in Madrid.", {"strategic_security"}, set()),
        ("The Office of Civil Defense coordinated the turnover.", set(), {"strategic_security"}),
        ("Korea shared its Saemaul Undong model with Lao villages.", {"development"}, set()),
        ("Korea announced its own Indo-Pacific strategy in 2022.", {"regional_architecture"}, set()),
        ("Those whose visas have already expired may stay until it is safe to return.", {"migration"}, {"tourism_mobility"}),
        ("Visa-free entry for Thai tourists will be extended to 90 days.", {"tourism_mobility"}, set()),
        ("Lee spoke at the ASEAN Plus Three Summit in Kuala Lumpur.", {"regional_architecture"}, {"diplomatic_institutions"}),
        ("Lee and Anwar held summit talks in Kuala Lumpur.", {"diplomatic_institutions"}, set()),
        # consular services, high-level exchanges and official visits are diplomacy; an embassy as the source of a figure is not
        ("Indonesia opened its consular services in Seoul in 1968.", {"diplomatic_institutions"}, set()),
        ("The ministers agreed to promote high-level exchanges.", {"diplomatic_institutions"}, set()),
        ("Data from the Thai embassy show 122 worker deaths this year.", {"public_health"}, {"diplomatic_institutions"}),
        ("Both governments want to deepen bilateral ties.", {"diplomatic_institutions"}, set()),
        ("Bilateral ties in trade have grown fast.", {"trade"}, {"diplomatic_institutions"}),
        # working without papers; brokers of marriages across borders
        ("Many Thais work illegally in South Korea after entering as tourists.", {"migration"}, set()),
        ("Most illegal Thai workers pick fruit.", {"migration"}, set()),
        ("Marriage brokers charge Korean men high fees.", {"migration"}, set()),
        # people taken across borders and defrauded online; an election said to be fraudulent is not cross-border crime
        ("Kidnappings of Koreans in Cambodia surged.", {"non_traditional_security"}, set()),
        ("Young Koreans are lured into online fraud compounds.", {"non_traditional_security"}, set()),
        ("The army alleged fraud in the general election.", set(), {"non_traditional_security"}),
        ("Vietnam's deficit with South Korea was $31.9 billion.", {"trade"}, set()),
        ("South Korean defence contractors stand to gain from Manila's plans.", {"strategic_security"}, {"investment"}),
        ("Burning rainforest to clear land for palm oil is illegal.", {"green_growth"}, set()),
        # … and what an independent review of these words found them firing on: a tourist's visa, investment in a sector,
        # a festival, a plant, a metaphor, a trust deficit, a band's leader, a consulate as a place, a family package
        ("Visas for Korean tourists were extended to 90 days.", {"tourism_mobility"}, {"migration"}),
        ("Korea sent 500,000 masks to Myanmar after the COVID-19 outbreak.", {"public_health"}, set()),
        ("Indonesia hopes to attract Korean investment in its education sector.", {"investment"}, set()),
        ("CJ ENM plans to invest in cultural content production in Vietnam.", {"investment"}, set()),
        ("Yoon met Jokowi on the sidelines of the G20 Summit in Bali.", {"diplomatic_institutions"}, set()),
        ("The Busan Multicultural Festival drew 20,000 visitors.", set(), {"migration"}),
        ("Naturalised plant species are spreading.", set(), {"migration"}),
        ("Police arrested 30 illegal mining workers in Kalimantan.", set(), {"migration"}),
        ("The report diagnoses the structural weaknesses of Korea's ASEAN policy.", set(), {"public_health"}),
        ("Favourable working conditions and low wages draw Korean manufacturers to Vietnam.", {"investment"}, {"human_rights"}),
        ("Seoul faces a trust deficit with ASEAN capitals.", set(), {"trade"}),
        ("Fans met BTS leader RM at Incheon Airport.", set(), {"diplomatic_institutions"}),
        ("Protesters gathered outside the Korean consulate in Ho Chi Minh City.", set(), {"diplomatic_institutions"}),
        ("A joint declaration by 30 civil society groups condemned the dam.", set(), {"diplomatic_institutions"}),
        ("The resort offers 2+2 family packages.", set(), {"diplomatic_institutions"}),
        ("Korea and the Philippines held their first strategic dialogue in Manila.", {"diplomatic_institutions"}, {"strategic_security"}),
        ("The reform calls for greater delegation of authority to provincial governments.", set(), {"diplomatic_institutions"}),
        ("The bank's anti-fraud centre blocked 2,000 suspicious transfers.", set(), {"non_traditional_security"}),
        ("The Indo-Pacific Initiative is meant to contain China.", {"strategic_security"}, {"regional_architecture"}),
    ],
)
def test_area_vocabulary(codebook, taxonomy, text, present, absent):
    found = codes(text, codebook, taxonomy, "area")
    assert present <= found, found
    assert not (absent & found), found


def test_an_amount_in_us_dollars_is_not_the_united_states(codebook, taxonomy):
    from nsp_explorer.pipeline.code import code_text

    def partners(sentence):
        return {c.code for c in code_text(sentence, codebook, taxonomy) if c.dimension == "partner"}

    assert "united_states" not in partners("Bilateral trade reached 87 billion US dollars last year.")
    assert "united_states" not in partners("Exports fell as the U.S. dollar strengthened against the dong.")
    assert "united_states" in partners("The US and Vietnam signed a maritime agreement.")


MEKONG = {"cambodia", "laos", "myanmar", "thailand", "vietnam"}


@pytest.mark.parametrize(
    "text, partners",
    [
        ("Leaders of the Mekong countries welcomed Korea's support for the region.", MEKONG),
        ("It was the first Mekong – Republic of Korea (RoK) Summit since the partnership began.", MEKONG),
        ("The Mekong-Korea Cooperation Fund will finance twelve projects.", MEKONG),
        ("The Lancang-Mekong Cooperation framework is led by Beijing.", MEKONG),
        ("Water security in the Mekong subregion is a growing concern.", MEKONG),
        ("The Mekong River flooded several villages last week.", set()),  # the river: geography, not the five states
        ("Rice farmers in the Mekong Delta face rising salinity.", {"vietnam"}),  # the delta is Viet Nam's
        ("Việt Nam takes the largest share of the workers.", {"vietnam"}),  # the country's own spelling
    ],
)
def test_the_mekong_countries_are_the_five_states_on_the_river(codebook, taxonomy, text, partners):
    assert codes(text, codebook, taxonomy, "partner") & (MEKONG | {"asean"}) == partners
