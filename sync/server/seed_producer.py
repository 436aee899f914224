"""The producer process of a parallel seed load: `python -m sync.server.seed_producer`.

The loader (seed.py) starts it with `subprocess` (not multiprocessing: no re-import of the
caller's main module, and it works from a daemonic process too), writes the pickled
(chain, seqs, region_of_store, default_region, bucket_of_region, sqlite)
to its stdin, and reads pickled messages from its
stdout: ("rows", table, columns, rows) per batch, then ("done", seqs) or ("error", text).
The pipe holds about one batch, so a slow writer pauses the producer: memory stays bounded.
"""

from __future__ import annotations

import os
import pickle
import sys
from typing import Any


def main() -> int:
    # Only the SQLAlchemy-free row builder: this process starts in well under a second.
    from sync.server.seed_rows import Changes, Rows, produce_customers

    # Messages get a private copy of stdout; anything printed goes to stderr instead.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    chain, seqs, region_of_store, default_region, bucket_of_region, sqlite = pickle.load(
        sys.stdin.buffer
    )

    def write(table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        pickle.dump(("rows", table, columns, rows), out, protocol=pickle.HIGHEST_PROTOCOL)

    try:
        rows = Rows(write, sqlite)
        produce_customers(
            rows, Changes(rows, seqs), chain, region_of_store, default_region, bucket_of_region
        )
        pickle.dump(("done", seqs), out, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as exc:  # the loader raises it and rolls back
        pickle.dump(("error", f"{type(exc).__name__}: {exc}"), out)
        return 1
    finally:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
