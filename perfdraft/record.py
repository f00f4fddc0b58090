"""Records: dataclass-like classes whose methods are not generated at import.

Python 3.11's ``@dataclass`` compiles each generated method with ``exec`` when the module is
imported: about 1 ms a class on this kind of machine, and the draft model, the prompts and the
session state are a dozen classes every start pays for (issue 21, start-up). A ``Record``'s
``__init__``, ``__eq__``, ``__repr__`` (and, frozen, ``__setattr__`` and ``__hash__``) are shared
functions that read a table built once per class from its annotations.

Each class also gets a ``__dataclass_fields__`` of real ``dataclasses.Field`` objects, so
``dataclasses.fields``, ``replace``, ``asdict`` and ``is_dataclass`` work on records as on
dataclasses, and ``typing.dataclass_transform`` tells type checkers the same.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any, ClassVar, dataclass_transform

_MISSING = dataclasses.MISSING


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
class Record:
    """Subclass with annotated fields and defaults (``dataclasses.field(default_factory=…)`` too).

    Class keywords: ``eq=False`` keeps identity equality (and hashing); ``repr=False`` keeps
    object's repr; ``frozen=True`` refuses assignment and hashes by value.
    """

    __slots__ = ()
    _record_names: ClassVar[tuple[str, ...]]
    _record_defaults: ClassVar[dict[str, Any]]
    _record_factories: ClassVar[tuple[tuple[str, Callable[[], Any]], ...]]
    _record_values: ClassVar[Callable[[Any], Any]]

    def __init_subclass__(cls, *, eq: bool = True, repr: bool = True, frozen: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields: dict[str, dataclasses.Field[Any]] = {}
        for base in reversed(cls.__mro__[1:]):
            fields.update(getattr(base, "__dataclass_fields__", {}))
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():
            if "ClassVar" in str(annotation):
                continue
            given = cls.__dict__.get(name, _MISSING)
            f = given if isinstance(given, dataclasses.Field) else dataclasses.field(default=given)
            f.name, f.type = name, annotation
            f._field_type = dataclasses._FIELD  # type: ignore[attr-defined,union-attr]  # what fields() lists
            fields[name] = f
            if f.default is _MISSING and name in cls.__dict__:
                delattr(cls, name)  # a factory's Field object is no class attribute (as in dataclasses)
        names = tuple(fields)
        cls.__dataclass_fields__ = fields  # type: ignore[attr-defined]
        cls.__match_args__ = names  # type: ignore[attr-defined,misc]
        cls._record_names = names
        cls._record_defaults = {n: f.default for n, f in fields.items() if f.default is not _MISSING}
        cls._record_factories = tuple((n, f.default_factory) for n, f in fields.items()
                                      if f.default_factory is not _MISSING)
        # attrgetter of one name returns the value itself, not a 1-tuple: either compares alike
        cls._record_values = attrgetter(*names) if names else (lambda _: ())  # type: ignore[assignment]
        if "__eq__" not in cls.__dict__:
            if eq:
                cls.__eq__ = _eq  # type: ignore[method-assign,assignment]
                cls.__hash__ = _hash if frozen else None  # type: ignore[method-assign,assignment]
            else:
                cls.__eq__ = object.__eq__  # type: ignore[method-assign,assignment]
                cls.__hash__ = object.__hash__  # type: ignore[method-assign,assignment]
        if repr and "__repr__" not in cls.__dict__:
            cls.__repr__ = _repr  # type: ignore[method-assign,assignment]
        elif not repr and "__repr__" not in cls.__dict__:
            cls.__repr__ = object.__repr__  # type: ignore[method-assign,assignment]
        if frozen:
            cls.__setattr__ = _refuse_set  # type: ignore[method-assign,assignment]
            cls.__delattr__ = _refuse_del  # type: ignore[method-assign,assignment]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        names = cls._record_names
        if len(args) > len(names):
            raise TypeError(f"{cls.__name__}() takes {len(names)} positional arguments but {len(args)} were given")
        values = dict(cls._record_defaults)
        for name, factory in cls._record_factories:
            if name not in kwargs:
                values[name] = factory()
        values.update(zip(names, args, strict=False))  # the rest by keyword or default
        if kwargs:
            for name in kwargs:
                if name not in values and name not in cls.__dataclass_fields__:  # type: ignore[attr-defined]
                    raise TypeError(f"{cls.__name__}() got an unexpected keyword argument '{name}'")
            for name in names[: len(args)]:
                if name in kwargs:
                    raise TypeError(f"{cls.__name__}() got multiple values for argument '{name}'")
            values.update(kwargs)
        if len(values) < len(names):
            missing = [n for n in names if n not in values]
            raise TypeError(f"{cls.__name__}() missing required argument: {', '.join(map(repr, missing))}")
        self.__dict__.update(values)


def _eq(self: Any, other: Any) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    get = self._record_values
    return bool(get(self) == get(other))


def _hash(self: Any) -> int:
    return hash(self._record_values(self))


def _repr(self: Any) -> str:
    cls = type(self)
    return f"{cls.__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in cls._record_names)})"


def _refuse_set(self: Any, name: str, value: Any) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_del(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
