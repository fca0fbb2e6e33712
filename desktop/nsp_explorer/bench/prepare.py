"""Load a dataset once, so that its binary cache exists before ``nspx bench`` times anything."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dataset")
    args = parser.parse_args(argv)
    from ..gui.app import load

    load(Path(args.dataset) if args.dataset else None, with_library=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
