"""Reading: the reader protocol that turns PDFs, text, Word and Excel files into documents.

A :class:`Reader` has a name, the file suffixes and content it recognises, typed
options and a ``read`` function that turns a :class:`Source` into a
:class:`Reading`: the draft document, the findings for what could not be read,
and the :class:`Origin` of every part read. Readers come from plugins through
the ``clairlib_readers`` hook, like exporters. ``clairlib.load`` stays the
reader of clairlib's own JSON.
"""

from __future__ import annotations

from clairlib.reading._reader import Hints, Origin, Reader, ReadFunction, Reading, Source

__all__ = ["Hints", "Origin", "ReadFunction", "Reader", "Reading", "Source"]
