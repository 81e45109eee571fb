"""``export``: resolve an exporter, build its options, write atomically."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, cast

from clairlib.errors import ClairlibError, ExportError
from clairlib.exporting._atomic import PathSink, StreamSink
from clairlib.exporting._exporter import Exporter, Progress
from clairlib.exporting._options import build_options

if TYPE_CHECKING:
    from clairlib.model import Document

__all__ = ["Destination", "export", "run"]

Destination = str | os.PathLike[str] | BinaryIO


def _is_document(document: object) -> bool:
    from clairlib.model import AnnualPlan, AnnualReport, MidTermPlan

    return isinstance(document, AnnualPlan | AnnualReport | MidTermPlan)


def _exporter(exporter: object) -> Exporter:
    if isinstance(exporter, Exporter):
        return exporter
    if isinstance(exporter, str):
        # Names are looked up among the installed plugins, which sit above this layer:
        # clairlib.export does that and hands the exporter down.
        raise ExportError(
            f"clairlib.exporting.export takes an Exporter, found the name {exporter!r}: "
            f"export by name with clairlib.export(document, {exporter!r}, …)"
        )
    raise ExportError(f"expected an exporter, found {exporter!r}")


def run(
    document: Document,
    exporter: Exporter,
    destination: Destination,
    options: object,
    *,
    progress: Progress | None = None,
) -> tuple[Path, ...]:
    """Write ``document`` with ``exporter`` and ready-made ``options``, atomically."""
    if not _is_document(document):
        raise ExportError(
            f"expected a MidTermPlan, AnnualPlan or AnnualReport, found {type(document).__name__}"
        )
    sink: PathSink | StreamSink
    if isinstance(destination, str | os.PathLike):
        sink = PathSink(Path(os.fspath(destination)), exporter=exporter.name)
    elif isinstance(cast(object, destination), io.TextIOBase):  # typed callers cannot, others can
        raise ExportError(
            "expected a binary stream, found a text stream (use sys.stdout.buffer, or open "
            "the file with 'wb')"
        )
    elif hasattr(destination, "write"):
        sink = StreamSink(destination, exporter=exporter.name)
    else:
        raise ExportError(f"expected a path or a binary stream, found {destination!r}")
    try:
        exporter.write(document, sink, options, progress)
        if not sink.opened:
            raise ExportError(f"exporter {exporter.name!r} wrote nothing")
        return sink.commit()
    except ClairlibError:
        sink.discard()
        raise
    except OSError as error:
        sink.discard()
        raise ExportError(f"exporter {exporter.name!r} could not write: {error}") from error
    except Exception as error:
        sink.discard()
        raise ExportError(
            f"exporter {exporter.name!r} failed: {type(error).__name__}: {error}"
        ) from error
    except SystemExit as error:  # an exporter must not end the program that exports
        sink.discard()
        raise ExportError(
            f"exporter {exporter.name!r} called sys.exit({error.code!r}) while writing"
        ) from None
    except BaseException:
        sink.discard()
        raise


def export(
    document: Document,
    exporter: Exporter,
    destination: Destination,
    *,
    progress: Progress | None = None,
    **options: object,
) -> tuple[Path, ...]:
    """Write ``document`` with ``exporter`` to a path or binary stream.

    ``options`` are the exporter's options; strings are converted to their types, and
    an unknown option raises :class:`~clairlib.errors.ExportError`. Output to a path
    is atomic: temporary files beside the target are renamed into place only when
    the exporter succeeds. Returns the paths written (none for a stream).
    :func:`clairlib.export` takes an installed exporter's name as well.
    """
    chosen = _exporter(exporter)
    built = build_options(chosen.options, options, exporter=chosen.name)
    return run(document, chosen, destination, built, progress=progress)
