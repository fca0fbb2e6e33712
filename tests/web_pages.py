"""Real-shaped web pages, written for the tests (no page is copied): what a user copies out of a browser.

Each page lists its body sentences (all must arrive), its debris lines (none may
be a passage, part of one, or a section heading) and the metadata it states.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    name: str
    text: str
    body: tuple[str, ...]
    debris: tuple[str, ...]
    title: str = ""
    author: str = ""
    date: str = ""
    outlet: str = ""


def _page(name, lines, body, debris, **meta) -> Page:
    return Page(name, "\n".join(lines), tuple(body), tuple(debris), **meta)


# -- a Korean ministry press release, with Korean navigation lines and degree-sign bullets
_MOFA_BODY = (
    "Foreign Minister Park held talks with the Secretary-General of ASEAN in Seoul on November 25 and discussed ways to deepen the Korea-ASEAN Comprehensive Strategic Partnership.",
    "The two sides agreed to expand cooperation in digital transformation, climate change response and maritime security, and to launch a joint scholarship programme for young ASEAN civil servants.",
    "Minister Park noted that trade between Korea and ASEAN reached USD 189 billion last year, making ASEAN Korea's second-largest trading partner.",
    "The Secretary-General welcomed Korea's plan to double its contribution to the ASEAN-Korea Cooperation Fund by 2027.",
)
MOFA = _page(
    "korean ministry release",
    [
        "본문 바로가기",
        "주메뉴 바로가기",
        "Ministry of Foreign Affairs",
        "Home > Press > Press Releases",
        "Press Releases",
        "Foreign Minister Meets ASEAN Secretary-General",
        "Date 2024-11-25",
        "Views 1,482",
        "° " + _MOFA_BODY[0],
        "° " + _MOFA_BODY[1],
        "o " + _MOFA_BODY[2],
        "- " + _MOFA_BODY[3],
        "※ Attachment: photo_20241125_meeting.jpg (312KB)",
        "첨부파일 다운로드",
        "이전글 다음글 목록",
        "Copyright © Ministry of Foreign Affairs. All rights reserved.",
    ],
    _MOFA_BODY,
    ["본문 바로가기", "Home > Press > Press Releases", "Date 2024-11-25", "Views 1,482", "photo_20241125_meeting.jpg", "첨부파일", "이전글", "Copyright", "°", "※"],
    title="Foreign Minister Meets ASEAN Secretary-General",
    date="2024-11-25",
    outlet="Ministry of Foreign Affairs",
)

# -- a Vietnamese news-agency report ending './.'
_VNA_BODY = (
    "Vietnam and the Republic of Korea have agreed to raise bilateral trade to USD 150 billion by 2030, Deputy Prime Minister Tran Hong Ha said at a meeting with a Korean business delegation on November 24.",
    "He asked Korean firms to invest more in semiconductors, renewable energy and high-tech agriculture, and pledged that Vietnam would keep improving its investment climate.",
    "Korea is currently the largest foreign investor in Vietnam, with more than 10,000 projects worth over USD 86 billion.",
)
VNA = _page(
    "vietnamese news-agency report",
    [
        "Thứ Hai, 25/11/2024 - 08:15",
        "Business",
        "Vietnam, RoK target 150 billion USD in trade by 2030",
        "VNA",
        "November 25, 2024 08:15",
        "Hanoi (VNA) – " + _VNA_BODY[0],
        _VNA_BODY[1],
        "Deputy PM Tran Hong Ha (R) meets the Korean delegation. (Photo: VNA)",
        _VNA_BODY[2] + "/.",
        "VNA",
        "Lượt xem: 245",
        "Bình luận",
        "Tags: Vietnam-RoK Korea trade semiconductors",
        "Facebook Twitter Zalo Email Print",
    ],
    _VNA_BODY,
    ["Thứ Hai", "Lượt xem", "Bình luận", "Tags:", "Facebook Twitter", "(Photo: VNA)", "./.", "Hanoi (VNA)"],
    title="Vietnam, RoK target 150 billion USD in trade by 2030",
    date="2024-11-25",
    outlet="VNA",
)

# -- a Thai ministry think-tank commentary with Thai page lines
_THAI_BODY = (
    "Thailand and the Republic of Korea share a long history of friendship that dates back to the Korean War, when Thai soldiers fought alongside Korean forces.",
    "Under the New Southern Policy, Korea has sought to elevate its relations with ASEAN to the level of its ties with the four major powers.",
    "The New Southern Policy Plus is a continuation and upgrade of the New Southern Policy, adding public health, education and green growth to its agenda after the pandemic.",
    "For Thailand, the challenge is to turn these pledges into concrete projects in the Eastern Economic Corridor and in human resource development.",
    "Both countries should therefore set up a joint task force to review progress every year.",
)
THAI = _page(
    "thai think-tank commentary",
    [
        "หน้าแรก",
        "บทความ",
        "International Studies Centre",
        "Articles",
        "Thailand and Korea: From Friendship to Strategic Partnership",
        "Dr. Somchai Rattanakul (Senior Research Fellow, International Studies Centre)",
        "March 2021",
        "วันที่เผยแพร่ 15 มีนาคม 2564",
        "ผู้เข้าชม 312",
        *_THAI_BODY[:2],
        "Background",
        *_THAI_BODY[2:],
        "* The views expressed are those of the author and do not necessarily reflect the position of the Centre.",
        "แชร์",
        "ดาวน์โหลดไฟล์ PDF",
    ],
    _THAI_BODY,
    ["หน้าแรก", "บทความ", "วันที่เผยแพร่", "ผู้เข้าชม", "แชร์", "ดาวน์โหลด", "Somchai Rattanakul (Senior", "March 2021", "The views expressed"],
    title="Thailand and Korea: From Friendship to Strategic Partnership",
    author="Somchai Rattanakul",
    date="2021-03",
    outlet="International Studies Centre",
)

# -- Korea Herald style
_HERALD_BODY = (
    "South Korea and ASEAN on Tuesday agreed to elevate their ties to a comprehensive strategic partnership at a summit in Vientiane, marking the 35th anniversary of their dialogue relations.",
    "President Yoon Suk Yeol said the upgrade would open a new chapter in cooperation on supply chains, clean energy and maritime security.",
    "\"ASEAN is a key partner for Korea's Indo-Pacific strategy,\" Yoon said in his opening remarks.",
    "Trade between the two sides reached about USD 190 billion last year, according to the Ministry of Trade, Industry and Energy.",
)
HERALD = _page(
    "korea herald style",
    [
        "The Korea Herald",
        "National",
        "Politics",
        "Diplomatic Circuit",
        "Korea, ASEAN elevate ties to comprehensive strategic partnership",
        "Published : Oct. 10, 2024 - 17:42",
        "By Son Ji-hyoung",
        "Share",
        "X",
        "facebook",
        "Kakaotalk",
        "Font size",
        "Korea, ASEAN elevate ties to comprehensive strategic partnership",
        "President Yoon Suk Yeol (center) poses with ASEAN leaders in Vientiane on Thursday. (Yonhap)",
        *_HERALD_BODY,
        "By Son Ji-hyoung (consnow@heraldcorp.com)",
        "Most Popular",
        "Korea to host APEC in 2025",
        "© The Korea Herald. All rights reserved.",
    ],
    _HERALD_BODY,
    ["The Korea Herald", "Diplomatic Circuit", "Published :", "By Son Ji-hyoung", "Kakaotalk", "Font size", "poses with ASEAN leaders", "Most Popular", "Korea to host APEC", "©"],
    title="Korea, ASEAN elevate ties to comprehensive strategic partnership",
    author="Son Ji-hyoung",
    date="2024-10-10",
    outlet="The Korea Herald",
)

# -- The Diplomat style
_DIPLOMAT_BODY = (
    "Seoul's outreach to Southeast Asia needs more than summits and slogans.",
    "When Moon Jae-in launched the New Southern Policy in 2017, he promised to treat ASEAN on a par with the four major powers that have long dominated Korean diplomacy.",
    "Seven years on, the record is mixed: trade and tourism have grown, but security cooperation remains thin and largely symbolic.",
    "The Yoon government's Korea-ASEAN Solidarity Initiative tries to fill that gap, yet it has not been matched by new money or staff.",
)
DIPLOMAT = _page(
    "the diplomat style",
    [
        "The Diplomat",
        "Features",
        "Diplomacy | East Asia",
        "Why South Korea's Southern Policy Needs a Reset",
        _DIPLOMAT_BODY[0],
        "By Jane Whitfield",
        "November 25, 2024",
        "Credit: Depositphotos",
        "Advertisement",
        *_DIPLOMAT_BODY[1:],
        "Enjoying this article? Click here to subscribe for full access. Just $5 a month.",
        "Jane Whitfield is an associate professor of international relations at Meridian University.",
        "Tags",
        "Diplomacy East Asia South Korea ASEAN",
    ],
    _DIPLOMAT_BODY,
    ["The Diplomat", "Features", "Diplomacy | East Asia", "By Jane Whitfield", "November 25, 2024", "Credit:", "Advertisement", "Enjoying this article", "is an associate professor", "Tags"],
    title="Why South Korea's Southern Policy Needs a Reset",
    author="Jane Whitfield",
    date="2024-11-25",
    outlet="The Diplomat",
)

# -- a WordPress blog re-post with a Chinese comment form
_BLOG_BODY = (
    "The New Southern Policy has changed how Korean universities recruit students from Southeast Asia.",
    "Enrolment of Vietnamese students in Korea more than doubled between 2017 and 2020, and Indonesian and Mongolian numbers rose as well.",
    "Yet many graduates say they struggle to find jobs in Korea, which undercuts the policy's promise of people-to-people exchange.",
)
BLOG = _page(
    "wordpress re-post with chinese comment form",
    [
        "Asia Notes",
        "Home",
        "About",
        "Contact",
        "Korean universities and the New Southern Policy",
        "Posted on 2023-05-14 by admin",
        *_BLOG_BODY,
        "Source: East Asia Forum",
        "Share this:",
        "Twitter",
        "Facebook",
        "Like Loading...",
        "Related",
        "发表回复",
        "您的电子邮箱地址不会被公开。 必填项已用 * 标注",
        "评论 *",
        "显示名称 *",
        "电子邮箱地址 *",
        "网站地址",
        "在此浏览器中保存我的显示名称、邮箱地址和网站地址，以便下次评论时使用。",
        "Proudly powered by WordPress",
    ],
    _BLOG_BODY,
    ["Asia Notes", "About", "Contact", "Posted on", "Source:", "Share this", "Like Loading", "Related", "发表回复", "评论", "电子邮箱", "网站地址", "WordPress"],
    title="Korean universities and the New Southern Policy",
    date="2023-05-14",
    outlet="East Asia Forum",
)

# -- an aggregator re-post
_AGG_BODY = (
    "Indonesia and South Korea signed six memorandums of understanding on Monday covering electric-vehicle batteries, nickel processing and the new capital city Nusantara.",
    "The agreements were signed during a visit to Jakarta by Korea's trade minister, who said Korean firms were ready to invest a further USD 2 billion in Indonesia's battery supply chain.",
    "Analysts said the deals show how the New Southern Policy's economic agenda has carried over into the current government's Indo-Pacific strategy.",
)
AGGREGATOR = _page(
    "aggregator re-post",
    [
        "NewsNow Asia",
        "Trending",
        "World",
        "Indonesia, South Korea sign six MOUs on batteries and new capital",
        "2 hours ago",
        "Originally published by Jakarta Globe",
        "3 min read",
        *_AGG_BODY,
        "Read the full story at Jakarta Globe",
        "You may also like",
        "Vietnam eyes Korean chip investment",
        "12,305 views",
        "Facebook WhatsApp Telegram Copy link",
    ],
    _AGG_BODY,
    ["NewsNow Asia", "Trending", "2 hours ago", "Originally published", "3 min read", "Read the full story", "You may also like", "Vietnam eyes Korean", "views", "WhatsApp"],
    title="Indonesia, South Korea sign six MOUs on batteries and new capital",
    outlet="Jakarta Globe",
)

# -- an ASEAN-Korea Centre release
_AKC_BODY = (
    "The ASEAN-Korea Centre held the ASEAN-Korea Startup Forum in Seoul on 12 September 2024, bringing together 40 startups from the ten ASEAN Member States and Korea.",
    "Participants discussed how to scale up digital payment services across borders and how governments can ease rules for young firms.",
    "The Centre will publish a report on the forum's recommendations later this year.",
)
AKC = _page(
    "asean-korea centre release",
    [
        "ASEAN-Korea Centre",
        "Media Centre",
        "[Press Release]",
        "ASEAN-Korea Centre Holds Startup Forum in Seoul",
        "Date 2024.09.12 | Hit 734",
        *_AKC_BODY,
        "[Photo] Startup Forum 2024_1.jpg",
        "Download : Press release (ENG).pdf",
        "Job Opening: Programme Officer, Trade and Investment Unit (apply by 30 September)",
        "List",
    ],
    _AKC_BODY,
    ["Media Centre", "[Press Release]", "Date 2024.09.12", "Hit 734", "Startup Forum 2024_1.jpg", "Download", "Job Opening", "List"],
    title="ASEAN-Korea Centre Holds Startup Forum in Seoul",
    date="2024-09-12",
    outlet="ASEAN-Korea Centre",
)

# -- a broadcaster brief
_KBS_BODY = (
    "South Korea and the Philippines have agreed to strengthen cooperation on nuclear power and critical minerals.",
    "The agreement came at a summit in Manila on Monday, where the two leaders also upgraded bilateral ties to a strategic partnership.",
)
BROADCASTER = _page(
    "broadcaster brief",
    [
        "KBS WORLD",
        "News",
        "Diplomacy",
        "S. Korea, Philippines Agree to Boost Nuclear Power Cooperation",
        "Write: 2024-10-07 16:20:11",
        "Update: 2024-10-07 17:02:45",
        "[Photo : YONHAP News]",
        *_KBS_BODY,
        "Copyright © Korea Broadcasting System. All rights reserved.",
        "Facebook",
        "Twitter",
    ],
    _KBS_BODY,
    ["KBS WORLD", "Write:", "Update:", "[Photo", "Copyright", "Facebook", "Twitter"],
    title="S. Korea, Philippines Agree to Boost Nuclear Power Cooperation",
    date="2024-10-07",
    outlet="Korea Broadcasting System",
)

# -- the three short wire and press texts: no debris at all
_YONHAP_BODY = (
    "South Korea and ASEAN agreed Monday to expand cooperation on artificial intelligence and digital trade, the foreign ministry said.",
    "Officials said the two sides would launch a joint fund of USD 30 million next year to train engineers from Vietnam and Indonesia.",
)
YONHAP = _page(
    "yonhap wire",
    [
        "S. Korea, ASEAN to expand AI cooperation",
        "SEOUL, Nov. 25 (Yonhap) -- " + _YONHAP_BODY[0],
        _YONHAP_BODY[1],
        "elly@yna.co.kr",
        "(END)",
    ],
    _YONHAP_BODY,
    ["SEOUL, Nov. 25 (Yonhap)", "elly@yna.co.kr", "(END)"],
    title="S. Korea, ASEAN to expand AI cooperation",
    outlet="Yonhap",
)
_RELEASE_BODY = (
    "The Ministry of Trade, Industry and Energy held the Korea-Mekong Business Forum in Busan on Tuesday.",
    "Korea will expand trade insurance for small firms exporting to the Mekong countries.",
    "The ministry will also open two new trade offices, in Vientiane and Phnom Penh, next year.",
)
RELEASE = _page(
    "ministry release with degree-sign bullets",
    ["Korea-Mekong Business Forum held in Busan", *("° " + s for s in _RELEASE_BODY)],
    _RELEASE_BODY,
    ["°"],
    title="Korea-Mekong Business Forum held in Busan",
)
_VNA_SHORT_BODY = (
    "Vietnam and the Republic of Korea signed an agreement on labour cooperation in Hanoi on March 3.",
    "The deal allows more Vietnamese workers to take seasonal jobs on Korean farms and fishing boats.",
)
VNA_SHORT = _page(
    "short vna report",
    ["Hanoi (VNA) - " + _VNA_SHORT_BODY[0], _VNA_SHORT_BODY[1] + "/."],
    _VNA_SHORT_BODY,
    ["Hanoi (VNA)", "./."],
    outlet="VNA",
)

PAGES = (MOFA, VNA, THAI, HERALD, DIPLOMAT, BLOG, AGGREGATOR, AKC, BROADCASTER, YONHAP, RELEASE, VNA_SHORT)
WIRE_AND_PRESS = (YONHAP, RELEASE, VNA_SHORT)


# ------------------------------------------------------------------------------------------------
# A second set of the same kinds, laid out differently (other sites' habits), to test the rules' reach.

_MOTIE_BODY = (
    "The Ministry of Trade, Industry and Energy said on Tuesday that Korea and Indonesia will jointly develop a supply chain for electric-vehicle batteries.",
    "Under the memorandum, Korean firms will take part in nickel refining projects in Sulawesi, while Indonesia will offer tax incentives for five years.",
    "Exports to ASEAN rose 8.2 percent in the first ten months of the year, led by semiconductors and petrochemicals.",
    "The ministry plans to hold a follow-up meeting in Jakarta in the first half of next year.",
)
MOTIE = _page(
    "korean ministry release, field lines",
    [
        "KOREAN",
        "SITEMAP",
        "News & Notices",
        "Press Releases",
        "Korea, Indonesia to build EV battery supply chain together",
        "Date",
        "2024-11-19",
        "Hit",
        "2051",
        "Writer",
        "Trade Cooperation Division",
        "ㅇ " + _MOTIE_BODY[0],
        "ㅇ " + _MOTIE_BODY[1],
        "□ " + _MOTIE_BODY[2],
        "- " + _MOTIE_BODY[3],
        "Attachments",
        "241119_press_release.hwp",
        "이 누리집은 대한민국 공식 전자정부 누리집입니다.",
        "개인정보처리방침",
    ],
    _MOTIE_BODY,
    ["KOREAN", "SITEMAP", "News & Notices", "Press Releases", "Hit", "2051", "Writer", "Trade Cooperation Division", "Attachments", ".hwp", "누리집", "개인정보", "ㅇ", "□"],
    title="Korea, Indonesia to build EV battery supply chain together",
    date="2024-11-19",
)

_VNP_BODY = (
    "Vietnamese and Korean localities signed 12 cooperation agreements at a forum in Hai Phong on Saturday, covering logistics, education and tourism.",
    "Speaking at the event, the Korean ambassador said that Korean investors see Vietnam's northern provinces as a new hub for electronics manufacturing.",
    "Two-way trade between the two countries reached nearly 80 billion USD last year.",
)
VIETNAMPLUS = _page(
    "vietnamese news-agency report, photo first",
    [
        "VietnamPlus",
        "Politics",
        "Business",
        "Vietnam - RoK localities sign 12 cooperation deals",
        "Sunday, December 1, 2024 10:05",
        "At the forum in Hai Phong (Photo: VNA)",
        "Hai Phong (VNA) – " + _VNP_BODY[0],
        _VNP_BODY[1],
        _VNP_BODY[2] + "/.",
        "VNA",
        "#Vietnam #RoK #Hai Phong",
        "Follow VietnamPlus on Facebook",
    ],
    _VNP_BODY,
    ["VietnamPlus", "Politics", "At the forum in Hai Phong", "Hai Phong (VNA)", "#Vietnam", "Follow VietnamPlus"],
    title="Vietnam - RoK localities sign 12 cooperation deals",
    date="2024-12-01",
    outlet="VNA",
)

_ISEAS_BODY = (
    "Korea's engagement with mainland Southeast Asia has deepened markedly since 2017, but public awareness of the New Southern Policy in Thailand remains low.",
    "A survey conducted last year found that fewer than one in five Thai respondents could name a single Korean initiative in the region.",
    "This gap matters because sustained goodwill depends on people seeing concrete benefits in their own communities.",
    "Seoul could close it by funding vocational training in the provinces rather than in Bangkok alone.",
)
ISEAS = _page(
    "think-tank commentary, author line with comma",
    [
        "Fulcrum",
        "Analysis",
        "Korea and Thailand: Closing the Awareness Gap",
        "Pimchanok Srisuk, Visiting Fellow, Regional Studies Programme",
        "Published: 3 June 2022",
        "Share this article:",
        "Korea's outreach to Thailand has grown, but few Thais know of it. Photo: Flickr",
        *_ISEAS_BODY,
        "Pimchanok Srisuk is a Visiting Fellow at the Regional Studies Programme. She can be reached at pim@example.org.",
        "Editor's Picks",
        "Subscribe to our newsletter",
    ],
    _ISEAS_BODY,
    ["Fulcrum", "Analysis", "Visiting Fellow, Regional", "Published:", "Share this", "Photo: Flickr", "is a Visiting Fellow", "Editor's Picks", "Subscribe"],
    title="Korea and Thailand: Closing the Awareness Gap",
    author="Pimchanok Srisuk",
    date="2022-06-03",
)

_KT_BODY = (
    "Korea needs to treat Southeast Asia as a destination for long-term partnership rather than a market for quick sales.",
    "The previous administration's New Southern Policy set the right direction, yet its projects were often announced before they were funded.",
    "The current Korea-ASEAN Solidarity Initiative should learn from that record and publish a clear budget for each pillar.",
)
KOREA_TIMES = _page(
    "korea times style opinion",
    [
        "Opinion",
        "[Column] Korea's southern partners deserve a budget",
        "Posted : 2023-09-04 17:05",
        "Updated : 2023-09-05 09:12",
        "By Lee Jae-min",
        "Lee Jae-min",
        "The author is a professor of international relations at a university in Seoul. — Ed.",
        "KakaoTalk Facebook Twitter",
        "Print",
        "Text size",
        *_KT_BODY,
        "Lee Jae-min (jaemin.lee@example.ac.kr) is a professor at a university in Seoul.",
        "Top 10 Stories",
        "1",
        "Korean firms eye Vietnam",
        "2",
        "Busan port hits record",
    ],
    _KT_BODY,
    ["Opinion", "[Column]", "Posted :", "Updated :", "By Lee Jae-min", "The author is a professor", "KakaoTalk", "Print", "Text size", "jaemin.lee@", "Top 10", "Korean firms eye Vietnam", "Busan port hits record"],
    title="Korea's southern partners deserve a budget",
    author="Lee Jae-min",
    date="2023-09-04",
)

_NEWS_BODY = (
    "JAKARTA — Indonesia and South Korea agreed on Thursday to speed up talks on a defence industry partnership, including the joint KF-21 fighter programme.",
    "Indonesian officials said Jakarta would settle its outstanding payments for the programme by 2026.",
    "Korean officials welcomed the commitment and said the two countries would also cooperate on submarines and naval training.",
)
_NEWS_CLEAN = (
    "Indonesia and South Korea agreed on Thursday to speed up talks on a defence industry partnership, including the joint KF-21 fighter programme.",
    *_NEWS_BODY[1:],
)
JAKARTA = _page(
    "regional daily with capital dateline",
    [
        "Home",
        "World",
        "Asia",
        "Indonesia, South Korea to speed up KF-21 talks",
        "Nov 14, 2024 | 4:35 pm",
        "Reporter: Arya Dipa",
        "Indonesian Defence Minister and his Korean counterpart shake hands in Jakarta on Nov. 14, 2024. (Antara Photo/Hafidz Mubarak)",
        *_NEWS_BODY,
        "Tags:",
        "KF-21",
        "defence",
        "Korea",
        "Keep reading with a subscription",
        "1.2K views",
    ],
    _NEWS_CLEAN,
    ["Nov 14, 2024 | 4:35", "Reporter: Arya Dipa", "shake hands in Jakarta", "Tags:", "Keep reading", "views", "JAKARTA —"],
    title="Indonesia, South Korea to speed up KF-21 talks",
    author="Arya Dipa",
    date="2024-11-14",
)

_YNA_BODY = (
    "South Korea and the 10 ASEAN member states agreed Monday to set up a joint centre for artificial intelligence research in Seoul, the foreign ministry said.",
    "The centre will train 1,000 engineers from the region over five years, with Korea covering most of the costs.",
    "The agreement was reached at a meeting of senior officials held in Seoul on the sidelines of the ASEAN-Korea Dialogue.",
)
YONHAP_PAGE = _page(
    "yonhap web page",
    [
        "Yonhap News Agency",
        "NATIONAL",
        "(LEAD) S. Korea, ASEAN to set up joint AI research centre",
        "2024-11-25 16:40",
        "By Kim Eun-jung",
        "SEOUL, Nov. 25 (Yonhap) -- " + _YNA_BODY[0],
        _YNA_BODY[1],
        "This photo, provided by the foreign ministry, shows officials at the meeting in Seoul on Nov. 25, 2024. (PHOTO NOT FOR SALE) (Yonhap)",
        _YNA_BODY[2],
        "elly@yna.co.kr",
        "(END)",
        "Keywords",
        "#ASEAN #AI #Korea",
        "Most Viewed",
    ],
    _YNA_BODY,
    ["Yonhap News Agency", "NATIONAL", "(LEAD)", "2024-11-25 16:40", "By Kim Eun-jung", "(Yonhap) --", "This photo, provided", "elly@", "(END)", "Keywords", "#ASEAN", "Most Viewed"],
    title="S. Korea, ASEAN to set up joint AI research centre",
    author="Kim Eun-jung",
    date="2024-11-25",
    outlet="Yonhap",
)

VARIANTS = (MOTIE, VIETNAMPLUS, ISEAS, KOREA_TIMES, JAKARTA, YONHAP_PAGE)


# A WordPress page saved from the browser (.html), its comment form in Chinese.
WORDPRESS_HTML = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>Korean universities and the New Southern Policy &#8211; Asia Notes</title>
<meta name="generator" content="WordPress 6.4"><link rel="canonical" href="https://asianotes.example/2023/05/14/korean-universities/">
<meta property="og:type" content="article"><meta property="og:site_name" content="Asia Notes"><meta property="article:published_time" content="2023-05-14T08:00:00+00:00"></head>
<body class="post-template-default single single-post">
<header id="masthead"><p class="site-title"><a href="/">Asia Notes</a></p><nav><ul><li><a href="/">首页</a></li><li><a href="/about">关于</a></li></ul></nav></header>
<main id="main"><article class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">Korean universities and the New Southern Policy</h1>
<div class="entry-meta"><span class="posted-on">发布于 <a href="#"><time class="entry-date published" datetime="2023-05-14T08:00:00+00:00">2023年5月14日</time></a></span><span class="byline"> 作者 <span class="author vcard"><a href="/author/admin/">admin</a></span></span></div></header>
<div class="entry-content">
<p>The New Southern Policy has changed how Korean universities recruit students from Southeast Asia.</p>
<p>Enrolment of Vietnamese students in Korea more than doubled between 2017 and 2020, and Indonesian and Mongolian numbers rose as well.</p>
<figure class="wp-block-image"><img src="/wp-content/uploads/2023/05/campus_2023.jpg" alt=""><figcaption>Students at a campus in Busan, May 2023. Photo: Asia Notes</figcaption></figure>
<p>Yet many graduates say they struggle to find jobs in Korea, which undercuts the policy's promise of people-to-people exchange.</p>
<p>Source: East Asia Forum</p>
<div class="sharedaddy"><h3 class="sd-title">分享此文章：</h3><ul><li><a href="#">Twitter</a></li><li><a href="#">Facebook</a></li></ul></div>
</div></article>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">发表回复</h3>
<form action="/wp-comments-post.php" method="post" id="commentform"><p class="comment-notes"><span id="email-notes">您的电子邮箱地址不会被公开。</span> 必填项已用<span class="required">*</span>标注</p>
<p class="comment-form-comment"><label for="comment">评论 <span class="required">*</span></label><textarea id="comment" name="comment"></textarea></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="发表评论"></p></form></div></div>
</main><footer id="colophon"><div class="site-info"><a href="https://wordpress.org/">自豪地由WordPress驱动</a></div></footer></body></html>
"""
