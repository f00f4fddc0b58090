"""Scoring an import of the corpus against the keys in tests/corpus_keys (shared by the tests and
benchmarks/bench_import.py). A key is what a careful reader sees in the file, not a recorded output."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from perfdraft import frameworks
from perfdraft.importers import kinds

ROOT = Path(__file__).resolve().parent.parent
KEYS = ROOT / "tests" / "corpus_keys"
CORPUS = ROOT.parent / "shared" / "corpus"
# Tables written from knowledge by helpers who never saw the importer (provinces the corpus lacks): a
# probe of how the reader does on layouts it was not built on. Synthetic, and said so in each note line.
PROBE = ROOT / "tests" / "probe_corpus"
PROBE_KEYS = ROOT / "tests" / "probe_keys"
PROBE_FILES = ROOT / "tests" / "probe_files"  # the probe's xlsx, xls, docx and pdf, as an office saves them


def norm(text: str | None) -> str:
    t = unicodedata.normalize("NFKC", text or "")
    t = re.sub(r"[\s★☆]+", "", t)
    t = re.sub(r"^指标\d+[:：]?", "", t)
    return t.rstrip("。")


def norm_value(text: str | None) -> str:
    t = norm(text)
    return t[1:] if t.startswith("=") and not t.startswith("==") else t


def level1(label: str | None) -> str:
    if not label:
        return ""
    found = kinds.level_of(label)
    if found and found[0]:
        return found[0]
    # a 部门整体 table's own 一级 (履职效能, 管理效率) is keyed as printed, without 指标
    return frameworks.level1_key(label) or (frameworks.strip_suffix(label)
                                            if frameworks.is_department_level1(label) else "")


@dataclass
class FileScore:
    stem: str
    key: dict
    projects: int = 0
    rows: int = 0
    budget_ok: bool | None = None
    year_ok: bool | None = None
    samples: int = 0
    right: int = 0
    right_l1: int = 0
    l1_checked: int = 0
    misses: list[str] = field(default_factory=list)


def corpus_text(name: str, corpus: Path = CORPUS) -> str:
    """A corpus file as the publisher showed it: without the three '# source/# layout/# note' lines
    the corpus adds on top (they describe the capture and are not part of the table)."""
    lines = (corpus / name).read_text(encoding="utf-8").split("\n")
    while lines and lines[0].startswith("# "):
        lines.pop(0)
    return "\n".join(lines)


def source_file(name: str, tmp: Path, corpus: Path = CORPUS) -> Path:
    """A key's file written to ``tmp`` as the importer is given it: an office file of the probe as
    saved, a text capture without the three lines the corpus adds on top."""
    path = tmp / name
    if (PROBE_FILES / name).exists():
        path.write_bytes((PROBE_FILES / name).read_bytes())
    else:
        path.write_text(corpus_text(name, corpus), encoding="utf-8")
    return path


def import_scores(keyed: list[tuple[str, dict]], tmp: Path, corpus: Path = CORPUS) -> list[FileScore]:
    """Each keyed file imported and scored; a file that places nothing scores as an empty draft."""
    from perfdraft.importers import NothingPlaced, import_file
    from perfdraft.model import Draft

    out = []
    for stem, key in keyed:
        try:
            draft = import_file(source_file(key["file"], tmp, corpus)).draft
        except NothingPlaced:
            draft = Draft()
        out.append(score(stem, key, draft))
    return out


def keys(directory: Path = KEYS) -> list[tuple[str, dict]]:
    return [(p.stem, tomllib.loads(p.read_text(encoding="utf-8"))) for p in sorted(directory.glob("*.toml"))]


def score(stem: str, key: dict, draft) -> FileScore:
    s = FileScore(stem, key)
    # a 部门整体 table is read into the department: the keys count it as one more table, at its end
    dept = draft.department.indicators
    s.projects = len(draft.projects) + (1 if dept else 0)
    rows = [i for p in draft.projects for i in p.indicators] + list(dept)
    s.rows = len(rows)
    if "budgets" in key:
        budgets = [p.budget.total for p in draft.projects]
        if dept:
            budgets.append(draft.department.budget.total if draft.department.budget else None)
        got = [int(b) if b is not None else None for b in budgets]
        s.budget_ok = got == key["budgets"]
    elif "budget" in key:
        got1 = draft.projects[0].budget.total if draft.projects else \
            (draft.department.budget.total if dept and draft.department.budget else None)
        s.budget_ok = (got1 is None) if key["budget"] == "none" else (got1 is not None and int(got1) == key["budget"])
    if "years" in key:
        s.year_ok = draft.year in key["years"]
    elif key.get("year") == "none":
        s.year_ok = draft.year is None
    else:
        s.year_ok = draft.year == key.get("year")
    for sample in key.get("sample", []):
        s.samples += 1
        want_name, want_value = norm(sample["name"]), norm_value(sample["value"])
        hit = None
        for ind in rows:
            if norm_value(ind.value) == want_value and (norm(ind.name) == want_name):
                hit = ind
                break
        if hit is None:
            s.misses.append(f"{sample['name']} = {sample['value']}")
            continue
        s.right += 1
        if sample["level1"]:
            s.l1_checked += 1
            got_l1 = level1(hit.level1) or (frameworks.canonical_levels(None, hit.level2, frameworks.LOCAL_2015)[0] or "")
            # a key's 一级 as printed (服务对象满意度, a 部门整体 table's third) is read as the importer's is
            if got_l1 in (sample["level1"], level1(sample["level1"])):
                s.right_l1 += 1
            else:
                s.misses.append(f"一级 of {sample['name']}: {hit.level1!r}")
    return s


def totals(scores: list[FileScore]) -> dict[str, float]:
    samples = sum(s.samples for s in scores)
    right = sum(s.right for s in scores)
    l1c = sum(s.l1_checked for s in scores)
    l1r = sum(s.right_l1 for s in scores)
    budgets = [s.budget_ok for s in scores if s.budget_ok is not None]
    years = [s.year_ok for s in scores]
    return {
        "rows_right": right / samples if samples else 0.0,
        "level1_right": l1r / l1c if l1c else 0.0,
        "budgets_right": sum(budgets) / len(budgets) if budgets else 0.0,
        "years_right": sum(bool(y) for y in years) / len(years) if years else 0.0,
        "projects_right": sum(s.projects == s.key["projects"] for s in scores) / len(scores) if scores else 0.0,
        "samples": samples,
    }
