"""`python -m clienteling`: start the terminal app (`--version` answers before Qt is loaded)."""

import sys

if "--version" in sys.argv[1:]:
    from importlib.metadata import PackageNotFoundError, version

    try:
        print(f"clienteling {version('clienteling')}")
    except PackageNotFoundError:
        print("clienteling 0.0.0+unknown")
    raise SystemExit(0)

# httpx imports its command-line client (rich, pygments, click: a quarter of a second at every
# start) whenever they are installed; the app never uses it, and httpx copes with its absence.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

from clienteling.app import main  # noqa: E402

raise SystemExit(main())
