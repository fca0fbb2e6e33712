"""Files the app hands to people get the permissions the user's umask gives, like any other program's.

``tempfile`` makes files 600 and folders 700 (right for a temporary file, wrong
for a seminar pack a colleague on a shared drive must open), so what is
written through a temporary name is given the umask's modes before it is
renamed into place.
"""

from __future__ import annotations

import os
from pathlib import Path


def current_umask() -> int:
    """The process's umask, read without changing it (Linux), else by setting and restoring it."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def follow_umask(path: Path | str, directory: bool = False) -> None:
    """Give a file 666, or a folder 777, less the umask (what ``open`` and ``mkdir`` would have made)."""
    try:
        os.chmod(path, (0o777 if directory else 0o666) & ~current_umask())
    except OSError:
        pass  # a file system without permissions (FAT, some network drives): nothing to follow
