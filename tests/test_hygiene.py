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


def test_start_up_path_builds_no_dataclass():
    """Python 3.11 compiles every method @dataclass generates, about 1.5 ms a class on every start
    (issue 21): what the TUI and the line mode load before their first paint uses record.Record or
    NamedTuple instead (CONTRIBUTING)."""
    code = ("import dataclasses, sys\n"
            "from perfdraft import cli\n"
            "from perfdraft.commands import drafting\n"
            "import perfdraft.conversation, perfdraft.session, perfdraft.line, perfdraft.tui.app\n"
            "import perfdraft.tui.screens.drafting\n"
            "made = [f'{m}.{n}' for m, mod in list(sys.modules.items()) if m.startswith('perfdraft')\n"
            "        for n, v in vars(mod).items() if isinstance(v, type) and v.__module__ == m\n"
            "        and '__dataclass_params__' in v.__dict__]\n"
            "print(made)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


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


def _import_nodes(text: str) -> list:
    """The import statements of a module, at any depth, parsed one by one (a whole-tree parse of every
    module made these tests slow): a line starting with from/import, and its bracketed continuation."""
    import ast
    import re

    out, lines = [], text.splitlines()
    for i, line in enumerate(lines):
        if not re.match(r"\s*(from\s+\S+\s+import\b|import\s)", line):
            continue
        stmt, j = line.strip(), i
        while stmt.count("(") > stmt.count(")") and j + 1 < len(lines):
            j += 1
            stmt += " " + lines[j].strip()
        try:
            out += ast.parse(stmt.split(";")[0]).body
        except SyntaxError:  # an import-like line inside a string
            continue
    return out


def test_no_module_but_the_entry_point_imports_cli():
    import ast

    root, files = _perfdraft_modules()
    offenders = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.name in ("cli.py", "__main__.py") and path.parent == root or "cli" not in text:
            continue  # only a text naming cli can import it: the rest need no parse (keeps this fast)
        for node in _import_nodes(text):
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
    big = {str(p): n for p in files if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600}
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


def test_the_readme_names_the_fast_lane_and_ci_runs_everything():
    """The README's commands: every test (what .ci/run runs) and the fast lane of the slow mark."""
    import re
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh", 1)[1].split("```", 1)[0]
    assert re.search(r'^\.venv/bin/python -m pytest -m "not slow"\s+#', block, re.M), "README: fast-lane command missing"
    full = next(ln for ln in block.splitlines() if ln.rstrip().endswith("(= .ci/run)"))
    assert re.search(r"python -m pytest\s+#", full) and " -m " not in full.split("pytest", 1)[1]
    ci = [ln.strip() for ln in (root / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert ".venv/bin/python -m pytest" in ci, ci  # everything, slow tests too, as a step of its own
    opts = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "-m" not in opts["addopts"].split() and any(m.startswith("slow:") for m in opts["markers"])


# The parts of CONTRIBUTING.md's house, bottom to top; a module is on the part its longest prefix names.
# A module imports its own part and those below it. A module not named here is not checked.
PARTS = {
    "core": ("errors", "numbers", "cells", "names", "locations", "progress", "_lazy", "model", "rules", "frameworks",
             "fields", "profiles", "values", "symbols", "checks", "catalogue", "catalogue_rank", "catalogue_lint",
             "tomlcache", "drafts", "drafts_io", "locks", "saver", "places", "render", "text_fit", "table_text",
             "clone", "line_breaks"),  # clone_draft, with its command handler beside it (imports only core)
    "engine": ("session", "conversation", "engine", "step_table", "step_base", "step_context", "project_steps",
               "indicator_steps", "indicator_edit", "overall_steps", "review_steps", "slash_commands", "steps", "prompts",
               "answers"),
    "files": ("importers", "exporters"),
    "front": ("tui", "line"),
    "commands": ("commands", "cli", "__main__", "argparse_zh", "fill", "migrate", "unlock", "completion",
                 "catalogue_cli", "serve", "importers.command", "exporters.command"),
}
BELOW = {"core": {"core"}, "engine": {"core", "engine"}, "files": {"core", "files"},
         "front": {"core", "engine", "files", "front"}, "commands": set(PARTS)}
# The crossing CONTRIBUTING.md names (inside a function), to be mended rather than copied.
KNOWN_CROSSINGS = {("slash_commands", "exporters")}


def _part(module: str) -> tuple[str, str] | None:
    hits = [(len(n), part, n) for part, names in PARTS.items() for n in names
            if module == n or module.startswith(n + ".")]
    return (max(hits)[1], max(hits)[2]) if hits else None


def test_each_part_imports_only_the_parts_below_it():
    import ast

    root, files = _perfdraft_modules()
    wrong = []
    for path in files:
        rel = path.relative_to(root).with_suffix("")
        module = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        package = module if rel.name == "__init__" else module.rpartition(".")[0]
        here = _part(module)
        if here is None or module == "":
            continue
        for node in _import_nodes(path.read_text(encoding="utf-8")):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1] if package else []
                targets = [".".join(filter(None, [*base, node.module or "", a.name])) for a in node.names]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("perfdraft."):
                targets = [f"{node.module.removeprefix('perfdraft.')}.{a.name}" for a in node.names]
            else:
                continue
            for target in targets:
                there = _part(target)
                if there is None or there[0] in BELOW[here[0]]:
                    continue
                if not any(module.startswith(a) and target.startswith(b) for a, b in KNOWN_CROSSINGS):
                    wrong.append(f"{module} ({here[0]}) imports {target} ({there[0]})")
    assert not wrong, wrong
