"""Template suggestions: which catalogue template fits a project name, and how well.

A name is normalised (文号, years, brackets, suffixes), abbreviations of the domain are expanded
(新农合 → 城乡居民医疗保险, 三支一扶 …), and each template is scored by its names, aliases and key
terms: a name or alias contained in the project name is strong evidence, a single generic keyword
(培训, 补助) is weak. A top score under ``GOOD`` means no template fits: the result then carries the
共性 templates of the 项目类别 the name points to, so every project still gets a sensible start.
ASCII input is matched against pinyin initials and full pinyin (lists cached with the catalogue parse).
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .names import normalise, split_doc_number

if TYPE_CHECKING:
    from .catalogue import Catalogue, Suggestion, Template

GOOD = 80.0  # a top score at or above this is a fit; below it the suggestions are marked weak
WEAK_BESIDE_A_FIT = 55.0  # weak suggestions listed under a fit score at least this
CLEAR_WINNER = (65.0, 15.0)  # …unless the top score is at least this and this far ahead of the next
AGREE = (70.0, 0.7, 6.0)  # name score, word coverage, bonus when both agree
TERMS_WINNER = 0.85  # word coverage a clear winner needs when shared words are its only evidence

# Abbreviations and old names edit distance cannot know (abbreviation → the words templates use).
SYNONYMS = {
    "社保": "社会保险", "医保": "医疗保险", "城乡居保": "城乡居民养老保险", "居保": "居民养老保险", "新农保": "城乡居民养老保险",
    "新农合": "城乡居民医疗保险", "居民医保": "城乡居民医疗保险", "城居保": "城乡居民医疗保险", "失地农民": "被征地农民",
    "低保": "最低生活保障", "特困": "特困人员救助供养", "五保": "特困人员救助供养", "公卫": "公共卫生", "计生": "计划生育",
    "义教": "义务教育", "雪亮": "视频监控", "高标农田": "高标准农田", "退役": "退役军人", "优抚": "优抚对象",
    "双拥": "拥军优属", "残联": "残疾人", "文旅": "文化旅游", "人社": "人力资源和社会保障", "村两委": "村干部",
    "一卡通": "惠民惠农财政补贴", "三支一扶": "三支一扶高校毕业生", "特岗": "特岗教师", "两免一补": "义务教育家庭经济困难学生生活补助",
    "营养餐": "学生营养改善计划", "四好农村路": "农村公路", "村村通": "农村公路", "河长": "河湖长制", "林长": "林长制",
    "一事一议": "村级公益事业一事一议", "煤改气": "清洁取暖", "煤改电": "清洁取暖", "厕改": "农村改厕", "两癌": "妇女两癌检查",
    "控辍保学": "义务教育控辍保学", "春雷": "职业技能培训", "乡村振兴衔接": "衔接推进乡村振兴", "衔接资金": "衔接推进乡村振兴",
    "农险": "农业保险", "政策性农业保险": "农业保险保费补贴", "三品一标": "农产品质量安全", "12345": "政务服务便民热线",
}

# Words that say what kind of project a name is, for the 共性 fallback (first match per category).
CATEGORY_WORDS: list[tuple[str, re.Pattern[str]]] = [
    ("会议培训类", re.compile(r"培训|会议|研讨|轮训|讲座|研修")),
    ("政府购买服务类", re.compile(r"购买服务|购买.*服务|委托|外包|第三方|聘请|顾问|代理")),
    ("信息化建设类", re.compile(r"信息化|信息系统|平台|软件|数据|网络|系统建设|智慧|数字化|运维")),
    ("设备购置类", re.compile(r"购置|采购|设备|装备|车辆|器材|仪器")),
    ("工程建设类", re.compile(r"建设|工程|改造|新建|扩建|修建|铺设|整治|硬化|维修|修缮|提升")),
    ("补贴发放类", re.compile(r"补贴|补助|奖补|津贴|救助|慰问|抚恤|资助|奖励|扶持|贴息")),
    ("宣传类", re.compile(r"宣传|宣讲|展览|推介|印刷")),
    ("课题研究类", re.compile(r"课题|研究|调研|规划编制|普查|调查")),
    ("运转保障类", re.compile(r"工作经费|运转|运行|办公|日常|保障|经费")),
]
FALLBACK_FAMILIES = ("工程建设类", "补贴发放类", "运转保障类", "会议培训类", "信息化建设类", "设备购置类", "政府购买服务类")

_ASCII = re.compile(r"[A-Za-z\s]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_KEYWORD = "关键词"  # reasons resting on key terms alone start with this
_TERMS = "名称的主要词语"  # …and on shared words alone
# Characters that carry little meaning in a project name (费 of 运维费, places, connectives): low weight.
GENERIC_CHARS = {ch: 0.3 for ch in "费款的和及与等县市区乡镇级全本年度类"}  # reasons resting on key terms alone start with this


@dataclass
class SearchResult:
    query: str
    suggestions: list[Suggestion]
    fits: bool  # the top suggestion is a good fit
    fallbacks: list[Suggestion] = field(default_factory=list)  # 共性 templates when nothing fits
    categories: list[str] = field(default_factory=list)  # 项目类别 the name points to


class Index:
    """Keys (names, aliases, keywords) with bigram postings; pinyin lists built on the first ASCII query."""

    def __init__(self, templates: list[Template]):
        from . import tomlcache

        self.templates = templates
        source = "\n".join(f"{t.name}\t{'|'.join(t.aliases)}\t{'|'.join(t.keywords)}" for t in templates)
        # Built once per catalogue text and kept with the parse cache: a new session's first query
        # reads the postings instead of normalising every name again.
        keys = tomlcache.memo("index-keys-1", source, lambda: _build_keys(templates))
        self.keys: list[str] = keys["keys"]
        self.key_template: list[int] = keys["key_template"]
        self.key_kind: list[str] = keys["key_kind"]
        self.keywords: dict[str, list[tuple[str, int]]] = keys["keywords"]  # first char → (keyword, template)
        self._source = source
        self._postings: dict[str, Any] | None = None  # read on the first Chinese query (a pinyin one needs none)
        self.unknown_weight = math.log(1 + max(1, len(templates))) * 0.8
        self._pinyin: list[Any] | None = None

    def _load_postings(self) -> dict[str, Any]:
        if self._postings is None:
            from . import tomlcache

            self._postings = tomlcache.memo("index-postings-1", self._source,
                                            lambda: _build_postings(self.templates, self.keys))
        return self._postings

    @property
    def postings(self) -> dict[str, list[int]]:
        return self._load_postings()["postings"]

    @property
    def template_postings(self) -> dict[str, list[int]]:
        """Template-level bigrams: a name is explained by a template when the rare words in it
        (视频监控, 网格员, 生猪) are the template's words; common ones (管理, 建设) weigh little."""
        return self._load_postings()["template_postings"]

    @property
    def idf(self) -> dict[str, float]:
        return self._load_postings()["idf"]

    # --- Chinese names ---------------------------------------------------------------------

    MAX_CANDIDATES = 250

    def _candidates(self, q: str) -> list[int]:
        counts: dict[int, int] = {}
        postings = self.postings
        for bg in {q[j:j + 2] for j in range(len(q) - 1)}:
            for k in postings.get(bg, ()):
                counts[k] = counts.get(k, 0) + 1
        if len(counts) <= self.MAX_CANDIDATES:
            return list(counts)
        return heapq.nlargest(self.MAX_CANDIDATES, counts, key=counts.__getitem__)

    def _score_terms(self, q: str, terms: dict[int, float]) -> None:
        """Weighted share of the name's characters that the template's own words explain."""
        idfs, template_postings = self.idf, self.template_postings
        known = [(j, q[j:j + 2]) for j in range(len(q) - 1) if q[j:j + 2] in idfs]
        if not known:
            return
        weight = [GENERIC_CHARS.get(ch, self.unknown_weight) for ch in q]
        for j, bg in known:
            for i in (j, j + 1):
                if q[i] not in GENERIC_CHARS:
                    weight[i] = max(weight[i] if weight[i] != self.unknown_weight else 0.0, idfs[bg])
        total = sum(weight)
        acc: dict[int, float] = {}
        mask: dict[int, int] = {}
        for j, bg in known:
            idf = idfs[bg]
            for t in template_postings[bg]:
                acc[t] = acc.get(t, 0.0) + idf
                mask[t] = mask.get(t, 0) | (3 << j)
        for t in heapq.nlargest(40, acc, key=acc.__getitem__):
            m = mask[t]
            cov = sum(w for i, w in enumerate(weight) if m >> i & 1) / total
            terms[t] = max(terms.get(t, 0.0), cov)

    def _score_chinese(self, q: str, best: dict[int, tuple[float, str]]) -> None:
        from rapidfuzz.fuzz import ratio

        def offer(t: int, score: float, reason: str) -> None:
            if score > best.get(t, (-1.0, ""))[0]:
                best[t] = (score, reason)

        for k in self._candidates(q):
            text, t, kind = self.keys[k], self.key_template[k], self.key_kind[k]
            if text == q:
                offer(t, 100.0, f"{kind}一致：“{text}”")
            elif text in q:
                # A long alias inside the name is strong evidence; a two-character one (宣传) is not.
                base, span = {2: (55, 25), 3: (68, 27)}.get(len(text), (72, 28))
                offer(t, base + span * len(text) / len(q), f"名称包含{kind}“{text}”")
            elif q in text and len(q) >= 2:
                offer(t, 70 + 25 * len(q) / len(text), f"{kind}“{text}”包含所填名称")
            else:
                offer(t, ratio(q, text) * 0.85, f"{kind}相近：“{text}”")
        hits: dict[int, list[str]] = {}
        for j, ch in enumerate(q):
            for kw, t in self.keywords.get(ch, ()):
                if q.startswith(kw, j) and kw not in hits.get(t, []):
                    hits.setdefault(t, []).append(kw)
        for t, kws in hits.items():
            kws.sort(key=len, reverse=True)
            # One key term alone stays under GOOD: 成果转化 alone does not make a 科技成果转化 project.
            score = min(GOOD - 2, 55 + 7 * len(kws[0])) + 5 * (len(kws) - 1)
            prev = best.get(t)
            if prev and prev[0] >= 60:
                # Name evidence and key terms agree: a little more confidence, never past 100.
                offer(t, min(99.0, prev[0] + 3 * len(kws)), prev[1] + f"；关键词“{'、'.join(kws[:3])}”")
            else:
                offer(t, min(95.0, score), f"{_KEYWORD}“{'、'.join(kws[:3])}”")

    def _combine(self, best: dict[int, tuple[float, str]], terms: dict[int, float]) -> None:
        """Word coverage alone stays under GOOD (a shared 发展 or 服务 is not a fit); where the name
        evidence and the coverage agree, the match is surer."""
        for t, cov in terms.items():
            term_score = 35 + 60 * cov
            name_score, reason = best.get(t, (0.0, ""))
            if name_score >= AGREE[0] and cov >= AGREE[1]:
                agreed = min(100.0, max(name_score, min(term_score, GOOD - 1) + AGREE[2]))
                best[t] = (agreed, reason + f"；主要词语相合（{cov:.0%}）" if agreed > name_score else reason)
            elif min(term_score, GOOD - 1) > name_score:
                best[t] = (min(term_score, GOOD - 1), f"{_TERMS}与“{self.templates[t].name}”相合（{cov:.0%}）")

    # --- pinyin ----------------------------------------------------------------------------

    def _pinyin_lists(self) -> list[Any]:
        """[initials joined by newlines, their start offsets, full pinyin joined, its offsets]: built
        once per catalogue text and kept with the parse cache, so a new session needs no pypinyin."""
        if self._pinyin is None:
            from . import tomlcache

            def compute() -> list[Any]:
                from pypinyin import Style, lazy_pinyin

                out: list[Any] = []
                for style in (Style.FIRST_LETTER, Style.NORMAL):
                    words = ["".join(lazy_pinyin(k, style=style)).lower() for k in self.keys]
                    starts, pos = [], 0
                    for w in words:
                        starts.append(pos)
                        pos += len(w) + 1
                    out += ["\n".join(words), starts]
                return out

            self._pinyin = tomlcache.memo("pinyin-2", "\n".join(self.keys), compute)
        return self._pinyin

    def _score_pinyin(self, q: str, best: dict[int, tuple[float, str]]) -> None:
        joined_ini, starts_ini, joined_full, starts_full = self._pinyin_lists()

        def offer(k: int, score: float, reason: str) -> None:
            t = self.key_template[k]
            if score > best.get(t, (-1.0, ""))[0]:
                best[t] = (score, reason)

        # Prefilter: str.find over one joined string runs in C; only keys holding the letters are scored.
        for joined, offsets, full in ((joined_ini, starts_ini, False), (joined_full, starts_full, True)):
            at = joined.find(q)
            seen: set[int] = set()
            while at != -1 and len(seen) < 2000:
                k = bisect.bisect_right(offsets, at) - 1
                end = offsets[k + 1] - 1 if k + 1 < len(offsets) else len(joined)
                size = end - offsets[k]
                if k not in seen:
                    seen.add(k)
                    if at == offsets[k]:
                        score = (100 - max(0, size - len(q)) * (0.3 if full else 0.8))
                        offer(k, max(score, 82.0) if len(q) >= 4 else score - 10, f"拼音“{q}”匹配“{self.keys[k]}”")
                    else:
                        offer(k, 75 - max(0, size - len(q)) * 0.2, f"拼音“{q}”出现在“{self.keys[k]}”中")
                at = joined.find(q, end)

    # --- entry point ------------------------------------------------------------------------

    def search(self, query: str, limit: int, cat: Catalogue | None = None) -> SearchResult:
        from .catalogue import Suggestion

        query = (query or "").strip()
        if not query:
            return SearchResult(query, [], False)
        best: dict[int, tuple[float, str]] = {}
        terms: dict[int, float] = {}
        if _ASCII.fullmatch(query):
            letters = re.sub(r"\s+", "", query).lower()
            self._score_pinyin(letters, best)
            may_fit = len(letters) >= 3  # one or two letters name nothing yet: offered, never a fit
        else:
            for v in _variants(query):
                self._score_chinese(v, best)
                self._score_terms(v, terms)
            self._combine(best, terms)
            may_fit = len(_CJK.findall(query)) >= 2  # digits or symbols alone (123, 🙂) are not a project name
        ranked = heapq.nsmallest(limit, best.items(), key=lambda kv: (-kv[1][0], self.templates[kv[0]].id))
        suggestions = [Suggestion(self.templates[t], round(score, 1), reason, "good" if score >= GOOD else "weak")
                       for t, (score, reason) in ranked]
        if not may_fit:
            for sug in suggestions:
                sug.fit = "weak"
        elif suggestions and suggestions[0].fit == "weak":
            # One template far ahead of every other is a fit even below GOOD (烈士陵园管理维护 →
            # 烈士纪念设施保护管理): the name is about it, only worded differently. Shared words
            # alone must explain nearly all of the name; a key term alone never suffices.
            top, runner_up = suggestions[0], (suggestions[1].score if len(suggestions) > 1 else 0.0)
            evidence_ok = (terms.get(ranked[0][0], 0.0) >= TERMS_WINNER if top.reason.startswith(_TERMS)
                           else not top.reason.startswith(_KEYWORD))
            if evidence_ok and top.score >= CLEAR_WINNER[0] and top.score - runner_up >= CLEAR_WINNER[1]:
                top.fit = "good"
        fits = bool(suggestions) and suggestions[0].fit == "good"
        if fits:  # beside a fit, a template sharing one character (41 points) is noise, not a choice
            suggestions = [s for s in suggestions if s.fit == "good" or s.score >= WEAK_BESIDE_A_FIT]
        result = SearchResult(query, suggestions, fits)
        if not fits and cat is not None:
            result.categories = categories_of(query)
            result.fallbacks = fallbacks(cat, result.categories)
        return result


def _build_keys(templates: list[Template]) -> dict[str, Any]:
    keys: list[str] = []
    key_template: list[int] = []
    key_kind: list[str] = []
    keywords: dict[str, list[tuple[str, int]]] = {}
    for i, t in enumerate(templates):
        seen = set()
        for kind, words in (("名称", [t.name]), ("别名", t.aliases)):
            for w in words:
                n = normalise(w)
                if len(n) >= 2 and n not in seen:
                    seen.add(n)
                    keys.append(n)
                    key_template.append(i)
                    key_kind.append(kind)
        for w in t.keywords:
            if len(w) >= 2:
                keywords.setdefault(w[0], []).append((w, i))
    return {"keys": keys, "key_template": key_template, "key_kind": key_kind, "keywords": keywords}


def _build_postings(templates: list[Template], keys: list[str]) -> dict[str, Any]:
    postings: dict[str, list[int]] = {}
    for k, text in enumerate(keys):
        for bg in {text[j:j + 2] for j in range(len(text) - 1)}:
            postings.setdefault(bg, []).append(k)
    template_postings: dict[str, list[int]] = {}
    for i, t in enumerate(templates):
        words = [normalise(w) for w in [t.name, *t.aliases]] + list(t.keywords)
        for bg in {w[j:j + 2] for w in words for j in range(len(w) - 1)}:
            template_postings.setdefault(bg, []).append(i)
    count = max(1, len(templates))
    idf = {bg: math.log(1 + count / len(ts)) for bg, ts in template_postings.items()}
    return {"postings": postings, "template_postings": template_postings, "idf": idf}


def _variants(query: str) -> list[str]:
    base = normalise(query) or re.sub(r"\s", "", query)
    variants = [base]
    # Words in round brackets often say what the money is for: 委托业务费（审计评审设计）.
    opened = normalise(re.sub(r"[（()）]", "", split_doc_number(query)[0]))
    if opened and opened != base:
        variants.append(opened)
    for abbr, full in SYNONYMS.items():
        for v in list(variants):
            if abbr in v and full not in v:
                variants.append(v.replace(abbr, full))
    return variants[:6]


def categories_of(query: str) -> list[str]:
    """项目类别 the words of a name point to, most specific first."""
    return [c for c, pattern in CATEGORY_WORDS if pattern.search(query)]


def fallbacks(cat: Catalogue, categories: list[str]) -> list[Suggestion]:
    """The 共性 templates to offer when nothing fits: the categories named first, then the main families."""
    from .catalogue import Suggestion, category_label, common_template_id

    order = [c for c in categories if c in cat.common] + [c for c in FALLBACK_FAMILIES if c in cat.common and c not in categories]
    out = []
    for c in order:
        t = cat.templates.get(common_template_id(c))
        if t is not None:
            named = c in categories
            out.append(Suggestion(t, 0.0, f"共性模板（{category_label(c)}）" + ("：名称指向此类" if named else ""), "common"))
    return out
