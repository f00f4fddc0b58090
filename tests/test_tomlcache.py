"""The parsed-TOML cache behind the catalogue: same result as tomllib, never trusted when damaged."""

from __future__ import annotations

import os
import tomllib

import pytest

from perfdraft import catalogue, tomlcache

TEXT = 'a = "一"\n[t]\nb = [1, 2.5, true]\n'


def entries():
    d = tomlcache.cache_dir()
    return sorted(d.glob("*.marshal")) if d.is_dir() else []


def test_second_parse_comes_from_the_cache_and_equals_tomllib(monkeypatch):
    assert tomlcache.loads(TEXT) == tomllib.loads(TEXT)
    assert len(entries()) == 1
    monkeypatch.setattr(tomlcache.tomllib, "loads", lambda text: pytest.fail("parsed again"))
    assert tomlcache.loads(TEXT) == {"a": "一", "t": {"b": [1, 2.5, True]}}


def test_an_edited_text_misses_the_cache():
    tomlcache.loads(TEXT)
    assert tomlcache.loads(TEXT + "c = 3\n")["t"]["c"] == 3
    assert len(entries()) == 2


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage"])
def test_a_damaged_entry_is_ignored_and_rewritten(damage):
    tomlcache.loads(TEXT)
    (entry,) = entries()
    blob = entry.read_bytes()
    entry.write_bytes({"truncate": blob[:-3], "flip": blob[:-1] + bytes([blob[-1] ^ 1]), "empty": b"",
                       "garbage": os.urandom(len(blob))}[damage])
    assert tomlcache.loads(TEXT) == tomllib.loads(TEXT)
    assert entry.read_bytes() == blob


def test_a_bad_text_still_raises_and_is_not_cached():
    with pytest.raises(tomllib.TOMLDecodeError):
        tomlcache.loads("a = \n")
    assert entries() == []


def test_dates_are_parsed_but_not_cached():
    assert tomlcache.loads("d = 2020-01-01\n")["d"].year == 2020
    assert entries() == []


@pytest.mark.slow
def test_an_unwritable_cache_only_costs_speed(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("PERFDRAFT_CACHE_DIR", str(blocker))  # a file where the directory should be
    assert tomlcache.loads(TEXT) == tomllib.loads(TEXT)
    assert catalogue.load().templates


@pytest.mark.slow
def test_catalogue_from_the_cache_equals_the_catalogue_parsed():
    cold = catalogue.load()
    assert len(entries()) >= 20
    warm = catalogue.load()
    assert warm.templates == cold.templates and warm.common == cold.common
    assert not list(tomlcache.cache_dir().glob(".*.tmp"))


def test_old_entries_are_pruned_past_the_limit(monkeypatch):
    monkeypatch.setattr(tomlcache, "MAX_ENTRIES", 6)
    for i in range(6):
        tomlcache.loads(f"n = {i}\n")
        os.utime(_entry_of(f"n = {i}\n"), (1000 + i, 1000 + i))
    assert len(entries()) == 6
    tomlcache.loads("n = 99\n")  # the seventh: the oldest four go, the newest two and this one stay
    kept = {e.name for e in entries()}
    assert kept == {_entry_of(t).name for t in ("n = 4\n", "n = 5\n", "n = 99\n")}


def _entry_of(text: str):
    return tomlcache.cache_dir() / f"{tomlcache._digest(text.encode()).hex()}.marshal"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_an_entry_others_could_write_is_not_trusted_and_is_remade_private(monkeypatch):
    old_umask = os.umask(0o002)  # user-private groups: files come out group-writable
    try:
        tomlcache.loads(TEXT)
    finally:
        os.umask(old_umask)
    (entry,) = entries()
    assert entry.stat().st_mode & 0o777 == 0o600
    entry.chmod(0o666)
    expected = tomllib.loads(TEXT)
    parsed = []
    real = tomlcache.tomllib.loads
    monkeypatch.setattr(tomlcache.tomllib, "loads", lambda text: parsed.append(1) or real(text))
    assert tomlcache.loads(TEXT) == expected and parsed == [1]
    assert entry.stat().st_mode & 0o777 == 0o600


def test_a_symlink_planted_at_the_temp_name_is_not_written_through(tmp_path):
    target = tmp_path / "victim"
    target.write_bytes(b"keep")
    d = tomlcache.cache_dir()
    d.mkdir(parents=True)
    entry = _entry_of(TEXT)
    (d / f".{entry.name}.tmp-{os.getpid()}").symlink_to(target)
    assert tomlcache.loads(TEXT) == tomllib.loads(TEXT)
    assert target.read_bytes() == b"keep" and entry.is_file() and not entry.is_symlink()


def test_an_entry_renamed_to_another_key_is_not_trusted(monkeypatch):
    """Issue 19 item 12: the key is bound into the entry, so a planted copy under another key fails."""
    other = 'a = "planted"\n'
    tomlcache.loads(other)
    tomlcache.loads(TEXT)
    planted, target = _entry_of(other), _entry_of(TEXT)
    target.write_bytes(planted.read_bytes())  # same owner, same mode, valid payload digest: only the key differs
    expected = tomllib.loads(TEXT)
    parsed = []
    real = tomlcache.tomllib.loads
    monkeypatch.setattr(tomlcache.tomllib, "loads", lambda text: parsed.append(1) or real(text))
    assert tomlcache.loads(TEXT) == expected and parsed == [1]
    assert tomlcache.loads(other) == {"a": "planted"}  # the real entry still serves its own key


def test_memo_caches_derived_data_by_source_and_binds_the_kind():
    calls = []
    assert tomlcache.memo("k1", "src", lambda: calls.append(1) or [1, 2]) == [1, 2]
    assert tomlcache.memo("k1", "src", lambda: calls.append(1) or [9]) == [1, 2] and calls == [1]
    assert tomlcache.memo("k2", "src", lambda: [3]) == [3]  # another kind over the same source is another entry
