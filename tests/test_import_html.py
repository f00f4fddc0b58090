"""Web pages as people have them: a page saved from a government site, an old GB2312 page laid out in
tables, a page saved as one file (.mht), and the HTML web systems hand out as .xls or .doc."""

from __future__ import annotations

import quopri
from pathlib import Path

import pytest

from perfdraft.cli import main
from perfdraft.importers import ImportFailed, import_file, sniff
from perfdraft.model import Draft

GRID = """
<table border="1">
<tr><td>项目名称</td><td colspan="3">农村人居环境整治</td></tr>
<tr><td>主管部门</td><td>某县农业农村局</td><td>实施单位</td><td>某县农业农村局</td></tr>
<tr><td rowspan="3">项目资金（万元）</td><td>年度资金总额</td><td colspan="2">120</td></tr>
<tr><td>其中：财政拨款</td><td colspan="2">100</td></tr>
<tr><td>其他资金</td><td colspan="2">20</td></tr>
<tr><td>年度目标</td><td colspan="3">完成20个村的人居环境整治，<br>改善农村面貌。</td></tr>
<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>
<tr><td rowspan="3">产出指标</td><td>数量指标</td><td>整治村庄数量</td><td>≥20个</td></tr>
<tr><td>质量指标</td><td>验收合格率</td><td>≥95%</td></tr>
<tr><td>时效指标</td><td>完成时间</td><td>2024年12月底前</td></tr>
<tr><td rowspan="2">效益指标</td><td rowspan="2">社会效益指标</td><td>农村人居环境改善</td><td>明显改善</td></tr>
<tr><td>村庄保洁覆盖率</td><td>=100%</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>&nbsp;≥90%&nbsp;</td></tr>
</table>
"""
ROWS = [("整治村庄数量", "≥20个"), ("验收合格率", "≥95%"), ("完成时间", "2024年12月底前"),
        ("农村人居环境改善", "明显改善"), ("村庄保洁覆盖率", "=100%"), ("群众满意度", "≥90%")]


def _page(body: str, head: str = '<meta charset="utf-8"><title>某县2024年项目支出绩效目标表</title>') -> str:
    return f"<!DOCTYPE html>\n<html><head>{head}</head><body>{body}</body></html>"


def _rows(draft: Draft) -> list[tuple[str | None, str | None]]:
    return [(i.name, i.value) for p in draft.projects for i in p.indicators]


def _levels(draft: Draft) -> list[tuple[str | None, str | None]]:
    return [(i.level1, i.level2) for p in draft.projects for i in p.indicators]


def test_a_saved_page_reads_the_table_and_not_the_sites_chrome_or_scripts(tmp_path):
    page = _page(
        '<div class="nav">首页 &gt; 信息公开 &gt; 部门预算</div>'
        "<script>var 指标 = '产出指标 数量指标 假行 ≥1个';</script><style>.产出指标{color:red}</style>"
        '<div style="display:none">满意度指标 隐藏行 ≥1%</div>'
        f"<h2>某县农业农村局2024年项目支出绩效目标表</h2>{GRID}"
        '<p class="text-right">公开日期：2025-02-18</p><div class="footer">主办单位：某县人民政府办公室</div>')
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    draft = import_file(path).draft
    assert _rows(draft) == ROWS
    # rowspan fills a merged 一级/二级 down, as Word's vertical merge is
    assert _levels(draft)[3:5] == [("效益指标", "社会效益指标")] * 2
    p = draft.projects[0]
    assert (p.name, p.budget.total, p.budget.fiscal, p.budget.other) == ("农村人居环境整治", 1_200_000, 1_000_000, 200_000)
    assert p.goal is not None and p.goal.startswith("完成20个村") and "改善农村面貌" in p.goal
    assert draft.year == 2024
    text = repr(draft)
    assert "假行" not in text and "隐藏行" not in text and "color" not in text


def test_an_old_gb2312_page_laid_out_in_tables(tmp_path):
    """Upper-case tags, unquoted attributes, <font> and <p> in cells, the data table nested in the
    page's layout table, the bytes in GB2312 as the page's meta says."""
    grid = GRID.replace("<td", "<TD").replace("</td>", "</TD>").replace("<tr>", "<TR>").replace("</tr>", "</TR>")
    grid = grid.replace("<TD>验收合格率</TD>", "<TD><p><font size=2>验收合格率</font></p></TD>")
    page = ('<HTML><HEAD><META http-equiv=Content-Type content="text/html; charset=gb2312">'
            "<TITLE>财政信息</TITLE></HEAD><BODY>"
            "<TABLE width=100%><TR><TD>网站首页 | 政务公开 | 办事服务</TD></TR>"
            f"<TR><TD><TABLE width=760><TR><TD>2024年项目支出绩效目标表</TD></TR><TR><TD>{grid}</TD></TR></TABLE></TD></TR>"
            "<TR><TD>版权所有 某县人民政府</TD></TR></TABLE></BODY></HTML>")
    path = tmp_path / "old.htm"
    path.write_bytes(page.encode("gb2312"))
    draft = import_file(path).draft
    assert _rows(draft) == ROWS
    assert draft.projects[0].name == "农村人居环境整治"


@pytest.mark.parametrize("name", ["export.xls", "export.doc", "export.xlsx"])
def test_html_exported_by_a_web_system_under_an_office_name(tmp_path, name):
    """"导出Excel" / "导出Word" of many web systems is HTML saved as .xls or .doc: read, not refused."""
    office = ('<html xmlns:o="urn:schemas-microsoft-com:office:office" '
              'xmlns:x="urn:schemas-microsoft-com:office:excel"><head>'
              '<meta http-equiv=Content-Type content="text/html; charset=utf-8">'
              "<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:Name>Sheet1</x:Name></x:ExcelWorkbook></xml><![endif]-->"
              "</head><body><![if supportMisc]>"
              f"{GRID.replace('<td>120</td>', '<td x:num>120</td>')}<![endif]></body></html>")
    path = tmp_path / name
    path.write_text(office, encoding="utf-8")
    assert sniff(path) == "html"
    assert _rows(import_file(path).draft) == ROWS


def test_a_real_old_office_file_is_still_refused_in_words(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(ImportFailed, match="另存为 .docx"):
        import_file(path)


def test_a_page_saved_as_one_file_mht(tmp_path):
    html = _page(f"<h3>2023年项目支出绩效目标表</h3>{GRID}",
                 head='<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>t</title>')
    body = quopri.encodestring(html.encode("gb2312")).decode("ascii")
    mht = ("From: <Saved by Windows Internet Explorer>\r\nSubject: =?gb2312?B?sagxMg==?=\r\n\t=?gb2312?B?sagxMg==?=\r\n"
           "Date: Mon, 3 Feb 2025 10:00:00 +0800\r\nMIME-Version: 1.0\r\n"
           'Content-Type: multipart/related;\r\n\tboundary="----=_NextPart_000"\r\n\r\n'
           "This is a multi-part message in MIME format.\r\n\r\n------=_NextPart_000\r\n"
           'Content-Type: text/html;\r\n\tcharset="gb2312"\r\nContent-Transfer-Encoding: quoted-printable\r\n'
           f"Content-Location: http://x.gov.cn/a.html\r\n\r\n{body}\r\n\r\n------=_NextPart_000\r\n"
           "Content-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n\r\nR0lGODlhAQABAAAAACw=\r\n\r\n"
           "------=_NextPart_000--\r\n")
    path = tmp_path / "page.mht"
    path.write_bytes(mht.encode("ascii"))
    draft = import_file(path).draft
    assert _rows(draft) == ROWS
    assert draft.year == 2023


def test_two_projects_as_two_tables_with_thead_and_tbody(tmp_path):
    second = GRID.replace("农村人居环境整治", "农村道路养护").replace("整治村庄数量", "养护里程")
    first = GRID.replace("<tr><th>一级指标", "<thead><tr><th>一级指标").replace("指标值</th></tr>", "指标值</th></tr></thead><tbody>")
    first = first.replace("</table>", "</tbody></table>")
    path = tmp_path / "two.html"
    path.write_text(_page(f"<h3>项目一</h3>{first}<h3>项目二</h3>{second}"), encoding="utf-8")
    draft = import_file(path).draft
    assert [p.name for p in draft.projects] == ["农村人居环境整治", "农村道路养护"]
    assert [len(p.indicators) for p in draft.projects] == [6, 6]
    assert draft.projects[1].indicators[0].name == "养护里程"


def test_the_cli_imports_a_page_and_refuses_a_page_without_a_table_in_words(tmp_path, capsys):
    good = tmp_path / "page.html"
    good.write_text(_page(GRID), encoding="utf-8")
    out = tmp_path / "d.toml"
    assert main(["import", str(good), "-o", str(out)]) in (0, 1)
    assert "整治村庄数量" in out.read_text(encoding="utf-8")
    blank = tmp_path / "blank.html"
    blank.write_text(_page("<p>欢迎访问本站</p>"), encoding="utf-8")
    assert main(["import", str(blank), "-o", str(tmp_path / "e.toml")]) == 2
    err = capsys.readouterr().err
    assert "blank.html" in err and "不是绩效目标表" in err
    assert not (tmp_path / "e.toml").exists()


def test_a_damaged_span_is_refused_in_words(tmp_path):
    path = tmp_path / "bad.html"
    path.write_text(_page(GRID.replace('colspan="3"', 'colspan="5000000"', 1)), encoding="utf-8")
    with pytest.raises(ImportFailed, match="横跨 5000000 列"):
        import_file(path)


def test_a_mht_without_a_page_part_says_so(tmp_path):
    path = tmp_path / "x.mht"
    path.write_bytes(b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
                     b"Content-Type: image/gif\r\n\r\nxx\r\n--b--\r\n")
    with pytest.raises(ImportFailed, match="没有网页正文"):
        import_file(path)


def test_a_text_file_that_mentions_html_stays_text(tmp_path):
    """A .txt of copied text that starts with a tag-like line is still read as text."""
    path = tmp_path / "t.txt"
    path.write_text("<table>\n项目名称\n农村人居环境整治\n", encoding="utf-8")
    assert sniff(path) == "text"


def test_rowspan_over_a_missing_cell_keeps_columns(tmp_path):
    """A row shorter than its neighbours (cells left out) keeps the spans of the rows above in place."""
    from perfdraft.importers.html import _parse, _table_records
    from perfdraft.importers.report import Report

    root = _parse("<table><tr><td rowspan=3>A</td><td colspan=2 rowspan=2>B</td><td>c</td></tr>"
                  "<tr><td>d</td></tr><tr><td>e</td><td>f</td></tr></table>")
    recs = _table_records(root.find(".//table"), 1, Report("t"))
    assert [r.cells for r in recs] == [["A", "B", None, "c"], [None, None, None, "d"], [None, "e", "f"]]
    assert [r.filled for r in recs] == [["A", "B", None, "c"], ["A", "B", None, "d"], ["A", "e", "f"]]


@pytest.fixture(autouse=True)
def _no_home(tmp_path, monkeypatch):
    monkeypatch.setenv("PERFDRAFT_DATA_DIR", str(Path(tmp_path) / "data"))


def test_a_gbk_page_with_a_damaged_byte_is_still_read(tmp_path):
    """A browser shows a page with a bad byte replaced; refusing the whole page for it helps nobody."""
    raw = _page(GRID, head='<meta charset="gb2312">').encode("gb18030")
    cut = raw.index("农村人居".encode("gb18030"))
    path = tmp_path / "bad-byte.html"
    path.write_bytes(raw[:cut] + b"\xff" + raw[cut + 1:])
    result = import_file(path)
    assert _rows(result.draft) == ROWS
    assert any("无法按其编码读取" in line for line in result.repairs)  # the replaced character is said, not hidden


def _ods(path: Path, rows: list[list[str | None]]) -> None:
    """An OpenDocument spreadsheet as LibreOffice and WPS save one (only the parts a reader needs)."""
    import zipfile
    from html import escape

    def cell(v: str | None) -> str:
        return "<table:table-cell/>" if v is None else \
            f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p></table:table-cell>'
    body = "".join("<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>" for r in rows)
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="表1">{body}</table:table></office:spreadsheet>'
               "</office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                   '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
                   'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                   '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')


def test_an_opendocument_spreadsheet_is_read_not_refused(tmp_path):
    """LibreOffice and WPS save .ods; it was refused with a request to save it as .xlsx."""
    path = tmp_path / "t.ods"
    _ods(path, [["项目名称", "农村人居环境整治", None, None], ["一级指标", "二级指标", "三级指标", "指标值"],
                ["产出指标", "数量指标", "整治村庄数量", "≥20个"], ["产出指标", "质量指标", "验收合格率", "≥95%"],
                ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"]])
    assert sniff(path) == "ods"
    draft = import_file(path).draft
    assert _rows(draft) == [("整治村庄数量", "≥20个"), ("验收合格率", "≥95%"), ("群众满意度", "≥90%")]
    assert draft.projects[0].name == "农村人居环境整治"


def test_a_small_table_inside_one_cell_of_the_grid_keeps_the_grid(tmp_path):
    """A grid whose 指标解释 cell holds a two-row table is still the grid (the inner table's text is that
    cell's); only a table framing bigger tables is page layout."""
    inner = "<table><tr><td>验收合格数</td></tr><tr><td>÷验收总数×100%</td></tr></table>"
    grid = ("<table><tr><td>项目名称</td><td colspan=4>农村人居环境整治</td></tr>"
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>指标解释</td></tr>"
            "<tr><td rowspan=2>产出指标</td><td>数量指标</td><td>整治村庄数量</td><td>≥20个</td><td>完成整治的行政村数</td></tr>"
            f"<tr><td>质量指标</td><td>验收合格率</td><td>≥95%</td><td>{inner}</td></tr>"
            "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥90%</td><td>抽样调查</td></tr></table>")
    path = tmp_path / "nested.html"
    path.write_text(_page(grid), encoding="utf-8")
    draft = import_file(path).draft
    assert _rows(draft) == [("整治村庄数量", "≥20个"), ("验收合格率", "≥95%"), ("群众满意度", "≥90%")]
    assert draft.projects[0].indicators[1].description == "验收合格数\n÷验收总数×100%"


def test_a_sites_menus_breadcrumb_article_info_and_footer_are_said_once_not_listed_as_unplaced(tmp_path):
    # what a government site prints around the table: a menu of links (in a banner table's row and in
    # a <ul>), the breadcrumb, the article's date and hit count, the sentence that publishes the table,
    # the links to the next article and the footer; none of it is the user's, none is listed as unplaced
    page = _page(
        '<table><tr><td><img src="banner.jpg"></td></tr>'
        '<tr><td><a href="/">首 页</a> | <a href="/xxgk/">信息公开</a> | <a href="/zwdt/">政务动态</a></td></tr></table>'
        '<div class="topbar">欢迎访问某县人民政府网站！</div>'
        '<ul class="w1200"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul>'
        '<div>您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>'
        '<div class="art-info"><span>发布时间：2024-02-06 10:32</span><span>浏览次数：386</span></div>'
        '<p>根据预算信息公开有关要求，现将我局2024年农村人居环境整治项目支出绩效目标公开如下：</p>'
        f"{GRID}"
        '<p>填报人：王喆　联系电话：0914-5322168</p>'
        '<p>下一篇：某县农业农村局2024年部门预算公开</p>'
        '<div id="foot">网站标识码：1309290001　冀ICP备05008126号-1</div>')
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    result = import_file(path)
    assert _rows(result.draft) == ROWS
    assert [u.text for u in result.unplaced] == ["填报人：王喆\u3000联系电话：0914-5322168"]  # a name: kept
    said = "\n".join(result.repairs)
    assert "网页的导航栏、栏目位置、发布信息和页脚不是表格内容，未导入" in said
    assert "网页栏目、发布信息、页脚和表格标题不是表格内容，未导入" in said
    assert not any("ICP" in n or "首页" in n for p in result.draft.projects for n in p.notes)


def test_a_table_inside_an_element_named_like_chrome_is_still_read(tmp_path):
    # some templates put the article in <div class="main-nav-content">: a table is never chrome
    page = _page(f'<div class="nav">{GRID}</div><footer><table><tr><td>项目负责人：李明</td></tr></table></footer>')
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    result = import_file(path)
    assert _rows(result.draft) == ROWS
    assert [u.text for u in result.unplaced] == ["项目负责人：李明"]


def test_a_flat_export_s_goal_column_is_the_project_s_goal_read_once(tmp_path):
    head = "<tr><td>单位名称</td><td>项目名称</td><td>预算数(万元)</td><td>年度绩效目标</td><td>一级指标</td>" \
           "<td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
    rows = [("甲项目", "完成甲任务。", "产出指标", "数量指标", "培训人数", "≥600人"),
            ("甲项目", "完成甲任务。", "满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"),
            ("乙项目", "完成乙任务。", "产出指标", "质量指标", "验收合格率", "≥95%"),
            ("乙项目", "另一个目标。", "产出指标", "时效指标", "完成时间", "2025年12月底前")]
    body = "".join(f"<tr><td>某县农业农村局</td><td>{n}</td><td>186.00</td><td>{g}</td><td>{a}</td><td>{b}</td>"
                   f"<td>{c}</td><td>{v}</td></tr>" for n, g, a, b, c, v in rows)
    path = tmp_path / "export.xls"
    path.write_text(_page(f"<table border=1>{head}{body}</table>"), encoding="utf-8")
    result = import_file(path)
    assert [(p.name, p.goal) for p in result.draft.projects] == [("甲项目", "完成甲任务。"), ("乙项目", "完成乙任务。")]
    assert _rows(result.draft)[3] == ("完成时间", "2025年12月底前")
    # a second, different goal for one project is not dropped: it is listed
    assert [u.text for u in result.unplaced] == ["年度绩效目标：另一个目标。"]
