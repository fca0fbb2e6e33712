"""One writer at a time for a folder the app rebuilds, and readers that always see it whole.

A folder the app rebuilds (the user's library, a dataset folder) carries three
hidden files of its own:

* ``.nspx-lock``: held exclusively (``flock``) by the one process changing the
  folder, for the whole change; it records that process's id and what it does.
  A second writer is told the folder is busy and by whom. The operating system
  releases the lock when its holder dies, so a lock that can be taken means
  that nobody alive is changing the folder.
* ``.nspx-swap-lock``: held exclusively while new files are moved into place,
  shared by readers while they read; so a reader sees the files before or
  after a change, never some of each.
* ``.nspx-journal.json``: written (atomically) before new files are moved in
  and removed after; it lists every move and deletion. A process killed in the
  middle leaves it behind, and the next process that takes the folder finishes
  the moves (they are all complete files by then): the folder holds the new
  set, whole.

The folder itself is never renamed or replaced, so a folder that is a
symbolic link (a synced folder) keeps its link and its target gets the files.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import DataFileError

LOCK_NAME = ".nspx-lock"
SWAP_LOCK_NAME = ".nspx-swap-lock"
JOURNAL_NAME = ".nspx-journal.json"
STAGING_PREFIX = ".nspx-staging-"
HIDDEN = (LOCK_NAME, SWAP_LOCK_NAME, JOURNAL_NAME)

try:
    import fcntl
except ImportError:  # Windows: byte-range locks of msvcrt, exclusive only
    fcntl = None
    import msvcrt


class FolderBusy(DataFileError):
    """Another process is changing the folder."""


def _open_lock(path: Path, create: bool) -> int | None:
    try:
        return os.open(path, os.O_RDWR | (os.O_CREAT if create else 0), 0o666)
    except OSError:
        return None


def _lock(fd: int, exclusive: bool, wait: bool) -> bool:
    if fcntl is not None:
        flags = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | (0 if wait else fcntl.LOCK_NB)
        try:
            fcntl.flock(fd, flags)
            return True
        except BlockingIOError:
            return False
    while True:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            if not wait:
                return False
            time.sleep(0.05)


def _unlock_and_close(fd: int) -> None:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
        else:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    except OSError:
        pass
    os.close(fd)


def _holder(fd: int) -> tuple[str, str]:
    """What the holder of a lock is doing ("import", "build", …) and who it is, as its lock file says."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        record = json.loads(os.read(fd, 4096).decode("utf-8") or "{}")
        who = f"process {int(record['pid'])} on {record.get('host', '?')}, since {record.get('since', '?')}"
        return str(record.get("purpose") or "change"), who
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return "change", "another process"


@contextmanager
def writing(folder: Path, purpose: str = "import") -> Iterator[None]:
    """Hold ``folder`` for changing it (``purpose`` is what others are told); another writer gets FolderBusy at once.

    On entry, what a killed writer left is dealt with: its journal is finished
    and its staging folders are removed (the lock proves their owner is dead).
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFileError(folder, f"cannot be created: {exc.strerror or exc}") from None
    fd = _open_lock(folder / LOCK_NAME, create=True)
    if fd is None:
        raise DataFileError(folder, "cannot be changed: its lock file cannot be created (is the folder read-only?)")
    if not _lock(fd, exclusive=True, wait=False):
        doing, who = _holder(fd)
        os.close(fd)
        raise FolderBusy(folder, f"busy: another {doing} is running ({who}); try again when it has finished")
    try:
        record = {"pid": os.getpid(), "host": socket.gethostname(), "purpose": purpose, "since": time.strftime("%Y-%m-%d %H:%M:%S")}
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(record).encode("utf-8"))
        finish_interrupted(folder)
        yield
    finally:
        try:
            os.ftruncate(fd, 0)
        except OSError:
            pass
        _unlock_and_close(fd)


@contextmanager
def reading(folder: Path) -> Iterator[None]:
    """Read ``folder`` while no change is being moved into it (waits the few milliseconds a swap takes).

    A change a killed writer left half-moved is finished first if nobody holds
    the folder. A folder that cannot hold a lock (read-only, an installed app)
    is read as it is: nobody can change it either.
    """
    folder = Path(folder)
    if (folder / JOURNAL_NAME).exists():
        try:
            with writing(folder, "repair"):
                pass
        except DataFileError:
            pass  # a live writer holds it and will finish the journal itself
    fd = _open_lock(folder / SWAP_LOCK_NAME, create=folder.is_dir() and os.access(folder, os.W_OK))
    if fd is None:
        yield
        return
    try:
        _lock(fd, exclusive=False, wait=True)
        yield
    finally:
        _unlock_and_close(fd)


def new_staging(folder: Path) -> Path:
    """An empty staging folder inside ``folder``, named for its owner (removed by the next writer if its owner dies)."""
    return Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=folder))


def is_own_file(name: str) -> bool:
    """Files and folders the lock machinery keeps in a folder (never part of what the folder holds)."""
    return name in HIDDEN or name.startswith(STAGING_PREFIX)


def swap_in(folder: Path, staging: Path, installs: list[str], deletions: list[str]) -> None:
    """Move ``installs`` (paths relative to ``staging``) into ``folder`` and delete ``deletions``, as one set.

    Call while holding ``writing(folder)``; every file in ``installs`` must be complete.
    """
    journal = {"staging": staging.name, "installs": installs, "deletions": deletions}
    fd = _open_lock(folder / SWAP_LOCK_NAME, create=True)
    if fd is None:
        raise OSError(f"cannot create {folder / SWAP_LOCK_NAME}")
    try:
        _lock(fd, exclusive=True, wait=True)
        _write_atomically(folder / JOURNAL_NAME, json.dumps(journal).encode("utf-8"))
        _apply(folder, journal)
    finally:
        _unlock_and_close(fd)


def finish_interrupted(folder: Path) -> None:
    """Finish the journal a killed writer left, and remove staging folders whose owners are gone.

    Call only while holding ``writing(folder)``.
    """
    journal_path = folder / JOURNAL_NAME
    if journal_path.exists():
        try:
            journal = json.loads(journal_path.read_text(encoding="utf-8"))
            if not isinstance(journal, dict) or not isinstance(journal.get("staging"), str):
                raise ValueError("not a journal")
        except (OSError, ValueError, RecursionError):
            journal = None  # written atomically, so only a forged or damaged one: the folder is as it was
        if journal is None:
            journal_path.unlink(missing_ok=True)
        else:
            fd = _open_lock(folder / SWAP_LOCK_NAME, create=True)
            try:
                if fd is not None:
                    _lock(fd, exclusive=True, wait=True)
                _apply(folder, journal)
            finally:
                if fd is not None:
                    _unlock_and_close(fd)
    for stale in folder.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(stale, ignore_errors=True)


def _inside(folder: Path, relative: str) -> Path:
    path = folder / relative
    if Path(relative).is_absolute() or ".." in Path(relative).parts:
        raise ValueError(f"{relative!r} is outside the folder")
    return path


def _apply(folder: Path, journal: dict) -> None:
    """Do (or finish) the moves and deletions a journal lists; each step may already be done."""
    staging = _inside(folder, journal["staging"])
    for relative in journal.get("installs", []):
        source, target = _inside(staging, relative), _inside(folder, relative)
        if source.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
    for relative in journal.get("deletions", []):
        _inside(folder, relative).unlink(missing_ok=True)
    _fsync_folder(folder)
    (folder / JOURNAL_NAME).unlink(missing_ok=True)
    shutil.rmtree(staging, ignore_errors=True)


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
