"""Entry point of the packaged desktop (the same as the `esh-desktop` command)."""

import sys

from desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
