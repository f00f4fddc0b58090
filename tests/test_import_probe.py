"""Layouts the importer was not built on: tables written from knowledge by helpers who never saw the
importer (tests/probe_corpus, provinces the real corpus lacks; synthetic, said so in each note line),
scored against keys written by reading them, and the reader's fixes they led to, each shown on a
small table of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfdraft.importers import NothingPlaced, import_file
from perfdraft.importers.cells import join_page_chunks, split_glued
from perfdraft.model import Draft

from .corpus_scoring import PROBE, PROBE_KEYS, corpus_text, keys, score, totals

PROBE_SET = keys(PROBE_KEYS)


def _import_text(tmp_path: Path, text: str, name: str = "t.txt") -> Draft:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_file(path).draft


def _rows(draft: Draft) -> list[tuple[str | None, str | None]]:
    return [(i.name, i.value) for p in draft.projects for i in p.indicators]


@pytest.fixture(scope="module")
def probe_scores(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("probe")
    out = []
    for stem, key in PROBE_SET:
        path = tmp / key["file"]
        path.write_text(corpus_text(key["file"], PROBE), encoding="utf-8")
        try:
            draft = import_file(path).draft
        except NothingPlaced:
            draft = Draft()
        out.append(score(stem, key, draft))
    return out


def test_every_probe_file_has_a_key_and_says_it_is_synthetic():
    files = sorted(p.name for p in PROBE.glob("*.txt"))
    assert files and [k["file"] for _, k in PROBE_SET] == files
    for name in files:
        note = next(line for line in (PROBE / name).read_text(encoding="utf-8").splitlines() if line.startswith("# note:"))
        assert "synthetic" in note.lower(), name


def test_floor_reached_on_the_probe(probe_scores):
    """What the reader achieves on tables it was not built on (rows 0.82 before the fixes below)."""
    t = totals(probe_scores)
    assert t["rows_right"] >= 0.95, [(s.stem[:5], s.misses) for s in probe_scores if s.misses]
    assert t["level1_right"] >= 0.95, t
    assert t["years_right"] == 1.0, t
    assert all(s.projects <= s.key["projects"] for s in probe_scores)


# --- the fixes, one table each --------------------------------------------------------------------------------

def test_an_operator_in_the_direction_column_is_the_values_sign(tmp_path):
    """上海 prints ≥ / ≤ / = under 指标方向; they were dropped (≥30个 read as 30个)."""
    cells = ["项目名称", "垃圾分类项目", "一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "指标值", "计量单位",
             "产出指标", "数量指标", "示范小区创建数量", "定量", "≥", "30", "个",
             "时效指标", "项目完成时间", "定量", "≤", "12", "月",
             "满意度指标", "服务对象满意度指标", "居民满意度", "定量", "≥", "90", "%"]
    assert _rows(_import_text(tmp_path, "\n".join(cells) + "\n")) == [
        ("示范小区创建数量", "≥30个"), ("项目完成时间", "≤12月"), ("居民满意度", "≥90%")]
    piped = "\n".join(["项目名称 | 垃圾分类项目 |",
                       "一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标方向 | 指标值 | 计量单位 |",
                       "产出指标 | 数量指标 | 示范小区创建数量 | 定量 | ≥ | 30 | 个 |",
                       "产出指标 | 质量指标 | 达标率 | 定量 | = | 100 | % |",
                       "满意度指标 | 服务对象满意度指标 | 居民满意度 | 定量 | ≥ | 90 | % |"])
    assert _rows(_import_text(tmp_path, piped, "p.txt")) == [
        ("示范小区创建数量", "≥30个"), ("达标率", "=100%"), ("居民满意度", "≥90%")]
    as_csv = piped.replace(" | ", ",").replace(" |", "")  # a csv (or xlsx, docx) goes through the row reader
    assert _rows(_import_text(tmp_path, as_csv, "p.csv")) == [
        ("示范小区创建数量", "≥30个"), ("达标率", "=100%"), ("居民满意度", "≥90%")]


@pytest.mark.parametrize("tail", ["上一篇：某局2025年部门预算", "下一篇:关于农村公路工作情况的通报",
                                  "某局2025年项目支出绩效目标表.xls", "填报说明:分值合计90分,预算执行率10分另计。"])
def test_page_links_and_notes_after_the_table_are_no_rows(tmp_path, tail):
    cells = ["项目名称 | 送戏下乡 |", "一级指标 | 二级指标 | 三级指标 | 指标值 |",
             "产出指标 | 数量指标 | 演出场次 | ≥20场 |", "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |", tail]
    assert _rows(_import_text(tmp_path, "\n".join(cells))) == [("演出场次", "≥20场"), ("群众满意度", "≥90%")]


def test_an_implementation_period_column_leaves_the_year_value(tmp_path):
    """区域绩效目标表: 实施期指标值 beside 年度指标值 (an unknown header read nothing at all)."""
    cells = ["项目名称", "国土绿化项目", "一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值",
             "产出指标", "数量指标", "完成人工造林面积", "≥3万亩", "≥1万亩",
             "质量指标", "当年造林成活率", "≥80%", "≥85%",
             "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "≥90%"]
    draft = _import_text(tmp_path, "\n\n".join(cells) + "\n")
    assert _rows(draft) == [("完成人工造林面积", "≥1万亩"), ("当年造林成活率", "≥85%"), ("群众满意度", "≥90%")]
    assert draft.projects[0].name == "国土绿化项目"


GLUED_CHUNKS = (
    "《某校2024年项目支出绩效目标表.doc》由会员分享,可在线阅读,更多相关请在文库站上搜索。\n"
    "1、某县教师进修学校2024年项目支出绩效目标表项目名称2024年中小学教师全员培训项目主管部门某县教育局实施单位"
    "某县教师进修学校年度绩效目标组织全县中小学教师开展全员培训,全年培训不少于500人次,提升农村学校教师课堂教学能力"
    "绩效指标一级指标二级指标三级指标指标值产出指标数量指标培训人次≥500人次开展送教下乡活动≥12次质量指标参训教师考核合格率\n"
    "2、≥95%成本指标培训费标准≤350元/人·天效益指标社会效益指标参训教师教育教学能力显著提升可持续影响指标"
    "对全县基础教育质量的持续影响长期满意度指标服务对象满意度指标参训教师满意度≥90%单位负责人:财务负责人:填表人:\n")


def test_a_document_sites_numbered_chunks_are_joined_back(tmp_path):
    """A value cut off its name by the site's '2、' chunk break, a unit 元/人·天, word values glued
    before the next level word, and a sign-off glued after the last value."""
    assert _rows(_import_text(tmp_path, GLUED_CHUNKS)) == [
        ("培训人次", "≥500人次"), ("开展送教下乡活动", "≥12次"), ("参训教师考核合格率", "≥95%"),
        ("培训费标准", "≤350元/人·天"), ("参训教师教育教学能力", "显著提升"),
        ("对全县基础教育质量的持续影响", "长期"), ("参训教师满意度", "≥90%")]


def test_a_numbered_list_of_goals_is_not_joined():
    goals = ("1、" + "组织全县中小学教师开展全员培训提升课堂教学能力" * 4 + "。\n2、" + "开展送教下乡活动" * 3 + "。\n")
    assert join_page_chunks(goals) == (goals, False)
    short = "1、产出指标数量指标培训人次\n2、≥500人次\n"  # short lines: no document site cuts a chunk that small
    assert join_page_chunks(short) == (short, False)


def test_a_unit_does_not_eat_the_next_level_word():
    assert split_glued("改善办学条件13生态效益指标绿化面积≥200平方米") == [
        "改善办学条件", "13", "生态效益指标", "绿化面积", "≥200平方米"]
