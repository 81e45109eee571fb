"""Building instances of a frozen, slotted attrs class slot by slot, without its constructor.

A frozen class's constructor sets each field with a call (``object.__setattr__``), which
costs more than the rest of building a small object many thousands of times over. Code
that knows every field's value to be of its type (a reader's lines, their origins) fills
an instance of :func:`filling`'s subclass instead: a plain slot store a field. The
instance then becomes one of the frozen class (both have the same slots, so its class
may be swapped), frozen as any other.
"""

from __future__ import annotations

from typing import Any

__all__ = ["filling"]


def filling(cls: type) -> Any:
    """A subclass of the frozen slotted ``cls`` whose instances take plain slot stores.

    ``filling(cls)()`` (or ``object.__new__``) makes an empty instance; every field must
    be stored before ``instance.__class__ = cls`` makes it a ``cls``.
    Typed loosely: to mypy the subclass's fields are the frozen class's, read-only.
    """
    # Both __setattr__ and __delattr__ are object's own: the type then stores through
    # the generic slot path, which the interpreter specialises, rather than calling the
    # frozen class's Python methods. So is __init__: calling the subclass (no arguments)
    # makes an empty instance with object's C slots alone, quicker than object.__new__.
    return type(
        f"_Filling{cls.__name__}",
        (cls,),
        {
            "__slots__": (),
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
            "__init__": object.__init__,
            "__module__": cls.__module__,
        },
    )
