"""The core and the pipeline never import Qt, so they run and test without a display."""

from __future__ import annotations

import ast
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
