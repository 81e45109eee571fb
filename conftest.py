"""Test-session settings shared by every test directory of the workspace."""

from __future__ import annotations

import os

from hypothesis import settings

# CI runs with a fixed derivation of examples so that a landing run is reproducible;
# local runs keep drawing new examples and so keep finding new edge cases.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
