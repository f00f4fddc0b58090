# ruff: noqa: E501, E741, B905, F541, UP031, B023, B007 (a data generator: long XML lines and Chinese text as written)
"""Build the synthetic probe files pj_01..pj_08: .docx / .xlsx as real tools save them.

The earlier probes (px_*, py_*) were written with python-docx / openpyxl, which
write very tidy XML. Real files come from Word 2007-365, WPS Office and budget
systems' own writers, and carry structures those libraries never write: track
changes and comments, content controls, WPS text boxes with a VML fallback,
gridBefore/gridAfter and old-style hMerge, nested tables, smart tags and
customXml wrappers, w:sym symbols, inline strings, rich text and phonetic runs,
shared formulas, cells without positions, oddly named parts. Each file here
carries a different set of them.

Written from general knowledge; nothing here was captured from a published
document. Agency names, people and phone numbers are made up. Defects are
planted on purpose (see README.md in this folder) and must not be fixed.

Plain Python 3.11 standard library only (zipfile + XML written as text):

    python3 tests/probe_files/make_probe_office.py

Output is deterministic: fixed zip timestamps, fixed core properties, no clocks.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent
NOTE = "SYNTHETIC probe (written from knowledge, not captured)"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

# --------------------------------------------------------------------------- namespaces

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

WORD365_NS = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:aink="http://schemas.microsoft.com/office/drawing/2016/ink" '
    'xmlns:am3d="http://schemas.microsoft.com/office/drawing/2017/model3d" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:oel="http://schemas.microsoft.com/office/2019/extlst" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'xmlns:w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex" '
    'xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid" '
    'xmlns:w16="http://schemas.microsoft.com/office/word/2018/wordml" '
    'xmlns:w16du="http://schemas.microsoft.com/office/word/2023/wordml/word16du" '
    'xmlns:w16sdtdh="http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash" '
    'xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="w14 w15 w16se w16cid w16 w16cex w16sdtdh w16du wp14"'
)

WORD2010_NS = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="w14 wp14"'
)

WPS_NS = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" '
    'mc:Ignorable="w14 w15 wp14"'
)

CT = {
    "rels": "application/vnd.openxmlformats-package.relationships+xml",
    "xml": "application/xml",
    "core": "application/vnd.openxmlformats-package.core-properties+xml",
    "app": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    "custom": "application/vnd.openxmlformats-officedocument.custom-properties+xml",
    "document": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "wstyles": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
    "settings": "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
    "fontTable": "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
    "webSettings": "application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml",
    "comments": "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
    "footer": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
    "numbering": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
    "workbook": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "worksheet": "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
    "sst": "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
    "sstyles": "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
}


# --------------------------------------------------------------------------- package helpers

def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_zip(name: str, parts, stamp=(1980, 1, 1, 0, 0, 0)) -> None:
    """Write parts (name, str|bytes) in the given order with fixed timestamps."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for pname, data in parts:
            if isinstance(data, str):
                data = data.encode("utf-8")
            zi = zipfile.ZipInfo(pname, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zi.external_attr = 0
            z.writestr(zi, data)
    (OUT / name).write_bytes(buf.getvalue())


def content_types(defaults, overrides) -> str:
    d = "".join(f'<Default Extension="{e}" ContentType="{t}"/>' for e, t in defaults)
    o = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
    return DECL + f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{d}{o}</Types>'


def rels(items) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{esc(g)}"/>' for i, t, g in items)
    return DECL + f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'


PKG_RELS = [
    ("rId3", RT + "/extended-properties", "docProps/app.xml"),
    ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
    ("rId1", RT + "/officeDocument", None),
]


def pkg_rels(main: str, app=True, custom=False) -> str:
    items = []
    if custom:
        items.append(("rId4", RT + "/custom-properties", "docProps/custom.xml"))
    for i, t, g in PKG_RELS:
        if g is None:
            g = main
        if i == "rId3" and not app:
            continue
        items.append((i, t, g))
    return rels(items)


def core(title, creator, last_by, created, modified, revision=None, keywords="") -> str:
    rev = f"<cp:revision>{revision}</cp:revision>" if revision is not None else ""
    kw = f"<cp:keywords>{esc(keywords)}</cp:keywords>" if keywords else ""
    return DECL + (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{esc(title)}</dc:title><dc:subject></dc:subject><dc:creator>{esc(creator)}</dc:creator>"
        f"{kw}<dc:description>{NOTE}</dc:description><cp:lastModifiedBy>{esc(last_by)}</cp:lastModifiedBy>{rev}"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def app_word(pages=1, words=900, chars=1000, app="Microsoft Office Word", version="16.0000", company="") -> str:
    return DECL + (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Template>Normal.dotm</Template><TotalTime>47</TotalTime><Pages>{pages}</Pages><Words>{words}</Words>"
        f"<Characters>{chars}</Characters><Application>{esc(app)}</Application><DocSecurity>0</DocSecurity>"
        f"<Lines>{chars // 40}</Lines><Paragraphs>{chars // 90}</Paragraphs><ScaleCrop>false</ScaleCrop>"
        f"<Company>{esc(company)}</Company><LinksUpToDate>false</LinksUpToDate>"
        f"<CharactersWithSpaces>{chars + 20}</CharactersWithSpaces><SharedDoc>false</SharedDoc>"
        f"<HyperlinksChanged>false</HyperlinksChanged>{'<AppVersion>' + version + '</AppVersion>' if version else ''}</Properties>"
    )


def app_excel(sheets, app="Microsoft Excel", version="16.0300", company="", print_area_of=None) -> str:
    n = len(sheets)
    titles = list(sheets)
    parts_n = n
    pairs = f'<vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>{n}</vt:i4></vt:variant>'
    if print_area_of:
        pairs += '<vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>'
        titles.append(f"{print_area_of}!Print_Area")
        parts_n += 1
    t = "".join(f"<vt:lpstr>{esc(s)}</vt:lpstr>" for s in titles)
    return DECL + (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>{esc(app)}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        f'<HeadingPairs><vt:vector size="{4 if print_area_of else 2}" baseType="variant">{pairs}</vt:vector></HeadingPairs>'
        f'<TitlesOfParts><vt:vector size="{parts_n}" baseType="lpstr">{t}</vt:vector></TitlesOfParts>'
        f"<Company>{esc(company)}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        f"<HyperlinksChanged>false</HyperlinksChanged><AppVersion>{version}</AppVersion></Properties>"
    )


def custom_wps(build="2052-11.1.0.14309", icv="8C3A1F2E6B0D4C9A9E7F51B2D3C4A5F6") -> str:
    fm = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
    return DECL + (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f'<property fmtid="{fm}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>{build}</vt:lpwstr></property>'
        f'<property fmtid="{fm}" pid="3" name="ICV"><vt:lpwstr>{icv}</vt:lpwstr></property></Properties>'
    )


def font_table(ns, fonts=("宋体", "仿宋_GB2312", "黑体", "方正小标宋简体", "Times New Roman")) -> str:
    info = {
        "宋体": ('<w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/>'
                 '<w:family w:val="auto"/><w:pitch w:val="variable"/>'),
        "仿宋_GB2312": ('<w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/>'),
        "黑体": ('<w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/>'
                 '<w:family w:val="modern"/><w:pitch w:val="fixed"/>'),
        "方正小标宋简体": ('<w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="default"/>'),
        "Times New Roman": ('<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/>'
                            '<w:pitch w:val="variable"/>'),
        "Symbol": ('<w:panose1 w:val="05050102010706020507"/><w:charset w:val="02"/><w:family w:val="roman"/>'
                   '<w:pitch w:val="variable"/>'),
    }
    body = "".join(f'<w:font w:name="{f}">{info[f]}</w:font>' for f in fonts)
    return DECL + f"<w:fonts {ns}>{body}</w:fonts>"


def word_styles(ns, ids, east="仿宋_GB2312", sz=21, extra="") -> str:
    """ids: dict with keys normal, dpf, table, nolist, grid -> styleId (Chinese Word uses a, a0, a1, a2, a3)."""
    return DECL + (
        f"<w:styles {ns}>"
        '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" '
        'w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:kern w:val="2"/><w:sz w:val="21"/>'
        '<w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        "<w:pPrDefault/></w:docDefaults>"
        f'<w:style w:type="paragraph" w:default="1" w:styleId="{ids["normal"]}"><w:name w:val="Normal"/><w:qFormat/>'
        f'<w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr><w:rPr><w:rFonts w:eastAsia="{east}"/>'
        f'<w:sz w:val="{sz}"/></w:rPr></w:style>'
        f'<w:style w:type="character" w:default="1" w:styleId="{ids["dpf"]}"><w:name w:val="Default Paragraph Font"/>'
        "<w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
        f'<w:style w:type="table" w:default="1" w:styleId="{ids["table"]}"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        f'<w:style w:type="numbering" w:default="1" w:styleId="{ids["nolist"]}"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        f'<w:style w:type="table" w:styleId="{ids["grid"]}"><w:name w:val="Table Grid"/><w:basedOn w:val="{ids["table"]}"/>'
        '<w:uiPriority w:val="39"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>'
        f"{extra}</w:styles>"
    )


BORDERS = ('<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
           '<w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
           '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
           '<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
           '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
           '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>')

SECT_A4 = ('<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1474" w:bottom="1440" w:left="1474" '
           'w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/>')


class XML(str):
    """Raw run-level XML for one paragraph."""


class Blocks(str):
    """Raw block-level XML (paragraphs, tables) for a cell body."""


def wt(text: str, tag="w:t") -> str:
    sp = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f"<{tag}{sp}>{esc(text)}</{tag}>"


class W:
    """Paragraph / run / cell writer with one tool's habits (pPr and rPr strings, attributes)."""

    def __init__(self, rpr, ppr_pre="", ppr_post="", pattrs=None, rattrs="", trattrs=None):
        self.rpr = rpr
        self.ppr_pre = ppr_pre      # goes before w:jc (spacing, ind, ...)
        self.ppr_post = ppr_post    # goes after w:jc (textAlignment, outlineLvl)
        self.pattrs = pattrs or (lambda: "")
        self.rattrs = rattrs
        self.trattrs = trattrs or (lambda: "")

    def run(self, text, rpr=None, attrs=None, tag="w:t") -> str:
        rpr = self.rpr if rpr is None else rpr
        attrs = self.rattrs if attrs is None else attrs
        parts = []
        for i, line in enumerate(text.split("\n")):
            if i:
                parts.append("<w:br/>")
            for j, seg in enumerate(line.split("\t")):
                if j:
                    parts.append("<w:tab/>")
                if seg:
                    parts.append(wt(seg, tag))
        rp = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
        return f"<w:r{attrs}>{rp}{''.join(parts)}</w:r>"

    def para(self, inner="", jc="center", pre="", mark="", mark_rpr=None) -> str:
        """pre: pStyle/keepNext/numPr ...; mark: ins/del for the paragraph mark."""
        mr = self.rpr if mark_rpr is None else mark_rpr
        jcx = f'<w:jc w:val="{jc}"/>' if jc else ""
        ppr = f"{pre}{self.ppr_pre}{jcx}{self.ppr_post}<w:rPr>{mark}{mr}</w:rPr>"
        if isinstance(inner, str) and not isinstance(inner, XML) and inner and not inner.startswith("<"):
            inner = self.run(inner)
        return f"<w:p{self.pattrs()}><w:pPr>{ppr}</w:pPr>{inner}</w:p>"

    def cell(self, w, content, span=1, vm=None, hm=None, jc="center", tcpr_extra="", valign="center", mark="") -> str:
        tcpr = f'<w:tcW w:w="{w}" w:type="dxa"/>'
        if span > 1:
            tcpr += f'<w:gridSpan w:val="{span}"/>'
        if hm == "restart":
            tcpr += '<w:hMerge w:val="restart"/>'
        elif hm == "cont":
            tcpr += "<w:hMerge/>"
        if vm == "restart":
            tcpr += '<w:vMerge w:val="restart"/>'
        elif vm == "cont":
            tcpr += "<w:vMerge/>"
        tcpr += tcpr_extra
        if valign:
            tcpr += f'<w:vAlign w:val="{valign}"/>'
        if isinstance(content, Blocks):
            body = content
        elif isinstance(content, XML):
            body = self.para(content, jc, mark=mark)
        else:
            body = self.para(self.run(content) if content else "", jc, mark=mark)
        return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{body}</w:tc>"

    def row(self, cells, trpr="") -> str:
        tp = f"<w:trPr>{trpr}</w:trPr>" if trpr else ""
        return f"<w:tr{self.trattrs()}>{tp}{''.join(cells)}</w:tr>"


def tbl(widths, rows, style="a3", jc="center", extra_tblpr="", look='<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>', width=None) -> str:
    tw = f'<w:tblW w:w="{width}" w:type="dxa"/>' if width else '<w:tblW w:w="0" w:type="auto"/>'
    st = f'<w:tblStyle w:val="{style}"/>' if style else ""
    jcx = f'<w:jc w:val="{jc}"/>' if jc else ""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f"<w:tbl><w:tblPr>{st}{tw}{jcx}{BORDERS}<w:tblLayout w:type=\"fixed\"/>{extra_tblpr}{look}</w:tblPr>"
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>")


def group_flags(rows, k):
    """For each row: True if its column k value starts a new merged group (same value as above within the same
    higher-level group otherwise)."""
    out = []
    for i, r in enumerate(rows):
        if i == 0:
            out.append(True)
            continue
        prev = rows[i - 1]
        out.append(any(prev[j] != r[j] for j in range(k + 1)))
    return out


# ========================================================================== pj_01
# Jiangxi 2024, Word 365 with track changes on, a comment, rsids everywhere, split runs, proofErr, bookmarks.

PJ01 = "pj_01_jiangxi_2024_shuidao-zhizhong.docx"
A1 = ('w:author="袁州区财政局 绩效股"', 'w:date="2023-11-21T10:12:00Z"')
A2 = ('w:author="农业农村局 刘芳"', 'w:date="2023-11-22T16:40:00Z"')
RSIDS = ["00A21C7E", "00B31F2A", "00C4D9E2", "00E0F6B1", "0016A3D4", "003F2B9C", "005D1E77", "0072C4A8", "0091E6D3"]


def build_pj01():
    pid = [0x1A2B3C00]

    def pattrs():
        pid[0] += 7
        rs = RSIDS[pid[0] % 4]
        return (f' w14:paraId="{pid[0]:08X}" w14:textId="77777777" w:rsidR="{rs}" w:rsidRDefault="00A21C7E" '
                f'w:rsidP="00C4D9E2"')

    tid = [0x3C4D5E00]

    def trattrs():
        tid[0] += 3
        return f' w:rsidR="00A21C7E" w:rsidTr="00B31F2A" w14:paraId="{tid[0]:08X}" w14:textId="77777777"'

    F = '<w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/>'
    RPR = F + '<w:sz w:val="21"/><w:szCs w:val="21"/>'
    w = W(RPR, ppr_pre='<w:spacing w:line="300" w:lineRule="exact"/>', pattrs=pattrs,
          rattrs=' w:rsidRPr="00B31F2A"', trattrs=trattrs)
    ids = iter(range(100, 400))

    def ins(runs, a=A1):
        return f'<w:ins w:id="{next(ids)}" {a[0]} {a[1]}>{runs}</w:ins>'

    def dele(text, a=A1, rpr=RPR):
        return (f'<w:del w:id="{next(ids)}" {a[0]} {a[1]}><w:r w:rsidDel="00E0F6B1"><w:rPr>{rpr}</w:rPr>'
                f"{wt(text, 'w:delText')}</w:r></w:del>")

    def mark_ins(a=A1):
        return f'<w:ins w:id="{next(ids)}" {a[0]} {a[1]}/>'

    def mark_del(a=A1):
        return f'<w:del w:id="{next(ids)}" {a[0]} {a[1]}/>'

    def r(text, rs="00B31F2A"):
        return w.run(text, attrs=f' w:rsidRPr="{rs}"')

    body = []
    body.append(w.para(XML(w.run("附件2", rpr='<w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体" w:hint="eastAsia"/><w:sz w:val="28"/>')), jc="left"))
    body.append(w.para(XML('<w:bookmarkStart w:id="1" w:name="_Hlk151382645"/>' + w.run(
        "项目支出绩效目标表", rpr='<w:rFonts w:ascii="方正小标宋简体" w:hAnsi="方正小标宋简体" w:eastAsia="方正小标宋简体" w:hint="eastAsia"/><w:sz w:val="36"/>')
        + '<w:bookmarkEnd w:id="1"/>')))
    body.append(w.para(XML(r("（") + r("2024", "0016A3D4") + r("年度）"))))
    body.append(w.para(XML(r("填报单位（盖章）：") + '<w:proofErr w:type="spellStart"/>' + r("宜春市袁州区", "003F2B9C")
                           + '<w:proofErr w:type="spellEnd"/>' + r("农业农村局　　　　　　　　　单位：万元")), jc="left"))

    W4 = (1250, 1700, 3400, 2600)
    rows = []
    rows.append(w.row([w.cell(W4[0], "项目名称"),
                       w.cell(W4[1] + W4[2] + W4[3], XML(r("袁州区") + r("2024", "0016A3D4") + r("年水稻制种大县奖励项目")), span=3, jc="left")]))
    rows.append(w.row([w.cell(W4[0], "主管部门"), w.cell(W4[1], "宜春市袁州区农业农村局"),
                       w.cell(W4[2], "实施单位"), w.cell(W4[3], "宜春市袁州区种子管理站")]))
    money = XML(dele("1200.00") + ins(r("1000.00", "0072C4A8")))
    rows.append(w.row([w.cell(W4[0], "项目资金\n（万元）", vm="restart"), w.cell(W4[1], "年度资金总额"),
                       w.cell(W4[2] + W4[3], money, span=2)]))
    rows.append(w.row([w.cell(W4[0], "", vm="cont"), w.cell(W4[1], "其中：财政拨款"),
                       w.cell(W4[2] + W4[3], XML(dele("1200.00") + ins(r("1000.00", "0072C4A8"))), span=2)]))
    rows.append(w.row([w.cell(W4[0], "", vm="cont"), w.cell(W4[1], "其他资金"), w.cell(W4[2] + W4[3], "0.00", span=2)]))
    goal = XML(
        r("完成水稻制种基地") + r("3.5", "0016A3D4") + r("万亩，生产杂交水稻种子") + dele("650") + ins(r("700", "0072C4A8"))
        + r("万公斤以上，新建种子烘干设施") + ins(r("6", "0072C4A8")) + r("座，") + '<w:proofErr w:type="gramStart"/>'
        + r("种子质量抽检合格率") + '<w:proofErr w:type="gramEnd"/>' + r("达到95%以上，带动制种农户亩均增收300元以上，"
        "巩固国家级杂交水稻种子生产基地地位。"))
    rows.append(w.row([w.cell(W4[0], "年度绩效\n目标"), w.cell(W4[1] + W4[2] + W4[3], goal, span=3, jc="both")]))
    rows.append(w.row([w.cell(W4[0], "一级指标"), w.cell(W4[1], "二级指标"), w.cell(W4[2], "三级指标"),
                       w.cell(W4[3], "指标值")], trpr="<w:cantSplit/>"))

    sp3 = ('<w:r w:rsidRPr="005D1E77"><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体" w:hint="eastAsia"/>'
           '<w:sz w:val="21"/></w:rPr><w:t>≥</w:t></w:r>'
           '<w:r w:rsidR="003F2B9C"><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/>'
           '<w:sz w:val="21"/></w:rPr><w:t>9</w:t></w:r>'
           '<w:r w:rsidR="0016A3D4"><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/>'
           '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr><w:t>5%</w:t></w:r>')
    bold_change = (f'<w:r w:rsidR="0091E6D3"><w:rPr>{F}<w:b/><w:sz w:val="21"/><w:szCs w:val="21"/>'
                   f'<w:rPrChange w:id="{next(ids)}" {A2[0]} {A2[1]}><w:rPr>{F}<w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr>'
                   f"</w:rPrChange></w:rPr><w:t>≤290元/亩</w:t></w:r>")
    comment = ('<w:commentRangeStart w:id="0"/>' + r("≥4800户") + '<w:commentRangeEnd w:id="0"/>'
               '<w:r w:rsidR="00E0F6B1"><w:rPr><w:rStyle w:val="a5"/></w:rPr><w:commentReference w:id="0"/></w:r>')
    # (一级, 二级, 三级, value-xml, kind) kind: None | "ins" (inserted row) | "del" (deleted row)
    grid = [
        ("产出指标", "数量指标", r("水稻制种基地面积"), r("≥3.5万亩"), None),
        ("产出指标", "数量指标", r("杂交水稻种子产量"), dele("≥650万公斤") + ins(r("≥700万公斤", "0072C4A8")), None),
        ("产出指标", "数量指标", "新建种子烘干设施", "≥6", "ins"),
        ("产出指标", "数量指标", "扶持制种企业数量", "≥5家", "del"),
        ("产出指标", "质量指标", r("种子质量抽检合格率"), sp3, None),
        ("产出指标", "质量指标", r("制种基地田间纯度检验覆盖率"), r("100%"), None),
        ("产出指标", "时效指标", r("奖励资金拨付完成时间"), r("2024年10月底前"), None),
        ("产出指标", "成本指标", r("亩均奖补标准"), bold_change, None),
        ("效益指标", "经济效益指标", r("制种农户亩均增收"), r("≥300元"), None),
        ("效益指标", "社会效益指标", r("带动制种农户数"), comment, None),
        ("效益指标", "社会效益指标", r("国家级制种基地种子供给保障能力"), r("持续增强"), None),
        ("效益指标", "可持续影响指标", r("制种全程机械化水平"), r("稳步提升"), None),
        ("满意度指标", "服务对象满意度指标", r("制种农户满意度"),
         r("≥") + ins(r("≥", "0091E6D3"), A2) + r("90%") + '<w:bookmarkStart w:id="2" w:name="_GoBack"/><w:bookmarkEnd w:id="2"/>', None),
    ]
    keys = [(g[0], g[1]) for g in grid]
    f1 = group_flags(keys, 0)
    f2 = group_flags(keys, 1)
    for (l1, l2, l3, val, kind), s1, s2 in zip(grid, f1, f2):
        if kind == "ins":
            m = None
            c3 = XML(ins(w.run(l3, attrs=' w:rsidR="0072C4A8"')))
            c4 = XML(ins(w.run(val, attrs=' w:rsidR="0072C4A8"')))
            trpr = mark_ins()
        elif kind == "del":
            m = None
            c3 = XML(dele(l3))
            c4 = XML(dele(val))
            trpr = mark_del()
        else:
            m = ""
            c3, c4 = XML(l3), XML(val)
            trpr = ""
        mk = (lambda: m) if m is not None else (mark_ins if kind == "ins" else mark_del)
        cells = [
            w.cell(W4[0], l1 if s1 else "", vm="restart" if s1 else "cont", mark=mk()),
            w.cell(W4[1], l2 if s2 else "", vm="restart" if s2 else "cont", mark=mk()),
            w.cell(W4[2], c3, mark=mk()),
            w.cell(W4[3], c4, mark=mk()),
        ]
        rows.append(w.row(cells, trpr=trpr))
    body.append(tbl(W4, rows, style="a3", width=sum(W4)))
    body.append(w.para(XML(r("填报人：钟晓燕　　联系电话：0795-3567218　　填报日期：2023年11月") + dele("20") + ins(r("22", "0091E6D3"), A2)
                           + r("日")), jc="left"))
    sect = f'<w:sectPr w:rsidR="00A21C7E" w:rsidSect="00B31F2A">{SECT_A4}</w:sectPr>'
    document = DECL + f"<w:document {WORD365_NS}><w:body>{''.join(body)}{sect}</w:body></w:document>"

    comments = DECL + (
        f"<w:comments {WORD365_NS}>"
        f'<w:comment w:id="0" {A1[0]} {A1[1]} w:initials="绩效股">'
        f'<w:p w14:paraId="2F1A0C33" w14:textId="77777777" w:rsidR="00E0F6B1" w:rsidRDefault="00E0F6B1">'
        '<w:pPr><w:pStyle w:val="a4"/></w:pPr><w:r><w:rPr><w:rStyle w:val="a5"/></w:rPr><w:annotationRef/></w:r>'
        "<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:t>户数请与各乡镇核对，建议改为≥5000户</w:t></w:r></w:p>"
        "</w:comment></w:comments>"
    )
    extra = ('<w:style w:type="paragraph" w:styleId="a4"><w:name w:val="annotation text"/><w:basedOn w:val="a"/>'
             '<w:link w:val="a6"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:jc w:val="left"/></w:pPr></w:style>'
             '<w:style w:type="character" w:styleId="a5"><w:name w:val="annotation reference"/><w:basedOn w:val="a0"/>'
             '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>'
             '<w:style w:type="character" w:customStyle="1" w:styleId="a6"><w:name w:val="批注文字 字符"/><w:basedOn w:val="a0"/>'
             '<w:link w:val="a4"/><w:uiPriority w:val="99"/></w:style>')
    styles = word_styles(WORD365_NS, dict(normal="a", dpf="a0", table="a1", nolist="a2", grid="a3"), extra=extra)
    rsid_list = "".join(f'<w:rsid w:val="{x}"/>' for x in sorted(RSIDS))
    settings = DECL + (
        f"<w:settings {WORD365_NS}>"
        '<w:zoom w:percent="100"/><w:proofState w:spelling="clean" w:grammar="clean"/><w:trackRevisions/>'
        '<w:defaultTabStop w:val="420"/><w:drawingGridVerticalSpacing w:val="156"/>'
        '<w:displayHorizontalDrawingGridEvery w:val="0"/><w:displayVerticalDrawingGridEvery w:val="2"/>'
        '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:spaceForUL/>'
        '<w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/>'
        '<w:adjustLineHeightInTable/><w:useFELayout/>'
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
        '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
        '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
        '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
        '<w:compatSetting w:name="differentiateMultirowTableHeaders" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
        f'</w:compat><w:rsids><w:rsidRoot w:val="00A21C7E"/>{rsid_list}</w:rsids>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" '
        'w:t2="dark2" w:accent1="accent1" w:accent2="accent2" w:accent3="accent3" w:accent4="accent4" w:accent5="accent5" '
        'w:accent6="accent6" w:hyperlink="hyperlink" w:followedHyperlink="followedHyperlink"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/><w14:docId w14:val="5E7A2C19"/>'
        '<w15:chartTrackingRefBased/><w15:docId w15:val="{8B1F3D2A-6C4E-4F7B-9A0D-2E5C7B1A9F34}"/></w:settings>'
    )
    web = DECL + f'<w:webSettings {WORD365_NS}><w:optimizeForBrowser/><w:allowPNG/></w:webSettings>'
    doc_rels = rels([
        ("rId3", RT + "/webSettings", "webSettings.xml"),
        ("rId2", RT + "/settings", "settings.xml"),
        ("rId1", RT + "/styles", "styles.xml"),
        ("rId5", RT + "/fontTable", "fontTable.xml"),
        ("rId4", RT + "/comments", "comments.xml"),
    ])
    ct = content_types([("rels", CT["rels"]), ("xml", CT["xml"])], [
        ("/word/document.xml", CT["document"]), ("/word/styles.xml", CT["wstyles"]),
        ("/word/settings.xml", CT["settings"]), ("/word/webSettings.xml", CT["webSettings"]),
        ("/word/comments.xml", CT["comments"]), ("/word/fontTable.xml", CT["fontTable"]),
        ("/docProps/core.xml", CT["core"]), ("/docProps/app.xml", CT["app"]),
    ])
    write_zip(PJ01, [
        ("[Content_Types].xml", ct),
        ("_rels/.rels", pkg_rels("word/document.xml")),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/comments.xml", comments),
        ("word/settings.xml", settings),
        ("word/styles.xml", styles),
        ("word/webSettings.xml", web),
        ("word/fontTable.xml", font_table(WORD365_NS)),
        ("docProps/core.xml", core("项目支出绩效目标表", "钟晓燕", "袁州区财政局 绩效股", "2023-11-20T01:35:00Z",
                                   "2023-11-22T08:41:00Z", revision=9)),
        ("docProps/app.xml", app_word(pages=2, words=812, chars=1046, company="")),
    ])


# ========================================================================== pj_02
# Hunan 2025, Word 2016 budget template with content controls: inline sdts in cells (text, dropDownList with codes as
# values, comboBox, date picker, showingPlcHdr placeholders), the indicator table in a block-level sdt, its rows in a
# w15:repeatingSection of row-level sdts.

PJ02 = "pj_02_hunan_2025_xiangcun-yisheng.docx"


def build_pj02():
    F = '<w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体" w:hint="eastAsia"/>'
    RPR = F + '<w:sz w:val="20"/><w:szCs w:val="20"/>'
    pid = [0x0B120000]

    def pattrs():
        pid[0] += 11
        return f' w14:paraId="{pid[0]:08X}" w14:textId="{pid[0] ^ 0x5A5A5A5A:08X}" w:rsidR="004B7E21" w:rsidRDefault="004B7E21"'

    w = W(RPR, ppr_pre='<w:spacing w:line="280" w:lineRule="exact"/>', pattrs=pattrs, rattrs="")
    sid = [-2061237400]

    def nid():
        sid[0] += 918273
        return sid[0]

    PH = "单击或点击此处输入文字。"

    def sdt(text, alias, tag, kind="<w:text/>", placeholder=False, lock=False):
        ph = ""
        rpr = RPR
        if placeholder:
            ph = '<w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder><w:showingPlcHdr/>'
            rpr = '<w:rStyle w:val="a5"/>' + F + '<w:sz w:val="20"/>'
        lk = '<w:lock w:val="sdtLocked"/>' if lock else ""
        return (f'<w:sdt><w:sdtPr><w:rPr>{RPR}</w:rPr><w:alias w:val="{alias}"/><w:tag w:val="{tag}"/><w:id w:val="{nid()}"/>'
                f"{lk}{ph}{kind}</w:sdtPr><w:sdtEndPr/><w:sdtContent>{w.run(text, rpr=rpr)}</w:sdtContent></w:sdt>")

    OPS = (("≥", "01"), ("≤", "02"), ("＝", "03"), ("定性", "04"))

    def op_sdt(op, n):
        code = dict(OPS)[op]
        items = "".join(f'<w:listItem w:displayText="{d}" w:value="{v}"/>' for d, v in OPS)
        return sdt(op, "指标性质", f"ZBXZ_{n:02d}", kind=f'<w:dropDownList w:lastValue="{code}">{items}</w:dropDownList>')

    UNITS = ("人", "个", "%", "元/人·年", "人次", "天")

    def unit_sdt(u, n):
        if not u:
            return sdt(PH, "度量单位", f"DLDW_{n:02d}", kind="<w:comboBox>" + "".join(
                f'<w:listItem w:displayText="{x}" w:value="{x}"/>' for x in UNITS) + "</w:comboBox>", placeholder=True)
        items = "".join(f'<w:listItem w:displayText="{x}" w:value="{x}"/>' for x in UNITS)
        return sdt(u, "度量单位", f"DLDW_{n:02d}", kind=f'<w:comboBox w:lastValue="{u}">{items}</w:comboBox>')

    def val_sdt(v, n):
        if v.startswith("DATE:"):
            iso, shown = v[5:].split("|")
            kind = (f'<w:date w:fullDate="{iso}T00:00:00Z"><w:dateFormat w:val="yyyy\'年\'M\'月\'d\'日\'"/>'
                    '<w:lid w:val="zh-CN"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>')
            return sdt(shown, "指标值", f"ZBZ_{n:02d}", kind=kind)
        return sdt(v, "指标值", f"ZBZ_{n:02d}")

    body = [
        w.para(XML(w.run("附件3", rpr='<w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体" w:hint="eastAsia"/><w:sz w:val="32"/>')), jc="left"),
        w.para(XML(w.run("项目支出绩效目标申报表", rpr='<w:rFonts w:ascii="方正小标宋简体" w:hAnsi="方正小标宋简体" w:eastAsia="方正小标宋简体" w:hint="eastAsia"/><w:sz w:val="36"/>'))),
        w.para(XML(w.run("（") + sdt("2025", "预算年度", "YSND", kind="<w:text/>") + w.run("年度）"))),
    ]
    W4 = (1600, 2900, 1600, 2900)
    rows = [
        w.row([w.cell(W4[0], "项目名称"), w.cell(sum(W4[1:]), XML(sdt("2025年村卫生室运行及乡村医生补助项目", "项目名称", "XMMC", lock=True)), span=3, jc="left")]),
        w.row([w.cell(W4[0], "主管部门"), w.cell(W4[1], XML(sdt("新邵县卫生健康局", "主管部门", "ZGBM"))),
               w.cell(W4[2], "实施单位"), w.cell(W4[3], XML(sdt("新邵县各乡镇卫生院", "实施单位", "SSDW")))]),
        w.row([w.cell(W4[0], "项目编码"), w.cell(W4[1], XML(sdt(PH, "项目编码", "XMBM", placeholder=True))),
               w.cell(W4[2], "项目期限"), w.cell(W4[3], XML(sdt("1年", "项目期限", "XMQX", kind=(
                   '<w:dropDownList w:lastValue="1"><w:listItem w:displayText="1年" w:value="1"/>'
                   '<w:listItem w:displayText="2年" w:value="2"/><w:listItem w:displayText="3年" w:value="3"/></w:dropDownList>'))))]),
        w.row([w.cell(W4[0], "项目资金\n（万元）", vm="restart"), w.cell(W4[1], "年度资金总额"),
               w.cell(W4[2] + W4[3], XML(sdt("586.40", "年度资金总额", "NDZJZE")), span=2)]),
        w.row([w.cell(W4[0], "", vm="cont"), w.cell(W4[1], "其中：财政资金"),
               w.cell(W4[2] + W4[3], XML(sdt("586.40", "财政资金", "CZZJ")), span=2)]),
        w.row([w.cell(W4[0], "", vm="cont"), w.cell(W4[1], "其他资金"),
               w.cell(W4[2] + W4[3], XML(sdt(PH, "其他资金", "QTZJ", placeholder=True)), span=2)]),
        w.row([w.cell(W4[0], "年度绩效目标"), w.cell(sum(W4[1:]), XML(sdt(
            "落实在岗乡村医生岗位补助1260人以上，保障全县418个行政村卫生室正常运行，乡村医生考核合格率达到95%以上，"
            "村级基本医疗和公共卫生服务可及性明显提高，村民就医满意度达到90%以上。", "年度绩效目标", "NDJXMB",
            kind="<w:richText/>")), span=3, jc="both")]),
    ]
    body.append(tbl(W4, rows, style="a3", width=sum(W4)))
    body.append(w.para(""))

    W6 = (1150, 1500, 2700, 1000, 1450, 1200)
    head = w.row([w.cell(W6[i], h) for i, h in enumerate(("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"))],
                 trpr="<w:tblHeader/>")
    grid = [
        ("产出指标", "数量指标", "补助在岗乡村医生人数", "≥", "1260", "人"),
        ("产出指标", "数量指标", "村卫生室运行补助覆盖行政村数", "＝", "418", "个"),
        ("产出指标", "数量指标", "家庭医生签约服务人次", "≥", "42000", ""),
        ("产出指标", "质量指标", "乡村医生考核合格率", "≥", "95", "%"),
        ("产出指标", "质量指标", "村卫生室标准化建设达标率", "≥", "90", "%"),
        ("产出指标", "时效指标", "补助资金发放时间", "≤", "DATE:2025-06-30|2025年6月30日", "DATE"),
        ("产出指标", "成本指标", "乡村医生人均岗位补助标准", "＝", "3600", "元/人·年"),
        ("效益指标", "社会效益指标", "村级基本医疗服务可及性", "定性", "明显提高", None),
        ("效益指标", "生态效益指标", "生态环境影响", "定性", "无关", None),
        ("效益指标", "可持续影响指标", "乡村医生队伍稳定性", "定性", "持续增强", None),
        ("满意度指标", "服务对象满意度指标", "村民就医满意度", "≥", "90", "%"),
    ]
    keys = [(g[0], g[1]) for g in grid]
    f1, f2 = group_flags(keys, 0), group_flags(keys, 1)
    items = []
    for n, ((l1, l2, l3, op, v, u), s1, s2) in enumerate(zip(grid, f1, f2), start=1):
        if u == "DATE" or u is None:
            ucell = w.cell(W6[5], "")
        else:
            ucell = w.cell(W6[5], XML(unit_sdt(u, n)))
        tr = w.row([
            w.cell(W6[0], l1 if s1 else "", vm="restart" if s1 else "cont"),
            w.cell(W6[1], l2 if s2 else "", vm="restart" if s2 else "cont"),
            w.cell(W6[2], XML(sdt(l3, "三级指标", f"SJZB_{n:02d}")), jc="left"),
            w.cell(W6[3], XML(op_sdt(op, n))),
            w.cell(W6[4], XML(val_sdt(v, n))),
            ucell,
        ])
        items.append(f'<w:sdt><w:sdtPr><w:id w:val="{nid()}"/><w15:repeatingSectionItem/></w:sdtPr>'
                     f"<w:sdtContent>{tr}</w:sdtContent></w:sdt>")
    section = (f'<w:sdt><w:sdtPr><w:alias w:val="绩效指标"/><w:tag w:val="JXZB_ROWS"/><w:id w:val="{nid()}"/>'
               f'<w15:repeatingSection><w15:sectionTitle w15:val="三级指标"/></w15:repeatingSection></w:sdtPr>'
               f"<w:sdtContent>{''.join(items)}</w:sdtContent></w:sdt>")
    grid_tbl = tbl(W6, [head, section], style="a3", width=sum(W6))
    body.append(f'<w:sdt><w:sdtPr><w:alias w:val="绩效指标表"/><w:tag w:val="JXZB_TABLE"/><w:id w:val="{nid()}"/>'
                f'<w:lock w:val="sdtLocked"/><w:richText/></w:sdtPr><w:sdtContent>{grid_tbl}</w:sdtContent></w:sdt>')
    body.append(w.para(XML(w.run("填报人：") + sdt("罗海燕", "填报人", "TBR") + w.run("　　联系电话：")
                           + sdt("0739-3612058", "联系电话", "LXDH") + w.run("　　填报日期：")
                           + sdt("2024年12月6日", "填报日期", "TBRQ", kind=(
                               '<w:date w:fullDate="2024-12-06T00:00:00Z"><w:dateFormat w:val="yyyy\'年\'M\'月\'d\'日\'"/>'
                               '<w:lid w:val="zh-CN"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'))),
                       jc="left"))
    sect = f'<w:sectPr w:rsidR="004B7E21">{SECT_A4}</w:sectPr>'
    document = DECL + f"<w:document {WORD365_NS}><w:body>{''.join(body)}{sect}</w:body></w:document>"
    extra = ('<w:style w:type="character" w:styleId="a5"><w:name w:val="Placeholder Text"/><w:basedOn w:val="a0"/>'
             '<w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:color w:val="808080"/></w:rPr></w:style>')
    styles = word_styles(WORD365_NS, dict(normal="a", dpf="a0", table="a1", nolist="a2", grid="a3"), east="宋体", sz=20, extra=extra)
    settings = DECL + (
        f'<w:settings {WORD365_NS}><w:zoom w:percent="110"/><w:documentProtection w:edit="forms" w:enforcement="0"/>'
        '<w:defaultTabStop w:val="420"/><w:drawingGridVerticalSpacing w:val="156"/>'
        '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:useFELayout/>'
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:rsids><w:rsidRoot w:val="004B7E21"/><w:rsid w:val="004B7E21"/><w:rsid w:val="00D3A915"/></w:rsids>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
        '<w14:docId w14:val="3AC19E07"/><w15:docId w15:val="{C2D0E7A4-91B3-4E5F-8A6C-7D2B3F9E0A15}"/></w:settings>'
    )
    doc_rels = rels([("rId1", RT + "/styles", "styles.xml"), ("rId2", RT + "/settings", "settings.xml"),
                     ("rId3", RT + "/fontTable", "fontTable.xml")])
    ct = content_types([("rels", CT["rels"]), ("xml", CT["xml"])], [
        ("/word/document.xml", CT["document"]), ("/word/styles.xml", CT["wstyles"]),
        ("/word/settings.xml", CT["settings"]), ("/word/fontTable.xml", CT["fontTable"]),
        ("/docProps/core.xml", CT["core"]), ("/docProps/app.xml", CT["app"]),
    ])
    write_zip(PJ02, [
        ("[Content_Types].xml", ct),
        ("_rels/.rels", pkg_rels("word/document.xml")),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/styles.xml", styles),
        ("word/settings.xml", settings),
        ("word/fontTable.xml", font_table(WORD365_NS)),
        ("docProps/core.xml", core("项目支出绩效目标申报表（模板）", "湖南省财政厅", "新邵县卫健局 财务股", "2024-09-02T08:00:00Z",
                                   "2024-12-06T03:18:00Z", revision=4, keywords="绩效目标;模板")),
        ("docProps/app.xml", app_word(pages=2, words=640, chars=870, company="")),
    ])


# ========================================================================== pj_03
# Guangdong 2023, saved by WPS Office: WPS namespaces and settings, title + 填报单位 in a text box
# (mc:AlternateContent: wps:txbx and a w:pict/v:textbox fallback with the same text), gridBefore/gridAfter rows,
# vMerge and old-style hMerge, a footer with a fldSimple PAGE field, docProps/custom.xml (KSOProductBuildVer).

PJ03 = "pj_03_guangdong_2023_zhenji-wushui.docx"


def build_pj03():
    RPR = ('<w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:cs="仿宋_GB2312"/>'
           '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>')
    PRE = ('<w:keepNext w:val="0"/><w:keepLines w:val="0"/><w:pageBreakBefore w:val="0"/><w:widowControl/><w:kinsoku/>'
           '<w:wordWrap/><w:overflowPunct/><w:topLinePunct w:val="0"/><w:autoSpaceDE/><w:autoSpaceDN/><w:bidi w:val="0"/>'
           '<w:adjustRightInd/><w:snapToGrid/><w:spacing w:line="240" w:lineRule="auto"/>'
           '<w:ind w:left="0" w:leftChars="0" w:right="0" w:rightChars="0" w:firstLine="0" w:firstLineChars="0"/>')
    POST = '<w:textAlignment w:val="auto"/><w:outlineLvl w:val="9"/>'
    w = W(RPR, ppr_pre=PRE, ppr_post=POST)
    TITLE_RPR = ('<w:rFonts w:hint="eastAsia" w:ascii="方正小标宋简体" w:hAnsi="方正小标宋简体" w:eastAsia="方正小标宋简体" '
                 'w:cs="方正小标宋简体"/><w:b w:val="0"/><w:bCs/><w:sz w:val="36"/><w:szCs w:val="36"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>')
    box_paras = (w.para(XML(w.run("项目支出绩效目标表", rpr=TITLE_RPR)))
                 + w.para(XML(w.run("（2023年度）")))
                 + w.para(XML(w.run("填报单位（盖章）：清远市清新区住房和城乡建设局　　　　　　　　金额单位：万元")), jc="left"))
    anchor = (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>-57150</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>38100</wp:posOffset></wp:positionV>'
        '<wp:extent cx="5753100" cy="1066800"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        '<wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5753100" cy="1066800"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="6350"><a:noFill/></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{box_paras}</w:txbxContent></wps:txbx>'
        '<wps:bodyPr rot="0" spcFirstLastPara="0" vertOverflow="overflow" horzOverflow="overflow" vert="horz" wrap="square" '
        'lIns="91440" tIns="45720" rIns="91440" bIns="45720" numCol="1" spcCol="0" rtlCol="0" fromWordArt="0" anchor="t" '
        'anchorCtr="0" forceAA="0" compatLnSpc="1"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
        '</wp:anchor></w:drawing>'
    )
    fallback = (
        '<w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
        '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        '<v:shape id="_x0000_s1026" o:spid="_x0000_s1026" o:spt="202" type="#_x0000_t202" '
        'style="position:absolute;left:0pt;margin-left:-4.5pt;margin-top:3pt;height:84pt;width:453pt;'
        'mso-wrap-distance-bottom:0pt;mso-wrap-distance-top:0pt;z-index:251659264;" filled="f" stroked="f" '
        'coordsize="21600,21600"><v:path/><v:fill on="f" focussize="0,0"/><v:stroke on="f" weight="0.5pt"/>'
        f'<v:imagedata o:title=""/><o:lock v:ext="edit" aspectratio="f"/><v:textbox><w:txbxContent>{box_paras}</w:txbxContent>'
        '</v:textbox><w10:wrap type="topAndBottom"/></v:shape></w:pict>'
    )
    body = [w.para(XML(f'<w:r><w:rPr>{RPR}</w:rPr><mc:AlternateContent><mc:Choice Requires="wps">{anchor}</mc:Choice>'
                       f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>"), jc="left")]

    # grid: c0 绩效指标 label, c1 一级, c2 二级, c3 三级, c4 指标值, c5 备注
    G = (560, 1150, 1450, 2880, 1760, 1160)
    CM = '<w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
    rows = []
    rows.append(w.row([w.cell(G[0] + G[1], "项目名称", span=2),
                       w.cell(G[2], "清新区2023年镇级生活污水处理设施运营维护项目", hm="restart", jc="left"),
                       w.cell(G[3], "", hm="cont"), w.cell(G[4], "", hm="cont"), w.cell(G[5], "", hm="cont")]))
    rows.append(w.row([w.cell(G[0] + G[1], "主管部门", span=2), w.cell(G[2] + G[3], "清远市清新区住房和城乡建设局", span=2),
                       w.cell(G[4], "实施单位"), w.cell(G[5], "清新区市政设施管理所")]))
    money = (("年度资金总额", "1268.50"), ("其中：财政拨款", "1268.50"), ("其他资金", "0"))
    for i, (lab, v) in enumerate(money):
        rows.append(w.row([w.cell(G[0] + G[1], "项目资金" if i == 0 else "", span=2, vm="restart" if i == 0 else "cont"),
                           w.cell(G[2], lab),
                           w.cell(G[3], v, hm="restart"), w.cell(G[4], "", hm="cont"), w.cell(G[5], "", hm="cont")]))
    rows.append(w.row([w.cell(G[0] + G[1], "年度绩效目标", span=2), w.cell(sum(G[2:]), (
        "保障全区18座镇级生活污水处理设施及配套管网126公里正常运行，日均处理污水2.4万吨以上，出水水质稳定达标，"
        "镇区生活污水集中收集率达到75%以上，改善镇区水环境质量。"), span=4, jc="both")]))
    TD = '<w:textDirection w:val="tbRlV"/>'
    rows.append(w.row([w.cell(G[0], "绩效指标", vm="restart", tcpr_extra=TD),
                       w.cell(G[1], "一级指标"), w.cell(G[2], "二级指标"), w.cell(G[3], "三级指标"),
                       w.cell(G[4], "指标值"), w.cell(G[5], "备注")]))
    grid = [
        ("产出指标", "数量指标", "运维镇级污水处理设施数量", "≥18", ""),
        ("产出指标", "数量指标", "运维配套污水管网长度", "≥126公里", ""),
        ("产出指标", "数量指标", "日均处理污水量", "≥2.4万吨", ""),
        ("产出指标", "质量指标", "出水水质达标率", "≥90%", "一级B标准"),
        ("产出指标", "质量指标", "设施正常运行率", "100100%", ""),
        ("产出指标", "时效指标", "运维费用季度拨付及时率", "100%", ""),
        ("产出指标", "成本指标", "单吨污水运维成本", "≤1.2元/吨", ""),
        ("效益指标", "社会效益指标", "镇区生活污水集中收集率", "≥75%", ""),
        ("效益指标", "生态效益指标", "COD年削减量", "≥1500吨", ""),
        ("效益指标", "可持续影响指标", "设施长效运维机制", "持续健全", ""),
        ("满意度指标", "服务对象满意度指标", "镇区居民满意度", "≥85%", "抽样调查"),
        ("满意度指标", "服务对象满意度指标", "乡镇政府满意度", "≥90%", ""),
    ]
    keys = [(g[0], g[1]) for g in grid]
    f1, f2 = group_flags(keys, 0), group_flags(keys, 1)
    for (l1, l2, l3, v, note), s1, s2 in zip(grid, f1, f2):
        cells = []
        trpr = '<w:trHeight w:val="454" w:hRule="atLeast"/>'
        if l1 != "满意度指标":
            cells.append(w.cell(G[0], "", vm="cont", tcpr_extra=TD))
        else:
            # WPS wrote the 满意度 rows one grid column in: no 绩效指标 label cell at all
            trpr = f'<w:gridBefore w:val="1"/><w:wBefore w:w="{G[0]}" w:type="dxa"/>' + trpr
        cells += [w.cell(G[1], l1 if s1 else "", vm="restart" if s1 else "cont"),
                  w.cell(G[2], l2 if s2 else "", vm="restart" if s2 else "cont"),
                  w.cell(G[3], l3, jc="left"), w.cell(G[4], v), w.cell(G[5], note)]
        rows.append(w.row(cells, trpr=trpr))
    rows.append(w.row([w.cell(G[1] + G[2], "填报人：何志强", span=2, jc="left"),
                       w.cell(G[3] + G[4], "联系电话：0763-5812306", span=2, jc="left")],
                      trpr=(f'<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/><w:wBefore w:w="{G[0]}" w:type="dxa"/>'
                            f'<w:wAfter w:w="{G[5]}" w:type="dxa"/><w:trHeight w:val="454" w:hRule="atLeast"/>')))
    body.append(tbl(G, rows, style="5", look='<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>',
                    extra_tblpr=CM, width=sum(G)))
    body.append(w.para(""))
    sect = ('<w:sectPr><w:footerReference w:type="default" r:id="rId4"/>' + SECT_A4.replace("<w:cols", '<w:pgNumType w:fmt="decimal"/><w:cols')
            + "</w:sectPr>")
    document = DECL + f"<w:document {WPS_NS}><w:body>{''.join(body)}{sect}</w:body></w:document>"
    footer = DECL + (
        f"<w:ftr {WPS_NS}>" + w.para(XML(w.run("第 ") + '<w:fldSimple w:instr=" PAGE  \\* MERGEFORMAT ">'
                                         + w.run("1") + "</w:fldSimple>" + w.run(" 页")), pre='<w:pStyle w:val="2"/>')
        + "</w:ftr>")
    extra = ('<w:style w:type="paragraph" w:styleId="2"><w:name w:val="footer"/><w:basedOn w:val="1"/><w:qFormat/>'
             '<w:uiPriority w:val="0"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4153"/><w:tab w:val="right" w:pos="8306"/></w:tabs>'
             '<w:snapToGrid w:val="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>')
    styles = word_styles(WPS_NS, dict(normal="1", dpf="3", table="4", nolist="6", grid="5"), extra=extra)
    settings = DECL + (
        f"<w:settings {WPS_NS}><w:zoom w:percent=\"120\"/><w:bordersDoNotSurroundHeader w:val=\"0\"/>"
        '<w:bordersDoNotSurroundFooter w:val="0"/><w:documentProtection w:enforcement="0"/><w:defaultTabStop w:val="420"/>'
        '<w:drawingGridVerticalSpacing w:val="156"/><w:displayHorizontalDrawingGridEvery w:val="1"/>'
        '<w:displayVerticalDrawingGridEvery w:val="1"/><w:noPunctuationKerning w:val="1"/>'
        '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:spaceForUL/>'
        '<w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/>'
        '<w:adjustLineHeightInTable/><w:useFELayout/>'
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="14"/></w:compat>'
        '<w:docVars><w:docVar w:name="commondata" w:val="eyJoZGlkIjoiN2Y0YTJlOWQxYzBmNDNhMzhmNTgwYmE0ZGQ2OTE1ZTMifQ=="/>'
        '<w:docVar w:name="KSOProductBuildVer" w:val="2052-11.1.0.14309"/></w:docVars>'
        '<w:rsids><w:rsidRoot w:val="00000000"/><w:rsid w:val="00000000"/><w:rsid w:val="0B3E4F21"/><w:rsid w:val="6A1D2C05"/></w:rsids>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" '
        'w:t2="dark2" w:accent1="accent1" w:accent2="accent2" w:accent3="accent3" w:accent4="accent4" w:accent5="accent5" '
        'w:accent6="accent6" w:hyperlink="hyperlink" w:followedHyperlink="followedHyperlink"/>'
        '<w:doNotIncludeSubdocsInStats/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
    )
    doc_rels = rels([("rId1", RT + "/styles", "styles.xml"), ("rId2", RT + "/settings", "settings.xml"),
                     ("rId3", RT + "/fontTable", "fontTable.xml"), ("rId4", RT + "/footer", "footer1.xml")])
    ct = content_types([("rels", CT["rels"]), ("xml", CT["xml"])], [
        ("/docProps/app.xml", CT["app"]), ("/docProps/core.xml", CT["core"]), ("/docProps/custom.xml", CT["custom"]),
        ("/word/document.xml", CT["document"]), ("/word/fontTable.xml", CT["fontTable"]),
        ("/word/footer1.xml", CT["footer"]), ("/word/settings.xml", CT["settings"]), ("/word/styles.xml", CT["wstyles"]),
    ])
    write_zip(PJ03, [
        ("[Content_Types].xml", ct),
        ("_rels/.rels", pkg_rels("word/document.xml", custom=True)),
        ("docProps/app.xml", app_word(pages=1, words=880, chars=1002, app="WPS Office_11.1.0.14309_F1E327BC-269C-435d-A152-05C5408002CA", version="")),
        ("docProps/core.xml", core("", "Administrator", "何志强", "2022-12-08T09:21:00Z", "2022-12-14T03:06:45Z", revision=3)),
        ("docProps/custom.xml", custom_wps()),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/document.xml", document),
        ("word/fontTable.xml", font_table(WPS_NS)),
        ("word/footer1.xml", footer),
        ("word/settings.xml", settings),
        ("word/styles.xml", styles),
    ])


# ========================================================================== pj_04
# Chongqing 2024, Word 2010: each project's table nested inside a one-cell outer table (a frame), smart tags
# (chsdate) and customXml wrappers around runs, w:noBreakHyphen, w:sym (Symbol F0B3 ≥ / F0A3 ≤), w:softHyphen and
# U+00AD soft hyphens; two projects.

PJ04 = "pj_04_chongqing_2024_dizai-kuangshan.docx"


def build_pj04():
    RPR = ('<w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="宋体" w:eastAsia="仿宋_GB2312" w:cs="宋体" w:hint="eastAsia"/>'
           '<w:kern w:val="0"/><w:sz w:val="21"/><w:szCs w:val="21"/>')
    w = W(RPR, ppr_pre='<w:widowControl/><w:spacing w:line="280" w:lineRule="exact"/>',
          pattrs=lambda: ' w:rsidR="006E2A41" w:rsidRDefault="006E2A41"', rattrs="")
    SYM_GE = f'<w:r><w:rPr>{RPR}</w:rPr><w:sym w:font="Symbol" w:char="F0B3"/></w:r>'
    SYM_LE = f'<w:r><w:rPr>{RPR}</w:rPr><w:sym w:font="Symbol" w:char="F0A3"/></w:r>'
    r = w.run

    def chsdate(y, m, d, text):
        return ('<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chsdate"><w:smartTagPr>'
                f'<w:attr w:name="IsROCDate" w:val="False"/><w:attr w:name="IsLunarDate" w:val="False"/>'
                f'<w:attr w:name="Day" w:val="{d}"/><w:attr w:name="Month" w:val="{m}"/><w:attr w:name="Year" w:val="{y}"/>'
                f"</w:smartTagPr>{r(text)}</w:smartTag>")

    def cxml(el, inner, n):
        return (f'<w:customXml w:uri="http://jxgl.cqcz.gov.cn/schema/jxmb/2023" w:element="{el}"><w:customXmlPr>'
                f'<w:attr w:name="zbid" w:val="{n}"/></w:customXmlPr>{inner}</w:customXml>')

    SOFT = f'<w:r><w:rPr>{RPR}</w:rPr><w:softHyphen/></w:r>'
    NBH = f'<w:r><w:rPr>{RPR}</w:rPr><w:noBreakHyphen/></w:r>'

    projects = [
        dict(att="附件1", name="万州区2024年地质灾害综合防治项目", dept="重庆市万州区规划和自然资源局",
             unit="万州区地质环境监测站", money=("2360.00", "2360.00", "0.00"),
             goal=("完成全区436处地质灾害隐患点专业监测，实施排危除险工程15处以上，开展群测群防培训演练120场次以上，"
                   "汛期应急调查2小时内响应，有效保障受威胁群众生命财产安全。"),
             person="填报人：谭晓东　　联系电话：023-58221476　　填报日期：", date=(2023, 12, 8, "2023年12月8日"),
             rows=[
                 ("产出指标", "数量指标", XML(r("地质灾害隐") + SOFT + r("患点专业监测数量")), XML(r("≥436处"))),
                 ("产出指标", "数量指标", "实施排危除险工程", XML(r("≥15处"))),
                 ("产出指标", "数量指标", "开展群测群防培训演练", XML(cxml("zbz", r("≥120场次"), "CQ-03"))),
                 ("产出指标", "质量指标", "排危除险工程验收合格率", XML(r("100%"))),
                 ("产出指标", "质量指标", "监测预警信息发布准确率", XML(SYM_GE + r("95%"))),
                 ("产出指标", "时效指标", "汛期应急调查响应时间", XML(SYM_LE + r("2小时"))),
                 ("产出指标", "时效指标", "排危除险工程完工时间", XML(chsdate(2024, 11, 30, "2024年11月30日") + r("前"))),
                 ("产出指标", "成本指标", "单处排危除险工程平均投资", XML(cxml("zbz", r("≤**万元/处"), "CQ-08"))),
                 ("效益指标", "社会效益指标", "受威胁群众生命财产安全", XML(r("有效保障"))),
                 ("效益指标", "生态效益指标", "治理区植被恢复率", XML(SYM_GE + r("85%"))),
                 ("效益指标", "可持续影响指标", "治理工程设计使用年限", XML(r("30") + NBH + r("50年"))),
                 ("满意度指标", "服务对象满意度指标", "受益群众满意度", XML(SYM_GE + r("90%"))),
             ]),
        dict(att="附件2", name="万州区2024年历史遗留废弃矿山生态修复项目", dept="重庆市万州区规划和自然资源局",
             unit="万州区国土整治中心", money=("865.30", "815.30", "50.00"),
             goal=("完成23个历史遗留废弃矿山图斑生态修复，修复治理面积1860亩以上，栽植苗木成活率85%以上，"
                   "矿区植被覆盖度达到60%以上，改善矿区及周边生态环境。"),
             person="填报人：冉静　　联系电话：023-58221490　　填报日期：", date=(2023, 12, 8, "2023年12月8日"),
             rows=[
                 ("产出指标", "数量指标", "修复历史遗留废弃矿\u00ad山图斑", XML(r("≥23个"))),
                 ("产出指标", "数量指标", "生态修复治理面积", XML(r("≥1860亩"))),
                 ("产出指标", "质量指标", "修复工程验收合格率", XML(r("100%"))),
                 ("产出指标", "质量指标", "栽植苗木成活率", XML(SYM_GE + r("85%"))),
                 ("产出指标", "时效指标", "修复工程完工时间", XML(chsdate(2023, 12, 31, "2023年12月31日") + r("前"))),
                 ("产出指标", "成本指标", "亩均修复成本", XML(cxml("zbz", SYM_LE + r("0.46万元/亩"), "KS-06"))),
                 ("效益指标", "生态效益指标", "矿区植被覆盖度", XML(r("≥60%"))),
                 ("效益指标", "可持续影响指标", "修复成果管护期", XML(r("≥3年"))),
                 ("满意度指标", "服务对象满意度指标", "周边群众满意度", XML(r("≥90%"))),
             ]),
    ]
    W4 = (1150, 1650, 3300, 2500)
    OUTER = 9060
    HB = '<w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体" w:hint="eastAsia"/><w:sz w:val="28"/>'
    TB = '<w:rFonts w:ascii="方正小标宋简体" w:hAnsi="宋体" w:eastAsia="方正小标宋简体" w:hint="eastAsia"/><w:sz w:val="36"/>'
    body = []
    for k, p in enumerate(projects):
        if k:
            body.append(w.para(XML('<w:r><w:br w:type="page"/></w:r>'), jc="left"))
        inner_rows = [
            w.row([w.cell(W4[0], "项目名称"), w.cell(sum(W4[1:]), XML(cxml("xmmc", r(p["name"]), "XM")), span=3, jc="left")]),
            w.row([w.cell(W4[0], "主管部门"), w.cell(W4[1], p["dept"]), w.cell(W4[2], "实施单位"), w.cell(W4[3], p["unit"])]),
        ]
        for i, lab in enumerate(("年度资金总额", "其中：财政拨款", "其他资金")):
            inner_rows.append(w.row([w.cell(W4[0], "项目资金\n（万元）" if i == 0 else "", vm="restart" if i == 0 else "cont"),
                                     w.cell(W4[1], lab), w.cell(W4[2] + W4[3], p["money"][i], span=2)]))
        inner_rows.append(w.row([w.cell(W4[0], "年度绩效\n目标"), w.cell(sum(W4[1:]), p["goal"], span=3, jc="both")]))
        inner_rows.append(w.row([w.cell(W4[i], h) for i, h in enumerate(("一级指标", "二级指标", "三级指标", "指标值"))]))
        keys = [(g[0], g[1]) for g in p["rows"]]
        f1, f2 = group_flags(keys, 0), group_flags(keys, 1)
        for (l1, l2, l3, v), s1, s2 in zip(p["rows"], f1, f2):
            inner_rows.append(w.row([
                w.cell(W4[0], l1 if s1 else "", vm="restart" if s1 else "cont"),
                w.cell(W4[1], l2 if s2 else "", vm="restart" if s2 else "cont"),
                w.cell(W4[2], l3, jc="left"), w.cell(W4[3], v)]))
        inner = tbl(W4, inner_rows, style="a3", width=sum(W4))
        y, m, d, dtext = p["date"]
        frame_body = (
            w.para(XML(r(p["att"], rpr=HB)), jc="left")
            + w.para(XML(r("项目支出绩效目标表", rpr=TB)))
            + w.para(XML(r("（2024年度）")))
            + w.para(XML(r("填报单位：" + p["dept"] + "　　　　　　　单位：万元")), jc="left")
            + inner
            + w.para(XML(r(p["person"]) + chsdate(y, m, d, dtext)), jc="left")
            + w.para("", jc="left")
        )
        frame_borders = ('<w:tcBorders><w:top w:val="double" w:sz="4" w:space="0" w:color="auto"/>'
                         '<w:left w:val="double" w:sz="4" w:space="0" w:color="auto"/>'
                         '<w:bottom w:val="double" w:sz="4" w:space="0" w:color="auto"/>'
                         '<w:right w:val="double" w:sz="4" w:space="0" w:color="auto"/></w:tcBorders>')
        outer_cell = (f'<w:tc><w:tcPr><w:tcW w:w="{OUTER}" w:type="dxa"/>{frame_borders}</w:tcPr>{frame_body}</w:tc>')
        body.append(f'<w:tbl><w:tblPr><w:tblW w:w="{OUTER}" w:type="dxa"/><w:jc w:val="center"/>'
                    '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="113" w:type="dxa"/><w:left w:w="170" w:type="dxa"/>'
                    '<w:bottom w:w="113" w:type="dxa"/><w:right w:w="170" w:type="dxa"/></w:tblCellMar>'
                    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/>'
                    f'</w:tblPr><w:tblGrid><w:gridCol w:w="{OUTER}"/></w:tblGrid><w:tr w:rsidR="006E2A41">{outer_cell}</w:tr></w:tbl>')
        body.append(w.para("", jc="left"))
    sect = f'<w:sectPr w:rsidR="006E2A41">{SECT_A4.replace("1474", "1304")}</w:sectPr>'
    document = DECL + f"<w:document {WORD2010_NS}><w:body>{''.join(body)}{sect}</w:body></w:document>"
    styles = word_styles(WORD2010_NS, dict(normal="a", dpf="a0", table="a1", nolist="a2", grid="a3"))
    settings = DECL + (
        f"<w:settings {WORD2010_NS}><w:zoom w:percent=\"100\"/><w:bordersDoNotSurroundHeader/><w:bordersDoNotSurroundFooter/>"
        '<w:defaultTabStop w:val="420"/><w:drawingGridHorizontalSpacing w:val="105"/><w:drawingGridVerticalSpacing w:val="156"/>'
        '<w:displayHorizontalDrawingGridEvery w:val="0"/><w:displayVerticalDrawingGridEvery w:val="2"/>'
        '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:spaceForUL/>'
        '<w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/>'
        '<w:adjustLineHeightInTable/><w:useFELayout/>'
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="14"/></w:compat>'
        '<w:rsids><w:rsidRoot w:val="006E2A41"/><w:rsid w:val="006E2A41"/><w:rsid w:val="00F1A3B7"/></w:rsids>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        '<w:smartTagType w:namespaceuri="urn:schemas-microsoft-com:office:smarttags" w:name="chsdate"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/><w14:docId w14:val="41C7E2A0"/></w:settings>'
    )
    doc_rels = rels([("rId1", RT + "/styles", "styles.xml"), ("rId2", RT + "/settings", "settings.xml"),
                     ("rId3", RT + "/fontTable", "fontTable.xml")])
    ct = content_types([("rels", CT["rels"]), ("xml", CT["xml"])], [
        ("/word/document.xml", CT["document"]), ("/word/styles.xml", CT["wstyles"]),
        ("/word/settings.xml", CT["settings"]), ("/word/fontTable.xml", CT["fontTable"]),
        ("/docProps/core.xml", CT["core"]), ("/docProps/app.xml", CT["app"]),
    ])
    write_zip(PJ04, [
        ("[Content_Types].xml", ct),
        ("_rels/.rels", pkg_rels("word/document.xml")),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/styles.xml", styles),
        ("word/settings.xml", settings),
        ("word/fontTable.xml", font_table(WORD2010_NS, fonts=("宋体", "仿宋_GB2312", "黑体", "方正小标宋简体", "Times New Roman", "Symbol"))),
        ("docProps/core.xml", core("附件1", "USER", "谭晓东", "2023-12-05T02:00:00Z", "2023-12-08T07:33:00Z", revision=12)),
        ("docProps/app.xml", app_word(pages=2, words=1320, chars=1580, version="14.0000", company="Microsoft")),
    ])


# ========================================================================== spreadsheet helpers

def col(n: int) -> str:
    s = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        s = chr(65 + rem) + s
    return s


def ref(r: int, c: int) -> str:
    return f"{col(c)}{r}"


def excel_serial(d: dt.date) -> int:
    return (d - dt.date(1899, 12, 30)).days


def sheet_styles(fonts, fills_extra, borders, numfmts, xfs, extra="") -> str:
    nf = ""
    if numfmts:
        nf = f'<numFmts count="{len(numfmts)}">' + "".join(
            f'<numFmt numFmtId="{i}" formatCode="{esc(c)}"/>' for i, c in numfmts) + "</numFmts>"
    fills = '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' + fills_extra
    nfills = 2 + fills_extra.count("<fill>")
    return DECL + (
        f'<styleSheet xmlns="{NS_S}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">'
        f'{nf}<fonts count="{len(fonts)}">{"".join(fonts)}</fonts><fills count="{nfills}">{fills}</fills>'
        f'<borders count="{len(borders)}">{"".join(borders)}</borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>'
        f'<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>{extra}'
        "</styleSheet>"
    )


THIN = ('<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>'
        '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>')
NOB = "<border><left/><right/><top/><bottom/><diagonal/></border>"


def font(sz, name, bold=False, charset=134, family=3):
    b = "<b/>" if bold else ""
    return f'<font>{b}<sz val="{sz}"/><name val="{name}"/><family val="{family}"/><charset val="{charset}"/></font>'


def xf(numfmt=0, font_id=0, border=0, h=None, v="center", wrap=True, extra_attr=""):
    al = ""
    if h or v or wrap:
        al = "<alignment" + (f' horizontal="{h}"' if h else "") + (f' vertical="{v}"' if v else "") + (' wrapText="1"' if wrap else "") + "/>"
    attrs = f'numFmtId="{numfmt}" fontId="{font_id}" fillId="0" borderId="{border}" xfId="0"'
    if numfmt:
        attrs += ' applyNumberFormat="1"'
    if font_id:
        attrs += ' applyFont="1"'
    if border:
        attrs += ' applyBorder="1"'
    attrs += ' applyAlignment="1"' + extra_attr
    return f"<xf {attrs}>{al}</xf>"


# ========================================================================== pj_05
# Tibet 2024, xlsx saved by WPS: no sharedStrings (all text t="inlineStr"), rich-text inline strings, t="str"
# formula results, merged cells, a hidden template-leftover row, docProps/custom.xml, etc namespace.

PJ05 = "pj_05_xizang_2024_qingke-liangzhong.xlsx"


def build_pj05():
    fonts = [font(11, "宋体"), font(18, "方正小标宋简体", family=3), font(10, "宋体"), font(10, "宋体", bold=True),
             font(12, "黑体")]
    xfs = [
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>',
        xf(0, 1, 0, "center", wrap=False),           # 1 title
        xf(0, 2, 0, "left", wrap=False),             # 2 plain left
        xf(0, 2, 1, "center"),                       # 3 bordered center
        xf(0, 2, 1, "left"),                         # 4 bordered left
        xf(2, 2, 1, "center"),                       # 5 bordered 0.00
        xf(0, 3, 1, "center"),                       # 6 bordered bold center
        xf(0, 4, 0, "left", wrap=False),             # 7 附件 黑体
    ]
    styles = sheet_styles(fonts, "", [NOB, THIN], [], xfs)

    def istr(text):
        return f'<is><t>{esc(text)}</t></is>'

    def rich(*runs):
        out = []
        for t, fnt in runs:
            rp = f'<rPr><rFont val="{fnt}"/><charset val="134"/><sz val="10"/></rPr>' if fnt else "<rPr/>"
            out.append(f"<r>{rp}<t>{esc(t)}</t></r>")
        return "<is>" + "".join(out) + "</is>"

    cells = {}   # (r, c) -> xml of the <c> element (without r attr filled)
    heights = {}
    hidden = set()
    merges = []

    def put(r, c, s, text=None, richxml=None, num=None, formula=None, fres=None, ftype=None):
        a = f'r="{ref(r, c)}" s="{s}"'
        if richxml is not None:
            cells[(r, c)] = f'<c {a} t="inlineStr">{richxml}</c>'
        elif formula is not None:
            t = f' t="{ftype}"' if ftype else ""
            cells[(r, c)] = f"<c {a}{t}><f>{esc(formula)}</f><v>{esc(str(fres))}</v></c>"
        elif num is not None:
            cells[(r, c)] = f"<c {a}><v>{num}</v></c>"
        elif text:
            cells[(r, c)] = f'<c {a} t="inlineStr">{istr(text)}</c>'
        else:
            cells[(r, c)] = f"<c {a}/>"

    def merge(r1, c1, r2, c2, s, **kw):
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                put(r, c, s)
        put(r1, c1, s, **kw)
        if (r1, c1) != (r2, c2):
            merges.append(f"{ref(r1, c1)}:{ref(r2, c2)}")

    put(1, 0, 7, "附件2")
    merge(2, 0, 2, 5, 1, text="项目支出绩效目标表")
    heights[2] = 33.75
    merge(3, 0, 3, 5, 2, text="（2024年度）")
    merge(4, 0, 4, 3, 2, text="填报单位（盖章）：日喀则市农业农村局")
    merge(4, 4, 4, 5, 2, text="单位：万元")
    merge(5, 0, 5, 1, 3, text="项目名称")
    merge(5, 2, 5, 5, 4, text="日喀则市2024年青稞良种推广补贴项目")
    merge(6, 0, 6, 1, 3, text="主管部门")
    put(6, 2, 4, "日喀则市农业农村局")
    put(6, 3, 3, "实施单位")
    merge(6, 4, 6, 5, 4, text="各县（区）农业农村局")
    merge(7, 0, 9, 0, 3, text="项目资金")
    put(7, 1, 3, "年度资金总额")
    merge(7, 2, 7, 5, 3, formula='TEXT(C8+C9,"0.00")', fres="1586.00", ftype="str")
    put(8, 1, 3, "其中：财政拨款")
    merge(8, 2, 8, 5, 5, num="1586")
    put(9, 1, 3, "其他资金")
    merge(9, 2, 9, 5, 5, num="0")
    merge(10, 0, 10, 1, 3, text="年度绩效目标")
    merge(10, 2, 10, 5, 4, text=("推广青稞良种85万亩以上，良种覆盖率达到90%以上，补贴覆盖农户6.8万户以上，"
                                  "建设良种繁育基地5个，青稞单产达到325公斤/亩以上，保障粮食安全，促进农牧民增收。"))
    heights[10] = 54
    for c, h in enumerate(("一级指标", "二级指标", "三级指标", "指标值", "分值", "备注")):
        put(11, c, 6, h)
    # rows: (一级, 二级, 三级, value (str | ("rich", ...) | ("f", formula, result)), 分值)
    grid = [
        ("产出指标", "数量指标", "青稞良种推广面积", "≥85", "8"),
        ("产出指标", "数量指标", "良种补贴覆盖农户数", "≥6.8万户", "8"),
        ("产出指标", "数量指标", "建设青稞良种繁育基地", ("rich", ("≥", "宋体"), ("5个", None)), "6"),
        "HIDDEN",
        ("产出指标", "质量指标", "良种质量合格率", ("rich", ("≥", None), ("95%", None)), "8"),
        ("产出指标", "质量指标", "青稞良种覆盖率", ("f", '"≥"&TEXT(0.9,"0%")', "≥90%"), "8"),
        ("产出指标", "时效指标", "补贴资金兑付时间", "2024年10月31日前", "6"),
        ("产出指标", "成本指标", "亩均良种补贴标准", "＝10元/亩", "6"),
        ("产出指标", "成本指标", "项目总成本", ("f", '"≤"&C8&"万元"', "≤1586万元"), "5"),
        ("效益指标", "经济效益指标", "青稞单产", "≥325公斤/亩", "10"),
        ("效益指标", "社会效益指标", "全市青稞总产量", "≥88万吨", "10"),
        ("效益指标", "生态效益指标", "生态环境影响", "无关", "0"),
        ("效益指标", "可持续影响指标", "青稞良种繁育体系", "逐步完善", "5"),
        ("满意度指标", "服务对象满意度指标", "农牧民群众满意度", ("rich", ("≥", "宋体"), ("90%", "Times New Roman")), "10"),
    ]
    r = 12
    first = r
    real = []
    for g in grid:
        if g == "HIDDEN":
            # template leftover kept from the 2023 form, row hidden
            put(r, 0, 3, "产出指标")
            put(r, 1, 3, "数量指标")
            put(r, 2, 4, "指标3：（请填写）")
            put(r, 3, 3, "≥**")
            put(r, 4, 3)
            put(r, 5, 3)
            hidden.add(r)
            real.append((r, None))
            r += 1
            continue
        l1, l2, l3, v, score = g
        put(r, 2, 4, l3)
        if isinstance(v, tuple) and v[0] == "rich":
            put(r, 3, 3, richxml=rich(*v[1:]))
        elif isinstance(v, tuple) and v[0] == "f":
            put(r, 3, 3, formula=v[1], fres=v[2], ftype="str")
        else:
            put(r, 3, 3, v)
        put(r, 4, 3, num=score)
        put(r, 5, 3)
        real.append((r, g))
        r += 1
    last = r - 1
    # merge 一级/二级 over runs of equal values (the hidden row sits inside the 产出/数量 run)
    labels = []
    for rr, g in real:
        labels.append((rr, ("产出指标", "数量指标") if g is None else (g[0], g[1])))
    i = 0
    while i < len(labels):
        j = i
        while j + 1 < len(labels) and labels[j + 1][1][0] == labels[i][1][0]:
            j += 1
        merge(labels[i][0], 0, labels[j][0], 0, 3, text=labels[i][1][0])
        k = i
        while k <= j:
            m = k
            while m + 1 <= j and labels[m + 1][1][1] == labels[k][1][1]:
                m += 1
            merge(labels[k][0], 1, labels[m][0], 1, 3, text=labels[k][1][1])
            k = m + 1
        i = j + 1
    merge(r, 0, r, 2, 3, text="合计")
    put(r, 3, 3)
    put(r, 4, 3, formula=f"SUM(E{first}:E{last})", fres="90")
    put(r, 5, 3)
    r += 1
    merge(r, 0, r, 5, 2, text="填报人：次仁旺堆　　　联系电话：0892-8826417　　　填报日期：2023年12月15日")
    maxr = r
    rows_xml = []
    for rr in range(1, maxr + 1):
        cs = "".join(cells[(rr, c)] for c in range(6) if (rr, c) in cells)
        attrs = f'r="{rr}" spans="1:6"'
        if rr in hidden:
            attrs += ' hidden="1"'
        if rr in heights:
            attrs += f' ht="{heights[rr]}" customHeight="1"'
        elif rr >= 11:
            attrs += ' ht="27" customHeight="1"'
        rows_xml.append(f"<row {attrs}>{cs}</row>")
    sheet = DECL + (
        f'<worksheet xmlns="{NS_S}" xmlns:r="{NS_R}" '
        'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
        'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">'
        f'<sheetPr/><dimension ref="A1:F{maxr}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0">'
        '<selection activeCell="D16" sqref="D16"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5" outlineLevelCol="5"/>'
        '<cols><col min="1" max="1" width="10.625" customWidth="1"/><col min="2" max="2" width="13.75" customWidth="1"/>'
        '<col min="3" max="3" width="26.25" customWidth="1"/><col min="4" max="4" width="17.5" customWidth="1"/>'
        '<col min="5" max="5" width="7.5" customWidth="1"/><col min="6" max="6" width="10" customWidth="1"/></cols>'
        f'<sheetData>{"".join(rows_xml)}</sheetData>'
        f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>"
        '<pageMargins left="0.708333333333333" right="0.708333333333333" top="0.747916666666667" bottom="0.747916666666667" '
        'header="0.314583333333333" footer="0.314583333333333"/>'
        '<pageSetup paperSize="9" orientation="portrait"/><headerFooter/></worksheet>'
    )
    workbook = DECL + (
        f'<workbook xmlns="{NS_S}" xmlns:r="{NS_R}"><workbookPr/><bookViews><workbookView windowWidth="28125" '
        'windowHeight="12540"/></bookViews><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>'
        '<calcPr calcId="144525"/></workbook>'
    )
    wb_rels = rels([("rId3", RT + "/styles", "styles.xml"), ("rId1", RT + "/worksheet", "worksheets/sheet1.xml")])
    ct = content_types([("rels", CT["rels"]), ("xml", CT["xml"])], [
        ("/xl/workbook.xml", CT["workbook"]), ("/xl/worksheets/sheet1.xml", CT["worksheet"]),
        ("/xl/styles.xml", CT["sstyles"]), ("/docProps/core.xml", CT["core"]), ("/docProps/app.xml", CT["app"]),
        ("/docProps/custom.xml", CT["custom"]),
    ])
    app = DECL + ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
                  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                  '<Application>WPS 表格</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant>'
                  '<vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>'
                  '<TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>Sheet1</vt:lpstr></vt:vector></TitlesOfParts>'
                  '</Properties>')
    write_zip(PJ05, [
        ("[Content_Types].xml", ct),
        ("_rels/.rels", pkg_rels("xl/workbook.xml", custom=True)),
        ("docProps/app.xml", app),
        ("docProps/core.xml", core("", "Administrator", "次仁旺堆", "2023-12-11T02:14:00Z", "2023-12-15T09:47:52Z")),
        ("docProps/custom.xml", custom_wps(build="2052-12.1.0.16120", icv="2F6E8D1A4B3C47E5A1D09C8B7E6F5A4D")),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", wb_rels),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/styles.xml", styles),
    ])


# ========================================================================== pj_06
# XPCC (新疆生产建设兵团) 2025, Excel 365: sharedStrings with rich-text runs and <rPh> phonetic runs, shared formulas
# with cached values, a date formatted yyyy"年"m"月"d"日", 0.95 formatted 0%, x14ac/xr namespaces, a print area, and a
# second visible sheet of instructions. 2021 framework: 成本指标 is its own 一级.

PJ06 = "pj_06_bingtuan_2025_jieshui-guangai.xlsx"


def build_pj06():
    sst = []
    sidx = {}

    def s(text, xml=None):
        key = xml or text
        if key not in sidx:
            sidx[key] = len(sst)
            sst.append(xml if xml else f"<si><t>{esc(text)}</t><phoneticPr fontId=\"1\" type=\"noConversion\"/></si>")
        return sidx[key]

    def rph(text, sb, eb, reading):
        return (f"<si><t>{esc(text)}</t><rPh sb=\"{sb}\" eb=\"{eb}\"><t>{esc(reading)}</t></rPh>"
                '<phoneticPr fontId="1" type="noConversion"/></si>')

    def runs(*parts):
        out = []
        for t, rp in parts:
            out.append(f"<r>{'<rPr>' + rp + '</rPr>' if rp else ''}<t>{esc(t)}</t></r>")
        return "<si>" + "".join(out) + '<phoneticPr fontId="1" type="noConversion"/></si>'

    TITLE_R = '<sz val="18"/><color theme="1"/><rFont val="方正小标宋简体"/><family val="4"/><charset val="134"/>'
    YEAR_R = '<b/><sz val="18"/><color theme="1"/><rFont val="Times New Roman"/><family val="1"/>'
    cells = {}
    merges = []

    def put(r, c, st, v=None, kind=None, f=None):
        a = f'r="{ref(r, c)}" s="{st}"'
        if kind == "s":
            cells[(r, c)] = f'<c {a} t="s"><v>{v}</v></c>'
        elif kind == "n":
            fx = f"<f>{f}</f>" if f else ""
            cells[(r, c)] = f"<c {a}>{fx}<v>{v}</v></c>"
        elif kind == "raw":
            cells[(r, c)] = f"<c {a}>{v}</c>"
        else:
            cells[(r, c)] = f"<c {a}/>"

    def merge(r1, c1, r2, c2, st, v=None, kind=None, f=None):
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                put(r, c, st)
        put(r1, c1, st, v, kind, f)
        if (r1, c1) != (r2, c2):
            merges.append(f"{ref(r1, c1)}:{ref(r2, c2)}")

    # styles: 0 default, 1 title, 2 plain left, 3 border center, 4 border left, 5 border #,##0.00, 6 border 0%,
    #         7 border date, 8 border number general, 9 plain right, 10 bold border center
    fonts = ['<font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font>',
             '<font><sz val="9"/><name val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></font>',
             '<font><sz val="18"/><color theme="1"/><name val="方正小标宋简体"/><family val="4"/><charset val="134"/></font>',
             '<font><sz val="10"/><color theme="1"/><name val="宋体"/><family val="3"/><charset val="134"/></font>',
             '<font><b/><sz val="10"/><color theme="1"/><name val="宋体"/><family val="3"/><charset val="134"/></font>']
    xfs = [
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>',
        xf(0, 2, 0, "center", wrap=False),
        xf(0, 3, 0, "left", wrap=False),
        xf(0, 3, 1, "center"),
        xf(0, 3, 1, "left"),
        xf(4, 3, 1, "center"),
        xf(9, 3, 1, "center"),
        xf(176, 3, 1, "center"),
        xf(0, 3, 1, "center"),
        xf(0, 3, 0, "right", wrap=False),
        xf(0, 4, 1, "center"),
        xf(0, 3, 0, "left", v="top"),
    ]
    styles = sheet_styles(fonts, "", [NOB, THIN], [(176, 'yyyy"年"m"月"d"日"')], xfs,
                          extra='<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" '
                                'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
                                '<x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst>')
    NC = 8
    merge(1, 0, 1, NC - 1, 1, s("", runs(("2025", YEAR_R), ("年度项目支出绩效目标表", TITLE_R))), "s")
    merge(2, 0, 2, NC - 1, 2, s("（2025年度）"), "s")
    merge(3, 0, 3, 4, 2, s("填报单位：第八师石河子市水利局"), "s")
    merge(3, 5, 3, NC - 1, 9, s("金额单位：万元"), "s")
    merge(4, 0, 4, 1, 3, s("项目名称"), "s")
    merge(4, 2, 4, NC - 1, 4, s("", rph("第八师2025年高效节水灌溉提质增效项目", 8, 12, "gāoxiàojiéshuǐ")), "s")
    merge(5, 0, 5, 1, 3, s("主管部门"), "s")
    merge(5, 2, 5, 3, 4, s("第八师石河子市水利局"), "s")
    put(5, 4, 3, s("实施单位"), "s")
    merge(5, 5, 5, NC - 1, 4, s("第八师石河子市水利工程管理服务中心"), "s")
    merge(6, 0, 8, 1, 3, s("项目资金（万元）"), "s")
    merge(6, 2, 6, 3, 3, s("年度资金总额"), "s")
    merge(6, 4, 6, NC - 1, 5, "3250", "n", f="E7+E8")
    merge(7, 2, 7, 3, 3, s("其中：财政资金"), "s")
    merge(7, 4, 7, NC - 1, 5, "3000", "n")
    merge(8, 2, 8, 3, 3, s("其他资金"), "s")
    merge(8, 4, 8, NC - 1, 5, "250", "n")
    merge(9, 0, 9, 1, 3, s("年度绩效目标"), "s")
    merge(9, 2, 9, NC - 1, 4, s("新建高效节水灌溉面积8.6万亩、改造提升老旧滴灌系统4.2万亩，新建首部过滤系统36座，"
                                "工程验收合格，灌溉水有效利用系数达到0.9以上，年节约灌溉用水1800万立方米以上，"
                                "促进团场职工群众节本增收。"), "s")
    for c, h in enumerate(("序号", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "权重（分）")):
        put(10, c, 10, s(h), "s")
    DATE = excel_serial(dt.date(2025, 10, 31))
    # (一级, 二级, 三级 (str | ("rph",..) | ("runs",..)), 指标性质, value (("n", x, style) | ("s", text)), 单位, 权重)
    grid = [
        ("产出指标", "数量指标", ("rph", "新建高效节水灌溉面积", 4, 6, "jiéshuǐ"), "≥", ("n", "8.6", 8), "万亩", 8),
        ("产出指标", "数量指标", "改造提升老旧滴灌系统面积", "≥", ("n", "4.2", 8), "万亩", 6),
        ("产出指标", "数量指标", "新建首部过滤系统", "≥", ("n", "36", 8), "座", 6),
        ("产出指标", "质量指标", "滴灌设施完好率", "≥", ("n", "0.95", 6), "", 6),
        ("产出指标", "质量指标", "工程一次验收合格率", "＝", ("n", "100100", 8), "%", 6),
        ("产出指标", "时效指标", "工程完工时间", "≤", ("n", str(DATE), 7), "", 8),
        ("成本指标", "经济成本指标", "亩均建设成本", "≤", ("n", "255", 8), "元/亩", 10),
        ("成本指标", "经济成本指标", "项目总成本", "≤", ("s", "**"), "万元", 10),
        ("效益指标", "经济效益指标", ("runs", ("亩均节本", None), ("增效", '<b/><sz val="10"/><rFont val="宋体"/><family val="3"/><charset val="134"/>')), "≥", ("n", "120", 8), "元", 8),
        ("效益指标", "生态效益指标", "年节约灌溉用水量", "≥", ("n", "1800", 8), "万立方米", 7),
        ("效益指标", "生态效益指标", ("rph", "灌溉水有效利用系数", 0, 2, "guàngài"), "≥", ("n", "0.9", 8), "", 8),
        ("效益指标", "可持续影响指标", "节水灌溉工程设计使用年限", "≥", ("n", "15", 8), "年", 7),
        ("满意度指标", "服务对象满意度指标", "受益职工群众满意度", "≥", ("n", "0.9", 6), "", 10),
    ]
    first = 11
    r = first
    for i, (l1, l2, l3, op, v, u, wgt) in enumerate(grid):
        if i == 0:
            put(r, 0, 8, f'<f t="shared" ref="A{first}:A{first + len(grid) - 1}" si="0">ROW()-10</f><v>1</v>', "raw")
        else:
            put(r, 0, 8, f'<f t="shared" si="0"/><v>{i + 1}</v>', "raw")
        if isinstance(l3, tuple) and l3[0] == "rph":
            put(r, 3, 4, s("", rph(*l3[1:])), "s")
        elif isinstance(l3, tuple):
            put(r, 3, 4, s("", runs(*l3[1:])), "s")
        else:
            put(r, 3, 4, s(l3), "s")
        put(r, 4, 3, s(op), "s")
        if v[0] == "n":
            put(r, 5, v[2], v[1], "n")
        else:
            put(r, 5, 3, s(v[1]), "s")
        if u:
            put(r, 6, 3, s(u), "s")
        else:
            put(r, 6, 3)
        put(r, 7, 8, str(wgt), "n")
        r += 1
    last = r - 1
    keys = [(g[0], g[1]) for g in grid]
    f1, f2 = group_flags(keys, 0), group_flags(keys, 1)
    i = 0
    while i < len(grid):
        j = i
        while j + 1 < len(grid) and not f1[j + 1]:
            j += 1
        merge(first + i, 1, first + j, 1, 3, s(grid[i][0]), "s")
        i = j + 1
    i = 0
    while i < len(grid):
        j = i
        while j + 1 < len(grid) and not f2[j + 1]:
            j += 1
        merge(first + i, 2, first + j, 2, 3, s(grid[i][1]), "s")
        i = j + 1
    merge(r, 0, r, 6, 10, s("合计"), "s")
    put(r, 7, 8, "100", "n", f=f"SUM(H{first}:H{last})")
    r += 1
    merge(r, 0, r, NC - 1, 2, s("填报人：古丽米拉·艾买提　　联系电话：0993-2716053　　审核人：王振华"), "s")
    maxr = r
    rows_xml = []
    for rr in range(1, maxr + 1):
        cs = "".join(cells[(rr, c)] for c in range(NC) if (rr, c) in cells)
        ht = ' ht="30" customHeight="1"' if rr in (1, 9) else (' ht="24.95" customHeight="1"' if rr >= 10 else "")
        rows_xml.append(f'<row r="{rr}" spans="1:{NC}"{ht} x14ac:dyDescent="0.2">{cs}</row>')
    WS_NS = (f'xmlns="{NS_S}" xmlns:r="{NS_R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
             'mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
             'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
             'xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" '
             'xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3"')
    sheet1 = DECL + (
        f'<worksheet {WS_NS} xr:uid="{{6D1F0A2B-3C4E-4A5F-8B7C-9D0E1F2A3B4C}}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<dimension ref="A1:H{maxr}"/><sheetViews><sheetView tabSelected="1" zoomNormal="100" workbookViewId="0">'
        '<selection activeCell="F16" sqref="F16"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/>'
        '<cols><col min="1" max="1" width="5.625" customWidth="1"/><col min="2" max="2" width="9.875" customWidth="1"/>'
        '<col min="3" max="3" width="12.5" customWidth="1"/><col min="4" max="4" width="26.75" customWidth="1"/>'
        '<col min="5" max="5" width="8.25" customWidth="1"/><col min="6" max="6" width="13.125" customWidth="1"/>'
        '<col min="7" max="7" width="9.5" customWidth="1"/><col min="8" max="8" width="8.75" customWidth="1"/></cols>'
        f'<sheetData>{"".join(rows_xml)}</sheetData>'
        f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>"
        '<phoneticPr fontId="1" type="noConversion"/><printOptions horizontalCentered="1"/>'
        '<pageMargins left="0.51181102362204722" right="0.51181102362204722" top="0.74803149606299213" '
        'bottom="0.74803149606299213" header="0.31496062992125984" footer="0.31496062992125984"/>'
        '<pageSetup paperSize="9" fitToHeight="0" orientation="portrait"/></worksheet>'
    )
    notes = [
        "填表说明",
        "1．本表由项目实施单位填报，主管部门审核后报师（市）财政局。",
        "2．绩效指标应细化、量化，可量化的指标须填写指标性质、指标值和计量单位，如“≥95%”“≤300万元”。",
        "3．成本指标按照2021年新框架单列为一级指标，包括经济成本、社会成本、生态环境成本指标。",
        "4．示例：产出指标—数量指标—新建渠道长度—≥—10—公里。",
        "5．权重合计应为100分，满意度指标权重一般不低于10分。",
    ]
    srows = []
    for i, t in enumerate(notes, start=1):
        st = 10 if i == 1 else 11
        srows.append(f'<row r="{i}" spans="1:1" ht="28.5" customHeight="1" x14ac:dyDescent="0.2">'
                     f'<c r="A{i}" s="{st}" t="s"><v>{s(t)}</v></c></row>')
    sheet2 = DECL + (
        f'<worksheet {WS_NS} xr:uid="{{0A9B8C7D-6E5F-4A3B-2C1D-0E9F8A7B6C5D}}"><dimension ref="A1:A{len(notes)}"/>'
        '<sheetViews><sheetView workbookViewId="0"><selection activeCell="A7" sqref="A7"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/><cols><col min="1" max="1" width="96" customWidth="1"/></cols>'
        f'<sheetData>{"".join(srows)}</sheetData><phoneticPr fontId="1" type="noConversion"/>'
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
    )
    count = sum(1 for v in cells.values() if 't="s"' in v) + len(notes)
    sst_xml = DECL + f'<sst xmlns="{NS_S}" count="{count}" uniqueCount="{len(sst)}">{"".join(sst)}</sst>'
    workbook = DECL + (
        f'<workbook xmlns="{NS_S}" xmlns:r="{NS_R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" '
        'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
        'xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" '
        'xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" '
        'xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">'
        '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/>'
        '<workbookPr filterPrivacy="1" defaultThemeVersion="164011"/>'
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="x15"><x15ac:absPath url="D:\\2025年预算\\绩效目标\\" '
        'xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>'
        '<xr:revisionPtr revIDLastSave="0" documentId="13_ncr:1_{7C2A1E3F-5B4D-4C6E-9F8A-1B2C3D4E5F60}" '
        'xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>'
        '<bookViews><workbookView xWindow="-108" yWindow="-108" windowWidth="23256" windowHeight="12456" '
        'xr2:uid="{A1B2C3D4-E5F6-4789-8ABC-DEF012345678}"/></bookViews>'
        '<sheets><sheet name="绩效目标表" sheetId="1" r:id="rId1"/><sheet name="填表说明" sheetId="2" r:id="rId2"/></sheets>'
        f"<definedNames><definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">绩效目标表!$A$1:$H${maxr}</definedName></definedNames>"
        '<calcPr calcId="191029"/><extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" '
        'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/>'
        "</ext></extLst></workbook>"
    )
    wb_rels = rels([("rId5", RT + "/sharedStrings", "sharedStrings.xml"),
                    ("rId4", RT + "/styles", "styles.xml"),
                    ("rId2", RT + "/worksheet", "worksheets/sheet2.xml"),
                    ("rId1", RT + "/worksheet", "worksheets/sheet1.xml")])
    ct = content_types([("rels", CT["rels"]), ("xml", CT["xml"])], [
        ("/xl/workbook.xml", CT["workbook"]), ("/xl/worksheets/sheet1.xml", CT["worksheet"]),
        ("/xl/worksheets/sheet2.xml", CT["worksheet"]), ("/xl/styles.xml", CT["sstyles"]),
        ("/xl/sharedStrings.xml", CT["sst"]), ("/docProps/core.xml", CT["core"]), ("/docProps/app.xml", CT["app"]),
    ])
    write_zip(PJ06, [
        ("[Content_Types].xml", ct),
        ("_rels/.rels", pkg_rels("xl/workbook.xml")),
        ("docProps/app.xml", app_excel(["绩效目标表", "填表说明"], print_area_of="绩效目标表")),
        ("docProps/core.xml", core("", "八师水利局", "古丽米拉", "2015-06-05T18:19:34Z", "2024-11-26T04:52:17Z")),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", wb_rels),
        ("xl/worksheets/sheet1.xml", sheet1),
        ("xl/worksheets/sheet2.xml", sheet2),
        ("xl/styles.xml", styles),
        ("xl/sharedStrings.xml", sst_xml),
    ])


# ========================================================================== pj_07
# Shanxi 2022, a budget system's own writer: flat export (one row per indicator, unit/project columns repeated),
# cells and rows without r attributes (positions implied; empty cells written as <c/>), shared strings in
# xl/sharedStrings1.xml, the sheet listed as "worksheets/Sheet1.xml" while the part is xl/worksheets/sheet1.xml,
# a stale dimension, numbers stored as text under a quotePrefix style, no app.xml, no theme. 2 projects.

PJ07 = "pj_07_shanxi_2022_hanzuo-renju.xlsx"


def build_pj07():
    sst = []
    sidx = {}

    def s(text):
        if text not in sidx:
            sidx[text] = len(sst)
            sst.append(text)
        return sidx[text]

    UNIT = ("140726001", "晋中市太谷区农业农村局")
    projects = [
        dict(code="14072622T000001048213", name="2022年有机旱作农业示范片建设项目", budget="680.00",
             goal="建设有机旱作农业示范片2万亩，推广旱作节水技术5万亩，建设集雨补灌设施30处，示范区亩均增产30公斤以上。",
             rows=[
                 ("产出指标", "数量指标", "建设有机旱作示范片面积", "≥", "2", "万亩", "10"),
                 ("产出指标", "数量指标", "推广旱作节水技术面积", "≥", "5", "万亩", "10"),
                 ("产出指标", "数量指标", "建设集雨补灌设施", "≥", "30", "处", "5"),
                 ("产出指标", "质量指标", "示范区测土配方施肥覆盖率", "≥", "95", "%", "5"),
                 ("产出指标", "质量指标", "关键技术到位率", "≥", "90", "%", "5"),
                 ("产出指标", "时效指标", "项目完成时间", "≤", "2021年11月30日", "", "5"),
                 ("产出指标", "成本指标", "示范片亩均补助", "≤", "200", "元/亩", "10"),
                 ("效益指标", "经济效益指标", "示范区亩均增产", "≥", "30", "公斤", "10"),
                 ("效益指标", "社会效益指标", "带动农户数", "≥", "3500", "户", "10"),
                 ("效益指标", "生态效益指标", "示范区化肥利用率", "≥", "41", "%", "10"),
                 ("效益指标", "可持续影响指标", "有机旱作技术模式", "定性", "形成可复制推广经验", "", "10"),
                 ("满意度指标", "服务对象满意度指标", "示范区农户满意度", "≥", "90", "%", "10"),
             ]),
        dict(code="14072622T000001051876", name="2022年农村人居环境整治提升项目", budget="425.50",
             goal="完成农村户厕改造1800座，新建（改造）公共厕所24座，配置垃圾收运车辆12辆，农村卫生厕所普及率达到80%以上。",
             rows=[
                 ("产出指标", "数量指标", "完成农村户厕改造", "≥", "1800", "座", "10"),
                 ("产出指标", "数量指标", "新建（改造）农村公共厕所", "≥", "24", "座", "10"),
                 ("产出指标", "数量指标", "配置垃圾收运车辆", "=", "12", "辆", "10"),
                 ("产出指标", "质量指标", "改厕验收合格率", "=", "100", "%", "10"),
                 ("产出指标", "时效指标", "奖补资金拨付时间", "≤", "2022年12月31日", "", "5"),
                 ("产出指标", "成本指标", "户厕改造奖补标准", "≤", "1000", "元/座", "5"),
                 ("效益指标", "社会效益指标", "农村卫生厕所普及率", "≥", "80", "%", "15"),
                 ("效益指标", "经济效益指标", "对村集体经济收入的影响", "定性", "无关", "", "5"),
                 ("效益指标", "可持续影响指标", "改厕后续管护机制", "定性", "基本建立", "", "10"),
                 ("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", "10"),
             ]),
    ]
    HEAD = ("单位编码", "单位名称", "项目编码", "项目名称", "预算数（万元）", "年度绩效目标", "一级指标", "二级指标",
            "三级指标", "指标性质", "指标值", "度量单位", "权重")
    QUOTE = {0, 2, 4, 10, 12}   # columns whose text looks like a number: written under the quotePrefix style
    rows_xml = []
    rows_xml.append("<row>" + "".join(f'<c t="s" s="1"><v>{s(h)}</v></c>' for h in HEAD) + "</row>")
    for p in projects:
        for (l1, l2, l3, op, v, u, wgt) in p["rows"]:
            vals = (UNIT[0], UNIT[1], p["code"], p["name"], p["budget"], p["goal"], l1, l2, l3, op, v, u, wgt)
            cs = []
            for c, t in enumerate(vals):
                if t == "":
                    cs.append('<c s="2"/>')
                else:
                    st = 3 if (c in QUOTE and t[:1].isdigit()) else 2
                    cs.append(f'<c t="s" s="{st}"><v>{s(t)}</v></c>')
            rows_xml.append("<row>" + "".join(cs) + "</row>")
    sheet = DECL + (
        f'<worksheet xmlns="{NS_S}" xmlns:r="{NS_R}"><dimension ref="A1:M5"/><sheetViews><sheetView workbookViewId="0"/>'
        '</sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="11" customWidth="1"/>'
        '<col min="2" max="2" width="24" customWidth="1"/><col min="3" max="3" width="24" customWidth="1"/>'
        '<col min="4" max="4" width="36" customWidth="1"/><col min="5" max="5" width="14" customWidth="1"/>'
        '<col min="6" max="6" width="40" customWidth="1"/><col min="7" max="8" width="14" customWidth="1"/>'
        '<col min="9" max="9" width="28" customWidth="1"/><col min="10" max="13" width="11" customWidth="1"/></cols>'
        f'<sheetData>{"".join(rows_xml)}</sheetData></worksheet>'
    )
    sst_xml = DECL + f'<sst xmlns="{NS_S}" uniqueCount="{len(sst)}">' + "".join(
        f"<si><t>{esc(t)}</t></si>" for t in sst) + "</sst>"
    styles = DECL + (
        f'<styleSheet xmlns="{NS_S}"><fonts count="2"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font>'
        '<font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        f'<borders count="2">{NOB}{THIN}</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="49" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>'
        '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>'
        '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" quotePrefix="1" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>'
        '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    )
    workbook = DECL + (
        f'<workbook xmlns="{NS_S}" xmlns:r="{NS_R}"><bookViews><workbookView/></bookViews>'
        '<sheets><sheet name="项目绩效目标" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    wb_rels = rels([("rId1", RT + "/worksheet", "worksheets/Sheet1.xml"),
                    ("rId2", RT + "/sharedStrings", "sharedStrings1.xml"),
                    ("rId3", RT + "/styles", "styles.xml")])
    ct = content_types([("rels", CT["rels"]), ("xml", CT["xml"])], [
        ("/xl/workbook.xml", CT["workbook"]), ("/xl/worksheets/sheet1.xml", CT["worksheet"]),
        ("/xl/sharedStrings1.xml", CT["sst"]), ("/xl/styles.xml", CT["sstyles"]), ("/docProps/core.xml", CT["core"]),
    ])
    pkg = rels([("rId1", RT + "/officeDocument", "xl/workbook.xml"),
                ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                 "docProps/core.xml")])
    write_zip(PJ07, [
        ("[Content_Types].xml", ct),
        ("_rels/.rels", pkg),
        ("docProps/core.xml", core("项目绩效目标导出", "预算管理一体化系统", "预算管理一体化系统", "2021-12-03T08:15:42Z",
                                   "2021-12-03T08:15:42Z")),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", wb_rels),
        ("xl/styles.xml", styles),
        ("xl/sharedStrings1.xml", sst_xml),
        ("xl/worksheets/sheet1.xml", sheet),
    ], stamp=(2021, 12, 3, 16, 15, 42))


# ========================================================================== pj_08
# Hebei 2023, 部门整体支出绩效目标表 from Word 2013: cells holding several paragraphs, numbered lists (w:numPr, the
# numbers come from numbering.xml and are not in the text), w:tab and w:br inside cells, the grid's header row marked
# w:tblHeader (repeats on page 2) and, mid-table, a physically repeated header row left from an older page break.

PJ08 = "pj_08_hebei_2023_shuili-overall.docx"


def build_pj08():
    RPR = '<w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="21"/>'
    pid = [0x60A10000]

    def pattrs():
        pid[0] += 5
        return f' w14:paraId="{pid[0]:08X}" w14:textId="{(pid[0] * 7) & 0x7FFFFFFF:08X}" w:rsidR="00812C3F" w:rsidRDefault="00812C3F"'

    w = W(RPR, ppr_pre='<w:spacing w:line="320" w:lineRule="exact"/>', pattrs=pattrs)

    def numbered(items, num_id, jc="both"):
        return Blocks("".join(w.para(w.run(t), jc=jc, pre=f'<w:pStyle w:val="a4"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
                       for t in items))

    def paras(*texts, jc="center"):
        return Blocks("".join(w.para(w.run(t) if t else "", jc=jc) for t in texts))

    C = (1250, 1650, 3050, 1900, 1150)   # 9000
    rows = []
    rows.append(w.row([w.cell(C[0], "部门名称"), w.cell(sum(C[1:]), "邢台市任泽区水利局\t（单位编码：412003）", span=4, jc="left")]))
    for i, (lab, v) in enumerate((("资金总额", "2386.72"), ("其中：财政拨款", "2286.72"), ("其他资金", "100.00"))):
        rows.append(w.row([w.cell(C[0], "年度预算\n申请\n（万元）" if i == 0 else "", vm="restart" if i == 0 else "cont"),
                           w.cell(C[1] + C[2], lab, span=2), w.cell(C[3] + C[4], v, span=2)]))
    duties = numbered([
        "贯彻落实国家和省、市水利工作方针政策，拟订全区水利发展规划并组织实施；",
        "负责全区水资源的统一监督管理，组织实施取水许可、水资源论证和地下水超采综合治理；",
        "负责水旱灾害防御工作，组织编制防汛抗旱应急预案，承担防汛抗旱指挥部日常工作；",
        "负责农村饮水安全和农田水利工程建设与管理，指导水利工程运行管理；",
        "负责河湖长制日常工作，组织河湖管理保护和水土保持工作。",
    ], 1)
    rows.append(w.row([w.cell(C[0], "部门职责"), w.cell(sum(C[1:]), duties, span=4)]))
    tasks = (("水旱灾害防御", "防汛物资储备、河道清障、防汛演练及应急抢险", "386.50"),
             ("农村供水保障", "农村供水工程维修养护、水质检测及运行管理补助", "742.30"),
             ("地下水超采治理", "压采水源置换、节水灌溉及监测计量设施运维", "598.60"),
             ("河湖长制及水土保持", "河湖巡查、“清四乱”整治及水土流失综合治理", "248.00"))
    rows.append(w.row([w.cell(C[0], "年度主要\n任务", vm="restart"), w.cell(C[1], "任务名称"),
                       w.cell(C[2] + C[3], "主要内容", span=2), w.cell(C[4], "预算金额\n（万元）")]))
    for name, what, amt in tasks:
        rows.append(w.row([w.cell(C[0], "", vm="cont"),
                           w.cell(C[1], numbered([name], 2, jc="left")),
                           w.cell(C[2] + C[3], what, span=2, jc="left"), w.cell(C[4], amt)]))
    goals = numbered([
        "全年不发生因洪涝灾害造成的人员死亡，防汛物资储备品种达到18类以上；",
        "农村自来水普及率保持在99%以上，农村集中供水工程水质检测样本不少于160份；",
        "完成地下水压采320万立方米，浅层地下水水位止跌回升；",
        "河湖长制工作机制长效运行，服务对象满意度达到90%以上。",
    ], 3)
    rows.append(w.row([w.cell(C[0], "年度绩效\n目标"), w.cell(sum(C[1:]), goals, span=4)]))
    facts = tbl(C, rows, style="a3", width=sum(C))

    HEAD = ("一级指标", "二级指标", "三级指标", "指标值", "备注")
    grid = [
        ("产出\n指标", "数量指标", paras("防汛物资储备品种"), paras("≥18类"), ""),
        ("产出\n指标", "数量指标", paras("县级河湖巡查次数"), paras("≥48"), "河湖长制"),
        ("产出\n指标", "数量指标", paras("农村集中供水工程", "水质检测样本数"), paras("≥160份"), ""),
        ("产出\n指标", "数量指标", paras("地下水超采综合治理压采量"), paras("≥320万立方米"), ""),
        ("产出\n指标", "质量指标", paras("病险水库除险加固", "工程验收合格率"), paras("100%"), ""),
        ("产出\n指标", "质量指标", paras("农村自来水普及率"), paras("≥99%", ""), ""),
        ("产出\n指标", "时效指标", paras("汛前防汛物资补充到位时间"), paras("2022年5月31日前"), ""),
        ("产出\n指标", "成本指标", paras("“三公”经费\n控制数"), paras("≤8.6万元"), "不超上年"),
        "REPEAT",
        ("效益\n指标", "社会效益指标", paras("因洪涝灾害死亡人数"), paras("=0人"), ""),
        ("效益\n指标", "社会效益指标", paras("农村群众饮水安全保障水平"), paras("持续提升"), ""),
        ("效益\n指标", "生态效益指标", paras("浅层地下水水位"), paras("止跌回升"), ""),
        ("效益\n指标", "可持续影响指标", paras("河湖长制工作机制"), paras("长效运行"), ""),
        ("满意度\n指标", "服务对象满意度指标", paras("农村供水用户满意度"), paras("≥90%"), "问卷调查"),
        ("满意度\n指标", "服务对象满意度指标", paras("社会公众满意度"), paras("≥85%"), ""),
    ]
    grows = [w.row([w.cell(C[i], h) for i, h in enumerate(HEAD)], trpr='<w:cantSplit/><w:tblHeader/>')]
    real = [g for g in grid if g != "REPEAT"]
    keys = [(g[0], g[1]) for g in real]
    f1, f2 = group_flags(keys, 0), group_flags(keys, 1)
    k = 0
    for g in grid:
        if g == "REPEAT":
            grows.append(w.row([w.cell(C[i], h) for i, h in enumerate(HEAD)], trpr="<w:cantSplit/><w:tblHeader/>"))
            continue
        l1, l2, l3, v, note = g
        s1, s2 = f1[k], f2[k]
        k += 1
        grows.append(w.row([
            w.cell(C[0], l1 if s1 else "", vm="restart" if s1 else "cont"),
            w.cell(C[1], l2 if s2 else "", vm="restart" if s2 else "cont"),
            w.cell(C[2], l3), w.cell(C[3], v), w.cell(C[4], note)], trpr='<w:cantSplit/><w:trHeight w:val="567" w:hRule="atLeast"/>'))
    grid_tbl = tbl(C, grows, style="a3", width=sum(C))

    TB = '<w:rFonts w:ascii="方正小标宋简体" w:hAnsi="方正小标宋简体" w:eastAsia="方正小标宋简体" w:hint="eastAsia"/><w:sz w:val="40"/>'
    body = [
        w.para(XML(w.run("部门整体支出绩效目标表", rpr=TB))),
        w.para(XML(w.run("（2023年度）"))),
        w.para(XML(w.run("填报单位（盖章）：邢台市任泽区水利局") + "<w:r><w:tab/><w:tab/><w:tab/></w:r>" + w.run("金额单位：万元")), jc="left"),
        facts,
        w.para("", jc="left"),
        grid_tbl,
        w.para(XML(w.run("填报人：张立新\t联系电话：0319-7712365\t填报日期：2022年11月28日")), jc="left",
               pre='<w:tabs><w:tab w:val="left" w:pos="3360"/><w:tab w:val="left" w:pos="6300"/></w:tabs>'),
    ]
    sect = f'<w:sectPr w:rsidR="00812C3F">{SECT_A4}</w:sectPr>'
    document = DECL + f"<w:document {WORD365_NS}><w:body>{''.join(body)}{sect}</w:body></w:document>"
    numbering = DECL + (
        f"<w:numbering {WORD365_NS}>"
        '<w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0"><w:nsid w:val="1B2F4C6A"/>'
        '<w:multiLevelType w:val="hybridMultilevel"/><w:tmpl w:val="9A3C2E10"/>'
        '<w:lvl w:ilvl="0" w:tplc="0409000F"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1．"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:lvl></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="1" w15:restartNumberingAfterBreak="0"><w:nsid w:val="3C5D7E9F"/>'
        '<w:multiLevelType w:val="hybridMultilevel"/><w:tmpl w:val="6E8A0C2B"/>'
        '<w:lvl w:ilvl="0" w:tplc="2A6E3B9C"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="2" w15:restartNumberingAfterBreak="0"><w:nsid w:val="5E7F9A1B"/>'
        '<w:multiLevelType w:val="hybridMultilevel"/><w:tmpl w:val="1F3B5D7A"/>'
        '<w:lvl w:ilvl="0" w:tplc="04090011"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="目标%1："/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num></w:numbering>'
    )
    extra = ('<w:style w:type="paragraph" w:styleId="a4"><w:name w:val="List Paragraph"/><w:basedOn w:val="a"/>'
             '<w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="420"/></w:pPr></w:style>')
    styles = word_styles(WORD365_NS, dict(normal="a", dpf="a0", table="a1", nolist="a2", grid="a3"), extra=extra)
    settings = DECL + (
        f"<w:settings {WORD365_NS}><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"420\"/>"
        '<w:drawingGridVerticalSpacing w:val="156"/><w:characterSpacingControl w:val="compressPunctuation"/>'
        '<w:compat><w:useFELayout/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:rsids><w:rsidRoot w:val="00812C3F"/><w:rsid w:val="00812C3F"/></w:rsids>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
        '<w14:docId w14:val="6C1B0A3E"/><w15:docId w15:val="{E4A7C2B1-0D3F-4E6A-B9C8-7F1E2D3C4B5A}"/></w:settings>'
    )
    doc_rels = rels([("rId1", RT + "/numbering", "numbering.xml"), ("rId2", RT + "/styles", "styles.xml"),
                     ("rId3", RT + "/settings", "settings.xml"), ("rId4", RT + "/fontTable", "fontTable.xml")])
    ct = content_types([("rels", CT["rels"]), ("xml", CT["xml"])], [
        ("/word/document.xml", CT["document"]), ("/word/numbering.xml", CT["numbering"]),
        ("/word/styles.xml", CT["wstyles"]), ("/word/settings.xml", CT["settings"]),
        ("/word/fontTable.xml", CT["fontTable"]), ("/docProps/core.xml", CT["core"]), ("/docProps/app.xml", CT["app"]),
    ])
    write_zip(PJ08, [
        ("[Content_Types].xml", ct),
        ("_rels/.rels", pkg_rels("word/document.xml")),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/numbering.xml", numbering),
        ("word/styles.xml", styles),
        ("word/settings.xml", settings),
        ("word/fontTable.xml", font_table(WORD365_NS)),
        ("docProps/core.xml", core("部门整体支出绩效目标表", "任泽区水利局", "张立新", "2022-11-24T01:06:00Z",
                                   "2022-11-28T07:52:00Z", revision=6)),
        ("docProps/app.xml", app_word(pages=3, words=1450, chars=1710, version="15.0000")),
    ])


BUILDERS = (build_pj01, build_pj02, build_pj03, build_pj04, build_pj05, build_pj06, build_pj07, build_pj08)


def main() -> None:
    for b in BUILDERS:
        b()
    print("wrote pj_01..pj_08 to", OUT)


if __name__ == "__main__":
    main()
