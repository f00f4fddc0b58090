"""Import: accuracy on the real tables of ../shared/corpus, and speed against bare-library baselines
measured in the same run (issue 15 and issue 21 item 2).

    python benchmarks/bench_import.py [--projects 200] [--skip-speed]

Accuracy: each corpus file is imported and compared with its key in tests/corpus_keys (written by
reading the file): rows with the right name and value, rows with the right 一级, budgets right in 元,
years read, project counts right. Targets: ≥ 90 %, ≥ 95 %, ≥ 95 %, every year, no phantom project.

Speed (ratios, perfdraft ÷ baseline, same machine, same run; target ≤ 2× openpyxl read-only):
  * perfdraft's own xlsx export of N projects (embedded draft path) vs openpyxl read-only loading
    every cell of the same file, and vs python-calamine;
  * the same workbook without the embedded draft (the tables are read) vs the same baselines;
  * a 1,000-row text table (CPU seconds; target well under one second).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from corpus_scoring import CORPUS, PROBE, PROBE_KEYS, import_scores, keys, totals  # noqa: E402

from perfdraft.importers import import_file  # noqa: E402


def accuracy(tmp: Path) -> None:
    if not CORPUS.is_dir():
        print("corpus: ../shared/corpus not found, accuracy skipped")
        return
    scores = import_scores(keys(), tmp)
    t = totals(scores)
    print(f"corpus: {len(scores)} files, {t['samples']} sample rows")
    print(f"  rows right (name + value) {t['rows_right']:6.1%}   target ≥ 90%")
    print(f"  rows right (一级)          {t['level1_right']:6.1%}   target ≥ 95%")
    print(f"  budgets right (元)         {t['budgets_right']:6.1%}   target ≥ 95%")
    print(f"  years right                {t['years_right']:6.1%}   target 100% of printed years")
    print(f"  project counts right       {t['projects_right']:6.1%}   (more projects than the key: "
          f"{sum(s.projects > s.key['projects'] for s in scores)} files)")
    nothing = [s.stem[:2] for s in scores if s.projects == 0]
    print(f"  nothing placed (exit 1): {', '.join(nothing) or 'none'}")


def probe(tmp: Path) -> None:
    """The same figures on tables written from knowledge by helpers who never saw the importer
    (tests/probe_corpus and tests/probe_files, synthetic): layouts and provinces the corpus lacks."""
    scores = import_scores(keys(PROBE_KEYS), tmp, PROBE)
    t = totals(scores)
    print(f"probe: {len(scores)} synthetic tables, {t['samples']} sample rows")
    print(f"  rows right {t['rows_right']:6.1%} · 一级 {t['level1_right']:6.1%} · budgets {t['budgets_right']:6.1%}"
          f" · years {t['years_right']:6.1%} · project counts {t['projects_right']:6.1%}")
    for s in scores:
        if s.misses:
            print(f"  {s.stem}: {'; '.join(s.misses[:3])}")


def _best(fn, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def speed(tmp: Path, n: int) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import openpyxl
    from bench_export import generate  # type: ignore[import-not-found]
    from python_calamine import CalamineWorkbook

    from perfdraft.exporters import render
    draft = generate(n)
    own = tmp / "own.xlsx"
    own.write_bytes(render(draft, "xlsx").data)
    wb = openpyxl.load_workbook(own)
    del wb["_perfdraft"]
    buf = io.BytesIO()
    wb.save(buf)
    plain = tmp / "plain.xlsx"
    plain.write_bytes(buf.getvalue())

    def read_only(path: Path) -> None:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for ws in book.worksheets:
            for _ in ws.iter_rows(values_only=True):
                pass
        book.close()

    def calamine(path: Path) -> None:
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()
        book.close()

    print(f"xlsx: {n} projects ({sum(len(p.indicators) for p in draft.projects)} indicator rows)")
    for label, path in (("own export (embedded draft)", own), ("tables read (no embedded draft)", plain)):
        ours = _best(lambda path=path: import_file(path), rounds=2)
        base_ro = _best(lambda path=path: read_only(path))
        base_ca = _best(lambda path=path: calamine(path))
        print(f"  {label:32} perfdraft {ours:6.2f} s | openpyxl read-only {base_ro:6.2f} s → "
              f"{ours / base_ro:4.2f}× (target ≤ 2×) | calamine {base_ca:5.2f} s → {ours / base_ca:4.1f}×")

    docx_speed(tmp, draft, render)

    lines = ["项目支出绩效目标表", "(2025年度)", "项目名称 | 大表 |", "年度资金总额(万元) | 1,000.00 |",
             "一级指标 | 二级指标 | 三级指标 | 指标值 |", "产出指标 | 数量指标 | 指标0 | ≥1人 |"]
    lines += [f"| | 培训人次{k} | ≥{k}人次 |" for k in range(1, 1000)]
    text = tmp / "big.txt"
    text.write_text("\n".join(lines), encoding="utf-8")
    start = time.process_time()
    import_file(text)
    print(f"text: 1,000-row table {time.process_time() - start:.2f} CPU s (target well under 1 s)")


def docx_speed(tmp: Path, draft, render) -> None:
    """docx tables read by the streamed lxml reader vs the old path: python-docx's tree, every body
    paragraph and every cell's text (what the importer walked before), same file, same run."""
    import zipfile

    import docx

    plain = tmp / "plain.docx"
    with zipfile.ZipFile(io.BytesIO(render(draft, "docx").data)) as src, zipfile.ZipFile(plain, "w") as out:
        for info in src.infolist():  # without the embedded draft: the tables are read
            if not info.filename.startswith("customXml/"):
                out.writestr(info, re.sub(rb"<Relationship [^>]*customXml[^>]*/>", b"", src.read(info)))

    def old_path() -> None:  # as the importer walked it before (rows' w:tc, _Cell.text, gridSpan, vMerge)
        from docx.table import Table, _Cell

        doc = docx.Document(str(plain))
        for block in doc.iter_inner_content():
            if isinstance(block, Table):
                for tr in block._tbl.tr_lst:
                    for tc in tr.tc_lst:
                        _ = (_Cell(tc, block).text, tc.vMerge, tc.grid_span)
            else:
                _ = block.text

    def streamed() -> None:
        from perfdraft.importers import docx as reader
        from perfdraft.importers.report import Report

        reader.read(plain, Report(str(plain)))

    ours = _best(lambda: import_file(plain), rounds=2)
    reader = _best(streamed)
    base = _best(old_path)
    print(f"docx: {len(draft.projects)} projects | import {ours:6.2f} s | streamed reader + label assembler "
          f"{reader:6.2f} s | old path (python-docx tree and cell texts) {base:6.2f} s → reader {reader / base:4.2f}×, "
          f"whole import {ours / base:4.2f}×")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--projects", type=int, default=200)
    ap.add_argument("--skip-speed", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        accuracy(tmp)
        probe(tmp)
        if not args.skip_speed:
            speed(tmp, args.projects)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
