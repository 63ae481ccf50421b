from crf_desktop.cli import main

raise SystemExit(main())
