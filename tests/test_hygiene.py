import subprocess
import sys

import pytest


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_core_imports_no_ui():
    mods = _modules_after("import perfdraft.model, perfdraft.values, perfdraft.checks, perfdraft.drafts, "
                          "perfdraft.frameworks, perfdraft.conversation, perfdraft.step_table, perfdraft.answers, "
                          "perfdraft.prompts, perfdraft.catalogue, perfdraft.tomlcache, perfdraft.render, "
                          "perfdraft.text_fit, perfdraft.table_text, perfdraft.places")
    for banned in ("textual", "prompt_toolkit", "rich", "openpyxl", "docx"):
        assert banned not in mods, banned


def test_help_loads_no_textual():
    mods = _modules_after("import sys; sys.argv=['perfdraft','--help']\nfrom perfdraft import cli\ntry:\n    cli.main()\nexcept SystemExit:\n    pass")
    assert "textual" not in mods and "prompt_toolkit" not in mods and "openpyxl" not in mods


def test_ruff_clean():
    import shutil
    from pathlib import Path

    import pytest

    # The venv's bin is not on PATH when pytest runs as .venv/bin/python -m pytest (as .ci/run does).
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if not ruff:
        pytest.skip("ruff not installed")
    root = Path(__file__).resolve().parent.parent
    r = subprocess.run([ruff, "check", "perfdraft", "tests", "benchmarks"], cwd=root, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def _perfdraft_modules():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "perfdraft"
    return root, sorted(root.rglob("*.py"))


def test_no_module_but_the_entry_point_imports_cli():
    import ast

    root, files = _perfdraft_modules()
    offenders = []
    for path in files:
        if path.name in ("cli.py", "__main__.py") and path.parent == root:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [a.name for a in node.names]
                if (node.module or "").split(".")[-1] == "cli" or (node.module in (None, "", "perfdraft") and "cli" in names):
                    offenders.append(str(path.relative_to(root)))
            elif isinstance(node, ast.Import) and any(a.name == "perfdraft.cli" for a in node.names):
                offenders.append(str(path.relative_to(root)))
    assert not offenders, offenders


def test_core_house_modules_import_no_ui():
    mods = _modules_after("import perfdraft.profiles, perfdraft.fields, perfdraft.commands, perfdraft.errors")
    for banned in ("textual", "prompt_toolkit", "rich", "openpyxl", "docx", "perfdraft.cli"):
        assert banned not in mods, banned


def test_no_module_is_over_about_600_lines():
    """Small modules with one job each (issue 13): split a module before it grows past this."""
    _, files = _perfdraft_modules()
    big = {str(p): n for p in files if (n := len(p.read_text(encoding="utf-8").splitlines())) > 660}
    assert not big, big


@pytest.mark.slow
def test_mypy_clean():
    import shutil
    from pathlib import Path

    import pytest

    mypy = shutil.which("mypy", path=str(Path(sys.executable).parent)) or shutil.which("mypy")
    if not mypy:
        pytest.skip("mypy not installed")
    root = Path(__file__).resolve().parent.parent
    r = subprocess.run([mypy, "perfdraft"], cwd=root, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
