"""A well-behaved package: declared dependencies and their floors, version, shell completion, files.

The ``smoke`` tests here (with the fast ones) form the run for the declared minimum versions: each dependency is
exercised once (Textual and rich through the Pilot, prompt-toolkit headless, openpyxl/python-docx/lxml
through export and import, rapidfuzz/pypinyin through a pinyin search, shtab, textual-serve).
``test_declared_minimums_pass_the_smoke_tests`` installs exactly the floors in pyproject.toml into a
fresh venv and runs them there.
"""

from __future__ import annotations

import ast
import asyncio
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from .conftest import SEED

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def run(*args: str, env: dict[str, str] | None = None, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "perfdraft", *args], capture_output=True, text=True, timeout=120,
                          env=env, **kw)


def _requirement_name(req: str) -> str:
    # normalized as PEP 503 does: pdfminer.six and pdfminer-six are one distribution
    return re.sub(r"[-_.]+", "-", re.split(r"[\s<>=!~;\[]", req, maxsplit=1)[0].lower())


# --- metadata -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_every_imported_library_is_declared():
    """A module perfdraft imports (at the top or inside a function) comes from a declared distribution."""
    declared = {_requirement_name(r) for r in PYPROJECT["project"]["dependencies"]}
    providers = importlib.metadata.packages_distributions()
    missing: dict[str, str] = {}
    for path in sorted((ROOT / "perfdraft").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top == "perfdraft":
                    continue
                dists = {_requirement_name(d) for d in providers.get(top, [top])}
                if not dists & declared:
                    missing[top] = str(path.relative_to(ROOT))
    assert not missing, f"imported but not in [project] dependencies: {missing}"


# Standard-library modules gone in 3.12 (distutils, imp, asynchat, asyncore, smtpd) and 3.13 (PEP 594).
REMOVED_BY_313 = {"distutils", "imp", "asynchat", "asyncore", "smtpd", "aifc", "audioop", "cgi", "cgitb", "chunk",
                  "crypt", "imghdr", "mailcap", "msilib", "nis", "nntplib", "ossaudiodev", "pipes", "sndhdr", "spwd",
                  "sunau", "telnetlib", "uu", "xdrlib", "lib2to3"}


@pytest.mark.slow
def test_nothing_imported_that_python_3_12_or_3_13_removed():
    """The main test run is on 3.11; this keeps the code off what the two later supported versions dropped
    (.ci/other-pythons runs the fast lane on real 3.12 and 3.13 too, but not every module)."""
    used = set()
    for path in sorted((ROOT / "perfdraft").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                used |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                used.add(node.module.split(".")[0])
    assert not used & REMOVED_BY_313, sorted(used & REMOVED_BY_313)


def test_every_subpackage_ships():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "perfdraft").rglob("__init__.py")}
    assert found <= listed, f"packages missing from [tool.setuptools] packages: {sorted(found - listed)}"


def test_license_and_build_backend():
    project = PYPROJECT["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text("utf-8").startswith("MIT License")
    assert not any(c.startswith("License ::") for c in project["classifiers"])  # superseded by the SPDX field
    for minor in (11, 12, 13):
        assert f"Programming Language :: Python :: 3.{minor}" in project["classifiers"]
    (backend,) = PYPROJECT["build-system"]["requires"]
    assert re.fullmatch(r"setuptools>=(\d+),<(\d+)", backend) and int(backend.split(">=")[1].split(",")[0]) >= 77


def test_version():
    r = run("--version")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"perfdraft {importlib.metadata.version('perfdraft')}"


# --- shell completion -----------------------------------------------------------------------------


def _bash_complete(script: Path, words: list[str], cwd: Path) -> list[str]:
    line = " ".join(words)
    code = (f'source "{script}"; COMP_WORDS=({" ".join(repr(w) for w in words)}); COMP_CWORD={len(words) - 1}; '
            f'COMP_LINE={line!r}; COMP_POINT={len(line)}; _shtab_perfdraft; printf "%s\\n" "${{COMPREPLY[@]}}"')
    r = subprocess.run(["bash", "-c", code], capture_output=True, text=True, cwd=cwd, timeout=30)
    assert r.returncode == 0, r.stderr
    return r.stdout.split()


@pytest.mark.skipif(not shutil.which("bash"), reason="bash not installed")
def test_bash_completion(tmp_path):
    r = run("completion", "bash")
    assert r.returncode == 0, r.stderr
    script = tmp_path / "perfdraft.bash"
    script.write_text(r.stdout, "utf-8")
    (tmp_path / "2026-社保局.toml").write_text("", "utf-8")
    assert {"check", "export", "serve", "completion"} <= set(_bash_complete(script, ["perfdraft", ""], tmp_path))
    assert _bash_complete(script, ["perfdraft", "exp"], tmp_path) == ["export"]
    from perfdraft.commands import COMMANDS

    (export,) = [c for c in COMMANDS if c.name == "export"]
    (to,) = [a for a in export.args if "--to" in a.flags]
    assert _bash_complete(script, ["perfdraft", "export", "--to", ""], tmp_path) == list(to.kwargs["choices"])
    assert "--port" in _bash_complete(script, ["perfdraft", "serve", "--p"], tmp_path)
    assert "2026-社保局.toml" in _bash_complete(script, ["perfdraft", "check", "20"], tmp_path)  # drafts are files


def test_zsh_completion(tmp_path):
    r = run("completion", "zsh")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("#compdef perfdraft")
    for word in ("serve", "--public-url", "xlsx", "_files"):
        assert word in r.stdout
    from perfdraft import profiles

    # --layout's choices are read lazily (commands.ProfileIds); the script lists them all the same
    (layout,) = [ln for ln in r.stdout.splitlines() if '"--layout[' in ln][:1]
    assert all(pid in layout for pid in profiles.PROFILES), layout
    if shutil.which("zsh"):
        script = tmp_path / "_perfdraft"
        script.write_text(r.stdout, "utf-8")
        z = subprocess.run(["zsh", "-n", str(script)], capture_output=True, text=True, timeout=30)
        assert z.returncode == 0, z.stderr


def test_completion_refuses_other_shells():
    r = run("completion", "fish")
    assert r.returncode == 2 and "fish" in r.stderr


# --- temporary files --------------------------------------------------------------------------


def test_demo_print_leaves_nothing_in_tmp(tmp_path):
    env = dict(os.environ, TMPDIR=str(tmp_path))
    r = run("demo", "--print", "--width", "80", env=env)
    assert r.returncode in (0, 1) and "PD104" in r.stdout, r.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.slow
def test_demo_copy_removed_at_exit_as_from_the_start_screen(tmp_path):
    code = ("from perfdraft.commands.drafting import demo_copy\n"
            "from perfdraft.conversation import open_session\n"
            "p = demo_copy(); conv, lock = open_session(p); conv.answer(''); conv.save(); print(p)\n"
            "raise SystemExit(0)")  # the lock is still held: exit as a hang-up would
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                       env=dict(os.environ, TMPDIR=str(tmp_path)))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().startswith(str(tmp_path))
    assert not list(tmp_path.iterdir())


# --- each dependency once (the smoke run for the declared minimums) ------------------------------


@pytest.mark.slow
@pytest.mark.smoke
def test_smoke_tui_takes_an_answer(tmp_path):
    from perfdraft.conversation import open_session
    from perfdraft.tui.app import PerfdraftApp
    from perfdraft.tui.widgets.answer_input import AnswerInput

    path = tmp_path / "d.toml"
    run("new", str(path), "--year", "2026")
    conv, lock = open_session(path)

    async def drive() -> None:
        from textual import events

        app = PerfdraftApp(conv, lock)
        async with app.run_test(size=(80, 24)) as pilot:
            inp = app.screen.query_one(AnswerInput)
            inp.post_message(events.Paste("某县社保局"))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        app.close_session()

    asyncio.run(drive())
    assert 'name = "某县社保局"' in path.read_text("utf-8")


@pytest.mark.slow
@pytest.mark.smoke
def test_smoke_line_mode_headless(tmp_path):
    import threading
    import time

    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from perfdraft import drafts
    from perfdraft.conversation import open_session
    from perfdraft.line import run_interactive
    from perfdraft.model import Draft

    path = tmp_path / "d.toml"
    drafts.save(Draft(), path)
    conv, lock = open_session(path)
    try:
        with create_pipe_input() as inp:
            def feed() -> None:
                for chunk in ["某县社保局\r", "\x04"]:
                    time.sleep(0.3)
                    inp.send_text(chunk)

            threading.Thread(target=feed, daemon=True).start()
            with create_app_session(input=inp, output=DummyOutput()):
                assert run_interactive(conv) == 0
    finally:
        lock.release()
    assert drafts.load(path).department.name == "某县社保局"


@pytest.mark.slow
@pytest.mark.smoke
@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_smoke_export_and_import(tmp_path, fmt):
    out = tmp_path / f"seed.{fmt}"
    r = run("export", str(SEED), "--to", fmt, "-o", str(out))
    assert r.returncode in (0, 1) and out.stat().st_size > 0, r.stderr
    back = tmp_path / "back.toml"
    r = run("import", str(out), "-o", str(back))
    assert r.returncode == 0, r.stderr
    assert "城乡居民基本养老保险" in back.read_text("utf-8")


@pytest.mark.slow
@pytest.mark.smoke
def test_smoke_pinyin_search():
    r = run("catalogue", "search", "cxjmyl", "--limit", "3")
    assert r.returncode == 0, r.stderr
    assert "城乡居民" in r.stdout


@pytest.mark.slow
@pytest.mark.smoke
def test_smoke_textual_serve_imports():
    from textual_serve.server import Server

    from perfdraft.serve import session_command

    s = Server(session_command(Path("web"), demo=False, catalogue=None), host="127.0.0.1", port=8000)
    assert s.public_url == "http://127.0.0.1:8000"


# --- CI on the other supported Pythons ----------------------------------------------------------


def test_ci_runs_the_other_pythons_step():
    """.ci/run calls the 3.12/3.13 step on a line of its own (inside an && list, set -e would not stop on
    it), and both scripts parse."""
    run_script = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "bash .ci/other-pythons" in [line.strip() for line in run_script.splitlines()]
    other = (ROOT / ".ci" / "other-pythons").read_text("utf-8")
    assert "for v in 3.12 3.13; do" in other  # both built
    assert 'for v in "${versions[@]}"; do' in other  # pipx install on every version at hand (3.11 always)
    assert 'for v in "${versions[@]:1}"; do' in other  # the smoke lane on 3.12 and 3.13
    # only a source that cannot be fetched (exit 3) is let through, said in capitals; a build failure fails CI
    assert '"$rc" -eq 3' in other and "NOT TESTED" in other and 'building Python $v FAILED"; exit 1' in other
    for script in ("run", "other-pythons", "python-from-source"):
        r = subprocess.run(["bash", "-n", str(ROOT / ".ci" / script)], capture_output=True, text=True, timeout=30)
        assert r.returncode == 0, (script, r.stderr)


# --- the floors themselves ----------------------------------------------------------------------


@pytest.mark.slow
def test_declared_minimums_pass_the_smoke_tests(tmp_path):
    """A fresh venv with every dependency at its declared floor (uv --resolution lowest-direct) runs the
    smoke tests above and the cell-width tests. Needs uv (a [test] extra) and the package index."""
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if not uv:
        pytest.skip("uv not installed (pip install uv)")
    venv = tmp_path / "floor"
    subprocess.run([uv, "venv", "-q", "--python", sys.executable, str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    r = subprocess.run([uv, "pip", "install", "-q", "--python", str(py), "--resolution", "lowest-direct",
                        "-e", f"{ROOT}[test]"],
                       capture_output=True, text=True, timeout=900)
    if r.returncode != 0 and re.search(r"(?i)dns|connect|network|timed out", r.stderr):
        pytest.skip(f"package index unreachable: {r.stderr[-300:]}")
    assert r.returncode == 0, r.stderr[-3000:]
    listed = subprocess.run([uv, "pip", "freeze", "--python", str(py)], capture_output=True, text=True, check=True).stdout
    installed = {_requirement_name(line): line.split("==")[-1] for line in listed.splitlines() if "==" in line}
    for req in PYPROJECT["project"]["dependencies"]:
        m = re.match(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9][0-9.]*)", req)
        assert m, req
        name, floor = _requirement_name(m.group(1)), m.group(2)
        assert _release(installed[name]) == _release(floor), (name, installed[name], floor)
    t = subprocess.run([str(py), "-m", "pytest", "-q", "-x", "-m", "smoke or not slow", "-p", "no:cacheprovider",
                        "tests/test_packaging.py", "tests/test_cells.py"],
                       cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert t.returncode == 0, t.stdout[-4000:] + t.stderr[-2000:]


def _release(version: str) -> tuple[int, ...]:
    parts = [int(p) for p in re.findall(r"\d+", version.split("+")[0])[:3]]
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


@pytest.mark.slow
@pytest.mark.parametrize("python", ["3.12", "3.13"])
def test_dependencies_resolve_for_later_pythons(python):
    """Resolve the dependencies for 3.12/3.13 from 3.11 (uv reads each release's Requires-Python and wheel
    tags), with the compiled ones required as wheels, as a user's pip needs them: a quick check that the
    pins still have wheels, beside the real installs .ci/other-pythons makes on those versions."""
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if not uv:
        pytest.skip("uv not installed (pip install uv)")
    compiled = ["rapidfuzz", "lxml", "aiohttp", "multidict", "yarl", "frozenlist", "propcache", "markupsafe"]
    r = subprocess.run([uv, "pip", "compile", "-q", str(ROOT / "pyproject.toml"), "--python-version", python,
                        "--python-platform", "x86_64-manylinux_2_28", *[f"--only-binary={p}" for p in compiled]],
                       capture_output=True, text=True, timeout=300)
    if r.returncode != 0 and re.search(r"(?i)dns|connect|network|timed out", r.stderr):
        pytest.skip(f"package index unreachable: {r.stderr[-300:]}")
    assert r.returncode == 0, r.stderr[-3000:]
    pinned = {_requirement_name(line): line.split("==")[1] for line in r.stdout.splitlines() if "==" in line}
    assert {_requirement_name(req) for req in PYPROJECT["project"]["dependencies"]} <= set(pinned)
