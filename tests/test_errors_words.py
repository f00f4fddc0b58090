"""Library and system English never reaches a message: TOML errors, OS errors, csv and catalogue limits."""

from __future__ import annotations

import errno
import re

import pytest

from perfdraft.cli import main
from perfdraft.errors import os_reason, toml_reason

_LATIN = re.compile(r"[A-Za-z]{4,}")


@pytest.mark.parametrize("text", ["x = foo\n", "x = [1, 2\n", "x = 1\nx = 2\n", "[a\n", "x = \"abc\n", "x = 1 y = 2\n",
                                  "x = \"\\uD800\"\n", "x = 1979-13-45\n"])
def test_toml_errors_are_said_in_words_with_their_place(text):
    import tomllib

    with pytest.raises(tomllib.TOMLDecodeError) as err:
        tomllib.loads(text)
    what, where = toml_reason(err.value)
    assert not _LATIN.search(what) and where and (where.startswith(("第 1 行", "第 2 行")) or where == "文件末尾")


def test_os_errors_are_said_in_words():
    for code in (errno.ENOEXEC, errno.ELOOP, errno.EROFS, errno.ENOTDIR, errno.EBUSY, errno.EXDEV):
        assert not _LATIN.search(os_reason(OSError(code, "English text")))
    assert os_reason(PermissionError(errno.EACCES, "Permission denied"), writing=False) == "没有读取权限"


def test_check_of_a_broken_draft_says_the_toml_error_in_words(tmp_path, capsys):
    bad = tmp_path / "d.toml"
    bad.write_text('schema = "perfdraft/1"\nyear = 2024 2025\n', encoding="utf-8")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "第 2 行" in err and "一行只能写一个键值" in err and not re.search(r"Expected|newline", err)


def test_a_catalogue_file_nested_too_deep_is_reported_not_a_traceback(tmp_path, capsys):
    cat = tmp_path / "cat"
    cat.mkdir()
    (cat / "deep.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    code = main(["catalogue", "lint", str(cat)])
    err = capsys.readouterr()
    assert code != 0 and "嵌套过深" in err.out + err.err and "Traceback" not in err.out + err.err


def test_a_csv_cell_longer_than_csvs_own_limit_is_read(tmp_path):
    from perfdraft.importers import import_files

    path = tmp_path / "big.csv"
    path.write_text("一级指标,二级指标,三级指标,指标值\n产出指标,数量指标,培训人数,≥600人\n"
                    "产出指标,数量指标," + "长" * 140_000 + ",1\n", encoding="utf-8")
    rows = import_files([path]).draft.projects[0].indicators  # csv's limit raised _csv.Error (a traceback)
    assert (rows[0].name, rows[0].value) == ("培训人数", "≥600人")


def test_a_damaged_or_hostile_office_file_is_refused_in_words(tmp_path):
    """The hostile test: an entity-expansion docx said 'XMLSyntaxError: Maximum entity amplification…'."""
    import zipfile

    from perfdraft.importers import ImportFailed, import_file

    bomb = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
            + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
            + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>')
    cases = {"bomb.docx": {"word/document.xml": bomb, "[Content_Types].xml": "<Types/>"},
             "broken.docx": {"word/document.xml": "<w:document><w:body>", "[Content_Types].xml": "<Types/>"},
             "broken.xlsx": {"xl/workbook.xml": "<workbook><sheets>", "[Content_Types].xml": "<Types/>"}}
    for name, parts in cases.items():
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as zf:
            for part, text in parts.items():
                zf.writestr(part, text)
        try:
            import_file(path)
        except ImportFailed as exc:
            assert not _LATIN.search(str(exc).replace(str(path), "").replace("docx", "").replace("xlsx", "")
                                     .replace("Word", "").replace("Excel", "")), (name, str(exc))
        else:
            raise AssertionError(f"{name} imported")


def test_libreoffices_english_is_said_in_words(tmp_path, monkeypatch, capsys):
    """The hostile test: 'LibreOffice 没有生成 PDF（Error: source file could not be loaded）'."""
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PERFDRAFT_SOFFICE", str(fake))
    from .conftest import SEED_FIXED

    assert main(["export", str(SEED_FIXED), "--to", "pdf", "-o", str(tmp_path / "o.pdf")]) == 2
    err = capsys.readouterr().err
    assert "没有生成 PDF（它打不开要转换的文件）" in err and "Error" not in err
    assert not (tmp_path / "o.pdf").exists()


def test_a_number_out_of_range_is_said_as_it_was_typed(tmp_path, capsys):
    """The hostile test: --set weight=1e999 was refused as “1E+999”, which the user never typed."""
    from perfdraft import drafts

    from .conftest import SEED_FIXED

    path = tmp_path / "d.toml"
    drafts.save(drafts.load(SEED_FIXED), path)
    assert main(["fill", str(path), "--set", "projects[0].indicators[0].weight=1e999"]) == 2
    err = capsys.readouterr().err
    assert "“1e999”" in err and "1E+999" not in err
