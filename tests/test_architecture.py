"""Data flows one way: a stage reads the stages before it, never a later one; the
lexicon is read by all and reads none. Checked on the import statements themselves."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "extractor"
STAGES = ["ingest", "clean", "entities", "quotes", "speakers", "dates", "numbers", "claims"]
MAX_TOP_LEVEL_MODULES = 15
MAX_MODULE_LINES = 400


def _imported_packages(path: Path) -> set[str]:
    """The extractor subpackages (or top-level modules) a module imports."""
    depth = len(path.relative_to(PACKAGE).parts) - 1      # 0 for top-level modules
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            parts = (node.module or "").split(".")
            if node.level == depth + 1:                     # from the package root
                if node.module:
                    found.add(parts[0])
                else:
                    found.update(alias.name for alias in node.names)
            elif node.level == 1 and depth == 1:            # a sibling in its own stage
                found.add(path.parent.name)
    return found


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_no_later_stage(stage):
    later = set(STAGES[STAGES.index(stage) + 1:])
    for module in sorted((PACKAGE / stage).glob("*.py")):
        wrong = _imported_packages(module) & later
        assert not wrong, f"{module.relative_to(PACKAGE)} imports the later stage(s) {sorted(wrong)}"


def test_the_lexicon_imports_no_stage():
    for module in sorted((PACKAGE / "lexicon").glob("*.py")):
        assert not _imported_packages(module) - {"lexicon"}, module.name


def test_top_level_stays_small():
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(modules) <= MAX_TOP_LEVEL_MODULES, modules


def test_no_module_over_the_size_limit():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES}
    assert long == {}
