"""Where the bundled data and resources are, found the same way everywhere.

An installed wheel carries them as ``nsp_explorer/_data`` and
``nsp_explorer/_resources``; a source checkout has them at the top level as
``data/`` and ``resources/``. A frozen bundle copies them under the package
directory like the wheel does.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("none of these folders exists: " + ", ".join(map(str, candidates)))


def data_dir() -> Path:
    """The bundled ``data`` folder (corpus, codebook, review file, dataset)."""
    return _first_existing(_PACKAGE / "_data", _PACKAGE.parents[1] / "data")


def resources_dir() -> Path:
    """The bundled ``resources`` folder (icons, desktop entry template)."""
    return _first_existing(_PACKAGE / "_resources", _PACKAGE.parents[1] / "resources")


def dataset_dir() -> Path:
    """The bundled, committed dataset (``data/dataset``)."""
    return data_dir() / "dataset"


def user_cache_dir() -> Path:
    """Where rebuildable things go (binary caches of read-only datasets, benchmark datasets)."""
    import os

    import appdirs

    return Path(os.environ.get("NSP_EXPLORER_CACHE_DIR") or appdirs.user_cache_dir("nsp-explorer", appauthor=False))
