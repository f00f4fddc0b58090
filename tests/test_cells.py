"""One cell-width function (perfdraft.cells) behind the renderer, the exporters and the importers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perfdraft import cells, render
from perfdraft.exporters import char_units, text_units
from perfdraft.importers.text import _split_spaces, _width

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # man ZWJ woman ZWJ girl: one glyph
CASES = [
    ("养老保险", 8),                 # CJK ideographs: 2 each
    ("ＡＢ１", 6),                   # full-width forms
    ("\u3000", 2),                   # ideographic space
    ("abc 123", 7),
    ("e\u0301", 1),                  # e + combining acute
    ("\u0301", 0),                   # a lone combining mark
    ("中\u200b文", 4),               # zero-width space
    ("\ufeffx", 1),                  # BOM / zero-width no-break space
    ("\U0001f44d", 2),               # thumbs up
    (FAMILY, 2),                     # ZWJ sequence
    ("\u263a\ufe0f", 2),             # text-default symbol + VS16: emoji presentation
    ("\U0001f1e8\U0001f1f3", 2),     # regional indicator pair (flag)
    ("≥95%", 4),                     # ambiguous: one cell in a terminal
    ("x\x07", 1),                    # control character: no cell
]


@pytest.mark.parametrize("text,cells_wide", CASES)
def test_width(text, cells_wide):
    assert cells.width(text) == cells_wide


@pytest.mark.parametrize("text,cells_wide", CASES)
def test_renderer_and_importer_measure_with_it(text, cells_wide):
    assert render.cell_len(text) == cells_wide
    assert _width(text) == cells_wide


def test_ambiguous_wide_for_office_fonts():
    # CJK fonts in Word/Excel draw ≥ ≤ “ ” … full width; the exporters size columns with that.
    assert cells.width("≥95%", ambiguous=2) == 5
    assert cells.width("“好”…", ambiguous=2) == 8
    assert cells.width("e\u0301", ambiguous=2) == 1  # a combining mark is "ambiguous" too, yet zero
    assert char_units("≥") == 2.0 and char_units("中") == 2.0 and char_units("a") == 1.0
    assert char_units("\u200b") == 0.0 and char_units("\u0301") == 0.0
    assert text_units("中文\n" + FAMILY + "abc") == 5.0  # the longest line; the family is one glyph


def test_graphemes_keep_clusters_whole():
    text = "a" + FAMILY + "e\u0301中"
    parts = list(cells.graphemes(text))
    assert parts == [("a", 1), (FAMILY, 2), ("e\u0301", 1), ("中", 2)]
    assert "".join(g for g, _ in parts) == text
    assert sum(w for _, w in parts) == cells.width(text)


def test_wrap_and_truncate_never_split_a_cluster():
    text = (FAMILY + "e\u0301") * 6
    for w in range(2, 12):
        lines = render.wrap(text, w)
        assert "".join(lines) == text
        assert all(render.cell_len(ln) <= w for ln in lines)
        assert all(not ln.startswith(("\u200d", "\u0301")) for ln in lines)
    cut = render.truncate(text, 7)
    assert cut.endswith("…") and render.cell_len(cut) <= 7
    assert cut[:-1] == (FAMILY + "e\u0301") * 2  # 2+1+2+1 = 6 cells, then the ellipsis


def test_grid_lines_equal_width_with_marks_and_emoji():
    rows = [["e\u0301te\u0301", "中\u200b文"], [FAMILY + " 家庭", "≥95%"]]
    lines = render.grid(["名称", "值"], rows, [8, 6])
    assert len({render.cell_len(ln) for ln in lines}) == 1, lines


def test_text_import_columns_after_wide_and_zero_width_text():
    # Column positions are cells: a combining accent and a zero-width space before a cell move nothing.
    assert _split_spaces("中文  x") == [(0, "中文"), (6, "x")]
    assert _split_spaces("e\u0301\u200bab  x") == [(0, "e\u0301\u200bab"), (5, "x")]


# Code points from every kind the tables treat differently: ASCII and controls, Latin and combining
# marks, CJK, full-width forms, ambiguous signs, zero-width ones, astral emoji and ideographs.
ALPHABET = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x2FF),
    st.characters(min_codepoint=0x300, max_codepoint=0x36F),
    st.characters(min_codepoint=0x2000, max_codepoint=0x2BFF),
    st.characters(min_codepoint=0x3000, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0xFE00, max_codepoint=0xFFFF),
    st.characters(min_codepoint=0x1F000, max_codepoint=0x1FAFF),
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),
    st.sampled_from(["\u200b", "\u200d", "\ufe0f", "\u00ad", "\t"]),
)


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(st.text(ALPHABET, max_size=40))
def test_fast_count_agrees_with_rich(text):
    import unicodedata

    from rich.cells import cell_len, get_character_cell_size

    assert cells.width(text) == cell_len(text)
    if not cells._SLOW.search(text):  # the classes, whichever path width() took for this call
        assert cells._fast_width(text) == cell_len(text)
    wide_ambiguous = sum(1 for ch in text if unicodedata.east_asian_width(ch) == "A" and get_character_cell_size(ch) == 1)
    assert cells.width(text, ambiguous=2) == cell_len(text) + wide_ambiguous


def test_a_glued_row_keeps_a_bracketed_unit_and_its_word_value_at_the_end():
    # round pn: '≥85万头(只)' lost its (只) to the next name; '…风险有效降低' after a row's value and
    # '…的影响无' before the next level word kept their values in their names
    from perfdraft.importers.cells import split_glued

    cells = split_glued("数量指标口蹄疫免疫数量≥85万头(只)高致病性禽流感免疫数量≥420万羽社会效益指标区域性重大动物疫情发生次数0次"
                        "人畜共患病发生风险有效降低生态效益指标动物防疫对生态环境的影响无可持续影响指标动物防疫长效机制逐步健全")
    assert cells[:3] == ["数量指标", "口蹄疫免疫数量", "≥85万头(只)"]
    assert ["人畜共患病发生风险", "有效降低"] == cells[cells.index("0次") + 1:cells.index("0次") + 3]
    assert ["动物防疫对生态环境的影响", "无"] == cells[cells.index("生态效益指标") + 1:cells.index("生态效益指标") + 3]
