"""The PyInstaller bundle builds and runs headless (--version, then --self-test).

Slow (a full build): runs only with CLIENTELING_BUILD_BUNDLE=1, which the CI script sets.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "build" / "installer" / "dist" / "clienteling" / "clienteling"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("CLIENTELING_BUILD_BUNDLE") != "1",
        reason="builds the bundle (minutes): set CLIENTELING_BUILD_BUNDLE=1",
    ),
]


@pytest.mark.timeout(1200)
def test_bundle_builds_and_passes_smoke() -> None:
    build = subprocess.run(
        ["bash", str(ROOT / "installer" / "build.sh")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1100,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    assert BUNDLE.is_file()
    internal = BUNDLE.parent / "_internal"
    # Alembic reads migrations from disk; the app reads its style sheet from resources/.
    assert (internal / "sync" / "server" / "migrations" / "env.py").is_file()
    assert list((internal / "sync" / "server" / "migrations" / "versions").glob("*.py"))
    assert (internal / "resources" / "qss" / "clienteling.qss").is_file()
    assert not list(internal.glob("keyrings*")), "plaintext keyrings.alt must not ship"

    env = dict(os.environ)
    # Under CI's private Secret Service, also prove the bundled keyring backends work.
    env["SMOKE_USE_OS_KEYRING"] = "1" if os.environ.get("CLIENTELING_KEYRING_TESTS") == "1" else "0"
    smoke = subprocess.run(
        ["bash", str(ROOT / "installer" / "smoke.sh"), str(BUNDLE)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert smoke.returncode == 0, smoke.stdout[-3000:] + smoke.stderr[-3000:]
    assert "smoke: clienteling " in smoke.stdout
    assert "--self-test passed" in smoke.stdout
