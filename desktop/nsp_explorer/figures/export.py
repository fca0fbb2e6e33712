"""Every view as figures into a folder, and seminar packs: all or nothing, with a list of what was left out."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..core.aggregate import passages_for
from ..core.file_modes import follow_umask
from ..core.report import markdown_text, passages_csv, passages_markdown
from ..core.scenario import file_stem, write_json_atomically
from .context import FigureContext, plural
from .files import FORMATS, atomically, into_folder, save_figure, temporary_folder_in
from .media import DEFAULT_MEDIUM, medium as medium_named


@dataclass
class Exported:
    """What an export wrote, and the views it left out because they hold no data."""

    written: list[Path] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    folder: Path | None = None
    removed: list[Path] = field(default_factory=list)  # earlier figures the user let go that this export did not rewrite

    def summary(self) -> str:
        text = f"Exported {plural(len(self.written), 'file')}" + (f" to {self.folder}" if self.folder else "")
        if self.empty:
            text += f"; not exported, as they show no data: {', '.join(self.empty)}"
        if self.removed:
            text += f"; removed {plural(len(self.removed), 'earlier figure')} of those ({', '.join(p.name for p in self.removed)})"
        return text

    def clear_left_over(self, replaced: list[Path]) -> Exported:
        """After the user agreed to replace ``replaced``: remove those this export did not write (views that show no
        data now), so that the folder holds one export's figures, not a mix of two."""
        written = {p.name for p in self.written}
        for path in replaced:
            if path.name not in written and path.exists():
                path.unlink()
                self.removed.append(path)
        return self


def draw(view, context: FigureContext, medium_name: str = DEFAULT_MEDIUM, width: int | None = None):
    """The Sheet of one view, or None if it holds no data."""
    import matplotlib

    from .files import STYLE

    with matplotlib.rc_context(STYLE):
        return view.draw(context, medium_named(medium_name), width)


def _views(stems=None):
    from .views import VIEWS

    return [v for v in VIEWS if stems is None or v.stem in stems]


def files_in_the_way(folder: Path, stems=None) -> list[Path]:
    """The figures in ``folder`` that an export of those named in ``stems`` (default: every view) would replace or
    leave stale, in any format (an export in PNG alone beside an earlier one's SVG would mix two scenarios): asked
    about first, so that one scenario's slides never silently take the place of another's."""
    names = [v.stem for v in _views()] if stems is None else list(stems)
    return [path for stem in names for fmt in FORMATS if (path := Path(folder) / f"{stem}.{fmt}").exists()]


def file_names(paths: list[Path], most: int = 6) -> str:
    """'a.png, b.svg and 3 more': the files a message names."""
    names = ", ".join(p.name for p in paths[:most])
    return names + (f" and {len(paths) - most} more" if len(paths) > most else "")


def write_figures(figures, context: FigureContext, folder: Path, formats=FORMATS, width: int | None = None, medium: str = DEFAULT_MEDIUM) -> Exported:
    """Each figure (a ``stem``, a ``title`` and a ``draw``) as ``<stem>.<format>`` in ``folder``, all or nothing;
    a figure with no data is left out and named in ``empty``."""
    result = Exported(folder=folder)

    def build(temp: Path) -> list[Path]:
        paths = []
        for figure in figures:
            sheet = draw(figure, context, medium, width)
            if sheet is None:
                result.empty.append(figure.title)
            else:
                paths += save_figure(sheet, temp, figure.stem, formats)
        return paths

    result.written = into_folder(folder, build)
    return result


def write_views(context: FigureContext, folder: Path, formats=FORMATS, width: int | None = None, medium: str = DEFAULT_MEDIUM, stems=None) -> Exported:
    """The views (all, or those named in ``stems``) as ``<stem>.<format>`` in ``folder``; nothing is written if one fails."""
    return write_figures(_views(stems), context, folder, formats, width, medium)


def seminar_pack(context: FigureContext, folder: Path, scenario_json: dict, formats=FORMATS, width: int | None = None, medium: str = DEFAULT_MEDIUM) -> Exported:
    """One folder with every view that holds data as figures, the passages (CSV, Markdown), the scenario and a README."""
    name = scenario_json.get("name") or "current view"
    target = folder / f"{file_stem(name)}-seminar-pack"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{file_stem(name)}-seminar-pack-{n}"
    temp = temporary_folder_in(folder, ".nsp-pack-")
    result = Exported(folder=target)
    try:
        listed = []
        for view in _views():
            sheet = draw(view, context, medium, width)
            if sheet is None:
                result.empty.append(view.title)
            else:
                save_figure(sheet, temp, view.stem, formats)
                listed.append(f"- `{view.stem}` ({', '.join(formats)}): {sheet.title}")
        rows, documents = passages_for(context.coded, context.mask), context.coded.documents
        atomically(temp / "passages.csv", lambda t: Path(t).write_bytes(passages_csv(rows, documents)) > 0)
        atomically(temp / "passages.md", lambda t: Path(t).write_text(passages_markdown(rows, documents, name), encoding="utf-8") > 0)
        write_json_atomically(temp / "scenario.json", scenario_json)
        note = scenario_json.get("note") or ""  # the name, note and filters are the user's text: shown, never markup or links
        readme = [f"# {markdown_text(name)}", "", markdown_text(context.subtitle()), "", markdown_text(context.source()), "", markdown_text(note), "", *listed]
        if result.empty:
            readme.append(f"- not exported, as they show no data under this scenario: {', '.join(result.empty)}")
        readme += [
            f"- `passages.csv`, `passages.md`: the {plural(len(rows), 'passage')} shown, with citations",
            "- `scenario.json`: open it in NSP Explorer (Scenarios ▸ Import) to show the same view",
            "",
        ]
        atomically(temp / "README.md", lambda t: Path(t).write_text("\n".join(readme), encoding="utf-8") > 0)
        follow_umask(temp, directory=True)
        temp.rename(target)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    result.written = sorted(target.iterdir())
    return result
