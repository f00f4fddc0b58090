import os
import subprocess
import sys
from decimal import Decimal

import pytest

from perfdraft import drafts, drafts_unknown
from perfdraft.model import Budget, Draft, Project

from .conftest import SEED


def test_roundtrip_is_lossless(tmp_path, seed_draft):
    out = tmp_path / "d.toml"
    drafts.save(seed_draft, out)
    again = drafts.load(out)
    assert drafts.to_dict(again) == drafts.to_dict(seed_draft)
    assert again.projects[0].budget.total == Decimal("1600000.00")
    assert again.projects[0].budget.other is None  # blank stays blank
    assert again.projects[3].spending_plan is None
    assert "\n\n" in again.department.safeguards


def test_seed_fixture_shape(seed_draft):
    assert len(seed_draft.projects) == 8
    assert sum(len(p.indicators) for p in seed_draft.projects) == 34
    assert seed_draft.projects[0].indicators[6].value == "100100%"


def test_multiline_cjk_and_special_strings(tmp_path):
    d = Draft(year=2021, projects=[Project(name='含"引号"与\\反斜杠', purpose="第一段\n\n第二段 “全角” \t tab", goal='"""三引号"""',
                                           budget=Budget(Decimal("0.10"), Decimal("0.10"), Decimal(0)))])
    p = tmp_path / "x.toml"
    drafts.save(d, p)
    assert drafts.to_dict(drafts.load(p)) == drafts.to_dict(d)


def test_save_keeps_backup_and_leaves_no_temp(tmp_path, seed_draft):
    p = tmp_path / "d.toml"
    drafts.save(seed_draft, p)
    first = p.read_bytes()
    seed_draft.projects[0].goal = "新的目标"
    drafts.save(seed_draft, p)
    assert drafts.backup_path(p).read_bytes() == first
    assert drafts.load(drafts.backup_path(p)).projects[0].goal != "新的目标"
    assert not list(tmp_path.glob(".*tmp*"))


def test_refuses_to_overwrite_unparseable_file(tmp_path, seed_draft):
    p = tmp_path / "d.toml"
    p.write_text("this is = = not toml\n", "utf-8")
    with pytest.raises(drafts.DraftError, match="无法解析"):
        drafts.save(seed_draft, p)
    assert p.read_text("utf-8") == "this is = = not toml\n"


@pytest.mark.parametrize(
    "content, message",
    [
        ("schema = 'perfdraft/1'\nyear = \n", "第 2 行"),
        ("year = 2020\n", "缺少 schema"),
        ("schema = 'perfdraft/9'\n", "更新版本"),
        ("schema = 'perfdraft/1'\nprojects = 3\n", "应为表数组"),
        ("schema = 'perfdraft/1'\n[[projects]]\nbudget = { total = 'abc' }\n", "projects[0].budget.total"),
        ("schema = 'perfdraft/1'\nframework = 'x'\n", "framework"),
        ("schema = 'perfdraft/1'\n[[projects]]\nname = 3.5\n", None),
    ],
)
def test_bad_drafts_give_one_clear_line(tmp_path, content, message):
    p = tmp_path / "bad.toml"
    p.write_text(content, "utf-8")
    try:
        drafts.load(p)
    except drafts.DraftError as exc:
        text = str(exc)
        assert "\n" not in text and str(p) in text
        if message:
            assert message in text
    else:
        assert message is None


def test_missing_and_binary(tmp_path):
    with pytest.raises(drafts.DraftError, match="不存在"):
        drafts.load(tmp_path / "none.toml")
    junk = tmp_path / "junk.toml"
    junk.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(drafts.DraftError, match="UTF-8"):
        drafts.load(junk)


def test_lock_names_holder_and_stale_takeover(tmp_path):
    p = tmp_path / "d.toml"
    drafts.save(Draft(year=2021), p)
    # A live holder: another process.
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        lp = drafts.lock_path(p)
        import json
        import socket

        lp.write_text(json.dumps({"user": "zhang", "host": socket.gethostname(), "pid": holder.pid, "since": 0}))
        with pytest.raises(drafts.DraftLocked) as info:
            drafts.acquire_lock(p)
        assert "zhang@" in str(info.value) and str(holder.pid) in str(info.value)
    finally:
        holder.kill()
        holder.wait()
    lock = drafts.acquire_lock(p)  # the holder is dead now: taken over with a notice
    assert lock.notice and "已接管" in lock.notice
    lock.release()
    assert not drafts.lock_path(p).exists()


def test_lock_file_is_json_naming_this_process(tmp_path, monkeypatch):
    import json

    from perfdraft import locks

    monkeypatch.setattr(locks, "_user", lambda: '张三 "q" \\ \u2028')  # anything a user name may hold
    p = tmp_path / "d.toml"
    lock = drafts.acquire_lock(p)
    held = json.loads(drafts.lock_path(p).read_text("utf-8"))
    assert held["user"] == '张三 "q" \\ \u2028' and held["pid"] == os.getpid()
    assert isinstance(held["since"], float) and held["host"]
    lock.release()


def test_lock_is_reentrant_for_same_process(tmp_path):
    p = tmp_path / "d.toml"
    a = drafts.acquire_lock(p)
    b = drafts.acquire_lock(p)
    assert b.notice is None
    a.release()


def test_read_only_directory(tmp_path, seed_draft):
    if os.geteuid() == 0:
        pytest.skip("root can write to read-only directories")
    d = tmp_path / "ro"
    d.mkdir()
    d.chmod(0o500)
    try:
        with pytest.raises(drafts.DraftError, match="不可写"):
            drafts.save(seed_draft, d / "x.toml")
    finally:
        d.chmod(0o700)


def test_seed_file_is_demo():
    """The demo is the seed fixture without the fixture's developer comments: a newcomer's first screen
    does not open with a warning that comments they never wrote will not be kept."""
    from importlib import resources

    demo = resources.files("perfdraft.data").joinpath("demo.toml").read_text("utf-8")
    assert drafts.loads(demo) == drafts.load(SEED)
    assert drafts_unknown.comment_lines(demo) == []


def test_draft_numbers_are_bounded_above_what_can_be_typed():
    from perfdraft import numbers

    assert numbers.MAX_MONEY < Decimal(10) ** drafts.MAX_MAGNITUDE
    assert drafts.check_number(Decimal(10) ** drafts.MAX_MAGNITUDE) and not drafts.check_number(numbers.MAX_MONEY * 10)
    assert drafts.check_number(Decimal("1e40")) and drafts.check_number(Decimal("1e-9999999"))


def test_leftover_temp_files_of_a_killed_save_are_removed_and_no_others(tmp_path):
    import subprocess
    import sys

    from perfdraft import drafts_io

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    draft = tmp_path / "[1].toml"
    mine = [tmp_path / f".[1].toml.tmp-{pid}", tmp_path / f".[1].toml.bak.tmp-{pid}"]
    others = [tmp_path / f".1.toml.tmp-{pid}",  # another draft's, which a glob "[1]" would have matched
              tmp_path / f".[1].toml.tmp-{os.getpid()}",  # a save under way in a live process
              tmp_path / "[1].toml.tmp-note.txt"]  # a user's file that only looks alike
    for f in (*mine, *others):
        f.write_text("x", "utf-8")
    removed = drafts_io.cleanup_temp_files(draft)
    assert sorted(removed) == sorted(mine)
    assert all(f.exists() for f in others) and not any(f.exists() for f in mine)
