"""The fixed parts of the docx package (styles, settings, footer, relationships, properties).

They are written as text straight into the zip by ``docx.py``: building them with python-docx
meant loading its template and holding the whole document tree (issue 21). Word and LibreOffice
read these parts; ``python-docx`` reads them back in the tests.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
RT_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
RT_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
RT_SETTINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
RT_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
RT_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"

LATIN = "Times New Roman"
BODY = "宋体"
HEAD = "黑体"
TABLE_STYLE_ID = "perfdraftTable"  # the paragraph style of table text (名称 "perfdraft 表格文字")
TABLE_STYLE_NAME = "perfdraft 表格文字"
TABLE_FONT_HALF_POINTS = 20  # 10 pt
# Exact line pitch of table text: CJK fonts' own line height (1.45 em for Noto CJK) would make a
# 17-row project spill onto a second page; 11.4 pt keeps 10 pt text readable and rows compact.
TABLE_LINE_TWIPS = 228

_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _fonts(east: str) -> str:
    return f'<w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:cs="{LATIN}" w:eastAsia="{east}"/>'


CONTENT_TYPES = _DECL + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/footer1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)

PACKAGE_RELS = _DECL + (
    f'<Relationships xmlns="{REL_NS}">'
    f'<Relationship Id="rId1" Type="{RT_OFFICE}" Target="word/document.xml"/>'
    f'<Relationship Id="rId2" Type="{RT_CORE}" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{RT_APP}" Target="docProps/app.xml"/>'
    "</Relationships>"
)


def document_rels(custom_xml_target: str) -> str:
    return _DECL + (
        f'<Relationships xmlns="{REL_NS}">'
        f'<Relationship Id="rId1" Type="{RT_STYLES}" Target="styles.xml"/>'
        f'<Relationship Id="rId2" Type="{RT_SETTINGS}" Target="settings.xml"/>'
        f'<Relationship Id="rId3" Type="{RT_FOOTER}" Target="footer1.xml"/>'
        f'<Relationship Id="rId4" Type="{RT_CUSTOM_XML}" Target="{custom_xml_target}"/>'
        "</Relationships>"
    )


FOOTER_REL_ID = "rId3"

SETTINGS = _DECL + (
    f'<w:settings xmlns:w="{W_NS}">'
    '<w:defaultTabStop w:val="420"/>'
    '<w:characterSpacingControl w:val="compressPunctuation"/>'
    '<w:compat><w:useFELayout/>'
    '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
    "</w:compat>"
    "</w:settings>"
)

FOOTER = _DECL + (
    f'<w:ftr xmlns:w="{W_NS}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
    '<w:r><w:t xml:space="preserve">第 </w:t></w:r>'
    '<w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    '<w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p></w:ftr>'
)


def _heading(style_id: str, name: str, size: int, level: int, centred: bool) -> str:
    jc = '<w:jc w:val="center"/>' if centred else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>'
        f'<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="160" w:after="80"/>{jc}'
        f'<w:outlineLvl w:val="{level}"/></w:pPr>'
        f'<w:rPr>{_fonts(HEAD)}<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/></w:rPr></w:style>'
    )


STYLES = _DECL + (
    f'<w:styles xmlns:w="{W_NS}">'
    f"<w:docDefaults><w:rPrDefault><w:rPr>{_fonts(BODY)}"
    '<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
    "</w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
    f'<w:pPr><w:spacing w:before="0" w:after="0" w:line="300" w:lineRule="auto"/></w:pPr>'
    f'<w:rPr>{_fonts(BODY)}<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>'
    + _heading("Heading1", "heading 1", 16, 0, True)
    + _heading("Heading2", "heading 2", 14, 1, False)
    + f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{TABLE_STYLE_ID}">'
    f'<w:name w:val="{TABLE_STYLE_NAME}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
    f'<w:pPr><w:spacing w:before="0" w:after="0" w:line="{TABLE_LINE_TWIPS}" w:lineRule="exact"/>'
    '<w:ind w:firstLine="0"/></w:pPr>'
    f'<w:rPr><w:sz w:val="{TABLE_FONT_HALF_POINTS}"/><w:szCs w:val="{TABLE_FONT_HALF_POINTS}"/></w:rPr></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
    '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
    '<w:tblPr><w:tblBorders>'
    + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
              for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    + "</w:tblBorders></w:tblPr></w:style>"
    "</w:styles>"
)


def core_properties(title: str, subject: str, keywords: str, comments: str) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return _DECL + (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:subject>{escape(subject)}</dc:subject>"
        f"<dc:creator>perfdraft</dc:creator><cp:keywords>{escape(keywords)}</cp:keywords>"
        f"<dc:description>{escape(comments)}</dc:description>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
        "</cp:coreProperties>"
    )


APP_PROPERTIES = _DECL + (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>perfdraft</Application></Properties>"
)
