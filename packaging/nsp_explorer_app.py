"""Entry point of the frozen bundle: the same as the installed `nsp-explorer` command."""

import sys

from nsp_explorer.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
