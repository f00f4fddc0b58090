"""Export speed and memory against a streamed baseline measured in the same run (issue 21).

    python benchmarks/bench_export.py [--projects 1000 10000] [--to docx xlsx] [--repeat 1]

The draft is N copies of project 1 of tests/fixtures/seed-shunping-2020-fixed.toml (17 indicators
each) with distinct codes and names. Each measurement runs in a fresh process, so its peak resident
memory (``ru_maxrss``) is its own; generating the draft is part of every process, perfdraft and
baseline alike. Printed per format and size: perfdraft (render + atomic write), the baseline, and
perfdraft ÷ baseline for time and peak memory.

Baselines (the floor of each library path, the same cells):

* docx — the same project tables, cell for cell with the same cell and paragraph properties, as
  WordprocessingML strings written straight into the zip (no width measuring, no fingerprint, no
  cleaning, no page-break logic), plus the embedded draft;
* xlsx — xlsxwriter in constant_memory mode writing the same cells, merges and a few formats, and
  the hidden sheet with the draft's TOML.

Target (issue 21): perfdraft ≤ 1.5× the baseline, and 10,000 projects under 300 MiB.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIXED = ROOT / "tests" / "fixtures" / "seed-shunping-2020-fixed.toml"


def generate(n: int):
    from perfdraft import drafts

    base = drafts.load(FIXED)
    template = base.projects[0]
    draft = copy.deepcopy(base)
    draft.projects = []
    for i in range(n):
        p = copy.deepcopy(template)
        p.code = f"317-{1000 + i // 100:04d}-GEN-{i:04d}"
        p.name = f"{template.name}（第{i + 1}批）"
        draft.projects.append(p)
    return draft


def peak_rss_mib() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


# --- baselines ----------------------------------------------------------------------------------------


def _cell_text(cell) -> str:
    if cell.number is not None:
        return f"{cell.number:f}"
    return cell.text or ""


def baseline_docx(draft, out) -> None:
    from perfdraft.exporters import project_grid
    from perfdraft.exporters.docx_parts import CONTENT_TYPES, PACKAGE_RELS, STYLES, W_NS
    from perfdraft.exporters.safety import draft_text

    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", PACKAGE_RELS)
        zf.writestr("word/styles.xml", STYLES)
        with zf.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f'<w:document xmlns:w="{W_NS}"><w:body>'.encode())
            for project in draft.projects:
                grid = project_grid(project)
                f.write(f"<w:p><w:r><w:t>{escape(project.name or '')}</w:t></w:r></w:p>".encode())
                covered = {}
                for c in grid.cells:
                    for r in range(c.row, c.row + c.rowspan):
                        for k in range(c.col, c.col + c.colspan):
                            covered[(r, k)] = c
                rows = ["<w:tbl>"]
                for r in range(grid.rows):
                    rows.append("<w:tr>")
                    k = 0
                    while k < 7:
                        c = covered.get((r, k))
                        span = c.colspan if c else 1
                        merge = ""
                        if c and c.rowspan > 1:
                            merge = '<w:vMerge w:val="restart"/>' if c.row == r else "<w:vMerge/>"
                        text = escape(_cell_text(c)) if c and c.row == r and c.col == k else ""
                        jc = "left" if c and c.role == "text" else "center"
                        rows.append(f'<w:tc><w:tcPr><w:tcW w:w="{span * 1380}" w:type="dxa"/>'
                                    f'<w:gridSpan w:val="{span}"/>{merge}<w:vAlign w:val="center"/></w:tcPr>'
                                    f'<w:p><w:pPr><w:pStyle w:val="perfdraftTable"/><w:jc w:val="{jc}"/></w:pPr>'
                                    f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:tc>')
                        k += span
                    rows.append("</w:tr>")
                rows.append("</w:tbl>")
                f.write("".join(rows).encode())
            f.write(b"</w:body></w:document>")
        zf.writestr("customXml/item1.xml", "<draft>" + escape(draft_text(draft)) + "</draft>")


def baseline_xlsx(draft, out) -> None:
    import xlsxwriter

    from perfdraft.exporters import project_grid
    from perfdraft.exporters.safety import draft_text

    wb = xlsxwriter.Workbook(out, {"constant_memory": True})
    fmt = {role: wb.add_format({"border": 1, "text_wrap": True, "bold": role in ("label", "header")})
           for role in ("label", "header", "level", "value", "text")}
    money = wb.add_format({"border": 1, "num_format": "#,##0.00"})
    for i, project in enumerate(draft.projects):
        ws = wb.add_worksheet(f"{i + 1}")
        grid = project_grid(project)
        cells = {}
        for c in grid.cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    cells[(r, k)] = (c, (r, k) == (c.row, c.col))
            if c.rowspan > 1 or c.colspan > 1:
                ws.merge.append([c.row, c.col, c.row + c.rowspan - 1, c.col + c.colspan - 1])
        for (r, k), (c, first) in sorted(cells.items()):
            if first and c.number is not None:
                ws.write_number(r, k, float(c.number), money)
            elif first and c.text:
                ws.write_string(r, k, c.text, fmt[c.role])
            else:
                ws.write_blank(r, k, None, fmt[c.role])
        ws._opt_close()
    hidden = wb.add_worksheet("_perfdraft")
    text = draft_text(draft)
    for k in range(0, len(text), 8000):
        hidden.write_string(k // 8000, 1, text[k:k + 8000])
    hidden.hide()
    wb.close()


# --- one measurement, in a process of its own ------------------------------------------------------------


def measure(fmt: str, path: str, n: int) -> dict[str, float]:
    draft = generate(n)
    rss_draft = peak_rss_mib()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / f"bench.{fmt}"
        if path == "perfdraft":
            from perfdraft.exporters import render
            from perfdraft.exporters.safety import write_output

            rendered = render(draft, fmt)
            write_output(target, rendered.data, force=True)
        else:
            buf = io.BytesIO()
            (baseline_docx if fmt == "docx" else baseline_xlsx)(draft, buf)
            target.write_bytes(buf.getvalue())
        size = target.stat().st_size
    return {"seconds": time.perf_counter() - t0, "rss": peak_rss_mib(), "rss_draft": rss_draft,
            "size": size / (1024 * 1024)}


def run_child(fmt: str, path: str, n: int) -> dict[str, float]:
    proc = subprocess.run([sys.executable, __file__, "--child", fmt, path, str(n)], capture_output=True,
                          text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--projects", type=int, nargs="+", default=[1000])
    ap.add_argument("--to", nargs="+", choices=["docx", "xlsx"], default=["docx", "xlsx"])
    ap.add_argument("--repeat", type=int, default=1, help="runs per path; the fastest counts")
    ap.add_argument("--child", nargs=3, metavar=("FMT", "PATH", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        fmt, path, n = args.child
        print(json.dumps(measure(fmt, path, int(n))))
        return 0
    print("| export | perfdraft | baseline | ratio (time · peak memory) |")
    print("|---|---|---|---|")
    for n in args.projects:
        for fmt in args.to:
            ours = min((run_child(fmt, "perfdraft", n) for _ in range(args.repeat)), key=lambda m: m["seconds"])
            base = min((run_child(fmt, "baseline", n) for _ in range(args.repeat)), key=lambda m: m["seconds"])
            print(f"| {fmt}, {n:,} projects | {ours['seconds']:.1f} s, {ours['rss']:.0f} MiB "
                  f"({ours['size']:.1f} MiB file) | {base['seconds']:.1f} s, {base['rss']:.0f} MiB | "
                  f"{ours['seconds'] / base['seconds']:.2f}× · {ours['rss'] / base['rss']:.2f}× |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
