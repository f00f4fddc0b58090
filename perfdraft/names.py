"""Project-name handling shared by the checker, the catalogue and the importers:
文号 detection (冀财社【2019】74号 → 冀财社〔2019〕74号) and the normal form used for matching."""

from __future__ import annotations

import re
import unicodedata

from ._lazy import LazyPattern

DOC_NUMBER = LazyPattern(r"([\u4e00-\u9fff]{1,8})\s*[【\[〔(（]\s*(\d{4})\s*[】\]〕)）]\s*(\d+)\s*号")
YEAR = LazyPattern(r"(?:19|20)\d\d\s*年度?")
BRACKETED = LazyPattern(r"[（(【\[〔][^（）()【】\[\]〔〕]*[）)】\]〕]")
NAME_SUFFIXES = ("专项资金", "补助资金", "补贴资金", "工作经费", "资金", "项目", "经费", "专项", "补助")


def split_doc_number(name: str) -> tuple[str, str | None]:
    """('冀财社【2019】74号城乡居民…资金') → ('城乡居民…资金', '冀财社〔2019〕74号')."""
    m = DOC_NUMBER.search(name)
    if not m:
        return name, None
    doc = f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"
    rest = (name[: m.start()] + name[m.end():]).strip(" ，,、")
    return rest or name, doc


def normalise(name: str) -> str:
    """The matching form of a project name: no 文号, year, brackets, spaces or common suffix."""
    text = unicodedata.normalize("NFKC", name or "")
    text = DOC_NUMBER.sub("", text)
    text = YEAR.sub("", text)
    text = BRACKETED.sub("", text)
    text = re.sub(r"[\s·•,，、。:：;；\"'“”‘’]", "", text)
    for suffix in NAME_SUFFIXES:
        if text.endswith(suffix) and len(text) - len(suffix) >= 2:
            text = text[: -len(suffix)]
            break
    return text
