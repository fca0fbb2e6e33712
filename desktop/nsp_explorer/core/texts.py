"""Many strings held as one UTF-8 block and its offsets: compact, memory-mappable, searchable.

A million passages as Python strings cost about twice their text in memory
and seconds to create; as one block they cost their text, load from a cache
file without being read, and a phrase is found in all of them by one scan.
"""

from __future__ import annotations

import mmap
from bisect import bisect_right
from pathlib import Path

import numpy as np


class TextColumn:
    """Text number ``i`` is ``block[offsets[i]:offsets[i + 1]]`` decoded."""

    def __init__(self, block, offsets: np.ndarray):
        self.block = block  # bytes or a read-only mmap
        self.offsets = offsets
        self._ends: list[int] | None = None

    @classmethod
    def of(cls, texts) -> TextColumn:
        encoded = [t.encode("utf-8") for t in texts]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(b) for b in encoded], out=offsets[1:])
        return cls(b"".join(encoded), offsets)

    @classmethod
    def open(cls, block_path: Path, offsets: np.ndarray) -> TextColumn:
        """Map a block file without reading it: only the texts looked at are paged in."""
        if block_path.stat().st_size == 0:
            return cls(b"", offsets)
        with block_path.open("rb") as handle:
            return cls(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ), offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i: int) -> str:
        return self.block[self.offsets[i] : self.offsets[i + 1]].decode("utf-8")

    def take(self, rows) -> list[str]:
        return [self[i] for i in rows]

    def rows_containing(self, phrase: str) -> np.ndarray:
        """Which texts contain the phrase (already case-folded by the caller for a case-free search).

        One scan of the block: after a hit the scan jumps to the next text, so
        a common word costs one step per text, not one per occurrence. An
        occurrence that runs over the end of a text does not count.
        """
        found = np.zeros(len(self), dtype=bool)
        key = phrase.encode("utf-8")
        if not key or not len(self):
            return found
        if self._ends is None:
            self._ends = self.offsets.tolist()  # bisect on a list beats numpy for one value at a time
        block, ends = self.block, self._ends
        at = block.find(key)
        while at >= 0:
            row = bisect_right(ends, at) - 1
            if at + len(key) <= ends[row + 1]:
                found[row] = True
                at = block.find(key, ends[row + 1])
            else:
                at = block.find(key, at + 1)
        return found

    def save(self, block_path: Path) -> np.ndarray:
        block_path.write_bytes(self.block if isinstance(self.block, bytes) else bytes(self.block))
        return self.offsets
