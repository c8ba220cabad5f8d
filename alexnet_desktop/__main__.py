"""`python -m alexnet_desktop` is the same as the `alexnet-desktop` command."""

from alexnet_desktop.cli import main

raise SystemExit(main())
