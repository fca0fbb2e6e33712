"""Exported figures: composed from the data for their medium, the same in PNG, SVG and PDF, never a control in sight."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image, ImageFilter

from nsp_explorer.core.coded import code_passages
from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.core.filters import ExplorerState, FilterSpec
from nsp_explorer.figures import media as media_module
from nsp_explorer.figures.compare import write_comparison
from nsp_explorer.figures.context import FigureContext
from nsp_explorer.figures.export import draw, write_views
from nsp_explorer.figures.files import save_figure
from nsp_explorer.figures.framing import framing_view
from nsp_explorer.figures.media import MEDIA
from nsp_explorer.figures.views import VIEWS

# A PNG and its SVG (rsvg-convert) or PDF (pdftoppm) at the same size are compared with a one-pixel
# allowance: a pixel differs if no pixel within one pixel of it in the other image is within 64 (of 255)
# on every channel. pdftoppm puts glyphs at whole pixels (up to a pixel up and left of where the PNG
# has them): without the allowance every letter's edge would count. See README for the measured values.
MEAN_DIFFERENCE = 3.0  # mean over the image of that least difference (largest channel), of 255
DIFFERING_SHARE = 0.015  # share of pixels that differ
CONTROLS = ("Export", "(click to search", "Share of the author's passages", "Number of passages", "Right-click", "figures, ", "hover", "Reset")  # controls and hints of the window, as it writes them
VIEW_STEMS = {v.stem for v in VIEWS}


@pytest.fixture(scope="module")
def coded(data, taxonomy):
    return code_passages(load_dataset(data / "dataset", taxonomy), taxonomy)


def pixels(path: Path) -> np.ndarray:
    """An image as RGB on white, as integers (differences may be negative)."""
    image = Image.open(path).convert("RGBA")
    page = Image.new("RGBA", image.size, "white")
    page.alpha_composite(image)
    return np.asarray(page.convert("RGB"), dtype=np.int16)


def difference(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Mean least difference and share of differing pixels, allowing each pixel to match within one pixel."""
    assert a.shape == b.shape, f"sizes differ: {a.shape} vs {b.shape}"
    height, width = a.shape[:2]
    padded = np.pad(b, ((1, 1), (1, 1), (0, 0)), mode="edge")
    least = None
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            d = np.abs(a - padded[1 + dy : 1 + dy + height, 1 + dx : 1 + dx + width]).max(axis=2)
            least = d if least is None else np.minimum(least, d)
    return float(least.mean()), float((least > 64).mean())


def rasterise(folder: Path, stem: str, width: int, height: int) -> tuple[Path, Path]:
    """The SVG through rsvg-convert and the PDF through pdftoppm, each at width × height pixels."""
    missing = [tool for tool in ("rsvg-convert", "pdftoppm") if shutil.which(tool) is None]
    assert not missing, f"{missing} not found: install librsvg2-bin and poppler-utils (bash packaging/bootstrap.sh setup does)"
    svg_png, pdf_root = folder / f"{stem}-svg-rendered.png", folder / f"{stem}-pdf-rendered"
    subprocess.run(["rsvg-convert", "-w", str(width), "-h", str(height), "-b", "white", str(folder / f"{stem}.svg"), "-o", str(svg_png)], check=True)
    subprocess.run(["pdftoppm", "-png", "-singlefile", "-scale-to-x", str(width), "-scale-to-y", str(height), str(folder / f"{stem}.pdf"), str(pdf_root)], check=True)
    return svg_png, pdf_root.with_name(pdf_root.name + ".png")


def view(stem: str):
    return next(v for v in VIEWS if v.stem == stem)


@pytest.mark.parametrize("stem", ["attention-heatmap", "partners"])
def test_png_svg_and_pdf_look_the_same_when_rendered_independently(coded, tmp_path, stem):
    context = FigureContext(coded, scenario="Everything")
    sheet = draw(view(stem), context, "slide-16x9", 1920)
    save_figure(sheet, tmp_path, stem, ["png", "svg", "pdf"])
    png = pixels(tmp_path / f"{stem}.png")
    assert png.shape == (1080, 1920, 3)
    for rendered in rasterise(tmp_path, stem, 1920, 1080):
        mean, share = difference(png, pixels(rendered))
        assert mean <= MEAN_DIFFERENCE and share <= DIFFERING_SHARE, f"{rendered.name}: mean {mean:.2f}, {100 * share:.2f}% of pixels differ"


def test_the_comparison_catches_a_blurred_heatmap_and_smaller_type(coded, tmp_path, monkeypatch):
    """The thresholds above fail on the defects seen in the widget grabs: blurred cells, type 25 % smaller."""
    context = FigureContext(coded, scenario="Everything")
    sheet = draw(view("attention-heatmap"), context, "slide-16x9", 1920)
    save_figure(sheet, tmp_path, "normal", ["png"])
    normal = pixels(tmp_path / "normal.png")
    box = sheet.figure.axes[0].get_window_extent(sheet.figure.canvas.get_renderer())
    cells = (round(box.x0), round(1080 - box.y1), round(box.x1), round(1080 - box.y0))
    image = Image.open(tmp_path / "normal.png").convert("RGB")
    # the grabbed SVG's heatmap: one pixel per cell, stretched with smoothing over the chart
    columns, rows = len(coded.authors), 16
    tiny = image.crop(cells).resize((columns, rows), Image.Resampling.BOX)
    smeared = image.copy()
    smeared.paste(tiny.resize((cells[2] - cells[0], cells[3] - cells[1]), Image.Resampling.BILINEAR), cells[:2])
    blurred = image.copy()
    blurred.paste(image.crop(cells).filter(ImageFilter.GaussianBlur(2)), cells[:2])
    for name, changed in (("smeared cells", smeared), ("blurred cells", blurred)):
        mean, share = difference(normal, np.asarray(changed, dtype=np.int16))
        assert mean > MEAN_DIFFERENCE or share > DIFFERING_SHARE, f"{name}: mean {mean:.2f}, {100 * share:.2f}%"
    slide = MEDIA["slide-16x9"]
    smaller = dataclasses.replace(slide, name="smaller", **{k: getattr(slide, k) * 0.75 for k in ("title_pt", "subtitle_pt", "text_pt", "source_pt")})
    monkeypatch.setitem(media_module.MEDIA, "smaller", smaller)
    save_figure(draw(view("attention-heatmap"), context, "smaller", 1920), tmp_path, "smaller", ["svg", "pdf"])
    for rendered in rasterise(tmp_path, "smaller", 1920, 1080):
        mean, share = difference(normal, pixels(rendered))
        assert mean > MEAN_DIFFERENCE and share > DIFFERING_SHARE, f"{rendered.name}: mean {mean:.2f}, {100 * share:.2f}%"


def test_svg_and_pdf_are_true_vectors(coded, tmp_path):
    context = FigureContext(coded)
    written = write_views(context, tmp_path, ["svg", "pdf"], 1920, stems=["attention-heatmap"]).written
    svg_text = (tmp_path / "attention-heatmap.svg").read_text(encoding="utf-8")
    assert "<image" not in svg_text
    root = ElementTree.fromstring(svg_text)
    paths = [e for e in root.iter() if e.tag.endswith("path")]
    # cells: closed four-corner paths (rectangles), one per author and area, each filled with its colour
    rectangles = [p for p in paths if re.fullmatch(r"M [-\d. ]+ L [-\d. ]+ L [-\d. ]+ L [-\d. ]+ z", " ".join((p.get("d") or "").split())) and "fill: #" in (p.get("style") or "")]
    assert len(rectangles) >= len(coded.authors) * 16
    assert len({re.search(r"fill: (#[0-9a-f]{6})", p.get("style")).group(1) for p in rectangles}) > 10
    glyphs = [e for e in root.iter() if e.tag.endswith("use") and "DejaVuSans" in "".join(e.attrib.values())]
    assert len(glyphs) > 100  # text drawn as the font's glyph outlines: the same in every renderer
    pdf = (tmp_path / "attention-heatmap.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"DCTDecode" not in pdf and b"/Subtype /Image" not in pdf
    assert b"/FontFile2" in pdf and b"DejaVuSans" in pdf  # text as text, in an embedded TrueType font
    assert sorted(p.name for p in written) == ["attention-heatmap.pdf", "attention-heatmap.svg"]


def test_no_figure_carries_a_control_or_a_hint(coded):
    context = FigureContext(coded, ExplorerState(FilterSpec(pillars={"prosperity"})), "Prosperity")
    for v in VIEWS:
        sheet = draw(v, context, "slide-16x9", 1280)
        assert sheet is not None, v.stem
        texts = sheet.texts()
        assert sheet.title in texts and "Prosperity" in " ".join(texts) and any(t.startswith("NSP Explorer · dataset") for t in texts)
        offending = [t for t in texts if any(c in t for c in CONTROLS)]
        assert offending == [], (v.stem, offending)


def test_only_the_authors_and_areas_that_hold_data_are_drawn(coded):
    two = {"Lee Jaehyon", "Choe Won-gi"}
    context = FigureContext(coded, ExplorerState(FilterSpec(authors=two, pillars={"peace"})))
    sheet = draw(view("attention-heatmap"), context, "slide-16x9", 1920)
    ax = sheet.figure.axes[0]
    columns = [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]
    assert columns == ["Lee 2019", "Choe 2021"]
    rows = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    held = [coded.taxonomy.label("area", a) for a in coded.taxonomy.ids("area") if (context.mask & coded.has("area", a)).any()]
    assert rows == held and len(rows) < 16
    profile = draw(view("pillar-profile"), context, "slide-16x9", 1920)
    assert [t.get_text() for t in profile.figure.axes[0].get_yticklabels()] == ["Lee 2019", "Choe 2021"]


def test_empty_views_are_named_and_not_exported(coded, tmp_path):
    nothing = FigureContext(coded, ExplorerState(search="no passage says zyzzyva"))
    result = write_views(nothing, tmp_path / "none", ["png"])
    assert result.written == [] and result.empty == [v.title for v in VIEWS]
    assert "not exported, as they show no data: Framing, Attention heatmap" in result.summary()
    peace = FigureContext(coded, ExplorerState(FilterSpec(pillars={"peace"}, years={2017, 2019})))
    result = write_views(peace, tmp_path / "peace", ["png"])
    assert result.empty == ["Cited figures"]  # these passages cite no figure with a year
    assert {p.stem for p in result.written} == VIEW_STEMS - {"cited-figures"}


def test_presets_give_their_shape_and_type_at_any_width(coded, tmp_path):
    context = FigureContext(coded)
    for medium, width, height in (("slide-16x9", 1920, 1080), ("slide-16x9", 3840, 2160), ("slide-4x3", 1024, 768)):
        save_figure(draw(view("partners"), context, medium, width), tmp_path, f"{medium}-{width}", ["png"])
        assert Image.open(tmp_path / f"{medium}-{width}.png").size == (width, height)
    paper = draw(view("partners"), context, "paper-column", None)
    assert paper.width_px == 1050 and paper.height_px > 1050  # a column: as tall as its 17 partners need
    slide = draw(view("partners"), context, "slide-16x9", None)
    tick = lambda sheet: sheet.figure.axes[0].get_yticklabels()[0].get_fontsize()  # noqa: E731
    assert tick(paper) == 7 and tick(slide) == 14  # points: small in a paper, large on a slide
    subtitle = [t for t in paper.texts() if t.startswith("all passages")]
    assert subtitle, "the subtitle is on one line, cut to the column if need be"


def test_the_framing_view_draws_each_cell_as_a_mix_of_frames(coded):
    from matplotlib.colors import to_hex

    from nsp_explorer.colours import UNFRAMED_COLOUR

    rows = [
        ("Lee Jaehyon", "trade", 12, 6, 3, 3, 0, 3),  # three of the twelve sentences carry no frame
        ("Lee Jaehyon", "culture", 3, 1, 0, 2, 0, 0),  # fewer than 5 sentences: flagged
        ("Choe Won-gi", "trade", 8, 0, 0, 4, 4, 0),
        ("Choe Won-gi", "culture", 0, 0, 0, 0, 0, 0),  # nothing: not a column or row of its own, a dash
    ]
    mix = pd.DataFrame(rows, columns=["author", "area", "sentences", "achievement", "opportunity", "challenge", "recommendation", "unframed"]).set_index(["author", "area"])
    sheet = framing_view(mix, FigureContext(coded, scenario="Framing"), MEDIA["slide-16x9"], 1920)
    ax = sheet.figure.axes[0]
    assert [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()] == ["Lee 2019", "Choe 2021"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Culture and soft power", "Trade"]
    texts = sheet.texts()
    assert {"12", "3*", "8", "–"} <= set(texts)
    lee_trade = [p for p in ax.patches if 0.5 < p.get_y() + p.get_height() / 2 < 1.5 and -0.5 < p.get_x() < 0.5]
    assert [round(p.get_width() / 0.68, 2) for p in lee_trade] == [0.4, 0.2, 0.2, 0.2]  # 6 : 3 : 3 of the frames, 3 grey
    assert to_hex(lee_trade[-1].get_facecolor()) == UNFRAMED_COLOUR.lower()
    assert framing_view(mix.assign(sentences=0), FigureContext(coded), MEDIA["slide-16x9"], 1920) is None


def test_a_cell_of_sentences_without_a_frame_shown_is_grey_and_the_legend_says_what_grey_means(coded):
    from matplotlib.colors import to_hex, to_rgb

    from nsp_explorer.colours import UNFRAMED_COLOUR
    from nsp_explorer.core.framing import FEW_TINT

    rows = [("Lee Jaehyon", "trade", 6, 0, 0, 4, 2, 0), ("Lee Jaehyon", "investment", 2, 0, 0, 0, 0, 2)]
    mix = pd.DataFrame(rows, columns=["author", "area", "sentences", "achievement", "opportunity", "challenge", "recommendation", "unframed"]).set_index(["author", "area"])
    filtered = FigureContext(coded, ExplorerState(FilterSpec(frames={"challenge", "recommendation"})))
    sheet = framing_view(mix, filtered, MEDIA["slide-16x9"], 1920)
    texts = set(sheet.texts())
    assert {"Challenge", "Recommendation", "none of the frames chosen"} <= texts and not {"Achievement", "Opportunity", "no frame"} & texts
    pale_grey = to_hex(FEW_TINT * np.array(to_rgb(UNFRAMED_COLOUR)) + (1 - FEW_TINT))  # two sentences: pale, as in the app
    grey = [p for p in sheet.figure.axes[0].patches if to_hex(p.get_facecolor()) == pale_grey]
    assert len(grey) == 1 and 0.5 < grey[0].get_y() + grey[0].get_height() / 2 < 1.5  # the investment row
    everything = set(framing_view(mix, FigureContext(coded), MEDIA["slide-16x9"], 1920).texts())
    assert {"Achievement", "Opportunity", "no frame"} <= everything


def test_a_long_subtitle_wraps_and_keeps_every_filter_and_the_axis_caption_fits_a_column(coded):
    state = ExplorerState(FilterSpec(pillars={"peace"}, frames={"challenge", "recommendation"}, authors={"Lee Jaehyon", "Choe Won-gi"}, years={2019, 2020, 2021}))
    context = FigureContext(coded, state, "Peace pillar: security framing since 2019")
    for medium in ("slide-16x9", "paper-column"):
        sheet = draw(view("framing"), context, medium, None)
        subtitle = next(t for t in sheet.texts() if t.startswith("Peace pillar"))
        assert subtitle.endswith("2019–2021") and "…" not in subtitle and subtitle.count("\n") <= 1  # two lines at most
        caption = sheet.figure.axes[0].get_xlabel()
        assert "number: sentences" in caption
        width = sheet.text_width_in(caption.split("\n"), sheet.medium.text_pt)
        assert width <= sheet.body_in[0]
    assert "\n" in caption  # the column is too narrow for the caption on one line


def test_the_comparison_figure_aligns_rows_and_scales_and_explains_no_shared_author(coded, tmp_path):
    early = FigureContext(coded, ExplorerState(FilterSpec(years={2017, 2019})), "Up to 2019")
    late = FigureContext(coded, ExplorerState(FilterSpec(years={2020, 2021, 2025})), "After 2019")
    result = write_comparison(early, late, tmp_path, ["png", "svg"], 1920)
    assert sorted(p.name for p in result.written) == ["comparison-framing.png", "comparison-framing.svg", "comparison.png", "comparison.svg"]
    assert Image.open(tmp_path / "comparison.png").size == Image.open(tmp_path / "comparison-framing.png").size == (1920, 1080)
    from nsp_explorer.figures.compare import _Comparison

    sheet = draw(_Comparison(early, late), early, "slide-16x9", 1920)
    a, b, d = sheet.figure.axes[:3]
    renderer = sheet.figure.canvas.get_renderer()
    box_a, box_b = a.get_window_extent(renderer), b.get_window_extent(renderer)
    assert abs(box_a.width - box_b.width) < 1 and abs(box_a.y0 - box_b.y0) < 1 and abs(box_a.height - box_b.height) < 1
    names = lambda ax: [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]  # noqa: E731
    # no author on both sides: each shows its own (and all authors), in columns of one width, as the framing comparison does
    assert names(a) == ["Fabrian 2017", "Lee 2019", "All authors"] and names(b) == ["Mokhter 2020", "Choe 2021", "Beşer 2025", "All authors"]
    assert a.get_xlim() == b.get_xlim()
    assert names(d) == ["All authors"]
    note = " ".join(sheet.texts())
    assert "share no author" in note and "authors on both sides" not in note  # the note does not contradict itself
    shared = draw(_Comparison(FigureContext(coded, ExplorerState(FilterSpec(years={2017, 2019, 2020})), "To 2020"), late), early, "slide-16x9", 1920)
    a, b, d = shared.figure.axes[:3]
    assert names(a) == names(b) == ["Fabrian 2017", "Lee 2019", "Mokhter 2020", "Choe 2021", "Beşer 2025", "All authors"]
    assert names(d) == ["Mokhter 2020", "All authors"]  # the one author on both sides with themselves


def test_the_comparison_figure_compares_what_the_window_compares(coded):
    """Pooled, or one author of A against one of B: the figure's A − B is the window's choice, not always per author."""
    from nsp_explorer.core.aggregate import frame_matrix
    from nsp_explorer.core.wording import signed_points
    from nsp_explorer.figures.compare import PAIR, POOLED, Difference, _Comparison

    early = FigureContext(coded, ExplorerState(FilterSpec(years={2017, 2019})), "Up to 2019")
    late = FigureContext(coded, ExplorerState(FilterSpec(years={2020, 2021, 2025})), "After 2019")
    values = lambda ax: [t.get_text() for t in ax.texts]  # noqa: E731
    labels = lambda ax: [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]  # noqa: E731
    pooled = draw(_Comparison(early, late, Difference(POOLED)), early, "slide-16x9", 1920).figure.axes[2]
    assert labels(pooled) == ["All authors"]
    pair = draw(_Comparison(late, early, Difference(PAIR, ("Siti Atiqah Mokhter", "Dira Fabrian"))), early, "slide-16x9", 1920)
    d = pair.figure.axes[2]
    assert labels(d) == ["Mokhter 2020 (A) − Fabrian 2017 (B)"]
    mokhter = frame_matrix(coded, late.mask).loc["Siti Atiqah Mokhter"].to_numpy()
    fabrian = frame_matrix(coded, early.mask).loc["Dira Fabrian"].to_numpy()
    areas = [a for a in coded.taxonomy.ids("area") if (late.mask | early.mask)[coded.has("area", a)].any()]
    expected = 100 * (mokhter - fabrian)[[list(coded.taxonomy.ids("area")).index(a) for a in areas]]
    assert [v.rstrip("*") for v in values(d)] == [signed_points(v) for v in expected]
    assert "Mokhter 2020 in A against Fabrian 2017 in B" in " ".join(pair.texts()).replace("\n", " ")


def test_the_framing_comparison_lines_up_the_authors_both_sides_share_and_gives_disjoint_sides_their_own(coded):
    from nsp_explorer.figures.compare import _FramingComparison

    early = FigureContext(coded, ExplorerState(FilterSpec(years={2017, 2019})), "Up to 2019")
    late = FigureContext(coded, ExplorerState(FilterSpec(years={2020, 2021, 2025})), "After 2019")
    sheet = draw(_FramingComparison(early, late), early, "slide-16x9", 1920)
    a, b = sheet.figure.axes[:2]
    renderer = sheet.figure.canvas.get_renderer()
    box_a, box_b = a.get_window_extent(renderer), b.get_window_extent(renderer)
    assert abs(box_a.width - box_b.width) < 1 and abs(box_a.y0 - box_b.y0) < 1 and abs(box_a.height - box_b.height) < 1
    names = lambda ax: [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]  # noqa: E731
    # no author on both sides: each shows its own, in columns of one width (lined-up columns would be half empty)
    assert names(a) == ["Fabrian 2017", "Lee 2019"] and names(b) == ["Mokhter 2020", "Choe 2021", "Beşer 2025"]
    assert a.get_xlim() == b.get_xlim() and "The two sides share no author" in " ".join(sheet.texts())
    shared = draw(_FramingComparison(FigureContext(coded, ExplorerState(FilterSpec(years={2017, 2019, 2020})), "To 2020"), late), early, "slide-16x9", 1920)
    both = shared.figure.axes[:2]
    assert names(both[0]) == names(both[1]) == ["Fabrian 2017", "Lee 2019", "Mokhter 2020", "Choe 2021", "Beşer 2025"]  # the authors of either side, on both
    assert "share no author" not in " ".join(shared.texts())
    nothing = draw(_FramingComparison(early, FigureContext(coded, ExplorerState(FilterSpec(years={1999})), "1999")), early, "slide-16x9", 1920)
    assert names(nothing.figure.axes[1]) == names(a) and "share no author" not in " ".join(nothing.texts())  # an empty side keeps the other's columns
    assert len(a.get_yticklabels()) == len(b.get_yticks()) > 0 and not any(t.get_text() for t in b.get_yticklabels())
    title_a, title_b = a.get_title(), b.get_title()
    assert title_a.startswith("A: Up to 2019") and title_b.startswith("B: After 2019")
    counts_a = {t.get_text() for t in a.texts} - {"–"}
    counts_b = {t.get_text() for t in b.texts} - {"–"}
    assert counts_a and counts_b and counts_a != counts_b  # each side its own sentences


def test_the_app_starts_without_matplotlib(tmp_path):
    script = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
        "from nsp_explorer.gui.app import load; from nsp_explorer.gui.main_window import MainWindow\n"
        "w = MainWindow(load(None, with_library=False), remember=False); w.show(); app.processEvents()\n"
        "print('matplotlib' in sys.modules, flush=True)\n"
        "w.close(); app.processEvents(); os._exit(0)\n"  # skip the interpreter's teardown of Qt objects (not under test)
    )
    env = {**__import__("os").environ, "NSP_EXPLORER_CONFIG_DIR": str(tmp_path / "c"), "NSP_EXPLORER_DATA_DIR": str(tmp_path / "d")}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_nspx_export_pack_gives_every_view_at_the_width_in_every_format(tmp_path):
    scenario = tmp_path / "everything.json"
    scenario.write_text(json.dumps({"schema": 1, "name": "Everything", "note": "", "filters": {}, "view": {}}), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "nsp_explorer.cli", "export", "--scenario", str(scenario), "--out", str(tmp_path / "out"), "--pack", "--width", "1920", "--format", "png,svg,pdf"],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    pack = tmp_path / "out" / "everything-seminar-pack"
    names = {p.name for p in pack.iterdir()}
    assert {f"{stem}.{fmt}" for stem in VIEW_STEMS for fmt in ("png", "svg", "pdf")} <= names
    for stem in VIEW_STEMS:
        assert Image.open(pack / f"{stem}.png").size == (1920, 1080)
        svg = ElementTree.parse(pack / f"{stem}.svg").getroot()
        assert abs(float(svg.get("width").removesuffix("pt")) / float(svg.get("height").removesuffix("pt")) - 16 / 9) < 0.01
    assert not any(n.startswith("main-window") for n in names)
    assert "Cited figures" in (pack / "README.md").read_text(encoding="utf-8")


def test_twelve_authors_get_twelve_different_marks():
    from nsp_explorer.colours import assign_slots, slot_style

    authors = [f"Author {i:02d}" for i in range(12)]
    slots = assign_slots(authors, {})
    marks = {slot_style(slots[a]) for a in authors}
    assert len(marks) == 12
    assert [slot_style(slots[a])[1] for a in authors[:6]] == ["o", "s", "t", "d", "h", "+"]  # the first six as before


def test_an_author_keeps_the_apps_colour_and_marker_in_figures_after_an_import_adds_authors(coded, tmp_path, monkeypatch):
    from matplotlib.colors import to_hex

    from nsp_explorer.gui.palette import author_styles
    from nsp_explorer.gui.settings import read_settings

    monkeypatch.setenv("NSP_EXPLORER_CONFIG_DIR", str(tmp_path / "config"))
    author_styles(coded.authors[2:])  # the app saw these authors first; an import then added the first two
    app = author_styles(coded.authors)
    context = FigureContext(coded, author_slots=read_settings()["author_styles"])
    sheet = draw(VIEWS[[v.stem for v in VIEWS].index("cited-figures")], context, "slide-16x9", 1600)
    ax = sheet.figure.axes[0]
    facts = coded.facts.iloc[__import__("nsp_explorer.core.aggregate", fromlist=["x"]).cited_figures(coded, context.mask, None).shown]
    drawn = [coded.authors[i] for i in sorted(facts["author_index"].unique())]
    colours = [to_hex(c.get_facecolor()[0]).upper() for c in ax.collections]
    assert len(colours) == len(drawn) >= 2
    assert colours == [app.colour(a).name().upper() for a in drawn]  # the figure's marks are the window's
    assert any(app.slots[a] != i for i, a in enumerate(coded.authors))  # not simply the dataset's order
    for author in coded.authors:
        assert context.author_style(author) == (app.colour(author).name().upper(), app.symbol(author))


def test_shares_of_few_passages_are_starred_in_figures_and_not_where_every_author_has_enough(coded, taxonomy):
    mixed = code_passages(load_dataset(Path(__file__).parent / "fixtures" / "sentences", taxonomy), taxonomy)
    for name in ("frame-mix", "attention-heatmap"):
        few = draw(view(name), FigureContext(mixed), "slide-16x9", 1920)
        assert "* fewer than 5 of the author's passages: a share of few" in few.figure.axes[0].get_xlabel()
        if name == "frame-mix":
            assert all(t.get_text().endswith(" *") for t in few.figure.axes[0].get_yticklabels())
        else:
            assert "50%*" in few.texts()
        enough = draw(view(name), FigureContext(coded), "slide-16x9", 1920)  # the five articles: 10 passages or more each
        assert "fewer than" not in enough.figure.axes[0].get_xlabel() and not any("*" in t for t in enough.texts())


def test_a_figure_names_the_authors_whose_codes_no_reader_checked(coded, taxonomy):
    """The bundled articles are all reviewed; the fixture's second document is machine-coded."""
    assert "machine" not in FigureContext(coded).source()
    mixed = code_passages(load_dataset(Path(__file__).parent / "fixtures" / "sentences", taxonomy), taxonomy)
    context = FigureContext(mixed)
    assert context.source().endswith("† coded by the machine, not checked by a reader: Writer 2021")
    assert context.author_label("Bo Writer") == "Writer 2021 †" and context.author_label("Ann Author") == "Author 2019"
    only_ann = FigureContext(mixed, ExplorerState(FilterSpec(authors={"Ann Author"})))
    assert "machine" not in only_ann.source()  # only the authors a figure shows are named
    from nsp_explorer.figures.context import machine_note

    many = machine_note(mixed, ["Bo Writer", "Ann Author", "Cy Third", "Di Fourth", "Ed Fifth"])
    assert many.endswith(": Writer 2021, Author 2019, Third n.d. and 2 more marked †")  # the rest are found by their mark
    from nsp_explorer.core.framing import framing_mix

    sheet = framing_view(framing_mix(mixed, context.state), context, MEDIA["slide-16x9"], 1920)
    ticks = [t.get_text() for ax in sheet.figure.axes for t in ax.get_xticklabels()]
    assert any(t.endswith("†") and "Writer" in t for t in ticks) and not any("Author" in t and "†" in t for t in ticks)


def test_the_mark_follows_the_passages_shown_and_reaches_comparisons(taxonomy, tmp_path):
    """One author with a reviewed and a machine-coded document: marked only while the machine-coded one is shown."""
    from nsp_explorer.figures.context import comparison_source

    folder = tmp_path / "dataset"
    shutil.copytree(Path(__file__).parent / "fixtures" / "sentences", folder)
    documents = folder / "documents.csv"
    documents.write_text(documents.read_text(encoding="utf-8").replace("Bo Writer", "Ann Author"), encoding="utf-8")
    mixed = code_passages(load_dataset(folder, taxonomy), taxonomy)
    everything = FigureContext(mixed)
    assert everything.author_label("Ann Author").endswith("†") and "Author 2019" in everything.source()
    reviewed_only = FigureContext(mixed, ExplorerState(FilterSpec(years={2019})))
    assert reviewed_only.author_label("Ann Author") == "Author 2019" and "machine" not in reviewed_only.source()
    assert "† coded by the machine, not checked by a reader: Author 2019" in comparison_source(reviewed_only, everything)


@pytest.mark.parametrize(
    "indicator, unit, label",
    [
        ("asean_korea_trade", "USD billion", "ASEAN–Korea trade (USD billion)"),
        ("korean_oda_grant", "USD million", "Korean ODA grant (USD million)"),
        ("covid_cases", "people", "COVID-19 cases (people)"),
        ("refugees", "", "Refugees"),
    ],
)
def test_an_indicator_is_named_as_a_reader_writes_it_not_as_its_id(indicator, unit, label):
    from nsp_explorer.core.wording import indicator_label

    assert indicator_label(indicator, unit) == label


def test_the_cited_figures_figure_names_its_indicator_in_words(coded):
    context = FigureContext(coded, ExplorerState(FilterSpec()), indicator=("asean_korea_trade", "USD billion"))
    sheet = draw(view("cited-figures"), context, "slide-16x9", None)
    assert "Cited figures: ASEAN–Korea trade (USD billion)" in sheet.texts()


def test_long_author_labels_wrap_under_their_column_and_are_cut_short_only_when_turned(coded):
    from nsp_explorer.figures.framing import ROTATED_CHARACTERS, fitted_author_labels

    sheet = draw(view("framing"), FigureContext(coded), "slide-16x9", 1920)
    names = ["Fabrian 2017", "Unknown author 2017 †", "Minister of Foreign… 2023 †", "The Moon Administra… n.d. †", "koreapro 2023 n.d. †"]
    labels, rotation, size = fitted_author_labels(sheet, names, 0.8, 14)
    assert rotation == 0 and 10 <= size <= 14  # thirteen columns of a slide: wrapped under each column, not turned
    assert labels[0] == "Fabrian\n2017" and labels[1].endswith("2017 †") and all(label.count("\n") <= 3 for label in labels)
    assert sheet.text_width_in(labels, size) <= 0.8
    turned, rotation, _ = fitted_author_labels(sheet, names, 0.2, 14)  # no room at all: turned upright, and short
    assert rotation == 90 and max(len(t) for t in turned) <= ROTATED_CHARACTERS
    assert [t.rsplit(" ", 2)[-2:] for t in turned[1:]] == [["2017", "†"], ["2023", "†"], ["n.d.", "†"], ["n.d.", "†"]]  # cut in the name, never the year or mark


def test_a_difference_has_one_colour_scale_and_never_reads_minus_zero(coded):
    """The window's A − B runs from -100 to +100; so does every slide (a -13 was mid-blue on one slide and pale on
    another); a difference that rounds to nothing reads 0, not -0."""
    from nsp_explorer.core.wording import signed_points
    from nsp_explorer.figures.compare import POINTS, _Comparison

    assert [signed_points(v) for v in (9.4, -4.6, -0.3, 0.0, 0.4)] == ["+9", "-5", "0", "0", "0"]
    for years in ({2017}, {2019, 2020, 2021}):
        a = FigureContext(coded, ExplorerState(FilterSpec(years=years)), "A")
        b = FigureContext(coded, ExplorerState(FilterSpec()), "B")
        sheet = draw(_Comparison(a, b), a, "slide-16x9", 1600)
        bar = sheet.figure.axes[-1]  # the difference's colour bar, drawn last
        assert bar.get_xlim() == (-POINTS, POINTS)
        assert not any(t.get_text().startswith("-0") for t in sheet.figure.axes[2].texts)


def test_the_framing_figures_axis_caption_stays_within_a_4_3_slide(coded):
    """Centred under the cells, a one-line caption as wide as the page ran off a 4:3 slide's right edge."""
    from nsp_explorer.core.filters import ExplorerState, FilterSpec
    from nsp_explorer.figures.context import FigureContext
    from nsp_explorer.figures.export import draw
    from nsp_explorer.figures.views import VIEWS

    context = FigureContext(coded, ExplorerState(FilterSpec(pillars=frozenset({"prosperity"}))), "Prosperity")
    sheet = draw(next(v for v in VIEWS if v.stem == "framing"), context, "slide-4x3", 1280)
    sheet.figure.canvas.draw()
    renderer = sheet.figure.canvas.get_renderer()
    (ax,) = sheet.figure.axes[:1]
    box = ax.xaxis.label.get_window_extent(renderer)
    assert 0 <= box.x0 and box.x1 <= sheet.figure.bbox.width


def test_both_sides_of_the_comparison_star_a_share_of_few_passages_and_explain_other_rows(coded):
    from nsp_explorer.core.filters import OTHER_AREAS_NOTE
    from nsp_explorer.figures.compare import POOLED, Difference, _Comparison

    peace = FigureContext(coded, ExplorerState(FilterSpec(pillars={"peace"})), "Peace")
    partners = FigureContext(coded, ExplorerState(FilterSpec(partners={"china", "japan"})), "Japan and China")
    sheet = draw(_Comparison(peace, partners, Difference(POOLED)), peace, "slide-16x9", 1920)
    b = [t.get_text() for t in sheet.figure.axes[1].texts]
    assert any(text.endswith("%*") for text in b)  # Choe's few passages on B: starred, as in the single figure
    assert OTHER_AREAS_NOTE in " ".join(sheet.texts()).replace("\n", " ")


def test_the_key_of_pale_cells_is_a_pale_frame_not_the_grey_of_no_frame(coded):
    """A tester could not tell the '* fewer than 5 sentences' swatch from 'no frame': both were grey."""
    from nsp_explorer.colours import FRAME_COLOURS, UNFRAMED_COLOUR
    from nsp_explorer.figures.framing import frame_keys, pale

    *_, unframed, few = frame_keys(coded)
    assert unframed.colour == UNFRAMED_COLOUR and few.label.startswith("* fewer than")
    assert few.colour == pale(FRAME_COLOURS["achievement"]) != pale(UNFRAMED_COLOUR) and few.colour.lower() != UNFRAMED_COLOUR.lower()
