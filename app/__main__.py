"""`python -m app` starts the GUI (same as `jdm-ctp` with no arguments)."""

from app.cli import main

raise SystemExit(main())
