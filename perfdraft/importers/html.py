"""Web pages: a page saved as ``.html``/``.htm``, a page saved as one file (``.mht``), and the HTML that
web budget systems hand out under ``.xls`` or ``.doc`` names ("导出Excel", "导出Word").

lxml's HTML parser reads the page as a browser does (broken markup is recovered, not refused). Each
table row becomes a record with its cells by column: a cell spanning several columns (``colspan``)
counts once, one spanning rows (``rowspan``) is filled down as Word's vertical merge is. A table whose
inner tables hold more rows than it does is page layout (old sites lay out the whole page that way, and
frame the real table in a one-cell table): its cells are read through, in order, and the inner tables as
tables; a grid with a small table in one cell stays a grid. Text outside tables becomes paragraphs. Scripts,
styles, the page head and hidden elements are not read: their text is nobody's table.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .assembler import Assembler
from .doc_feed import check_rows
from .report import ImportFailed, Record, Report

MAX_HTML_BYTES = 30 * 1024 * 1024
MAX_SPAN = 256  # no printed table has this many columns; a larger colspan is damage
# Elements whose text is not page content.
_SKIP = frozenset({"script", "style", "head", "noscript", "template", "select", "option", "button", "iframe",
                   "object", "embed", "svg", "math", "xml", "textarea", "map"})
# Elements that end the paragraph before them and start a new one.
_BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                    "section", "article", "header", "footer", "nav", "aside", "main", "center", "blockquote",
                    "pre", "form", "address", "hr", "br", "fieldset", "figure", "figcaption", "caption",
                    "table", "tr", "td", "th", "tbody", "thead", "tfoot", "body", "html"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# A site's own furniture around the article: its menus, breadcrumbs, the article's date and hit count,
# share buttons and the footer. Marked by HTML5 tags or, on the older sites most agencies run, by the
# class or id the site's template gives them. Never an element that holds a table (that is content).
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside"})
_CHROME_NAME = re.compile(
    r"(?:^|[\s_-])(?:top-?bar|header|nav(?:bar)?|menu|breadcrumbs?|crumbs?|position|location|footer|foot|"
    r"bottom|copyright|share|sidebar|search|login|art-?info|article-?info|info-?bar|pagination|pager|"
    r"prev-?next|related|friend-?links?|toolbar)(?:$|[\s_-])", re.I)
_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
# Office's "downlevel-revealed" conditionals (<![if supportMisc]> … <![endif]>) are no markup a parser
# knows: the parser would keep them as text.
_OFFICE_IF = re.compile(r"<!\[(?:end)?if[^\]]*\]>", re.I)
_SPACE = re.compile(r"[ \t\r\n\f]+")
_HTML_HEAD = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|meta|table|title)\b", re.I)
# MIME headers (folded ones go on on lines that start with white space) up to MIME-Version / Content-Type
_MHT_HEAD = re.compile(rb"^(?:(?:[\w-]+:|[ \t])[^\n]*\r?\n)*?(?:mime-version|content-type)\s*:", re.I)


def looks_like_html(head: bytes) -> bool:
    """Whether a file's first bytes are a web page (whatever its name says)."""
    text = ascii_head(head)
    stripped = text.lstrip()
    return stripped.startswith(b"<") and _HTML_HEAD.search(text) is not None


def looks_like_mht(head: bytes) -> bool:
    """A page saved as one file (MIME, multipart/related): 'MIME-Version:' or 'Content-Type:' headers."""
    text = ascii_head(head).lstrip()
    return _MHT_HEAD.match(text) is not None and b"multipart/" in text.lower()


def ascii_head(head: bytes) -> bytes:
    for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            return head.decode("utf-16", "ignore").encode("ascii", "ignore")
    return head.removeprefix(codecs.BOM_UTF8)


def _decode(raw: bytes, charset: str | None, source: str) -> str:
    """The page's text: a BOM first, then the charset the page (or its MIME part) declares, then UTF-8
    and GBK as any text is read. GB2312 pages are read as GB18030, which they are a subset of."""
    from .text import decode

    if raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(raw, source)
    if charset is None:
        m = _CHARSET.search(raw[:8192])
        charset = m.group(1).decode("ascii") if m else None
    name = (charset or "").lower()
    if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030"):
        name = "gb18030"
    if not raw.strip(b" \t\r\n") or b"\x00" in raw:
        return decode(raw, source)  # empty or binary: said in the text reader's words
    for enc in dict.fromkeys((name, "utf-8", "gb18030")):  # a wrong declaration is common
        try:
            return raw.decode(enc) if enc else raw.decode("utf-8")
        except (LookupError, UnicodeDecodeError):
            continue
    # A few bad bytes: a browser shows the page with them replaced, and so is it read here
    readings = [raw.decode(enc, errors="replace") for enc in ("utf-8", "gb18030")]
    return min(readings, key=lambda t: t.count("\ufffd"))


def _mht_html(raw: bytes, source: str) -> str:
    """The page part of a single-file web page (MHTML): the first text/html part, decoded."""
    import email

    msg = email.message_from_bytes(raw)
    for part in msg.walk():
        if part.get_content_type() != "text/html":
            continue
        body = part.get_payload(decode=True)
        if isinstance(body, bytes) and body.strip():
            return _decode(body, part.get_content_charset(), source)
    raise ImportFailed(f"{source}：是单个文件的网页（.mht），但其中没有网页正文（text/html），无法导入；"
                       "请在浏览器中打开后另存为 .html，或复制表格文字后导入")


def page_text(path: Path) -> str:
    """The HTML of a saved page, .mht or web-system export, as text; ImportFailed in words otherwise."""
    source = str(path)
    size = path.stat().st_size
    if size > MAX_HTML_BYTES:
        raise ImportFailed(f"{source}：网页文件有 {size / 1024 / 1024:.1f} MiB，超过导入上限 30 MiB，不像是绩效目标表")
    raw = path.read_bytes()
    if looks_like_mht(raw[:2048]):
        return _mht_html(raw, source)
    return _decode(raw, None, source)


def _parse(text: str) -> Any:
    import lxml.html  # type: ignore[import-untyped]
    from lxml import etree  # type: ignore[import-untyped]

    text = _OFFICE_IF.sub("", _XML_DECL.sub("", text, count=1))
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):  # a page with no element at all
        return None
    return root


def _hidden(el: Any) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def _chrome(el: Any, tag: str) -> bool:
    """The site's navigation, header, article information or footer (see _CHROME_NAME), or a menu:
    a block (or a table of links) whose text is all in two or more links."""
    if any(_tag(d) == "table" for d in el.iterdescendants()):
        return tag == "table" and _menu(el)
    if tag in _CHROME_TAGS or _CHROME_NAME.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
        return True
    return tag in _BLOCK and _menu(el)


_CHROME_SAID = "网页的导航栏、栏目位置、发布信息和页脚不是表格内容，未导入"
_MENU_GLUE = re.compile(r"[\s|｜·•>»/、,，\-–—]+")


def _menu(el: Any) -> bool:
    links = [a for a in el.iterdescendants() if _tag(a) == "a"]
    if len(links) < 2:
        return False
    linked = sum(len(_MENU_GLUE.sub("", a.text_content())) for a in links)
    return linked > 0 and linked == len(_MENU_GLUE.sub("", el.text_content()))


def _tag(el: Any) -> str:
    tag = el.tag
    return tag.lower().rsplit(":", 1)[-1] if isinstance(tag, str) else ""


class _Text:
    """Walks a page's elements in document order; <br> and blocks (<p>, <div>, cells) end a line, runs of
    white space are one. What a line or a blank is used for is the subclass's."""

    def __init__(self) -> None:
        self.buf: list[str] = []
        self.lines: list[str] = []

    def line(self, text: str) -> None:
        self.lines.append(text)

    def blank(self) -> None:
        pass

    def element(self, el: Any) -> bool:
        """True when ``el`` was read (or set aside) by the subclass: the page reader's tables and chrome."""
        return False

    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.buf)).strip()
        self.buf.clear()
        if text:
            self.line(text)
        else:
            self.blank()

    def walk(self, el: Any) -> None:
        tag = _tag(el)
        if tag in _SKIP or _hidden(el) or self.element(el):
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        if el.text:
            self.buf.append(el.text)
        for child in el:
            if isinstance(child.tag, str):
                self.walk(child)
            if child.tail:
                self.buf.append(child.tail)
        if block:
            self.flush()


def _cell_text(td: Any) -> str:
    """A cell's text as shown, its lines joined by line breaks."""
    text = _Text()
    text.walk(td)
    text.flush()
    return "\n".join(text.lines)


def _rows(tbl: Any) -> Iterator[Any]:
    """The table's own rows (in <thead>/<tbody>/<tfoot> or not), never a nested table's."""
    for child in tbl:
        tag = _tag(child)
        if tag == "tr" and not _hidden(child):
            yield child
        elif tag in ("thead", "tbody", "tfoot") and not _hidden(child):
            yield from (tr for tr in child if _tag(tr) == "tr" and not _hidden(tr))


def _span(el: Any, name: str) -> int:
    try:
        n = int(re.sub(r"\D.*$", "", (el.get(name) or "1").strip()) or 1)
    except ValueError:
        return 1
    return max(n, 1)


def _carry_down(below: dict[int, tuple[str | None, int]], cells: list[str | None], filled: list[str | None],
                locs: list[str], row: str) -> None:
    """Cells of earlier rows that span into this one at its next columns: blank, filled down."""
    while len(cells) in below:
        col = len(cells)
        text, left = below[col]
        cells.append(None)
        filled.append(text)
        locs.append(f"{row}第 {col + 1} 列")
        if left <= 1:
            del below[col]
        else:
            below[col] = (text, left - 1)


def _table_records(tbl: Any, number: int, report: Report) -> list[Record]:
    out: list[Record] = []
    # column → (text filled down, rows left) for cells spanning rows
    below: dict[int, tuple[str | None, int]] = {}
    rows = list(_rows(tbl))
    check_rows(len(rows), number, report)
    for r, tr in enumerate(rows, 1):
        if not below and _menu(tr):  # a row of links in a banner table: the site's menu
            report.note("html-chrome", _CHROME_SAID)
            continue
        cells: list[str | None] = []
        filled: list[str | None] = []
        locs: list[str] = []
        for td in tr:
            if _tag(td) not in ("td", "th") or _hidden(td):
                continue
            _carry_down(below, cells, filled, locs, f"表格 {number} 第 {r} 行")
            col = len(cells)
            where = f"表格 {number} 第 {r} 行第 {col + 1} 列"
            colspan, rowspan = _span(td, "colspan"), _span(td, "rowspan")
            if colspan > MAX_SPAN:
                raise ImportFailed(f"{report.source}：{where} 的单元格横跨 {colspan} 列，超过上限 {MAX_SPAN} 列，"
                                   "文件可能已损坏")
            text = _cell_text(td)
            for k in range(colspan):
                cells.append(text if k == 0 else None)
                filled.append(text if k == 0 else None)
                locs.append(where)
                if rowspan > 1:
                    below[col + k] = (text if k == 0 else None, rowspan - 1)
        _carry_down(below, cells, filled, locs, f"表格 {number} 第 {r} 行")
        report.take_cells(len(cells), f"表格 {number} 第 {r} 行")
        if any(c for c in cells) or any(f for f in filled):
            out.append(Record(cells, f"表格 {number} 第 {r} 行", locs=locs, filled=filled))
    return out


def _layout_table(tbl: Any) -> bool:
    """A table laying out the page (menus, the article, a frame around the real table): the tables
    inside it hold more rows than it does. A grid with a small table in one cell is a grid."""
    inner = [d for d in tbl.iterdescendants() if _tag(d) == "table"]
    return sum(1 for t in inner for _ in _rows(t)) > sum(1 for _ in _rows(tbl))


class _Reader(_Text):
    """The page in document order: paragraphs and tables fed to the assembler."""

    def __init__(self, asm: Assembler, report: Report) -> None:
        super().__init__()
        self.asm, self.report = asm, report
        self.p_no = self.t_no = 0
        self.gap = False

    def line(self, text: str) -> None:
        self.p_no += 1
        where = f"第 {self.p_no} 段"
        self.report.take_cells(1, where)
        self.asm.feed(Record([text], where, para=True, gap=self.gap))
        self.gap = False

    def blank(self) -> None:
        self.gap = True

    def element(self, el: Any) -> bool:
        tag = _tag(el)
        if tag != "table" or _chrome(el, tag):
            if tag in ("html", "body") or not _chrome(el, tag):
                return False
            self.flush()
            if _SPACE.sub("", el.text_content()):
                self.report.note("html-chrome", _CHROME_SAID)
            return True
        self.flush()
        if _layout_table(el):
            self.layout(el)
        else:
            self.table(el)
        return True

    def layout(self, tbl: Any) -> None:
        """A table holding tables: page layout. Its cells are read through as the page's blocks."""
        for tr in _rows(tbl):
            for td in tr:
                if _tag(td) in ("td", "th"):
                    self.walk(td)

    def table(self, tbl: Any) -> None:
        self.t_no += 1
        for rec in _table_records(tbl, self.t_no, self.report):
            self.asm.feed(rec)
        self.asm.end_table()
        self.gap = False


_TITLE_YEAR = re.compile(r"(20\d\d)\s*年度?")


_MARKUP = re.compile(r"<(?:table|tr|td|th)\b[^>]*>", re.I)


def is_markup(text: str) -> bool:
    """Text that is an HTML table's source: several table tags, not a value written as <5%."""
    return len(_MARKUP.findall(text, 0, 200_000)) >= 6 and re.search(r"</t[dr]>", text, re.I) is not None


def read(path: Path, report: Report, *, split_doc_number: bool = False,
         text: str | None = None) -> tuple[Assembler, int | None]:
    """The assembler fed with the page's paragraphs and tables, and the year its <title> names;
    ``text``: the page's source already read (HTML copied into a .txt)."""
    text = page_text(path) if text is None else text
    bad = text.count("\ufffd")
    if bad:
        report.note("html-bytes", f"网页中有 {bad} 处字节无法按其编码读取，已显示为 �，请对照原网页核对这些字")
    root = _parse(text)
    asm = Assembler(str(path), report, split_doc_number=split_doc_number)
    year = None
    if root is None:
        report.note("no-table", "网页中没有可读的内容")
        return asm, None
    title = root.find(".//title")
    if title is not None and title.text:
        m = _TITLE_YEAR.search(title.text)
        year = int(m.group(1)) if m else None
    body = root.find("body")
    reader = _Reader(asm, report)
    reader.walk(body if body is not None else root)
    reader.flush()
    if reader.t_no == 0:
        report.note("no-table", "网页中没有表格，只读取了段落文字")
    return asm, year
