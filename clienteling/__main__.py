"""`python -m clienteling`: start the terminal app (`--version` answers before Qt is loaded)."""

import sys

if "--version" in sys.argv[1:]:
    from importlib.metadata import PackageNotFoundError, version

    try:
        print(f"clienteling {version('clienteling')}")
    except PackageNotFoundError:
        print("clienteling 0.0.0+unknown")
    raise SystemExit(0)

from clienteling.app import main

raise SystemExit(main())
