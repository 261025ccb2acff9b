"""Start the workstation window: ``python main.py [--screenshot out.png] [--view NAME]``."""

from workstation.ui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
