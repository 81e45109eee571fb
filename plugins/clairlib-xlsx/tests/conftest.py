"""The Excel plugin's tests draw documents from the workspace's one strategies module."""

from __future__ import annotations

import sys
from pathlib import Path

# tests/strategies.py lives at the workspace root; the plugin's tests use it as is.
_ROOT = str(Path(__file__).resolve().parents[3])
if _ROOT not in sys.path:
    sys.path.append(_ROOT)
