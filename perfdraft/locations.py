"""Where perfdraft keeps its config, history and recent-drafts list (XDG via platformdirs)."""

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


def remember(path: Path, limit: int = 10) -> None:
    """Add a draft to the recent list (most recent first). Failure to record is not an error."""
    try:
        f = recent_file()
        f.parent.mkdir(parents=True, exist_ok=True)
        old = [line for line in f.read_text("utf-8").splitlines() if line] if f.exists() else []
        entry = str(path.resolve())
        items = [entry] + [x for x in old if x != entry]
        f.write_text("\n".join(items[:limit]) + "\n", "utf-8")
    except OSError:
        pass


def recent(limit: int = 10) -> list[Path]:
    f = recent_file()
    if not f.exists():
        return []
    try:
        return [Path(x) for x in f.read_text("utf-8").splitlines() if x][:limit]
    except OSError:
        return []
