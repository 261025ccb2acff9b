"""Entry point of the bundled ``workstation-gui`` window."""

import sys

from workstation.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
