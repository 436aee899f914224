"""Start-up time of the embedded default: from launching `python -m clienteling` until its
window is shown and takes input, on a second start with the same data folder (warm) and on
the very first (cold: demo seed, registration, first sync).

    .venv/bin/python -m bench.warm_start [--runs 5]

Run as `scripts/run.sh` runs it: with bytecode compiled (the bootstrap compiles the
packages, this compiles the app's modules first), as an installed app has it. Offscreen (no
display needed); the app's own log says when the window was shown. Prints each run and the
median.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARK = "window shown"


def one(home: Path) -> float:
    log = home / "logs" / "clienteling.log"
    before = log.read_text(encoding="utf-8").count(MARK) if log.exists() else 0
    env = {
        **os.environ,
        "CLIENTELING_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "clienteling", "--lang", "ja"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            if log.exists() and log.read_text(encoding="utf-8").count(MARK) > before:
                return time.monotonic() - started
            if proc.poll() is not None:
                raise RuntimeError("the app exited before showing its window")
            time.sleep(0.02)
    finally:
        proc.terminate()
        proc.wait(60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "clienteling", quiet=1)
    compileall.compile_dir(ROOT / "sync", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        cold = one(home)
        print(f"cold start (first ever: seed, registration, first sync): {cold:.2f} s")
        warm = [one(home) for _ in range(args.runs)]
        print("warm starts: " + ", ".join(f"{w:.2f} s" for w in warm))
        print(f"warm start median {statistics.median(warm):.2f} s, max {max(warm):.2f} s")


if __name__ == "__main__":
    main()
