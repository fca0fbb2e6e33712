"""Window settings in the user's config folder (appdirs), written atomically.

A settings file that cannot be read is moved aside (never overwritten) and
the app starts with defaults, saying so.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

import appdirs

from ..core.file_modes import follow_umask

APP = "nsp-explorer"


def config_dir() -> Path:
    return Path(os.environ.get("NSP_EXPLORER_CONFIG_DIR") or appdirs.user_config_dir(APP, appauthor=False))


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> tuple[dict, str]:
    """The saved settings, and a message if a broken file had to be set aside."""
    path = settings_path()
    if not path.exists():
        return {}, ""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return data, ""
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        aside = path.with_name(f"settings.broken-{time.strftime('%Y%m%d-%H%M%S')}.json")
        try:
            path.rename(aside)
            where = f"it was kept as {aside.name}"
        except OSError:
            where = "it was left in place"
        return {}, f"Could not read {path} ({exc}); starting with default window settings, {where}."


def read_settings() -> dict | None:
    """The saved settings ({} if there are none), or None if the file cannot be read (left for load_settings to report)."""
    path = settings_path()
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def save_settings(data: dict) -> None:
    """Write the settings atomically: the old file stays whole until the new one is complete."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".settings.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, indent=2, sort_keys=True)
            stream.flush()
            os.fsync(stream.fileno())
        follow_umask(temp)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def remember_setting(key: str, value: object) -> None:
    """Keep one setting for the next run. A settings file that cannot be read is left as it is (the main window
    reports it, and never overwrites it); a write that fails is no error (the next change tries again)."""
    settings = read_settings()
    if settings is None or settings.get(key) == value:
        return
    settings[key] = value
    try:
        save_settings(settings)
    except OSError:
        pass
