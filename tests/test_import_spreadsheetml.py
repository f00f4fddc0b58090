"""Excel 2003 XML (SpreadsheetML), as budget systems export it under an .xls or .xml name, or pasted
into a .txt: merged cells written once, covered cells absent, ss:Index placing the next cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfdraft.importers import ImportFailed, import_file, sniff

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <Styles>
  <Style ss:ID="pct"><NumberFormat ss:Format="0%"/></Style>
  <Style ss:ID="day"><NumberFormat ss:Format="yyyy&quot;年&quot;m&quot;月&quot;"/></Style>
 </Styles>
"""


def _cell(text: object, *, kind: str = "String", index: int | None = None, across: int = 0, down: int = 0,
          style: str | None = None) -> str:
    attrs = (f' ss:Index="{index}"' if index else "") + (f' ss:MergeAcross="{across}"' if across else "") + \
        (f' ss:MergeDown="{down}"' if down else "") + (f' ss:StyleID="{style}"' if style else "")
    return f'<Cell{attrs}><Data ss:Type="{kind}">{text}</Data></Cell>'


def _workbook(hidden_sheet: bool = True) -> str:
    rows = [
        [_cell("2025年项目支出绩效目标表", across=4)],
        [_cell("项目名称"), _cell("城区道路养护", across=3)],
        [_cell("预算数（万元）"), _cell("120", kind="Number", across=3)],
        [_cell("年度绩效目标"), _cell("养护城区道路45公里，路面完好率达到90%以上。", across=3)],
        [_cell(h) for h in ("一级指标", "二级指标", "三级指标", "指标值", "完成时间")],
        [_cell("产出指标", down=3), _cell("数量指标", down=1), _cell("养护道路里程"), _cell("≥45公里")],
        [_cell("路灯维修数量", index=3), _cell("≥300盏")],
        [_cell("质量指标", index=2), _cell("路面完好率"), _cell("0.9", kind="Number", style="pct")],
        [_cell("时效指标", index=2), _cell("完工时间"), _cell("2025-11-01T00:00:00.000", kind="DateTime", style="day")],
        [_cell("效益指标"), _cell("社会效益指标"), _cell("群众出行<Font html:Color=\"#FF0000\">条件</Font>"),
         _cell("明显改善")],
        [_cell("满意度指标"), _cell("服务对象满意度指标"), _cell("沿线居民满意度"), _cell("≥90%")],
    ]
    body = "\n".join("<Row>" + "".join(r) + "</Row>" for r in rows)
    sheets = f'<Worksheet ss:Name="绩效目标表"><Table>{body}</Table></Worksheet>'
    if hidden_sheet:
        sheets += ('<Worksheet ss:Name="下拉选项"><Table><Row>' + _cell("产出指标") + _cell("养护旧表遗留指标") +
                   _cell("≥1个") + '</Row></Table><WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">'
                   '<Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>')
    return _HEAD + sheets + "</Workbook>\n"


@pytest.mark.parametrize("name", ["导出.xls", "导出.xml"])
def test_an_excel_2003_xml_export_is_read_as_a_workbook_whatever_its_name(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(_workbook(), encoding="utf-8")
    assert sniff(path) == "xmlss"
    result = import_file(path)
    (project,) = result.draft.projects
    assert project.name == "城区道路养护"
    assert project.budget.total == 1_200_000
    rows = [(i.level1, i.level2, i.name, (i.value or "") + (i.unit or "")) for i in project.indicators]
    assert rows == [
        ("产出指标", "数量指标", "养护道路里程", "≥45公里"),
        ("产出指标", "数量指标", "路灯维修数量", "≥300盏"),  # under the 二级 merged down from above
        ("产出指标", "质量指标", "路面完好率", "90%"),  # 0.9 shown by its percent style
        ("产出指标", "时效指标", "完工时间", "2025年11月"),  # a date as its format shows it
        ("效益指标", "社会效益指标", "群众出行条件", "明显改善"),  # rich text keeps its words
        ("满意度指标", "服务对象满意度指标", "沿线居民满意度", "≥90%"),
    ]
    assert result.draft.year == 2025
    said = "\n".join(result.repairs)
    assert "Excel 2003 XML" in said
    assert "隐藏的工作表“下拉选项”" in said  # and its row is not imported
    assert all(i.name != "养护旧表遗留指标" for i in project.indicators)


def test_a_workbook_pasted_into_a_text_file_after_a_note_is_read_as_the_workbook(tmp_path: Path) -> None:
    path = tmp_path / "去年的表.txt"
    path.write_text("# 从预算系统导出的附件，用记事本打开后复制\n" + _workbook(hidden_sheet=False), encoding="utf-8")
    (project,) = import_file(path).draft.projects
    assert [i.name for i in project.indicators][:2] == ["养护道路里程", "路灯维修数量"]
    assert len(project.indicators) == 6


@pytest.mark.parametrize(("damage", "said"), [
    ('<Row ss:Index="999999999">', "超出范围"),  # a row placed past the import's limit
    ('<Row><Cell ss:Index="x">', "不是数字"),
    ('<Row><Cell ss:MergeDown="4000000000">', "不对"),
    ('<Row><Cell ss:MergeAcross="9000">', "超出导入上限"),
])
def test_a_damaged_position_or_merge_is_refused_in_words(tmp_path: Path, damage: str, said: str) -> None:
    text = _workbook(hidden_sheet=False).replace("<Row>", damage.replace("<Row>", "<Row>", 1), 1)
    if "<Cell" in damage:
        text = _workbook(hidden_sheet=False).replace("<Row><Cell", damage, 1)
    path = tmp_path / "坏.xls"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFailed, match=said) as caught:
        import_file(path)
    assert "Traceback" not in str(caught.value)


def test_a_workbook_cut_short_or_defining_entities_is_refused_without_expanding_them(tmp_path: Path) -> None:
    cut = tmp_path / "半截.xls"
    cut.write_text(_workbook()[:1500], encoding="utf-8")
    with pytest.raises(ImportFailed, match="Excel 2003 XML 表格无法读取"):
        import_file(cut)
    laughs = tmp_path / "实体.xml"
    entities = '<!DOCTYPE Workbook [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefg", "bcdefgh", strict=True)) + "]>\n"
    laughs.write_text(_workbook().replace("<?mso-application", entities + "<?mso-application").replace(
        "城区道路养护", "&h;"), encoding="utf-8")
    try:
        result = import_file(laughs)
    except ImportFailed:
        return  # refused in words: fine
    assert len(result.draft.projects[0].name or "") < 1000  # never expanded to 10^8 characters


def test_a_number_past_a_floats_digits_keeps_the_digits_written(tmp_path: Path) -> None:
    # a 项目编码 stored as a Number: float() invented digits that are not in the file
    path = tmp_path / "code.xls"
    path.write_text(_workbook(hidden_sheet=False).replace(
        _cell("项目名称") + _cell("城区道路养护", across=3),
        _cell("项目名称") + _cell("城区道路养护") + _cell("项目编码") + _cell("51010020241234502", kind="Number")),
        encoding="utf-8")
    project = import_file(path).draft.projects[0]
    assert project.code == "51010020241234502"


def test_a_number_formats_own_text_is_part_of_the_value_shown(tmp_path: Path) -> None:
    # Excel shows ≥300盏 and 2025年11月底前; the text of the format had been dropped (300, 2025年11月)
    styles = ('<Style ss:ID="ge"><NumberFormat ss:Format="&quot;≥&quot;0&quot;盏&quot;"/></Style>'
              '<Style ss:ID="due"><NumberFormat ss:Format="yyyy&quot;年&quot;m&quot;月底前&quot;"/></Style>')
    text = _workbook(hidden_sheet=False).replace("</Styles>", styles + "</Styles>")
    text = text.replace(_cell("≥300盏"), _cell("300", kind="Number", style="ge"))
    text = text.replace('style="day"', 'style="due"').replace('ss:StyleID="day"', 'ss:StyleID="due"')
    path = tmp_path / "formats.xls"
    path.write_text(text, encoding="utf-8")
    values = {i.name: i.value for i in import_file(path).draft.projects[0].indicators}
    assert values["路灯维修数量"] == "≥300盏"
    assert values["完工时间"] == "2025年11月底前"


def test_an_xlsx_number_formats_text_is_kept_and_a_currency_sign_is_not(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in (["项目名称", "城区道路养护"], ["年度资金总额（万元）", 120], ["一级指标", "二级指标", "三级指标", "指标值"],
                ["产出指标", "数量指标", "路灯维修数量", 300], ["产出指标", "质量指标", "路面完好率", 0.9]):
        ws.append(row)
    ws["B2"].number_format = '"¥"#,##0.00'
    ws["D4"].number_format = '\\≥0"盏"'
    ws["D5"].number_format = '"≥"0%'
    path = tmp_path / "formats.xlsx"
    wb.save(path)
    project = import_file(path).draft.projects[0]
    assert [i.value for i in project.indicators] == ["≥300盏", "≥90%"]
    assert project.budget.total == 1200000


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
@pytest.mark.parametrize("name", ["导出.xls", "导出.xml"])
def test_a_workbook_saved_as_utf16_is_read_whatever_its_name(tmp_path: Path, encoding: str, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(_workbook().encode(encoding))  # utf-16 writes a byte-order mark, utf-16-le none
    project = import_file(path).draft.projects[0]
    assert project.name == "城区道路养护" and len(project.indicators) == 6


def test_a_workbook_after_a_long_comment_is_still_the_workbook(tmp_path: Path) -> None:
    text = _workbook()
    at = text.index("<Workbook")
    path = tmp_path / "导出.xls"
    path.write_text(text[:at] + "<!-- " + "系统导出说明 " * 5000 + "-->\n" + text[at:], encoding="utf-8")
    assert len(import_file(path).draft.projects[0].indicators) == 6


def test_a_quoted_percent_sign_is_text_not_a_percentage() -> None:
    from perfdraft.importers.xlsx import cell_text

    assert cell_text(98, '"≥"0"%"') == "≥98%"  # Excel shows ≥98%, not ≥9800%
    assert cell_text(0.9, '"≥"0%') == "≥90%"
