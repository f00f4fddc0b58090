"""perfdraft's command line speaks Chinese: -h, usage and argparse's own errors (issue 18)."""

import subprocess
import sys

import pytest

from perfdraft.argparse_zh import translate
from perfdraft.commands import build_parser

from .conftest import ROOT

ENGLISH = ("show this help message", "usage:", "options:", "positional arguments", "error:", "invalid choice",
           "the following arguments are required", "unrecognized arguments", "expected one argument")


def _run(*args):
    return subprocess.run([sys.executable, "-m", "perfdraft", *args], capture_output=True, text=True, cwd=ROOT, timeout=60)


@pytest.mark.parametrize("args", [["-h"], ["check", "-h"], ["catalogue", "search", "-h"], ["export", "--help"]])
def test_help_has_no_english_scaffolding(args):
    r = _run(*args)
    assert r.returncode == 0
    assert "用法：" in r.stdout and "显示本帮助并退出" in r.stdout
    assert not any(e in r.stdout for e in ENGLISH), r.stdout


@pytest.mark.parametrize("args, words", [
    (["check"], "缺少参数：FILE_OR_DIR"),
    (["frob"], "无效的选择 'frob'"),
    (["show", "x.toml", "--project", "y"], "'y' 不是有效的整数"),
    (["edit", "x.toml", "--bogus"], "无法识别的参数：--bogus"),
    (["show", "x.toml", "--project"], "参数 --project 后面需要一个值"),
    # --limit 0 printed one result anyway (hostile round 5, C)
    (["catalogue", "search", "医疗", "--limit", "0"], "参数 --limit：“0”应为正整数"),
    (["catalogue", "search", "医疗", "--limit", "八"], "参数 --limit：“八”不是正整数"),
])
def test_errors_are_chinese_with_usage_and_exit_2(args, words):
    r = _run(*args)
    assert r.returncode == 2
    assert words in r.stderr and "用法：" in r.stderr and "错误：" in r.stderr
    assert not any(e in r.stderr for e in ENGLISH), r.stderr


def test_parser_help_and_unknown_messages():
    parser = build_parser()
    assert parser.format_help().startswith("用法：")
    assert translate("something new") == "something new"  # shown as argparse wrote it, not lost
