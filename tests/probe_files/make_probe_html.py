# ruff: noqa: E501, E741, B905, F541, UP012, UP031 (a data generator: long HTML lines and Chinese text as written)
"""Build the synthetic probe files ph_01..ph_09: HTML in its many disguises.

Written from general knowledge of how Chinese agency staff end up holding last
year's 项目支出绩效目标表 when it came from a web system or a web page: a county
site saved with Ctrl+S, an old GB2312 site, a budget system's "导出Excel" (.xls
that is HTML), Excel "另存为网页", a system's "导出Word" (.doc that is Word HTML),
an IE "网页，单个文件" .mht, and plain HTML pages of several shapes. Nothing here
was captured from a published document; agency names, people, phone numbers and
web addresses are made up. Defects are planted on purpose (see README.md in this
folder) and must not be fixed.

Plain Python 3.11 standard library only:

    python3 tests/probe_files/make_probe_html.py

Output is deterministic: no clocks, fixed MIME boundary and dates, the mht image
is built from fixed pixels with zlib.
"""

from __future__ import annotations

import base64
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent
NOTE = "SYNTHETIC probe (written from knowledge, not captured)"


# --------------------------------------------------------------------------- helpers

def spans(rows):
    """Per row: (rows the 一级 cell spans, rows the 二级 cell spans); 0 = covered by a cell above."""
    out = []
    n = len(rows)
    for i, r in enumerate(rows):
        s1 = 0
        if i == 0 or rows[i - 1][0] != r[0]:
            j = i
            while j < n and rows[j][0] == r[0]:
                j += 1
            s1 = j - i
        s2 = 0
        if s1 or rows[i - 1][1] != r[1]:
            j = i
            while j < n and rows[j][0] == r[0] and rows[j][1] == r[1]:
                j += 1
            s2 = j - i
        out.append((s1, s2))
    return out


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def write(name: str, data: bytes) -> None:
    (OUT / name).write_bytes(data)


def qp_encode(data: bytes) -> bytes:
    """Quoted-printable (RFC 2045) with CRLF line ends and soft breaks at 76 columns."""
    out_lines = []
    for raw in data.split(b"\n"):
        if raw.endswith(b"\r"):
            raw = raw[:-1]
        pieces = []
        for i, b in enumerate(raw):
            last = i == len(raw) - 1
            if b in (9, 32) and last:
                pieces.append("=%02X" % b)
            elif b == 61 or b < 32 and b != 9 or b > 126:
                pieces.append("=%02X" % b)
            else:
                pieces.append(chr(b))
        line = ""
        for p in pieces:
            if len(line) + len(p) > 75:
                out_lines.append(line + "=")
                line = ""
            line += p
        out_lines.append(line)
    return "\r\n".join(out_lines).encode("ascii")


def png(width: int, height: int, pixel) -> bytes:
    """A small RGB PNG; pixel(x, y) -> (r, g, b)."""
    raw = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height)
    )

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


# =========================================================================== ph_01
# 河北 献县, Chrome "网页，全部" (Ctrl+S), UTF-8; merged 一级/二级 via rowspan, colspan facts,
# &nbsp; in empty cells, <br> inside cells.
# Planted: operator typed twice (≥≥90%); contract deadline in the previous year (2023年3月底前 in 2024).

PH01_ROWS = [
    ("产出指标", "数量指标", "覆盖行政村数量", "=252个"),
    ("产出指标", "数量指标", "配置分类收集桶数量", "≥3600个"),
    ("产出指标", "数量指标", "日均垃圾清运量", "≥180吨"),
    ("产出指标", "质量指标", "农村生活垃圾<br>无害化处理率", "≥≥90%"),
    ("产出指标", "质量指标", "收运车辆及设施完好率", "≥95%"),
    ("产出指标", "时效指标", "垃圾日产日清率", "=100%"),
    ("产出指标", "时效指标", "收运服务合同签订时间", "2023年3月底前"),
    ("产出指标", "成本指标", "吨垃圾收运处理成本", "≤185元/吨"),
    ("效益指标", "社会效益指标", "农村人居环境", "明显改善"),
    ("效益指标", "社会效益指标", "受益农村人口", "≥38万人"),
    ("效益指标", "生态效益指标", "垃圾乱堆乱放现象", "有效遏制"),
    ("效益指标", "可持续影响指标", "农村垃圾长效保洁机制", "持续健全"),
    ("满意度指标", "服务对象满意度指标", "农村群众满意度", "≥90%"),
]


def make_ph01() -> None:
    url = "http://www.xianxian.gov.cn/zwgk/czzj/ysjs/202402/t20240206_1187452.html"
    files = "./献县住房和城乡建设局2024年项目支出绩效目标表（农村生活垃圾收运处理项目）_files"
    title = "献县住房和城乡建设局2024年项目支出绩效目标表（农村生活垃圾收运处理项目）"
    td = 'style="border:1px solid #000;padding:4px 6px;"'
    tdc = 'style="border:1px solid #000;padding:4px 6px;text-align:center;"'
    l1_show = {"产出指标": "产出<br>指标", "效益指标": "效益<br>指标", "满意度指标": "满意度<br>指标"}
    grid = []
    for (l1, l2, l3, val), (s1, s2) in zip(PH01_ROWS, spans(PH01_ROWS)):
        cells = []
        if s1:
            cells.append(f'<td rowspan="{s1}" {tdc}>{l1_show[l1]}</td>' if s1 > 1 else f'<td {tdc}>{l1_show[l1]}</td>')
        if s2:
            cells.append(f'<td rowspan="{s2}" {tdc}>{l2}</td>' if s2 > 1 else f'<td {tdc}>{l2}</td>')
        cells.append(f"<td {td}>{l3}</td>")
        cells.append(f"<td {tdc}>{val}</td>")
        grid.append("<tr>" + "".join(cells) + "</tr>")
    head = (f'<tr><td rowspan="{len(grid) + 1}" {tdc}>绩效<br>指标</td>'
            f"<td {tdc}><strong>一级指标</strong></td><td {tdc}><strong>二级指标</strong></td>"
            f"<td {tdc}><strong>三级指标</strong></td><td {tdc}><strong>指标值</strong></td></tr>")
    table = "\n".join([
        '<table border="1" cellspacing="0" cellpadding="0" width="640" align="center" style="border-collapse:collapse;font-size:14px;line-height:22px;">',
        "<tbody>",
        f'<tr><td colspan="5" {tdc}><strong><span style="font-size:18px;">项目支出绩效目标表</span></strong></td></tr>',
        f'<tr><td colspan="5" {tdc}>（2024年度）</td></tr>',
        f'<tr><td width="90" {tdc}>项目名称</td><td colspan="4" {td}>农村生活垃圾收运处理项目</td></tr>',
        f'<tr><td {tdc}>主管部门</td><td {td}>献县住房和城乡建设局</td><td {tdc}>实施单位</td><td colspan="2" {td}>献县环境卫生服务中心</td></tr>',
        f'<tr><td rowspan="3" {tdc}>项目资金<br>（万元）</td><td {tdc}>年度资金总额</td><td colspan="3" {tdc}>486.50</td></tr>',
        f'<tr><td {tdc}>其中：财政拨款</td><td colspan="3" {tdc}>486.50</td></tr>',
        f'<tr><td {tdc}>其他资金</td><td colspan="3" {tdc}>&nbsp;</td></tr>',
        f'<tr><td {tdc}>年度<br>绩效<br>目标</td><td colspan="4" {td}>'
        "目标1：完成全县252个行政村生活垃圾收集、转运和无害化处理，日均清运生活垃圾180吨以上，做到日产日清。<br>"
        "目标2：为农户和村庄配置分类收集桶3600个以上，收运车辆及设施完好率保持在95%以上。<br>"
        "目标3：农村生活垃圾无害化处理率达到90%以上，村庄人居环境明显改善，农村群众满意度达到90%以上。</td></tr>",
        head,
        *grid,
        f"<tr><td {td}>&nbsp;</td><td {td}>&nbsp;</td><td {td}>&nbsp;</td><td {td}>&nbsp;</td><td {td}>&nbsp;</td></tr>",
        "</tbody>",
        "</table>",
    ])
    nav = "".join(
        f'<li><a href="http://www.xianxian.gov.cn/{h}/" target="_blank">{t}</a></li>'
        for h, t in [("", "首页"), ("zwgk", "政务公开"), ("zwfw", "政务服务"), ("hdjl", "互动交流"), ("zjxx", "走进献县"), ("ztzl", "专题专栏")]
    )
    html = f"""<!DOCTYPE html>
<!-- saved from url=({len(url):04d}){url} -->
<html lang="zh-CN"><!-- {NOTE}; page, address and names invented --><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}_献县人民政府</title>
<meta name="SiteName" content="献县人民政府">
<meta name="SiteDomain" content="www.xianxian.gov.cn">
<meta name="SiteIDCode" content="1309290001">
<meta name="ColumnName" content="预决算公开">
<meta name="ColumnType" content="财政资金">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="2024-02-06 10:32">
<meta name="ContentSource" content="献县住房和城乡建设局">
<link rel="stylesheet" type="text/css" href="{files}/common.css">
<link rel="stylesheet" type="text/css" href="{files}/article.css">
<script type="text/javascript" src="{files}/jquery-1.11.3.min.js.下载"></script>
<script type="text/javascript" src="{files}/wza.js.下载"></script>
</head>
<body>
<div class="topbar"><div class="w1200"><span class="fl">欢迎访问献县人民政府网站！</span><span class="fr"><a href="javascript:void(0);" id="wza">无障碍浏览</a> | <a href="javascript:void(0);" id="zhangbei">长者模式</a> | <a href="http://www.xianxian.gov.cn/sjb/">手机版</a></span></div></div>
<div class="header"><div class="w1200"><a href="http://www.xianxian.gov.cn/" class="logo"><img src="{files}/logo.png" alt="献县人民政府"></a>
<div class="search"><form action="http://www.xianxian.gov.cn/search/" method="get"><input type="text" name="q" placeholder="请输入关键字"><button type="submit">搜索</button></form></div></div></div>
<div class="nav"><ul class="w1200">{nav}</ul></div>
<div class="w1200 main">
<div class="position">当前位置：<a href="http://www.xianxian.gov.cn/">首页</a> &gt; <a href="http://www.xianxian.gov.cn/zwgk/">政务公开</a> &gt; <a href="http://www.xianxian.gov.cn/zwgk/czzj/">财政资金</a> &gt; <a href="http://www.xianxian.gov.cn/zwgk/czzj/ysjs/">预决算公开</a></div>
<div class="article">
<h1 class="art-title">{title}</h1>
<div class="art-info"><span>发布时间：2024-02-06 10:32</span><span>来源：献县住房和城乡建设局</span><span>浏览次数：<em id="hits">386</em></span>
<span class="zoom">【字体：<a href="javascript:doZoom(18);">大</a> <a href="javascript:doZoom(16);">中</a> <a href="javascript:doZoom(14);">小</a>】</span></div>
<div class="art-con" id="zoom">
<div class="TRS_Editor"><p style="text-indent:2em;">根据预算信息公开有关要求，现将我局2024年农村生活垃圾收运处理项目支出绩效目标公开如下：</p>
<p style="text-align:center;">&nbsp;</p>
{table}
<p style="text-indent:2em;">&nbsp;</p>
<p style="text-align:right;">献县住房和城乡建设局</p>
<p style="text-align:right;">2024年2月6日</p>
</div>
</div>
<div class="art-tools"><a href="javascript:window.print();">【打印本页】</a> <a href="javascript:window.close();">【关闭窗口】</a></div>
<div class="art-page"><p>上一篇：<a href="http://www.xianxian.gov.cn/zwgk/czzj/ysjs/202402/t20240206_1187451.html">献县住房和城乡建设局2024年部门预算公开</a></p>
<p>下一篇：<a href="http://www.xianxian.gov.cn/zwgk/czzj/ysjs/202402/t20240206_1187453.html">献县住房和城乡建设局2024年项目支出绩效目标表（城镇燃气安全监管项目）</a></p></div>
</div>
</div>
<div class="footer"><div class="w1200">
<p><a href="http://www.xianxian.gov.cn/gywm/">关于我们</a> | <a href="http://www.xianxian.gov.cn/wzdt/">网站地图</a> | <a href="http://www.xianxian.gov.cn/lxwm/">联系我们</a></p>
<p>主办单位：献县人民政府办公室　承办单位：献县政务服务和数据管理局</p>
<p>地址：献县乐寿镇府前街1号　联系电话：0317-4612001</p>
<p>网站标识码：1309290001　<a href="https://beian.miit.gov.cn/" target="_blank">冀ICP备05008126号-1</a>　<img src="{files}/gongan.png">冀公网安备 13092902000118号</p>
<p><span id="_ideConac"><img src="{files}/red.png" alt="党政机关"></span></p>
</div></div>
<script type="text/javascript">function doZoom(size){{var z=document.getElementById('zoom');z.style.fontSize=size+'px';}}</script>
</body></html>
"""
    write("ph_01_hebei_2024_nongcun-laji.html", html.encode("utf-8"))


# =========================================================================== ph_02
# 陕西 镇安县, an old site page (2000s CMS), GBK bytes under a gb2312 meta; nested layout tables,
# uppercase tags, unquoted attributes, <FONT> and <P> inside cells; 喆 (GBK only) in the sign-off.
# Planted: placeholder ≤**‰ (林业有害生物成灾率); missing unit ≥120 (带动脱贫人口就业人数).

PH02_ROWS = [
    ("产出指标", "数量指标", "天然林管护面积", "≥42.6万亩"),
    ("产出指标", "数量指标", "聘用生态护林员人数", "=136人"),
    ("产出指标", "数量指标", "设立管护站点", "≥18个"),
    ("产出指标", "质量指标", "管护责任落实率", "=100%"),
    ("产出指标", "质量指标", "森林火灾受害率", "≤0.9‰"),
    ("产出指标", "质量指标", "林业有害生物|成灾率", "≤**‰"),
    ("产出指标", "时效指标", "管护补助发放及时率", "≥95%"),
    ("产出指标", "成本指标", "亩均管护成本", "≤7.3元/亩"),
    ("效益指标", "社会效益指标", "带动脱贫人口就业人数", "≥120"),
    ("效益指标", "社会效益指标", "护林员人均年增收", "≥9600元"),
    ("效益指标", "生态效益指标", "森林覆盖率", "≥68.5%"),
    ("效益指标", "可持续影响指标", "天然林保护长效机制", "逐步健全"),
    ("满意度指标", "服务对象满意度指标", "林区群众满意度", "≥90%"),
]


def make_ph02() -> None:
    def cell(text, attrs="", align="center"):
        parts = text.split("|")
        ps = "".join(f"<P align={align} style=\"MARGIN: 0px\"><FONT face=宋体 size=2>{p}</FONT></P>" for p in parts)
        return f"<TD{attrs}>{ps}</TD>"

    grid = []
    for (l1, l2, l3, val), (s1, s2) in zip(PH02_ROWS, spans(PH02_ROWS)):
        tds = []
        if s1:
            tds.append(cell(l1, f" rowSpan={s1} width=80" if s1 > 1 else " width=80"))
        if s2:
            tds.append(cell(l2, f" rowSpan={s2} width=100" if s2 > 1 else " width=100"))
        tds.append(cell(l3, " width=240", "left"))
        tds.append(cell(val, " width=140"))
        grid.append("  <TR height=26>\n    " + "\n    ".join(tds) + "\n  </TR>")
    goal = ("|".join([
        "1.全面落实42.6万亩天然林管护责任，聘用生态护林员136人，设立管护站点18个以上，管护责任落实率100%。",
        "2.森林火灾受害率控制在0.9‰以内，林业有害生物成灾率控制在规定指标以内。",
        "3.带动脱贫人口就业，护林员人均年增收9600元以上，森林覆盖率稳定在68.5%以上。",
    ]))
    data_table = "\n".join([
        "<TABLE style=\"BORDER-COLLAPSE: collapse\" borderColor=#000000 cellSpacing=0 cellPadding=2 width=600 align=center border=1>",
        "<TBODY>",
        "  <TR height=30>\n    " + cell("<B>项目名称</B>", " width=80") + "\n    " + cell("天然林资源保护工程（天然林管护）", " colSpan=3", "left") + "\n  </TR>",
        "  <TR height=30>\n    " + cell("<B>主管部门</B>") + "\n    " + cell("镇安县林业局") + "\n    " + cell("<B>实施单位</B>") + "\n    " + cell("镇安县天然林保护工程管理站") + "\n  </TR>",
        "  <TR height=26>\n    " + cell("<B>项目资金</B>|（万元）", " rowSpan=3") + "\n    " + cell("年度资金总额") + "\n    " + cell("326.80", " colSpan=2") + "\n  </TR>",
        "  <TR height=26>\n    " + cell("其中：财政拨款") + "\n    " + cell("312.60", " colSpan=2") + "\n  </TR>",
        "  <TR height=26>\n    " + cell("其他资金") + "\n    " + cell("14.20", " colSpan=2") + "\n  </TR>",
        "  <TR>\n    " + cell("<B>年度绩效目标</B>") + "\n    " + cell(goal, " colSpan=3", "left") + "\n  </TR>",
        "  <TR height=28 bgColor=#f2f2f2>\n    " + cell("<B>一级指标</B>") + "\n    " + cell("<B>二级指标</B>") + "\n    " + cell("<B>三级指标</B>") + "\n    " + cell("<B>指标值</B>") + "\n  </TR>",
        *grid,
        "</TBODY>",
        "</TABLE>",
    ])
    menu = " | ".join(
        f"<A class=menu href=../../{h}><FONT color=#ffffff>{t}</FONT></A>"
        for h, t in [("index.htm", "首 页"), ("xxgk/index.htm", "信息公开"), ("zwdt/index.htm", "政务动态"), ("bsfw/index.htm", "办事服务"), ("hdjl/index.htm", "互动交流"), ("zaly/index.htm", "镇安旅游")]
    )
    left = "\n".join(
        f"            <TR><TD height=24 class=lm_list>&nbsp;·&nbsp;<A href=../../xxgk/{h}/index.htm>{t}</A></TD></TR>"
        for h, t in [("jgzn", "机构职能"), ("zcwj", "政策文件"), ("ghjh", "规划计划"), ("czyjs", "财政预决算"), ("rsxx", "人事信息"), ("gsgg", "公示公告")]
    )
    html = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<!-- {NOTE}; page, address and names invented -->
<HTML><HEAD><TITLE>镇安县林业局2022年天然林资源保护工程项目绩效目标表--镇安县人民政府网</TITLE>
<META http-equiv=Content-Type content="text/html; charset=gb2312">
<META content="天然林保护,绩效目标,镇安县林业局" name=keywords>
<LINK href="../../css/style.css" type=text/css rel=stylesheet>
<SCRIPT language=javascript src="../../js/menu.js"></SCRIPT>
<META content="MSHTML 6.00.2900.6082" name=GENERATOR></HEAD>
<BODY leftMargin=0 topMargin=0 marginheight=0 marginwidth=0 bgColor=#ffffff>
<TABLE cellSpacing=0 cellPadding=0 width=1000 align=center border=0>
  <TR>
    <TD><IMG height=120 src="../../images/top_banner.jpg" width=1000 border=0></TD></TR>
  <TR>
    <TD align=middle background=../../images/menu_bg.gif height=32>{menu}</TD></TR>
  <TR>
    <TD bgColor=#e8f0e0 height=26><MARQUEE scrollAmount=2 onmouseover=this.stop() onmouseout=this.start()><FONT color=#336600>欢迎访问镇安县人民政府网！今天是：<SCRIPT language=javascript src="../../js/date.js"></SCRIPT></FONT></MARQUEE></TD></TR></TABLE>
<TABLE cellSpacing=0 cellPadding=0 width=1000 align=center border=0>
  <TR>
    <TD vAlign=top width=200 bgColor=#f5f9f0>
      <TABLE cellSpacing=0 cellPadding=0 width="100%" border=0>
        <TR>
          <TD class=lm_title align=middle background=../../images/lm_bg.gif height=30><FONT color=#ffffff><B>信息公开</B></FONT></TD></TR>
        <TR>
          <TD>
            <TABLE cellSpacing=0 cellPadding=0 width="100%" border=0>
{left}
            </TABLE></TD></TR>
        <TR>
          <TD height=10></TD></TR>
        <TR>
          <TD align=middle><A href="http://www.shaanxi.gov.cn/" target=_blank><IMG height=60 src="../../images/sxzf.gif" width=180 border=0></A></TD></TR></TABLE></TD>
    <TD width=10></TD>
    <TD vAlign=top width=790>
      <TABLE cellSpacing=0 cellPadding=0 width="100%" border=0>
        <TR>
          <TD class=weizhi height=30>&nbsp;您现在的位置：<A href="../../index.htm">镇安县人民政府网</A> &gt;&gt; <A href="../index.htm">信息公开</A> &gt;&gt; <A href="index.htm">财政预决算</A> &gt;&gt; 正文</TD></TR>
        <TR>
          <TD align=middle height=50><FONT color=#cc0000 size=4><B>镇安县林业局2022年天然林资源保护工程项目绩效目标表</B></FONT></TD></TR>
        <TR>
          <TD align=middle height=24 bgColor=#f2f2f2><FONT color=#666666>作者：县林业局&nbsp;&nbsp;来源：本站原创&nbsp;&nbsp;点击数：<SCRIPT language=javascript src="../../count.asp?id=2318"></SCRIPT>&nbsp;&nbsp;更新时间：2022-3-18</FONT></TD></TR>
        <TR>
          <TD class=content style="PADDING-RIGHT: 15px; PADDING-LEFT: 15px; PADDING-TOP: 10px">
            <P style="TEXT-INDENT: 2em"><FONT size=3>按照县财政局关于做好2022年预算公开工作的通知要求，现将我局天然林资源保护工程项目绩效目标公开如下：</FONT></P>
            <P align=center><FONT size=3><B>项目支出绩效目标表</B></FONT></P>
            <P align=center><FONT size=2>（2022年度）</FONT></P>
{data_table}
            <P><FONT size=2>填报人：王喆&nbsp;&nbsp;&nbsp;&nbsp;联系电话：0914—5322168&nbsp;&nbsp;&nbsp;&nbsp;填报日期：2022年3月10日</FONT></P>
            <P align=right><FONT size=3>镇安县林业局</FONT></P>
            <P align=right><FONT size=3>2022年3月18日</FONT></P></TD></TR>
        <TR>
          <TD align=right height=30>【<A href="javascript:window.print()">打印本页</A>】【<A href="javascript:window.close()">关闭窗口</A>】</TD></TR></TABLE></TD></TR></TABLE>
<TABLE cellSpacing=0 cellPadding=0 width=1000 align=center bgColor=#336600 border=0>
  <TR>
    <TD align=middle height=70><FONT color=#ffffff>版权所有：镇安县人民政府办公室&nbsp;&nbsp;技术支持：镇安县信息中心<BR>地址：陕西省商洛市镇安县永乐街道&nbsp;&nbsp;陕ICP备05003617号&nbsp;&nbsp;建议使用1024×768分辨率浏览</FONT></TD></TR></TABLE>
</BODY></HTML>
"""
    write("ph_02_shaanxi_2022_tianranlin-guanhu.htm", crlf(html).encode("gbk"))


# =========================================================================== ph_03
# 福建 三明市沙县区, budget system "导出Excel": an .xls that is HTML (Excel namespaces), one row per
# indicator, project columns repeated, <td x:num>, mso-number-format classes.
# Planted: unit % on a count (线上学习培训人次 ≥ 1200 %); 无关 as a 定性 value (生态环境影响).

PH03_UNIT = "三明市沙县区农业农村局"
PH03_PROJECTS = [
    ("高素质农民培育", "186", "186.00",
     "围绕主导产业培育高素质农民600人，其中经营管理型200人，组织线上学习培训，培训合格率达到95%以上，提升农民生产经营能力，参训学员满意度达到90%以上。",
     [
         ("产出指标", "数量指标", "培育高素质农民人数", "≥", "600", "人", "10"),
         ("产出指标", "数量指标", "其中：经营管理型培育人数", "≥", "200", "人", "5"),
         ("产出指标", "数量指标", "线上学习培训人次", "≥", "1200", "%", "5"),
         ("产出指标", "质量指标", "培训合格率", "≥", "95", "%", "10"),
         ("产出指标", "时效指标", "培训任务完成时间", "≤", "2025年10月31日", "", "10"),
         ("产出指标", "成本指标", "人均培训补助标准", "≤", "3000", "元/人", "10"),
         ("效益指标", "社会效益指标", "学员生产经营能力", "定性", "明显提升", "", "15"),
         ("效益指标", "可持续影响指标", "农民教育培训体系", "定性", "持续完善", "", "15"),
         ("满意度指标", "服务对象满意度指标", "参训学员满意度", "≥", "90", "%", "10"),
     ]),
    ("农村人居环境整治提升奖补", "420.5", "420.50",
     "对完成农村人居环境整治提升任务的42个行政村给予奖补，新建改造农村卫生户厕1500座以上，村庄清洁行动全覆盖，农村人居环境质量明显改善。",
     [
         ("产出指标", "数量指标", "奖补村数量", "=", "42", "个", "8"),
         ("产出指标", "数量指标", "新建改造农村卫生户厕", "≥", "1500", "座", "8"),
         ("产出指标", "质量指标", "户厕改造验收合格率", "≥", "95", "%", "8"),
         ("产出指标", "质量指标", "村庄清洁行动覆盖率", "=", "100", "%", "8"),
         ("产出指标", "时效指标", "奖补资金拨付时间", "≤", "2025年12月31日", "", "8"),
         ("产出指标", "成本指标", "每座户厕改造补助", "≤", "1200", "元/座", "10"),
         ("效益指标", "社会效益指标", "农村人居环境质量", "定性", "明显改善", "", "10"),
         ("效益指标", "生态效益指标", "生态环境影响", "定性", "无关", "", "10"),
         ("效益指标", "可持续影响指标", "农村人居环境长效管护机制", "定性", "基本建立", "", "10"),
         ("满意度指标", "服务对象满意度指标", "农村群众满意度", "≥", "90", "%", "10"),
     ]),
    ("重大动物疫病强制免疫", "96.8", "96.80",
     "做好口蹄疫、高致病性禽流感等重大动物疫病春秋两季集中免疫和日常补免，应免畜禽免疫密度达到90%以上，免疫抗体合格率达到70%以上，不发生区域性重大动物疫情。",
     [
         ("产出指标", "数量指标", "强制免疫畜禽数量", "≥", "180", "万头（只）", "10"),
         ("产出指标", "质量指标", "应免畜禽免疫密度", "≥", "90", "%", "10"),
         ("产出指标", "质量指标", "免疫抗体合格率", "≥", "70", "%", "10"),
         ("产出指标", "时效指标", "春秋两季集中免疫完成时间", "≤", "2025年11月30日", "", "10"),
         ("产出指标", "成本指标", "疫苗采购成本", "≤", "96.8", "万元", "10"),
         ("效益指标", "社会效益指标", "区域内重大动物疫情", "定性", "不发生区域性重大动物疫情", "", "15"),
         ("效益指标", "可持续影响指标", "动物防疫体系运行", "定性", "持续稳定", "", "15"),
         ("满意度指标", "服务对象满意度指标", "养殖场户满意度", "≥", "90", "%", "10"),
     ]),
]


def make_ph03() -> None:
    heads = ["单位名称", "项目名称", "预算数(万元)", "年度绩效目标", "一级指标", "二级指标", "三级指标",
             "指标性质", "指标值", "度量单位", "权重"]
    lines = [
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">',
        f"<!-- {NOTE}; unit and projects invented -->",
        "<head>",
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">',
        '<meta name="ProgId" content="Excel.Sheet">',
        '<meta name="Generator" content="Microsoft Excel 11">',
        "<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>项目绩效目标</x:Name>"
        "<x:WorksheetOptions><x:Selected/><x:FreezePanes/><x:FrozenNoSplit/><x:SplitHorizontal>2</x:SplitHorizontal>"
        "<x:TopRowBottomPane>2</x:TopRowBottomPane><x:ActivePane>2</x:ActivePane><x:Print><x:ValidPrinterInfo/></x:Print>"
        "</x:WorksheetOptions></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->",
        "<style>",
        "table{border-collapse:collapse;}",
        'td{font-family:宋体;font-size:10.0pt;border:.5pt solid windowtext;vertical-align:middle;mso-number-format:"\\@";white-space:normal;}',
        ".title{font-size:16.0pt;font-weight:700;text-align:center;border:none;height:30.0pt;}",
        ".head{font-weight:700;text-align:center;background:#DDEBF7;mso-pattern:auto none;}",
        '.money{mso-number-format:"0\\.00";text-align:right;}',
        ".num{mso-number-format:General;text-align:right;}",
        '.int{mso-number-format:"0";text-align:center;}',
        ".txt{text-align:left;}",
        ".ctr{text-align:center;}",
        "</style>",
        "</head>",
        "<body>",
        '<table border="1" cellspacing="0" cellpadding="0">',
        '<tr><td colspan="11" class="title">2025年部门预算项目绩效目标表</td></tr>',
        "<tr>" + "".join(f'<td class="head">{h}</td>' for h in heads) + "</tr>",
    ]
    for name, bnum, bshow, goal, rows in PH03_PROJECTS:
        for l1, l2, l3, op, val, unit, w in rows:
            try:
                float(val)
                vcell = f'<td class="num" x:num>{val}</td>'
            except ValueError:
                vcell = f'<td class="ctr">{val}</td>'
            lines.append(
                "<tr>"
                f'<td class="txt">{PH03_UNIT}</td><td class="txt">{name}</td>'
                f'<td class="money" x:num="{bnum}">{bshow}</td><td class="txt">{goal}</td>'
                f'<td class="ctr">{l1}</td><td class="ctr">{l2}</td><td class="txt">{l3}</td>'
                f'<td class="ctr">{op}</td>{vcell}<td class="ctr">{unit}</td>'
                f'<td class="int" x:num>{w}</td>'
                "</tr>"
            )
    lines += ["</table>", "</body>", "</html>", ""]
    write("ph_03_fujian_2025_nongye-sanxiang.xls", "\n".join(lines).encode("utf-8"))


# =========================================================================== ph_04
# 湖北 监利市, Excel "另存为网页" of one 绩效目标表 sheet: gb2312 (characters outside gb2312 as &#NNN;),
# <![if supportMisc]>, conditional comments, <col> widths, class=xl65.., rowspan/colspan, empty <td class=xl66></td>.
# Planted: doubled digits 100100% (就业帮扶率); missing % on the satisfaction target (≥90).

PH04_ROWS = [
    ("产出指标", "数量指标", "退捕渔民养老保险参保人数", "≥1560人", 8),
    ("产出指标", "数量指标", "落实过渡期生活补助人数", "=1832人", 6),
    ("产出指标", "数量指标", "开展退捕渔民转产就业培训", "≥6期", 6),
    ("产出指标", "质量指标", "有就业能力和就业意愿的退捕渔民就业帮扶率", "100100%", 8),
    ("产出指标", "质量指标", "参保资金足额缴纳率", "=100%", 8),
    ("产出指标", "时效指标", "过渡期补助发放时间", "2024年6月底前", 6),
    ("产出指标", "成本指标", "人均过渡期生活补助标准", "≤2400元/人&#183;年", 8),
    ("效益指标", "经济效益指标", "退捕渔民人均可支配收入增长", "≥5%", 6),
    ("效益指标", "社会效益指标", "退捕渔民基本生活", "有效保障", 6),
    ("效益指标", "社会效益指标", "非法捕捞案件发生数", "同比下降", 6),
    ("效益指标", "生态效益指标", "长江监利段水生生物资源", "逐步恢复", 6),
    ("效益指标", "可持续影响指标", "禁捕退捕长效管控机制", "持续巩固", 6),
    ("满意度指标", "服务对象满意度指标", "退捕渔民满意度", "≥90", 10),
]


def make_ph04() -> None:
    sid = "绩效目标表_21786"
    widths = [(84, 2688, 63), (100, 3200, 75), (230, 7360, 173), (120, 3840, 90), (52, 1664, 39), (72, 2304, 54)]
    total_px = sum(w[0] for w in widths)
    total_pt = sum(w[2] for w in widths)
    cols = "\n".join(
        f" <col class=xl65 width={px} style='mso-width-source:userset;mso-width-alt:{alt};width:{pt}pt'>"
        for px, alt, pt in widths
    )
    trs = []

    def tr(h, cells):
        first = cells[0].replace("<td", f"<td height={h}", 1).replace("style='", f"style='height:{h * 0.75:g}pt;", 1)
        if "style='" not in cells[0]:
            first = first.replace(">", f" style='height:{h * 0.75:g}pt'>", 1)
        trs.append(f" <tr height={h} style='mso-height-source:userset;height:{h * 0.75:g}pt'>\n  " + "\n  ".join([first] + cells[1:]) + "\n </tr>")

    tr(22, ["<td class=xl65 width=84 style='width:63pt'>附件2</td>", "<td class=xl65 width=100 style='width:75pt'></td>",
            "<td class=xl65 width=230 style='width:173pt'></td>", "<td class=xl65 width=120 style='width:90pt'></td>",
            "<td class=xl65 width=52 style='width:39pt'></td>", "<td class=xl65 width=72 style='width:54pt'></td>"])
    tr(36, ["<td colspan=6 class=xl67>项目支出绩效目标表</td>"])
    tr(22, ["<td colspan=6 class=xl68>（2024年度）</td>"])
    tr(22, ["<td colspan=4 class=xl69>填报单位（盖章）：监利市农业农村局</td>", "<td colspan=2 class=xl70>单位：万元</td>"])
    tr(30, ["<td class=xl71>项目名称</td>", "<td colspan=5 class=xl72 style='border-left:none'>长江流域重点水域禁捕退捕渔民安置保障</td>"])
    tr(30, ["<td class=xl71 style='border-top:none'>主管部门</td>",
            "<td colspan=2 class=xl72 style='border-left:none'>监利市农业农村局</td>",
            "<td class=xl71 style='border-top:none;border-left:none'>实施单位</td>",
            "<td colspan=2 class=xl72 style='border-left:none'>监利市渔政执法大队</td>"])
    tr(24, ["<td rowspan=3 class=xl71 style='border-top:none'>项目资金</td>",
            "<td class=xl71 style='border-top:none;border-left:none'>年度资金总额</td>",
            "<td colspan=4 class=xl73 style='border-left:none' x:num=\"568\">568.00 </td>"])
    tr(24, ["<td class=xl71 style='border-top:none;border-left:none'>其中：财政拨款</td>",
            "<td colspan=4 class=xl73 style='border-left:none' x:num=\"520\">520.00 </td>"])
    tr(24, ["<td class=xl71 style='border-top:none;border-left:none'>其他资金</td>",
            "<td colspan=4 class=xl73 style='border-left:none' x:num=\"48\">48.00 </td>"])
    tr(92, ["<td class=xl71 style='border-top:none'>年度绩效目标</td>",
            "<td colspan=5 class=xl74 width=574 style='border-left:none;width:431pt'>"
            "目标1：为1832名退捕渔民落实过渡期生活补助，1560人以上参加基本养老保险，参保资金足额缴纳。"
            "<br style='mso-data-placement:same-cell'>"
            "目标2：开展转产就业培训6期以上，有就业能力和就业意愿的退捕渔民应帮尽帮。"
            "<br style='mso-data-placement:same-cell'>"
            "目标3：退捕渔民基本生活有效保障，长江监利段水生生物资源逐步恢复。</td>"])
    tr(28, ["<td class=xl75 style='border-top:none'>一级指标</td>", "<td class=xl75 style='border-top:none;border-left:none'>二级指标</td>",
            "<td class=xl75 style='border-top:none;border-left:none'>三级指标</td>", "<td class=xl75 style='border-top:none;border-left:none'>指标值</td>",
            "<td class=xl75 style='border-top:none;border-left:none'>分值</td>", "<td class=xl75 style='border-top:none;border-left:none'>备注</td>"])
    for (l1, l2, l3, val, score), (s1, s2) in zip(PH04_ROWS, spans(PH04_ROWS)):
        cells = []
        if s1:
            cells.append(f"<td rowspan={s1} class=xl76 style='border-top:none'>{l1}</td>" if s1 > 1 else f"<td class=xl76 style='border-top:none'>{l1}</td>")
        if s2:
            cells.append(f"<td rowspan={s2} class=xl76 style='border-top:none;border-left:none'>{l2}</td>" if s2 > 1 else f"<td class=xl76 style='border-top:none;border-left:none'>{l2}</td>")
        cells.append(f"<td class=xl77 width=230 style='border-top:none;border-left:none;width:173pt'>{l3}</td>")
        cells.append(f"<td class=xl76 style='border-top:none;border-left:none'>{val}</td>")
        cells.append(f"<td class=xl78 style='border-top:none;border-left:none' x:num>{score}</td>")
        cells.append("<td class=xl66 style='border-top:none;border-left:none'></td>")
        first_h = 36 if len(l3) > 16 else 24
        tr(first_h, cells)
    tr(24, ["<td colspan=4 class=xl75>合计</td>", "<td class=xl78 style='border-top:none;border-left:none' x:num x:fmla=\"=SUM(E12:E24)\">90</td>",
            "<td class=xl66 style='border-top:none;border-left:none'></td>"])
    tr(24, ["<td colspan=3 class=xl69>填报人：刘晓燕</td>", "<td colspan=3 class=xl69>联系电话：0716-3312657</td>"])
    hidden = "\n".join(f"  <td width={px} style='width:{pt}pt'></td>" for px, _, pt in widths)
    styles = """<!--table
	{mso-displayed-decimal-separator:"\\.";
	mso-displayed-thousand-separator:"\\,";}
@page
	{margin:.75in .51in .75in .51in;
	mso-header-margin:.31in;
	mso-footer-margin:.31in;
	mso-page-orientation:portrait;}
tr
	{mso-height-source:auto;
	mso-ruby-visibility:none;}
col
	{mso-width-source:auto;
	mso-ruby-visibility:none;}
br
	{mso-data-placement:same-cell;}
.font5
	{color:windowtext;
	font-size:9.0pt;
	font-weight:400;
	font-style:normal;
	text-decoration:none;
	font-family:宋体;
	mso-generic-font-family:auto;
	mso-font-charset:134;}
td
	{padding-top:1px;
	padding-right:1px;
	padding-left:1px;
	mso-ignore:padding;
	color:black;
	font-size:11.0pt;
	font-weight:400;
	font-style:normal;
	text-decoration:none;
	font-family:宋体;
	mso-generic-font-family:auto;
	mso-font-charset:134;
	mso-number-format:General;
	text-align:general;
	vertical-align:middle;
	border:none;
	mso-background-source:auto;
	mso-pattern:auto;
	mso-protection:locked visible;
	white-space:nowrap;
	mso-rotate:0;}
.xl65
	{font-size:10.0pt;
	vertical-align:middle;}
.xl66
	{font-size:10.0pt;
	text-align:center;
	border:.5pt solid windowtext;}
.xl67
	{font-size:18.0pt;
	font-family:方正小标宋简体;
	mso-generic-font-family:auto;
	mso-font-charset:134;
	text-align:center;}
.xl68
	{font-size:12.0pt;
	font-family:楷体_GB2312;
	mso-font-charset:134;
	text-align:center;}
.xl69
	{font-size:10.0pt;
	text-align:left;}
.xl70
	{font-size:10.0pt;
	text-align:right;}
.xl71
	{font-size:10.0pt;
	font-weight:700;
	text-align:center;
	border:.5pt solid windowtext;
	white-space:normal;}
.xl72
	{font-size:10.0pt;
	text-align:left;
	border:.5pt solid windowtext;
	white-space:normal;}
.xl73
	{font-size:10.0pt;
	mso-number-format:"\\#\\,\\#\\#0\\.00_ ";
	text-align:center;
	border:.5pt solid windowtext;}
.xl74
	{font-size:10.0pt;
	text-align:left;
	vertical-align:top;
	border:.5pt solid windowtext;
	white-space:normal;}
.xl75
	{font-size:10.0pt;
	font-weight:700;
	text-align:center;
	border:.5pt solid windowtext;
	background:#D9D9D9;
	mso-pattern:black none;}
.xl76
	{font-size:10.0pt;
	text-align:center;
	border:.5pt solid windowtext;
	white-space:normal;}
.xl77
	{font-size:10.0pt;
	text-align:left;
	border:.5pt solid windowtext;
	white-space:normal;}
.xl78
	{font-size:10.0pt;
	mso-number-format:"0_ ";
	text-align:center;
	border:.5pt solid windowtext;}
ruby
	{ruby-align:left;}
rt
	{color:windowtext;
	font-size:9.0pt;
	font-weight:400;
	font-style:normal;
	text-decoration:none;
	font-family:宋体;
	mso-generic-font-family:auto;
	mso-font-charset:134;
	mso-char-type:none;
	display:none;}
-->"""
    html = f"""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<!-- {NOTE}; workbook, unit and names invented -->
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
<link rel=File-List href="2024年禁捕退捕绩效目标表.files/filelist.xml">
<style id="{sid}_Styles">
{styles}
</style>
<!--[if gte mso 9]><xml>
 <x:ExcelWorkbook>
  <x:ExcelWorksheets>
   <x:ExcelWorksheet>
    <x:Name>绩效目标表</x:Name>
    <x:WorksheetOptions>
     <x:DefaultRowHeight>270</x:DefaultRowHeight>
     <x:FitToPage/>
     <x:Print>
      <x:FitHeight>0</x:FitHeight>
      <x:ValidPrinterInfo/>
      <x:PaperSizeIndex>9</x:PaperSizeIndex>
      <x:Scale>95</x:Scale>
      <x:HorizontalResolution>600</x:HorizontalResolution>
      <x:VerticalResolution>600</x:VerticalResolution>
     </x:Print>
     <x:Selected/>
     <x:Panes>
      <x:Pane>
       <x:Number>3</x:Number>
       <x:ActiveRow>13</x:ActiveRow>
       <x:ActiveCol>3</x:ActiveCol>
      </x:Pane>
     </x:Panes>
     <x:ProtectContents>False</x:ProtectContents>
     <x:ProtectObjects>False</x:ProtectObjects>
     <x:ProtectScenarios>False</x:ProtectScenarios>
    </x:WorksheetOptions>
   </x:ExcelWorksheet>
  </x:ExcelWorksheets>
  <x:WindowHeight>12540</x:WindowHeight>
  <x:WindowWidth>28800</x:WindowWidth>
  <x:WindowTopX>0</x:WindowTopX>
  <x:WindowTopY>0</x:WindowTopY>
  <x:ProtectStructure>False</x:ProtectStructure>
  <x:ProtectWindows>False</x:ProtectWindows>
 </x:ExcelWorkbook>
 <x:ExcelName>
  <x:Name>Print_Titles</x:Name>
  <x:SheetIndex>1</x:SheetIndex>
  <x:Formula>=绩效目标表!$11:$11</x:Formula>
 </x:ExcelName>
</xml><![endif]-->
</head>

<body link="#0563C1" vlink="#954F72">
<!--[if !excel]>&nbsp;&nbsp;<![endif]-->
<!--下列信息由 Microsoft Excel 的发布为网页向导生成。-->
<!--如果同一条目从 Excel 中重新发布，则所有位于 DIV 标记之间的信息均将被替换。-->
<!----------------------------->
<!--“从 EXCEL 发布网页”向导开始-->
<!----------------------------->

<div id="{sid}" align=center x:publishsource="Excel">

<table border=0 cellpadding=0 cellspacing=0 width={total_px} class=xl65
 style='border-collapse:collapse;table-layout:fixed;width:{total_pt}pt'>
{cols}
{chr(10).join(trs)}
 <![if supportMisc]>
 <tr height=0 style='display:none'>
{hidden}
 </tr>
 <![endif]>
</table>

</div>


<!----------------------------->
<!--“从 EXCEL 发布网页”向导结束-->
<!----------------------------->
</body>

</html>
"""
    write("ph_04_hubei_2024_jinyu-tuibu.htm", crlf(html).encode("gb2312"))


# =========================================================================== ph_05
# 四川 北川, a system's "导出Word": a .doc that is Word HTML (w: namespace, MsoNormal, span lang=EN-US
# pieces, mso styles), title paragraphs, one table with the facts and the grid, sign-off paragraph.
# Planted: template year left in a deadline (20XX年11月底前); empty 指标值 on an 经济效益 row.

PH05_ROWS = [
    ("产出指标", "数量指标", "开展羌年、瓦尔俄足等民俗活动场次", "≥|6|场"),
    ("产出指标", "数量指标", "非遗代表性传承人传习补助人数", "=|48|人"),
    ("产出指标", "数量指标", "羌绣传承培训人次", "≥|300|人次"),
    ("产出指标", "质量指标", "传习所（点）规范运行率", "≥|95%|"),
    ("产出指标", "质量指标", "活动重大安全事故", "|0|起"),
    ("产出指标", "时效指标", "补助资金发放时间", "|20XX|年|11|月底前"),
    ("产出指标", "成本指标", "民俗活动场均补助", "≤|15|万元"),
    ("效益指标", "经济效益指标", "带动文旅相关消费", ""),
    ("效益指标", "社会效益指标", "羌族文化知晓度和认同感", "明显提升"),
    ("效益指标", "社会效益指标", "参与活动群众人次", "≥|5|万人次"),
    ("效益指标", "可持续影响指标", "羌族非遗活态传承机制", "持续完善"),
    ("满意度指标", "服务对象满意度指标", "参与群众满意度", "≥|90%|"),
]


def make_ph05() -> None:
    cjk = "style='font-size:10.5pt;font-family:宋体;mso-ascii-font-family:\"Times New Roman\";mso-hansi-font-family:\"Times New Roman\"'"
    en = "lang=EN-US style='font-size:10.5pt;font-family:\"Times New Roman\",serif'"

    def runs(text: str) -> str:
        """'≥|6|场' -> alternating CJK / EN-US spans, the way Word splits a run at script changes."""
        if text == "":
            return "<span lang=EN-US style='font-size:10.5pt'><o:p>&nbsp;</o:p></span>"
        out = []
        for i, piece in enumerate(text.split("|")):
            if not piece:
                continue
            out.append(f"<span {en}>{piece}</span>" if i % 2 else f"<span {cjk}>{piece}</span>")
        return "".join(out)

    def p(content: str, align="center") -> str:
        if "<o:p>" in content:
            tail = ""
        else:
            tail = "<span lang=EN-US style='font-size:10.5pt'><o:p></o:p></span>"
        if align == "center":
            return f"<p class=MsoNormal align=center style='text-align:center;line-height:13.0pt;mso-line-height-rule:exactly'>{content}{tail}</p>"
        return f"<p class=MsoNormal align=left style='text-align:left;line-height:13.0pt;mso-line-height-rule:exactly'>{content}{tail}</p>"

    border = "border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt"

    def td(content: str, width: int, rowspan=1, colspan=1, align="center") -> str:
        a = (f" rowspan={rowspan}" if rowspan > 1 else "") + (f" colspan={colspan}" if colspan > 1 else "")
        return f"  <td width={width}{a} valign=middle style='width:{width * 0.75:.1f}pt;{border}'>\n  {p(content, align)}\n  </td>"

    rows = []

    def tr(i: int, height: float, cells: list[str]) -> None:
        rows.append(f" <tr style='mso-yfti-irow:{i};page-break-inside:avoid;height:{height}pt'>\n" + "\n".join(cells) + "\n </tr>")

    W = [66, 86, 104, 196, 116]  # column widths in px
    tr(0, 24, [td(runs("项目名称"), W[0]), td(runs("羌族文化生态保护区建设项目"), sum(W[1:]), colspan=4, align="left")])
    tr(1, 24, [td(runs("主管部门及代码"), W[0]), td(runs("[|208|]北川羌族自治县文化广播电视和旅游局"), W[1] + W[2], colspan=2, align="left"),
               td(runs("实施单位"), W[3]), td(runs("北川羌族自治县文化馆"), W[4], align="left")])
    tr(2, 20, [td(runs("项目资金|<br>|（万元）"), W[0], rowspan=3), td(runs("年度资金总额："), W[1] + W[2], colspan=2),
               td(runs("|245.00|"), W[3] + W[4], colspan=2)])
    tr(3, 20, [td(runs("其中：财政拨款"), W[1] + W[2], colspan=2), td(runs("|230.00|"), W[3] + W[4], colspan=2)])
    tr(4, 20, [td(runs("其他资金"), W[1] + W[2], colspan=2), td(runs("|15.00|"), W[3] + W[4], colspan=2)])
    tr(5, 62, [td(runs("年度|<br>|总体目标"), W[0]),
               td(runs("围绕羌族文化生态保护区建设，全年开展羌年、瓦尔俄足等民俗活动|6|场以上，为|48|名非遗代表性传承人发放传习补助，开展羌绣传承培训|300|人次以上，参与活动群众|5|万人次以上，羌族文化知晓度和认同感明显提升。"),
                  sum(W[1:]), colspan=4, align="left")])
    n = len(PH05_ROWS)
    tr(6, 22, [td(runs("绩效|<br>|指标"), W[0], rowspan=n + 1), td("<b>" + runs("一级指标") + "</b>", W[1]),
               td("<b>" + runs("二级指标") + "</b>", W[2]), td("<b>" + runs("三级指标") + "</b>", W[3]), td("<b>" + runs("指标值") + "</b>", W[4])])
    for k, ((l1, l2, l3, val), (s1, s2)) in enumerate(zip(PH05_ROWS, spans(PH05_ROWS))):
        cells = []
        if s1:
            cells.append(td(runs(l1), W[1], rowspan=s1))
        if s2:
            cells.append(td(runs(l2), W[2], rowspan=s2))
        cells.append(td(runs(l3), W[3], align="left"))
        cells.append(td(runs(val), W[4]))
        tr(7 + k, 22, cells)
    rows[-1] = rows[-1].replace("page-break-inside:avoid;", "mso-yfti-lastrow:yes;page-break-inside:avoid;", 1)

    head = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<!-- NOTE_HERE; unit, project and people invented -->
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<title>项目支出绩效目标表</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>pms</o:Author>
  <o:Company>预算管理一体化系统</o:Company>
  <o:Version>16.00</o:Version>
 </o:DocumentProperties>
</xml><![endif]-->
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:View>Print</w:View>
  <w:Zoom>100</w:Zoom>
  <w:SpellingState>Clean</w:SpellingState>
  <w:GrammarState>Clean</w:GrammarState>
  <w:TrackMoves>false</w:TrackMoves>
  <w:TrackFormatting/>
  <w:PunctuationKerning/>
  <w:DrawingGridVerticalSpacing>7.8 磅</w:DrawingGridVerticalSpacing>
  <w:DisplayHorizontalDrawingGridEvery>0</w:DisplayHorizontalDrawingGridEvery>
  <w:DisplayVerticalDrawingGridEvery>2</w:DisplayVerticalDrawingGridEvery>
  <w:ValidateAgainstSchemas/>
  <w:Compatibility>
   <w:SpaceForUL/>
   <w:BalanceSingleByteDoubleByteWidth/>
   <w:DoNotLeaveBackslashAlone/>
   <w:ULTrailSpace/>
   <w:DoNotExpandShiftReturn/>
   <w:AdjustLineHeightInTable/>
   <w:UseFELayout/>
  </w:Compatibility>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;
	mso-font-alt:SimSun;
	mso-font-charset:134;
	mso-generic-font-family:auto;
	mso-font-pitch:variable;
	mso-font-signature:3 680460288 22 0 262145 0;}
@font-face
	{font-family:黑体;
	panose-1:2 1 6 9 6 1 1 1 1 1;
	mso-font-alt:SimHei;
	mso-font-charset:134;
	mso-generic-font-family:modern;
	mso-font-pitch:fixed;
	mso-font-signature:-2147482945 953122042 22 0 262145 0;}
@font-face
	{font-family:方正小标宋简体;
	mso-font-charset:134;
	mso-generic-font-family:script;
	mso-font-pitch:variable;
	mso-font-signature:1 135135232 16 0 262144 0;}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;
	mso-style-qformat:yes;
	mso-style-parent:"";
	margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	mso-pagination:none;
	font-size:10.5pt;
	mso-bidi-font-size:12.0pt;
	font-family:"Times New Roman",serif;
	mso-fareast-font-family:宋体;
	mso-font-kerning:1.0pt;}
table.MsoNormalTable
	{mso-style-name:普通表格;
	mso-tstyle-rowband-size:0;
	mso-tstyle-colband-size:0;
	mso-style-noshow:yes;
	mso-style-priority:99;
	mso-style-parent:"";
	mso-padding-alt:0cm 5.4pt 0cm 5.4pt;
	mso-para-margin:0cm;
	font-size:10.5pt;
	font-family:"Times New Roman",serif;}
.MsoChpDefault
	{mso-style-type:export-only;
	mso-default-props:yes;
	font-size:10.0pt;
	mso-ansi-font-size:10.0pt;
	mso-fareast-font-family:宋体;}
 /* Page Definitions */
 @page WordSection1
	{size:595.3pt 841.9pt;
	margin:72.0pt 68.05pt 72.0pt 68.05pt;
	mso-header-margin:42.55pt;
	mso-footer-margin:49.6pt;
	mso-paper-source:0;
	layout-grid:15.6pt;}
div.WordSection1
	{page:WordSection1;}
-->
</style>
</head>
""".replace("NOTE_HERE", NOTE)
    body = f"""
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

<p class=MsoNormal><span style='font-size:16.0pt;font-family:黑体;mso-hansi-font-family:"Times New Roman"'>附件<span lang=EN-US>2</span></span><span lang=EN-US style='font-size:16.0pt;font-family:黑体'><o:p></o:p></span></p>

<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt;mso-line-height-rule:exactly'><span style='font-size:22.0pt;font-family:方正小标宋简体;mso-hansi-font-family:"Times New Roman"'>项目支出绩效目标表</span><span lang=EN-US style='font-size:22.0pt;font-family:方正小标宋简体'><o:p></o:p></span></p>

<p class=MsoNormal align=center style='text-align:center'><span style='font-size:14.0pt;font-family:楷体_GB2312'>（</span><span lang=EN-US style='font-size:14.0pt;font-family:"Times New Roman",serif'>2024</span><span style='font-size:14.0pt;font-family:楷体_GB2312'>年度）</span><span lang=EN-US style='font-size:14.0pt'><o:p></o:p></span></p>

<p class=MsoNormal><span style='font-size:12.0pt;font-family:宋体'>填报单位（盖章）：北川羌族自治县文化广播电视和旅游局</span><span lang=EN-US style='font-size:12.0pt;font-family:宋体'><span style='mso-spacerun:yes'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><span style='font-size:12.0pt;font-family:宋体'>单位：万元</span><span lang=EN-US style='font-size:12.0pt'><o:p></o:p></span></p>

<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width={sum(W)} style='width:{sum(W) * 0.75:.1f}pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt;mso-border-insideh:.5pt solid windowtext;mso-border-insidev:.5pt solid windowtext'>
{chr(10).join(rows)}
</table>

<p class=MsoNormal><span lang=EN-US style='font-size:12.0pt'><o:p>&nbsp;</o:p></span></p>

<p class=MsoNormal><span style='font-size:12.0pt;font-family:宋体'>填报人：何晓蓉</span><span lang=EN-US style='font-size:12.0pt;font-family:宋体'><span style='mso-spacerun:yes'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><span style='font-size:12.0pt;font-family:宋体'>联系电话：</span><span lang=EN-US style='font-size:12.0pt'>0816-4822315</span><span lang=EN-US style='font-size:12.0pt;font-family:宋体'><span style='mso-spacerun:yes'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><span style='font-size:12.0pt;font-family:宋体'>审核人：杨永刚</span><span lang=EN-US style='font-size:12.0pt;font-family:宋体'><span style='mso-spacerun:yes'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><span style='font-size:12.0pt;font-family:宋体'>填报日期：</span><span lang=EN-US style='font-size:12.0pt'>2024</span><span style='font-size:12.0pt;font-family:宋体'>年</span><span lang=EN-US style='font-size:12.0pt'>1</span><span style='font-size:12.0pt;font-family:宋体'>月</span><span lang=EN-US style='font-size:12.0pt'>15</span><span style='font-size:12.0pt;font-family:宋体'>日</span><span lang=EN-US style='font-size:12.0pt'><o:p></o:p></span></p>

</div>

</body>

</html>
"""
    write("ph_05_sichuan_2024_qiangzu-wenhua.doc", crlf(head + body).encode("utf-8"))


# =========================================================================== ph_06
# 内蒙古 巴林右旗, IE "网页，单个文件" (.mht): multipart/related, the HTML part quoted-printable UTF-8,
# a base64 PNG part; 部门整体支出绩效目标表 with 年度主要任务 sub-table.
# Planted: doubled digits ≥9898% (防火巡护覆盖率); 无关 as a value (对地区经济发展的影响).

PH06_TASKS = [
    ("人员及日常运转", "保障在职人员工资福利、社会保障缴费和机关日常运转", "1036.52", "1036.52", "0.00"),
    ("草原生态保护修复", "实施退化草原修复、草原禁牧休牧监管和草原有害生物防治", "986.40", "900.00", "86.40"),
    ("国土绿化和造林", "完成人工造林、封山育林和退化林修复，做好苗木抚育管护", "541.45", "479.85", "61.60"),
    ("森林草原防灭火", "维护防火检查站和瞭望塔，组织专业扑火队伍巡护和培训演练", "300.00", "300.00", "0.00"),
]
PH06_ROWS = [
    ("产出指标", "数量指标", "完成营造林任务", "≥3.5万亩"),
    ("产出指标", "数量指标", "草原禁牧休牧面积", "≥410万亩"),
    ("产出指标", "数量指标", "防火检查站点", "=16个"),
    ("产出指标", "质量指标", "当年造林成活率", "≥85%"),
    ("产出指标", "质量指标", "重点区域防火巡护覆盖率", "≥9898%"),
    ("产出指标", "时效指标", "造林任务完成时间", "2025年10月底前"),
    ("产出指标", "成本指标", "“三公”经费支出", "不高于上年"),
    ("效益指标", "经济效益指标", "对地区经济发展的影响", "无关"),
    ("效益指标", "社会效益指标", "较大及以上森林草原火灾发生起数", "=0起"),
    ("效益指标", "生态效益指标", "森林覆盖率", "≥21.6%"),
    ("效益指标", "生态效益指标", "草原综合植被盖度", "≥52%"),
    ("效益指标", "可持续影响指标", "林草资源保护管理长效机制", "持续健全"),
    ("满意度指标", "服务对象满意度指标", "农牧民群众满意度", "≥90%"),
]


def make_ph06() -> None:
    base = "http://www.blyq.gov.cn/zwgk/bmys/lcj/202502/t20250212_2715530.html"
    logo_url = "http://www.blyq.gov.cn/images/logo_2023.png"
    c = "style=\"border:1px solid #333;padding:3px 5px;text-align:center\""
    l = "style=\"border:1px solid #333;padding:3px 5px;text-align:left\""
    rows = [
        f'<tr><td colspan="6" style="text-align:center;font-size:20px;font-weight:bold;padding:8px">部门整体支出绩效目标表</td></tr>',
        f'<tr><td colspan="6" style="text-align:center;padding-bottom:6px">（2025年度）</td></tr>',
        f"<tr><td {c}>部门（单位）名称</td><td colspan=\"5\" {l}>巴林右旗林业和草原局</td></tr>",
        f"<tr><td rowspan=\"3\" {c}>年度预算<br>（万元）</td><td colspan=\"2\" {c}>年度资金总额</td><td colspan=\"3\" {c}>2864.37</td></tr>",
        f"<tr><td colspan=\"2\" {c}>其中：财政拨款</td><td colspan=\"3\" {c}>2716.37</td></tr>",
        f"<tr><td colspan=\"2\" {c}>其他资金</td><td colspan=\"3\" {c}>148.00</td></tr>",
        f"<tr><td {c}>部门职责</td><td colspan=\"5\" {l}>负责全旗林业和草原及其生态保护修复的监督管理；组织林草生态保护和修复、造林绿化工作；负责森林、草原、湿地资源的监督管理；负责落实综合防灾减灾规划相关要求，组织编制森林和草原火灾防治规划和防护标准并指导实施，指导开展防火巡护、火源管理、防火设施建设等工作。</td></tr>",
        f"<tr><td rowspan=\"{len(PH06_TASKS) + 3}\" {c}>年度主要任务</td><td rowspan=\"2\" {c}>任务名称</td><td rowspan=\"2\" {c}>主要内容</td><td colspan=\"3\" {c}>预算金额（万元）</td></tr>",
        f"<tr><td {c}>总额</td><td {c}>财政拨款</td><td {c}>其他资金</td></tr>",
    ]
    for name, content, total, fin, other in PH06_TASKS:
        rows.append(f"<tr><td {c}>{name}</td><td {l}>{content}</td><td {c}>{total}</td><td {c}>{fin}</td><td {c}>{other}</td></tr>")
    rows.append(f"<tr><td colspan=\"2\" {c}>金额合计</td><td {c}>2864.37</td><td {c}>2716.37</td><td {c}>148.00</td></tr>")
    rows.append(
        f"<tr><td {c}>年度绩效目标</td><td colspan=\"5\" {l}>目标1：完成营造林任务3.5万亩以上，当年造林成活率85%以上，森林覆盖率达到21.6%。<br>"
        "目标2：落实草原禁牧休牧410万亩，草原综合植被盖度稳定在52%以上。<br>"
        "目标3：加强森林草原防灭火工作，不发生较大及以上森林草原火灾，农牧民群众满意度达到90%以上。</td></tr>"
    )
    rows.append(f"<tr><td rowspan=\"{len(PH06_ROWS) + 1}\" {c}>年度绩效指标</td><td {c}><b>一级指标</b></td><td {c}><b>二级指标</b></td><td colspan=\"2\" {c}><b>三级指标</b></td><td {c}><b>指标值</b></td></tr>")
    for (l1, l2, l3, val), (s1, s2) in zip(PH06_ROWS, spans(PH06_ROWS)):
        cells = []
        if s1:
            cells.append(f"<td rowspan=\"{s1}\" {c}>{l1}</td>")
        if s2:
            cells.append(f"<td rowspan=\"{s2}\" {c}>{l2}</td>" if s2 > 1 else f"<td {c}>{l2}</td>")
        cells.append(f"<td colspan=\"2\" {l}>{l3}</td>")
        cells.append(f"<td {c}>{val}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<HTML xmlns="http://www.w3.org/1999/xhtml"><HEAD><TITLE>巴林右旗林业和草原局2025年部门整体支出绩效目标表-巴林右旗人民政府</TITLE>
<!-- {NOTE}; page, address and names invented -->
<META content="text/html; charset=utf-8" http-equiv="Content-Type">
<META name="ArticleTitle" content="巴林右旗林业和草原局2025年部门整体支出绩效目标表">
<META name="PubDate" content="2025-02-12 09:15">
<LINK rel="stylesheet" type="text/css" href="http://www.blyq.gov.cn/css/main.css">
<META name="GENERATOR" content="MSHTML 11.00.10570.1001"></HEAD>
<BODY>
<DIV class="head"><IMG alt="巴林右旗人民政府" src="{logo_url}"></DIV>
<DIV class="nav"><A href="http://www.blyq.gov.cn/">首页</A> <A href="http://www.blyq.gov.cn/zwgk/">政务公开</A> <A href="http://www.blyq.gov.cn/zwfw/">政务服务</A> <A href="http://www.blyq.gov.cn/hdjl/">政民互动</A> <A href="http://www.blyq.gov.cn/zjbl/">走进巴林</A></DIV>
<DIV class="location">当前位置：<A href="http://www.blyq.gov.cn/">首页</A> &gt; <A href="http://www.blyq.gov.cn/zwgk/">政务公开</A> &gt; <A href="http://www.blyq.gov.cn/zwgk/bmys/">部门预算</A></DIV>
<DIV class="content">
<H2 style="TEXT-ALIGN: center">巴林右旗林业和草原局2025年部门整体支出绩效目标表</H2>
<DIV class="info">发布日期：2025-02-12　来源：巴林右旗林业和草原局　字号：[大 中 小]</DIV>
<DIV id="zoom" class="TRS_Editor">
<TABLE style="BORDER-COLLAPSE: collapse; FONT-SIZE: 14px" cellSpacing="0" cellPadding="0" width="660" align="center">
<TBODY>
{chr(10).join(rows)}
</TBODY></TABLE>
<P style="TEXT-ALIGN: right">巴林右旗林业和草原局</P>
<P style="TEXT-ALIGN: right">2025年2月12日</P></DIV></DIV>
<DIV class="foot">主办：巴林右旗人民政府办公室　蒙ICP备05002317号-1　蒙公网安备 15042302000106号</DIV>
</BODY></HTML>
"""
    # quoted-printable turns every "=" into =3D and every UTF-8 byte into =XX, with soft breaks
    part_html = qp_encode(crlf(html).encode("utf-8"))

    def pix(x, y):
        cx, cy = x - 11.5, y - 11.5
        r2 = cx * cx + cy * cy
        if r2 < 36:
            return (255, 215, 0)
        if r2 < 121:
            return (204, 0, 0)
        return (255, 255, 255)

    img = base64.b64encode(png(24, 24, pix)).decode("ascii")
    img = "\r\n".join(img[i:i + 76] for i in range(0, len(img), 76))
    boundary = "----=_NextPart_000_0000_01DB7D0A.5E3C2B40"
    subject = "=?utf-8?B?" + base64.b64encode("巴林右旗林业和草原局2025年部门整体支出绩效目标表".encode("utf-8")).decode("ascii") + "?="
    head = "\r\n".join([
        "From: <Saved by Windows Internet Explorer 11>",
        f"Subject: {subject}",
        "Date: Wed, 12 Feb 2025 16:40:21 +0800",
        "MIME-Version: 1.0",
        "Content-Type: multipart/related;",
        '\ttype="text/html";',
        f'\tboundary="{boundary}"',
        f"X-Probe-Note: {NOTE}; page, address and names invented",
        "X-MimeOLE: Produced By Microsoft MimeOLE V10.0.19041.1",
        "",
        "This is a multi-part message in MIME format.",
        "",
        f"--{boundary}",
        "Content-Type: text/html;",
        '\tcharset="utf-8"',
        "Content-Transfer-Encoding: quoted-printable",
        f"Content-Location: {base}",
        "",
        "",
    ]).encode("ascii")
    tail = "\r\n".join([
        "",
        "",
        f"--{boundary}",
        "Content-Type: image/png",
        "Content-Transfer-Encoding: base64",
        f"Content-Location: {logo_url}",
        "",
        img,
        "",
        f"--{boundary}--",
        "",
    ]).encode("ascii")
    write("ph_06_neimenggu_2025_lincao-overall.mht", head + part_html + tail)


# =========================================================================== ph_07
# 安徽 泾县, <th> headers, <thead>/<tbody>, two projects as two tables with their own <h3>; a hidden
# display:none div of junk; <script>/<style> with Chinese text.
# Planted: placeholder ≥**% (推荐目录内选配比例); deadline in the previous year (2023年10月底前 on a 2024 page).

PH07_PROJECTS = [
    ("农家书屋出版物补充更新", "泾县图书馆", "68.00", "68.00", "0.00",
     "为全县132个农家书屋补充更新出版物2.6万册以上，出版物质量合格率100%，改善农民群众阅读条件，年借阅3.5万人次以上。",
     [
         ("产出指标", "数量指标", "补充更新出版物农家书屋数量", "=132个"),
         ("产出指标", "数量指标", "补充更新出版物册数", "≥2.6万册"),
         ("产出指标", "质量指标", "出版物质量合格率", "=100%"),
         ("产出指标", "质量指标", "推荐目录内选配比例", "≥**%"),
         ("产出指标", "时效指标", "出版物配送完成时间", "2023年10月底前"),
         ("产出指标", "成本指标", "每个书屋补充更新资金", "≤0.5万元"),
         ("效益指标", "社会效益指标", "农民群众阅读条件", "有效改善"),
         ("效益指标", "社会效益指标", "农家书屋年借阅人次", "≥3.5万人次"),
         ("满意度指标", "服务对象满意度指标", "书屋服务群众满意度", "≥90%"),
     ]),
    ("全民健身设施补短板", "泾县体育事业发展中心", "215.00", "180.00", "35.00",
     "新建（更新）行政村全民健身路径45个、多功能运动场3个以上、健身步道6.5公里以上，工程验收合格率100%，人均体育场地面积达到2.6平方米以上。",
     [
         ("产出指标", "数量指标", "新建（更新）行政村全民健身路径", "=45个"),
         ("产出指标", "数量指标", "新建多功能运动场", "≥3个"),
         ("产出指标", "数量指标", "新建健身步道长度", "≥6.5公里"),
         ("产出指标", "质量指标", "健身器材质量合格率", "=100%"),
         ("产出指标", "质量指标", "工程验收合格率", "=100%"),
         ("产出指标", "时效指标", "项目完工时间", "2024年11月底前"),
         ("产出指标", "成本指标", "每套健身路径器材采购成本", "≤3.2万元"),
         ("效益指标", "社会效益指标", "人均体育场地面积", "≥2.6平方米"),
         ("效益指标", "社会效益指标", "经常参加体育锻炼人数比例", "≥38%"),
         ("效益指标", "可持续影响指标", "健身设施管护机制", "健全"),
         ("满意度指标", "服务对象满意度指标", "健身群众满意度", "≥90%"),
     ]),
]


def make_ph07() -> None:
    blocks = []
    for k, (name, impl, total, fin, other, goal, rows) in enumerate(PH07_PROJECTS, 1):
        num = "一二"[k - 1]
        body = []
        for (l1, l2, l3, val), (s1, s2) in zip(rows, spans(rows)):
            cells = []
            if s1:
                cells.append(f'<td rowspan="{s1}" class="lv1">{l1}</td>')
            if s2:
                cells.append(f'<td rowspan="{s2}" class="lv2">{l2}</td>')
            cells.append(f'<td class="lv3">{l3}</td>')
            cells.append(f'<td class="val">{val}</td>')
            body.append("      <tr>" + "".join(cells) + "</tr>")
        blocks.append(f"""  <h3>{num}、{name}项目支出绩效目标表</h3>
  <table class="jxmb" id="jxmb{k}">
    <thead>
      <tr><th scope="row">项目名称</th><td colspan="3">{name}</td></tr>
      <tr><th scope="row">主管部门</th><td>泾县文化旅游体育局</td><th scope="row">实施单位</th><td>{impl}</td></tr>
      <tr><th scope="row">项目资金（万元）</th><td colspan="3">年度资金总额：{total}　其中：财政拨款 {fin}　其他资金 {other}</td></tr>
      <tr><th scope="row">年度绩效目标</th><td colspan="3">{goal}</td></tr>
      <tr><th scope="col">一级指标</th><th scope="col">二级指标</th><th scope="col">三级指标</th><th scope="col">指标值</th></tr>
    </thead>
    <tbody>
{chr(10).join(body)}
    </tbody>
  </table>""")
    html = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<!-- {NOTE}; page, address and names invented -->
<meta charset="utf-8">
<title>泾县文化旅游体育局2024年项目支出绩效目标公开</title>
<style>
  /* 绩效目标表样式：表头加粗，一级指标列居中，金额单位：万元 */
  body {{ font-family: "Microsoft YaHei", "微软雅黑", sans-serif; font-size: 14px; color: #333; }}
  .jxmb {{ border-collapse: collapse; width: 100%; margin: 8px 0 24px; }}
  .jxmb th, .jxmb td {{ border: 1px solid #999; padding: 5px 8px; }}
  .jxmb thead th {{ background: #eef3fa; }}
  .jxmb .lv1, .jxmb .lv2, .jxmb .val {{ text-align: center; }}
  .jxmb caption::after {{ content: "（单位：万元）"; }}
  .print-tip::before {{ content: "温馨提示：打印前请选择横向，三级指标 指标值 列不换行"; }}
</style>
<script>
  // 字号切换：大 中 小
  var fontTips = {{ big: "大", mid: "中", small: "小" }};
  // 表头说明，供导出用，勿删
  var jxHeaders = ["一级指标", "二级指标", "三级指标", "指标值"];
  var jxDemo = "产出指标|数量指标|示例三级指标（请替换）|≥100个";
  function exportTip() {{ alert("如需导出Excel，请联系县文旅体局办公室：0563-5022716"); }}
</script>
</head>
<body>
<div class="top"><a href="https://www.ahjx.gov.cn/">泾县人民政府</a> ｜ <a href="https://www.ahjx.gov.cn/public/">信息公开</a></div>
<div class="crumb">首页 &gt; 信息公开 &gt; 泾县文化旅游体育局 &gt; 财政预决算</div>
<div class="print-tip"></div>
<div style="display:none">
  三级指标 指标值 产出指标 数量指标 测试项目请勿删除 ≥100个 满意度指标 ≥95%
  泾县 宣纸 桃花潭 文化旅游 体育 绩效目标 预算公开 项目支出 2023年 2024年
</div>
<div class="article">
  <h1>泾县文化旅游体育局2024年项目支出绩效目标公开</h1>
  <p class="meta">发布时间：2024-02-20　信息来源：泾县文化旅游体育局　索引号：11341823003128451A/202402-00017</p>
  <p>根据《中华人民共和国预算法》和预算公开有关规定，现将我局2024年部分项目支出绩效目标公开如下。</p>
{chr(10).join(blocks)}
  <p class="sign">泾县文化旅游体育局<br>2024年2月20日</p>
</div>
<noscript>您的浏览器不支持脚本，字号切换不可用。</noscript>
<script>
  document.querySelectorAll(".jxmb").forEach(function (t) {{ t.setAttribute("title", "项目支出绩效目标表"); }});
</script>
</body>
</html>
"""
    write("ph_07_anhui_2024_shuwu-jianshen.html", html.encode("utf-8"))


# =========================================================================== ph_08
# 青海 祁连县, 一级/二级 repeated on every row (no merges), 中期 and 年度 side by side (资金, 总体目标 and
# grid), values and units in separate columns, 2021 framework with 成本指标 as its own 一级.
# Planted: empty 计量单位 under 年度 (享受补奖政策牧户数 ≥7800); 年度 deadline in the previous year
# (2024年12月31日前 in a 2025 table).

PH08_ROWS = [
    ("产出指标", "数量指标", "草原禁牧面积", "≥580", "万亩", "≥580", "万亩"),
    ("产出指标", "数量指标", "草畜平衡面积", "≥420", "万亩", "≥420", "万亩"),
    ("产出指标", "数量指标", "享受补奖政策牧户数", "≥7800", "户", "≥7800", ""),
    ("产出指标", "质量指标", "补奖资金兑付准确率", "=100", "%", "=100", "%"),
    ("产出指标", "质量指标", "禁牧区监管覆盖率", "≥95", "%", "≥95", "%"),
    ("产出指标", "时效指标", "补奖资金兑付到户时间", "每年12月底前", "", "2024年12月31日前", ""),
    ("成本指标", "经济成本指标", "禁牧补助标准", "=12.5", "元/亩·年", "=12.5", "元/亩·年"),
    ("成本指标", "经济成本指标", "草畜平衡奖励标准", "=3.5", "元/亩·年", "=3.5", "元/亩·年"),
    ("成本指标", "社会成本指标", "因禁牧引发的信访事件", "≤5", "起", "≤1", "起"),
    ("效益指标", "经济效益指标", "牧户户均政策性收入", "≥1.2", "万元", "≥1.2", "万元"),
    ("效益指标", "社会效益指标", "牧民生产生活方式", "逐步转变", "", "逐步转变", ""),
    ("效益指标", "生态效益指标", "草原综合植被盖度", "≥62", "%", "≥61.5", "%"),
    ("效益指标", "可持续影响指标", "草原生态保护长效机制", "健全", "", "持续健全", ""),
    ("满意度指标", "服务对象满意度指标", "享受政策牧户满意度", "≥90", "%", "≥90", "%"),
]


def make_ph08() -> None:
    body = "\n".join(
        "        <tr>" + "".join(f"<td>{v}</td>" for v in r) + "</tr>" for r in PH08_ROWS
    )
    html = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<!-- {NOTE}; page, address and names invented -->
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>祁连县2025年草原生态保护补助奖励项目绩效目标表 - 祁连县预算公开平台</title>
<link rel="stylesheet" href="/static/bootstrap/3.4.1/css/bootstrap.min.css">
<link rel="stylesheet" href="/static/css/ysgk.css">
</head>
<body>
<nav class="navbar navbar-default"><div class="container"><a class="navbar-brand" href="/">祁连县预算公开平台</a>
<ul class="nav navbar-nav"><li><a href="/zfys">政府预算</a></li><li class="active"><a href="/bmys">部门预算</a></li><li><a href="/jxgk">绩效公开</a></li><li><a href="/zcfg">政策法规</a></li></ul></div></nav>
<div class="container">
  <ol class="breadcrumb"><li><a href="/">首页</a></li><li><a href="/bmys">部门预算</a></li><li class="active">祁连县农牧水利和科技局</li></ol>
  <h2 class="text-center">项目支出绩效目标表</h2>
  <p class="text-center">（2025年度）</p>
  <div class="table-responsive">
    <table class="table table-bordered table-condensed">
      <tbody>
        <tr><td>项目名称</td><td colspan="6">草原生态保护补助奖励</td></tr>
        <tr><td>主管部门</td><td colspan="2">祁连县农牧水利和科技局</td><td>实施单位</td><td colspan="3">祁连县草原工作站</td></tr>
        <tr><td>项目属性</td><td colspan="2">延续项目</td><td>项目期</td><td colspan="3">5年（2021—2025年）</td></tr>
        <tr><td rowspan="3">项目资金（万元）</td><td>中期资金总额</td><td colspan="2">25632.00</td><td>年度资金总额</td><td colspan="2">5126.40</td></tr>
        <tr><td>其中：财政拨款</td><td colspan="2">25632.00</td><td>其中：财政拨款</td><td colspan="2">5126.40</td></tr>
        <tr><td>其他资金</td><td colspan="2">0.00</td><td>其他资金</td><td colspan="2">0.00</td></tr>
        <tr><td rowspan="2">总体目标</td><td colspan="3">中期目标（2021—2025年）</td><td colspan="3">年度目标</td></tr>
        <tr><td colspan="3">全面落实第三轮草原生态保护补助奖励政策，禁牧580万亩、草畜平衡420万亩，补奖资金足额兑付到户，草原综合植被盖度提高到62%以上，牧民生产生活方式逐步转变。</td><td colspan="3">落实禁牧580万亩、草畜平衡420万亩，按标准向7800户以上牧户兑付补奖资金，草原综合植被盖度达到61.5%以上，享受政策牧户满意度90%以上。</td></tr>
      </tbody>
    </table>
    <table class="table table-bordered table-condensed jxzb">
      <thead>
        <tr><th rowspan="2">一级指标</th><th rowspan="2">二级指标</th><th rowspan="2">三级指标</th><th colspan="2">中期指标值</th><th colspan="2">年度指标值</th></tr>
        <tr><th>指标值</th><th>计量单位</th><th>指标值</th><th>计量单位</th></tr>
      </thead>
      <tbody>
{body}
      </tbody>
    </table>
  </div>
  <p class="text-right">公开日期：2025-02-18</p>
</div>
<footer class="footer"><div class="container text-center">主办单位：祁连县财政局　青ICP备11000618号-3</div></footer>
<script src="/static/jquery/1.12.4/jquery.min.js"></script>
<script src="/static/bootstrap/3.4.1/js/bootstrap.min.js"></script>
</body>
</html>
"""
    write("ph_08_qinghai_2025_caoyuan-buzhu.html", html.encode("utf-8"))


# =========================================================================== ph_09
# 宁夏 青铜峡市, 绩效自评表 on a TRS-style page, table pasted from Word (p/span inside cells);
# 年初预算数/全年预算数/全年执行数/分值/执行率/得分; grid 年度指标值 · 实际完成值 · 分值 · 得分 · 偏差原因分析及改进措施.
# Planted: placeholder ≤**元/立方米 (渠道清淤单位成本); 执行率 103.18% computed against 年初预算数
# (398.27 / 386.00) instead of 全年预算数 412.50 (which gives 96.55%).

PH09_ROWS = [
    ("产出指标", "数量指标", "维修养护干支渠长度", "≥186公里", "191.3公里", "10", "10", ""),
    ("产出指标", "数量指标", "渠道清淤土方量", "≥12万立方米", "12.6万立方米", "5", "5", ""),
    ("产出指标", "数量指标", "维修改造渠系建筑物", "≥64座", "58座", "5", "4.5", "部分建筑物位于灌溉期无法断水渠段，调整至冬季停水期实施"),
    ("产出指标", "质量指标", "维修养护工程验收合格率", "=100%", "100%", "10", "10", ""),
    ("产出指标", "时效指标", "冬季维修养护完成时间", "2023年4月15日前", "2023年4月10日", "5", "5", ""),
    ("产出指标", "时效指标", "灌溉期渠道应急抢修及时率", "≥95%", "98%", "5", "5", ""),
    ("产出指标", "成本指标", "渠道清淤单位成本", "≤**元/立方米", "14.6元/立方米", "5", "5", ""),
    ("产出指标", "成本指标", "干支渠每公里平均维修养护成本", "≤2.1万元", "2.08万元", "5", "5", ""),
    ("效益指标", "社会效益指标", "保障灌溉面积", "≥32万亩", "32.4万亩", "10", "10", ""),
    ("效益指标", "生态效益指标", "渠系水利用系数", "≥0.62", "0.63", "10", "10", ""),
    ("效益指标", "可持续影响指标", "渠道工程运行管护机制", "长效运行", "长效运行", "10", "10", ""),
    ("满意度指标", "服务对象满意度指标", "灌区群众满意度", "≥90%", "95.6%", "10", "10", ""),
]


def make_ph09() -> None:
    def c(text, rs=1, cs=1, left=False, w=None):
        a = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
        a += f' width="{w}"' if w else ""
        align = "left" if left else "center"
        inner = text if text else "&nbsp;"
        return (f'<td{a} valign="center" style="border:1px solid windowtext;padding:0 5px;">'
                f'<p style="text-align:{align};line-height:18px;margin:0;"><span style="font-family:宋体;font-size:14px;">{inner}</span></p></td>')

    rows = [
        [c("<strong>项目支出绩效自评表</strong>", cs=10)],
        [c("（2023年度）", cs=10)],
        [c("项目名称", cs=2), c("引黄灌区渠道及建筑物维修养护", cs=8, left=True)],
        [c("主管部门", cs=2), c("青铜峡市水务局", cs=3, left=True), c("实施单位", cs=2), c("青铜峡市河西灌区管理所", cs=3, left=True)],
        [c("项目资金<br>（万元）", rs=4, cs=2), c(""), c("年初预算数"), c("全年预算数"), c("全年执行数"), c("分值"), c("执行率"), c("得分", cs=2)],
        [c("年度资金总额"), c("386.00"), c("412.50"), c("398.27"), c("10"), c("103.18%"), c("10", cs=2)],
        [c("其中：当年财政拨款"), c("386.00"), c("412.50"), c("398.27"), c("—"), c("—"), c("—", cs=2)],
        [c("其他资金"), c("0.00"), c("0.00"), c("0.00"), c("—"), c("—"), c("—", cs=2)],
        [c("年度<br>总体<br>目标", rs=2), c("预期目标", cs=4), c("实际完成情况", cs=5)],
        [c("完成干支渠维修养护186公里以上，清淤土方12万立方米以上，维修改造渠系建筑物64座以上，在春灌放水前完成冬季维修养护任务，保障32万亩农田灌溉用水，渠系水利用系数达到0.62以上。", cs=4, left=True),
         c("完成干支渠维修养护191.3公里，清淤土方12.6万立方米，维修改造渠系建筑物58座，冬季维修养护于2023年4月10日前全部完成，保障灌溉面积32.4万亩，渠系水利用系数0.63。", cs=5, left=True)],
        [c("绩<br>效<br>指<br>标", rs=len(PH09_ROWS) + 1), c("一级指标"), c("二级指标"), c("三级指标", cs=2), c("年度指标值"), c("实际完成值"), c("分值"), c("得分"), c("偏差原因分析及改进措施")],
    ]
    for (l1, l2, l3, target, actual, score, got, why), (s1, s2) in zip(PH09_ROWS, spans(PH09_ROWS)):
        r = []
        if s1:
            r.append(c(l1, rs=s1))
        if s2:
            r.append(c(l2, rs=s2))
        r += [c(l3, cs=2, left=True), c(target), c(actual), c(score), c(got), c(why, left=True)]
        rows.append(r)
    rows.append([c("总分", cs=7), c("100"), c("99.5"), c("")])
    table = "\n".join("<tr>" + "".join(r) + "</tr>" for r in rows)
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<!-- {NOTE}; page, address and names invented -->
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>青铜峡市水务局2023年引黄灌区渠道及建筑物维修养护项目绩效自评表</title>
<meta name="keywords" content="绩效自评,水务局,青铜峡" />
<link href="/images/css/style.css" rel="stylesheet" type="text/css" />
</head>
<body>
<div class="wrap">
<div class="pos">您当前的位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="/xxgk/czxx/">财政信息</a> &gt; <a href="/xxgk/czxx/jxpj/">绩效评价</a></div>
<div class="xl_title">青铜峡市水务局2023年引黄灌区渠道及建筑物维修养护项目绩效自评表</div>
<div class="xl_info">发布日期：2024-04-26　　来源：青铜峡市水务局　　【<a href="javascript:void(0)" onclick="window.print()">打印</a>】</div>
<div class="xl_con">
<div class="TRS_Editor"><style type="text/css">
.TRS_Editor P{{margin-top:0;margin-bottom:0;line-height:1.5;font-family:宋体;font-size:12pt;}}.TRS_Editor TD{{font-family:宋体;font-size:12pt;}}
</style>
<p style="text-indent:2em;">根据自治区财政厅关于开展2023年度项目支出绩效自评工作的通知要求，我局对引黄灌区渠道及建筑物维修养护项目开展了绩效自评，现将自评结果公开如下：</p>
<table cellspacing="0" cellpadding="0" width="680" align="center" style="border-collapse:collapse;border:none;">
<tbody>
{table}
</tbody>
</table>
<p>&nbsp;</p>
<p style="text-align:right;">青铜峡市水务局</p>
<p style="text-align:right;">2024年4月26日</p>
</div>
</div>
<div class="foot">主办：青铜峡市人民政府办公室　宁ICP备05001126号　宁公网安备 64038102000114号</div>
</div>
</body>
</html>
"""
    write("ph_09_ningxia_2023_guanqu-weixiu-self.html", crlf(html).encode("utf-8"))


def main() -> None:
    make_ph01()
    make_ph02()
    make_ph03()
    make_ph04()
    make_ph05()
    make_ph06()
    make_ph07()
    make_ph08()
    make_ph09()


if __name__ == "__main__":
    main()
