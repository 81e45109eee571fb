"""clairlib: read, audit, total and publish the plans and reports of CLAIR and bodies like it.

The package is light to import: the heavier entry points (loading, validation,
export) are imported on first use.
"""

from __future__ import annotations

from clairlib._lazy import lazy_attributes
from clairlib.errors import ClairlibError

__all__ = [
    "ClairlibError",
    "__version__",
    "dump",
    "dumps",
    "export",
    "exporters",
    "load",
    "read",
    "validate",
]

__version__ = "0.1.0.dev0"

# Public callables that live in heavier modules, imported on first attribute access
# so that ``import clairlib.calendar`` stays cheap.
_LAZY: dict[str, str] = {
    "dump": "clairlib.io",
    "dumps": "clairlib.io",
    "export": "clairlib._compose",
    "exporters": "clairlib.plugins",
    "load": "clairlib.io",
    "read": "clairlib._compose",
    "validate": "clairlib._compose",
}


__getattr__, __dir__ = lazy_attributes(__name__, _LAZY, globals(), __all__)


TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; importing typing slows the start

if TYPE_CHECKING:
    from clairlib._compose import export as export
    from clairlib._compose import read as read
    from clairlib._compose import validate as validate
    from clairlib.io import dump as dump
    from clairlib.io import dumps as dumps
    from clairlib.io import load as load
    from clairlib.plugins import exporters as exporters
