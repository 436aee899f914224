"""Child process of the crash test: enqueue one note in a cache file, say so, wait to be killed.

Reads one JSON line from stdin: {"path", "key", "args"} (the key never goes on a command line).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from clienteling.storage.cache import LocalCache


def main() -> None:
    job = json.loads(sys.stdin.readline())
    cache = LocalCache.open(Path(job["path"]), job["key"])
    args = job["args"]
    cache.enqueue("note.add", args, customer_id=args["customer_id"], summary=args["text"])
    print("written", flush=True)
    time.sleep(120)  # the test kills us long before this ends


if __name__ == "__main__":
    main()
