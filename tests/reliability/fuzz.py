"""Fuzzing: strategies and properties shared by ``test_fuzz.py`` (CI sizes) and ``benchmarks/reliability.py``.

* the 指标值 grammar: generated values round-trip (``parse(format(v)) == v``), and any text ``parse``
  reads as a value round-trips too (the contract "for every value parse can return");
* the checks: random indicators, projects and drafts are checked without an exception;
* the TOML loader: the seed fixture with bytes flipped, cut short, or a field's value swapped for one
  of another type: ``drafts.load`` returns a Draft or raises ``DraftError``, and a Draft it returns
  can be checked, written back (``loads(dumps(d)) == d``) and exported to csv and md;
* the importers (``perfdraft.importers.import_file``): xlsx/docx/text files damaged at the byte
  level, inside a zip member, or in their cells and paragraphs: a result or ``ImportFailed``.
"""

from __future__ import annotations

import contextlib
import io
import random
import re
import signal
import tempfile
import zipfile
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from hypothesis import strategies as st

from perfdraft import checks, drafts, values
from perfdraft.model import (
    BASIS_CATEGORIES,
    Basis,
    Budget,
    Department,
    Draft,
    Indicator,
    Project,
    SpendingPlan,
    SubGoal,
)
from perfdraft.values import Either, ParseError, Schedule, format, parse

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed-shunping-2020.toml"
IMPORT_FIXTURES = ROOT / "tests" / "fixtures" / "import"

# --- the value grammar -----------------------------------------------------------------------------

from tests.test_values import all_values, changes, deadlines, numbers, ops, quantities, ranges  # noqa: E402

PERIODS = ["月", "季度", "年", "周", "半年", "旬", "日", "天"]
schedules = st.builds(Schedule, st.sampled_from(PERIODS),
                      st.text(alphabet="0123456789日前号底次", max_size=6))
canonical_units = st.sampled_from(sorted(values.BASE_UNITS)).flatmap(
    lambda u: st.sampled_from([u, *[p + u for p in values.UNIT_PREFIXES]]))
wide_numbers = st.decimals(min_value=0, max_value=10**15, allow_nan=False, allow_infinity=False, places=3)
wide_quantities = st.builds(values.Quantity, ops, st.one_of(numbers, wide_numbers), canonical_units)
extended_values = st.one_of(
    all_values, schedules, wide_quantities,
    st.builds(Either, st.one_of(quantities, ranges, deadlines), st.one_of(changes, quantities, schedules)),
)

VALUE_PIECES = [
    "≥", "≤", ">=", "<=", "＞＝", "=", "＝", ">", "<", "≧", "不低于", "不超过", "达到", "控制在", "大于", "低于", "至少",
    "0", "1", "2", "5", "9", "10", "95", "100", "007", "1,600,000", "3.5", ".5", "1.", "０", "９５", "．", "，",
    "%", "％", "‰", "人", "人次", "元", "万元", "亿", "亩", "万亩", "个百分点", "元/人/月", "元/人·月", "/", "·", "小时",
    "个工作日", "天", "km", "mg/L", "以上", "以下", "以内", "及以上", "左右", "或", "较", "比", "上年", "2023年", "去年",
    "同比", "提高", "减少", "增长", "下降", "年", "月", "日", "底", "末", "前", "之前", "2020", "12", "31", "每", "季度",
    "季", "周", "半年", "优", "良", "是", "否", "达到预期", "基本建立", "有效", "合格", "-", "~", "至", "—", " ", "\t",
    "*", "_", "…", "x", "指标1:", "{year}", "\u3000", "\n",
]
value_texts = st.one_of(
    st.lists(st.sampled_from(VALUE_PIECES), min_size=1, max_size=8).map("".join),
    st.text(max_size=30),
    st.text(alphabet="≥≤=<>0123456789.,%元人次万亿/·年月日底前较上年提高减少或-~至优良是否", max_size=20),
)


def prop_value_roundtrip(v) -> None:
    assert parse(format(v)) == v, (v, format(v), parse(format(v)))


def prop_parse_range(text: str) -> None:
    """parse never raises; a value it returns round-trips; an error points inside the text."""
    v = parse(text)
    if isinstance(v, ParseError):
        assert 0 <= v.position <= len(text) and v.message
        return
    assert parse(format(v)) == v, (text, v, format(v))
    values.split(text)  # the csv split of the same text


# --- the checks --------------------------------------------------------------------------------------

short_text = st.one_of(st.none(), st.text(max_size=25), st.sampled_from(["", " ", "产出指标", "数量指标", "效益指标",
                                                                         "满意度指标", "成本指标", "社会效益指标"]))
money = st.one_of(st.none(), st.decimals(min_value=-10**12, max_value=10**15, allow_nan=False, allow_infinity=False,
                                         places=2))
percent = st.one_of(st.none(), st.decimals(min_value=-50, max_value=500, allow_nan=False, allow_infinity=False, places=1))
indicators = st.builds(
    Indicator, level1=short_text, level2=short_text, name=short_text, description=short_text,
    value=st.one_of(st.none(), value_texts),
    basis=st.one_of(st.none(), st.builds(Basis, st.one_of(st.none(), st.sampled_from(BASIS_CATEGORIES), st.text(max_size=5)),
                                         short_text)),
    formula=short_text, direction=st.one_of(st.none(), st.sampled_from(["正向", "反向", "x"])),
    weight=percent, last_year=st.one_of(st.none(), value_texts), note=short_text,
    scope=st.one_of(st.none(), st.sampled_from(["annual", "total", "x"])),
)
projects = st.builds(
    Project, code=short_text, name=short_text, doc_number=short_text, template=short_text, purpose=short_text,
    goal=short_text, budget=st.builds(Budget, money, money, money),
    spending_plan=st.one_of(st.none(), st.builds(SpendingPlan, percent, percent, percent, percent)),
    indicators=st.lists(indicators, max_size=8), notes=st.lists(st.text(max_size=10), max_size=2),
    confirm=st.lists(st.sampled_from(["goal", "indicators", "indicators[0].value", "budget.total"]), max_size=2),
)
draft_objects = st.builds(
    Draft, year=st.one_of(st.none(), st.integers(1990, 2100)), framework=st.sampled_from(["local-2015", "central-2021"]),
    department=st.builds(Department, code=short_text, name=short_text, overall_goal=short_text, safeguards=short_text,
                         sub_goals=st.lists(st.builds(SubGoal, short_text, st.lists(indicators, max_size=2),
                                                      st.lists(st.text(max_size=8), max_size=2)), max_size=2),
                         budget=st.one_of(st.none(), st.builds(Budget, money, money, money)),
                         indicators=st.lists(indicators, max_size=2)),
    projects=st.lists(projects, max_size=3),
)

SEVERITIES = {"error", "warning", "hint"}


def prop_checks(draft: Draft) -> None:
    from perfdraft.rules import RULES

    found = checks.check_draft(draft)
    for f in found:
        assert f.severity in SEVERITIES and f.code in RULES and f.message, f
    for p in draft.projects:
        for ind in p.indicators:
            checks.check_value(ind.value, ind)


# --- the TOML loader -----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def seed_bytes() -> bytes:
    return SEED.read_bytes()


SNIPPETS = [b"=", b"\"", b"'''", b"[", b"]]", b"[[projects]]\n", b"[[projects.indicators]]\n", b"{", b"}", b"nan", b"inf",
            b"-0", b"1e999", b"\\u0000", b"\\uD800", b"\xff", b"\xe4\xb8", b"\x00", b"\r", b"\n", b"#", b"=[]", b"= {}",
            b"schema = \"perfdraft/99\"\n", b"year = true\n", b"1979-05-27T07:32:00Z", b"projects = 5\n"]


@st.composite
def byte_mutations(draw) -> bytes:
    data = bytearray(seed_bytes())
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "cut", "delete", "insert", "dup-line", "swap-lines"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[pos] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[pos:]
        elif op == "delete":
            del data[pos:pos + draw(st.integers(1, 200))]
        elif op == "insert":
            data[pos:pos] = draw(st.sampled_from(SNIPPETS))
        else:
            lines = bytes(data).split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            if op == "dup-line":
                lines.insert(i, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            data = bytearray(b"\n".join(lines))
    return bytes(data)


def _leaf_paths(obj, path=()):
    yield path
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _leaf_paths(v, (*path, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _leaf_paths(v, (*path, i))


@lru_cache(maxsize=1)
def _seed_paths() -> tuple:
    import tomllib

    return tuple(p for p in _leaf_paths(tomllib.loads(seed_bytes().decode("utf-8"), parse_float=Decimal)) if p)


ODD_VALUES = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1), st.booleans(), st.text(max_size=40),
    st.sampled_from([Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity"), Decimal("1E+400"), Decimal("-0.0"),
                     Decimal("1E-400"), "", "\x00\x1f\x7f", "\ufffe", "perfdraft/99", "central-2021", "x" * 5000]),
    st.decimals(allow_nan=False, allow_infinity=False), st.lists(st.integers(), max_size=3),
    st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.dates(), st.datetimes(), st.times(), st.just([]), st.just({}), st.just([{}]),
)


@st.composite
def type_swaps(draw) -> str:
    """The seed with the value at some key (or list item) replaced by a value of another type."""
    import tomllib

    import tomli_w

    data = tomllib.loads(seed_bytes().decode("utf-8"), parse_float=Decimal)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_seed_paths()))
        parent = data
        try:
            for k in path[:-1]:
                parent = parent[k]
            if isinstance(parent, (dict, list)):
                parent[path[-1]] = draw(ODD_VALUES)
        except (KeyError, IndexError, TypeError):
            pass
    try:
        return tomli_w.dumps(data)
    except (TypeError, ValueError):
        return seed_bytes().decode("utf-8")


def prop_loader_bytes(data: bytes, workdir: Path) -> None:
    """drafts.load of damaged bytes: a Draft or DraftError; a Draft survives what follows loading."""
    path = workdir / "fuzz.toml"
    path.write_bytes(data)
    try:
        draft = drafts.load(path)
    except drafts.DraftError as exc:
        assert str(exc)
        return
    after_loading(draft)


def prop_loader_text(text: str) -> None:
    try:
        draft = drafts.loads(text, "fuzz.toml")
    except drafts.DraftError as exc:
        assert str(exc)
        return
    after_loading(draft)


def after_loading(draft: Draft) -> None:
    """What every front-end does with a draft it loaded: check it, save it, export it."""
    from perfdraft.exporters import render

    checks.check_draft(draft)
    again = drafts.loads(drafts.dumps(draft), "again")
    assert drafts.dumps(again) == drafts.dumps(draft)
    render(draft, "csv")
    render(draft, "md")


# --- the importers -----------------------------------------------------------------------------------


class Timeout(BaseException):
    """Not an Exception: the importers' broad ``except Exception`` must not turn it into ImportFailed."""


@contextlib.contextmanager
def time_limit(seconds: int):
    """An import that runs this long counts as hung (main thread only: SIGALRM)."""
    def on_alarm(signum, frame):
        raise Timeout(f"took more than {seconds} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@lru_cache(maxsize=1)
def import_bases() -> dict[str, bytes]:
    """Files to damage: perfdraft's own xlsx/docx exports of the seed (with the embedded draft), the
    same xlsx without it (so the tables are read), and the text-table fixtures."""
    from openpyxl import load_workbook

    from perfdraft.exporters import render

    draft = drafts.load(SEED)
    out = {"seed.xlsx": render(draft, "xlsx").data, "seed.docx": render(draft, "docx").data}
    wb = load_workbook(io.BytesIO(out["seed.xlsx"]))
    del wb["_perfdraft"]
    buf = io.BytesIO()
    wb.save(buf)
    out["tables.xlsx"] = buf.getvalue()

    def drop_embedded(member: str, content: bytes) -> bytes:
        if member == "word/_rels/document.xml.rels":
            return re.sub(rb'<Relationship [^>]*perfdraft-draft\.xml"/>', b"", content)
        return content

    out["tables.docx"] = _rezip(out["seed.docx"], drop_embedded)
    out["page.html"] = _web_page(draft)
    for f in sorted(IMPORT_FIXTURES.glob("*")):
        out[f.name] = f.read_bytes()
    return out


def _web_page(draft) -> bytes:
    """The seed's first project as a government site shows it: a GB2312 page, merged 一级 cells."""
    from html import escape

    p = draft.projects[0]
    rows = [f"<tr><td>项目名称</td><td colspan=3>{escape(p.name or '')}</td></tr>",
            f"<tr><td>年度目标</td><td colspan=3>{escape(p.goal or '')}</td></tr>",
            "<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>"]
    last = None
    for ind in p.indicators:
        lead = "" if ind.level1 == last else f"<td rowspan={sum(1 for i in p.indicators if i.level1 == ind.level1)}>{ind.level1}</td>"
        last = ind.level1
        rows.append(f"<tr>{lead}<td>{ind.level2 or ''}</td><td>{escape(ind.name or '')}</td><td>{escape(ind.value or '')}</td></tr>")
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>2020年项目支出绩效目标表'
            f'</title><script>var a="产出指标";</script></head><body><div>首页 &gt; 信息公开</div><table border=1>{"".join(rows)}'
            "</table><div>主办单位：某县人民政府</div></body></html>")
    return page.encode("gb18030")


def _rezip(data: bytes, member_edit) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, member_edit(info.filename, src.read(info.filename)))
    return buf.getvalue()


def mutate_import_file(name: str, rng: random.Random) -> bytes:
    """One damaged copy of import_bases()[name]."""
    data = import_bases()[name]
    is_zip = name.endswith((".xlsx", ".docx"))
    kind = rng.choice(["bytes", "member", "attrs", "cells"] if is_zip else ["bytes", "lines", "tokens"])
    if kind == "bytes":
        b = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            pos = rng.randrange(len(b))
            if rng.random() < 0.2:
                del b[pos:]
                if not b:
                    break
            else:
                b[pos] = rng.randrange(256)
        return bytes(b)
    if kind == "member":
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        target = rng.choice([n for n in names if n.endswith((".xml", ".rels"))])

        def edit(member: str, content: bytes) -> bytes:
            if member != target:
                return content
            b = bytearray(content)
            for _ in range(rng.randint(1, 4)):
                pos = rng.randrange(max(1, len(b)))
                op = rng.random()
                if op < 0.4:
                    b[pos:pos + 1] = bytes([rng.randrange(32, 127)])
                elif op < 0.6:
                    del b[pos:pos + rng.randint(1, 40)]
                elif op < 0.8:
                    b[pos:pos] = rng.choice([b"<", b">", b"\"", b"&", b"<x/>", b"</w:tc>", b"<w:tc/>", b"r:id=\"rId99\"",
                                             b"<mergeCell ref=\"A1:C30000\"/>", b" t=\"n\"", b"99999999"])
                else:
                    del b[pos:]
            return bytes(b)

        return _rezip(data, edit)
    if kind == "attrs":  # well-formed XML, odd attribute values (w:val="abc", r="ZZ0", ref="A1:XFD1048576")
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        target = rng.choice([n for n in names if n.endswith(".xml")])

        def edit_attrs(member: str, content: bytes) -> bytes:
            if member != target:
                return content
            spots = list(re.finditer(rb'(\s[\w:]+=")([^"]*)(")', content))
            if not spots:
                return content
            b = bytearray(content)
            for m in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 5))), key=lambda m: -m.start()):
                odd = rng.choice([b"abc", b"-5", b"", b"99999999", b"1e3", b"0", b"A1:XFD1048576", b"ZZZ0", b"1.5",
                                  b"rId999", b"true", b"\xe4\xb8\x80", b"&amp;", b"-2147483649"])
                b[m.start(2):m.end(2)] = odd
            return bytes(b)

        return _rezip(data, edit_attrs)
    if kind == "cells":
        return _mutate_cells(name, data, rng)
    text = data.decode("utf-8", "replace")
    lines = text.split("\n")
    if kind == "lines":
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(len(lines))
            op = rng.random()
            if op < 0.3:
                del lines[i]
            elif op < 0.6:
                lines.insert(i, lines[rng.randrange(len(lines))])
            else:
                j = rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
            if not lines:
                lines = [""]
        return "\n".join(lines).encode("utf-8")
    tokens = ["\t", "|", "｜", "项目名称", "预算数", "一级指标", "二级指标", "三级指标", "指标值", "资金支出计划", "3月底",
              "12月底", "≥", "%", "，", "：", "一、", "1、", "绩效目标表", "\u3000", "\r", "　", "9" * 30, "-", "单位：元",
              "合计", "其中：财政资金", "文号", "冀财社〔2019〕74号", "\x00", "\ufeff"]
    for _ in range(rng.randint(1, 10)):
        i = rng.randrange(len(lines))
        pos = rng.randint(0, len(lines[i]))
        lines[i] = lines[i][:pos] + rng.choice(tokens) + lines[i][pos:]
    return "\n".join(lines).encode("utf-8")


def _mutate_cells(name: str, data: bytes, rng: random.Random) -> bytes:
    odd = ["", " ", "=1+1", "项目名称", "预算数", "一级指标", "≥95%", "100100%", "1e308", "-0", "合计", "\t", "#N/A",
           "2020年12月底前", "产出指标", "9" * 40, "\n\n", "a" * 3000, None]
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(data))
        visible = [ws for ws in wb.worksheets]
        for _ in range(rng.randint(1, 12)):
            ws = rng.choice(visible)
            r, c = rng.randint(1, max(2, ws.max_row + 2)), rng.randint(1, 8)
            op = rng.random()
            if op < 0.6:
                value = rng.choice([*odd, rng.randint(-10**9, 10**12), rng.random() * 1e6, True])
                with contextlib.suppress(Exception):
                    ws.cell(r, c).value = value
            elif op < 0.75:
                with contextlib.suppress(Exception):
                    ws.merge_cells(start_row=r, start_column=c, end_row=r + rng.randint(0, 3),
                                   end_column=c + rng.randint(0, 2))
            elif op < 0.9:
                ws.delete_rows(r, rng.randint(1, 3))
            else:
                ws.insert_rows(r, rng.randint(1, 2))
        if "_perfdraft" in wb.sheetnames and rng.random() < 0.5:
            meta = wb["_perfdraft"]
            cell = rng.choice(["B2", "B3", "B4", "B6"])
            meta[cell].value = rng.choice(["1", "2", "-3", "99999999999", "abc", None, "schema = 1", "0", "1.5"])
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()
    from docx import Document

    doc = Document(io.BytesIO(data))
    for _ in range(rng.randint(1, 12)):
        op = rng.random()
        if doc.tables and op < 0.6:
            t = rng.choice(doc.tables)
            row = rng.choice(t.rows)
            cell = rng.choice(row.cells)
            cell.text = rng.choice([o for o in odd if o is not None])
        elif doc.tables and op < 0.75:
            t = rng.choice(doc.tables)
            with contextlib.suppress(Exception):
                a = t.cell(rng.randrange(len(t.rows)), rng.randrange(len(t.columns)))
                b = t.cell(rng.randrange(len(t.rows)), rng.randrange(len(t.columns)))
                a.merge(b)
        elif doc.paragraphs:
            p = rng.choice(doc.paragraphs)
            p.text = rng.choice([o for o in odd if o is not None])
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def prop_import(data: bytes, name: str, workdir: Path, seconds: int = 20) -> str:
    """Import damaged bytes: a result ('ok') or ImportFailed ('refused'); anything else fails."""
    from perfdraft.importers import ImportFailed, import_file

    path = workdir / name
    path.write_bytes(data)
    try:
        with time_limit(seconds):
            result = import_file(path)
    except ImportFailed as exc:
        assert str(exc)
        return "refused"
    drafts.loads(drafts.dumps(result.draft))  # what import writes must read back
    return "ok"


def import_campaign(n: int, seed: int = 0, workdir: Path | None = None) -> dict[str, int]:
    """``n`` damaged files over all bases; returns counts. Raises on the first unexpected exception,
    with the file kept for the regression test."""
    rng = random.Random(seed)
    names = sorted(import_bases())
    counts = {"ok": 0, "refused": 0}
    with tempfile.TemporaryDirectory(prefix="pd-imp-") as d:
        wd = workdir or Path(d)
        for i in range(n):
            name = names[i % len(names)]
            data = mutate_import_file(name, rng)
            try:
                counts[prop_import(data, name, wd)] += 1
            except Exception as exc:
                keep = Path(tempfile.gettempdir()) / f"perfdraft-import-crash-{seed}-{i}-{name}"
                keep.write_bytes(data)
                raise AssertionError(f"import of damaged {name} raised {type(exc).__name__}: {exc} (kept as {keep})") from exc
    return counts
