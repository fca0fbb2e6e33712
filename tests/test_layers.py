"""The core and the pipeline never import Qt, so they run and test without a display."""

from __future__ import annotations

import ast

import pytest
from pathlib import Path

import nsp_explorer

PACKAGE = Path(nsp_explorer.__file__).parent


def test_core_and_pipeline_do_not_import_qt():
    offenders = []
    for folder in ("core", "pipeline"):
        for path in (PACKAGE / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6")]
    assert offenders == []


def test_every_package_is_in_the_wheel():
    """A subpackage missing from pyproject's list installs as nothing: the installed app would not start."""
    import tomllib

    root = PACKAGE.parents[1]
    if not (root / "pyproject.toml").exists():
        pytest.skip("running from an installed copy, which has no pyproject.toml")
    listed = set(tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {"nsp_explorer" + "".join("." + part for part in path.relative_to(PACKAGE).parts) for path in [PACKAGE, *PACKAGE.rglob("*")] if path.is_dir() and any(path.glob("*.py"))}
    assert found <= listed, sorted(found - listed)
