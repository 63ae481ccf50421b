"""The frozen bundle's entry point: the same ``main`` as the ``crf-desktop`` console script."""

from crf_desktop.cli import main

raise SystemExit(main())
