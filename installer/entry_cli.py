"""Entry point of the bundled ``workstation`` command."""

import sys

from workstation.cli import main

if __name__ == "__main__":
    sys.exit(main())
