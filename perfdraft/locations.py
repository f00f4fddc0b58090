"""Where perfdraft keeps its config, history and recent-drafts list (XDG via platformdirs), and the
demo draft's temporary copy."""

from __future__ import annotations

import os
from pathlib import Path


def _dirs():
    from platformdirs import PlatformDirs

    return PlatformDirs("perfdraft", appauthor=False)


def config_dir() -> Path:
    return Path(os.environ.get("PERFDRAFT_CONFIG_DIR") or _dirs().user_config_dir)


def data_dir() -> Path:
    return Path(os.environ.get("PERFDRAFT_DATA_DIR") or _dirs().user_data_dir)


def cache_dir() -> Path:
    return Path(os.environ.get("PERFDRAFT_CACHE_DIR") or _dirs().user_cache_dir)


def history_file() -> Path:
    return data_dir() / "line-history"


def recent_file() -> Path:
    return data_dir() / "recent.txt"


def user_catalogue_dir() -> Path:
    return config_dir() / "catalogue"


def all_locations() -> dict[str, Path]:
    return {
        "配置目录 (config)": config_dir(),
        "数据目录 (data)": data_dir(),
        "行模式历史 (history)": history_file(),
        "最近草稿 (recent)": recent_file(),
        "本单位指标库 (catalogue)": user_catalogue_dir(),
        "缓存 (cache)": cache_dir(),
    }


def _read_recent() -> list[str]:
    """The recent list's lines; a line that is not UTF-8 (or holds a NUL) is skipped: a damaged
    recent.txt broke every session with UnicodeDecodeError (issue 19, item 8)."""
    try:
        raw = recent_file().read_bytes()[:1_000_000]
    except OSError:
        return []
    out = []
    for line in raw.splitlines():
        try:
            text = line.decode("utf-8").strip()
        except UnicodeDecodeError:
            continue
        if text and "\x00" not in text:
            out.append(text)
    return out


def remember(path: Path, limit: int = 10) -> None:
    """Add a draft to the recent list (most recent first). Failure to record is not an error.

    Written via a temp file and a rename, so a full disk or a kill never leaves half a list."""
    try:
        f = recent_file()
        f.parent.mkdir(parents=True, exist_ok=True)
        entry = str(path.resolve())
        items = [entry] + [x for x in _read_recent() if x != entry]
        tmp = f.with_name(f".{f.name}.tmp-{os.getpid()}")
        tmp.write_text("\n".join(items[:limit]) + "\n", "utf-8")
        os.replace(tmp, f)
    except (OSError, ValueError, UnicodeError):
        pass


def recent(limit: int = 10) -> list[Path]:
    return [Path(x) for x in _read_recent()][:limit]


_DEMO_DIRS: set[Path] = set()  # this process's demo copies, removed at its exit


def is_demo_copy(path: Path) -> bool:
    """A draft in one of this process's demo directories: gone when the process ends."""
    return path.parent in _DEMO_DIRS


def demo_copy() -> Path:
    """A fresh copy of the seed draft in a temporary directory: never inside the installed package.

    The directory (with the lock, backups and exports written beside the draft) is removed when
    this process exits, also on SIGHUP/SIGTERM, which both front-ends turn into a normal exit.
    """
    import atexit  # here, not at the top: only the demo needs them, and every start-up imports this module
    import shutil
    import tempfile

    target_dir = Path(tempfile.mkdtemp(prefix="perfdraft-demo-"))
    atexit.register(shutil.rmtree, target_dir, ignore_errors=True)
    _DEMO_DIRS.add(target_dir)
    target = target_dir / "顺平县社保局-2020-示例.toml"
    target.write_bytes(_demo_bytes())
    return target


def _demo_bytes() -> bytes:
    """The demo draft shipped in the package: read beside this file, as every normal install has it;
    importlib.resources (12 ms of start-up for its zip support) only for a package that is not on disk."""
    beside_us = Path(__file__).with_name("data") / "demo.toml"
    try:
        return beside_us.read_bytes()
    except OSError:
        from importlib import resources

        return resources.files("perfdraft.data").joinpath("demo.toml").read_bytes()
