"""Records: dataclass-like classes whose methods are not generated at import.

Python 3.11's ``@dataclass`` compiles each generated method with ``exec`` when the module is
imported: about 1 ms a class on this kind of machine, and the draft model, the prompts and the
session state are a dozen classes every start pays for (issue 21, start-up). A ``Record``'s
``__eq__``, ``__repr__`` (and, frozen, ``__setattr__`` and ``__hash__``) are shared functions that
read the class's field table, built once from its annotations; its ``__init__`` is compiled when the
class makes its first instance, so only the classes a run uses pay for one.

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
            if not (f.init and f.repr and f.compare) or f.kw_only is True:  # type: ignore[union-attr]
                raise TypeError(f"{cls.__name__}.{name}: a Record field takes a default or a default_factory only")
            f.name, f.type = name, annotation
            f._field_type = dataclasses._FIELD  # type: ignore[attr-defined,union-attr]  # what fields() lists
            fields[name] = f
            if f.default is _MISSING and name in cls.__dict__:
                delattr(cls, name)  # a factory's Field object is no class attribute (as in dataclasses)
        names = tuple(fields)
        if "__init__" not in cls.__dict__:
            cls.__init__ = Record.__init__  # type: ignore[method-assign]  # compiled for cls on first use
        defaulted = False
        for name, f in fields.items():  # as @dataclass refuses it, at class creation
            if f.default is not _MISSING or f.default_factory is not _MISSING:
                defaulted = True
            elif defaulted:
                raise TypeError(f"non-default argument {name!r} follows default argument")
        cls.__dataclass_fields__ = fields  # type: ignore[attr-defined]
        cls.__match_args__ = names  # type: ignore[attr-defined,misc]
        cls._record_names = names
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
        # The first instance of a class compiles its own __init__ (straight-line, as dataclasses
        # write it) and installs it: classes never made in a run cost nothing, and hot ones (a draft's
        # rows, parsed values, findings) are made as fast as dataclasses make theirs.
        cls = type(self)
        init = cls.__dict__.get("_record_init")
        if init is None:
            init = _compile_init(cls)
            cls._record_init = init  # type: ignore[attr-defined]
            if cls.__dict__.get("__init__") is Record.__dict__["__init__"]:
                cls.__init__ = init  # type: ignore[method-assign]  # not over an __init__ of the class's own
        init(self, *args, **kwargs)


_HAS_FACTORY = object()  # the default of a parameter whose field has a default_factory


def _compile_init(cls: type) -> Callable[..., None]:
    fields: dict[str, dataclasses.Field[Any]] = cls.__dataclass_fields__  # type: ignore[attr-defined]
    frozen = cls.__setattr__ is _refuse_set
    params: list[str] = []
    body: list[str] = []
    env: dict[str, Any] = {"_HAS_FACTORY": _HAS_FACTORY}
    for name, f in fields.items():
        if f.default is not _MISSING:
            env[f"_dflt_{name}"] = f.default
            params.append(f"{name}=_dflt_{name}")
        elif f.default_factory is not _MISSING:
            env[f"_fact_{name}"] = f.default_factory
            params.append(f"{name}=_HAS_FACTORY")
            body.append(f" if {name} is _HAS_FACTORY: {name} = _fact_{name}()")
        else:
            params.append(name)
        # A frozen class refuses setattr: its fields go into the instance dict (dataclasses call
        # object.__setattr__, slower); the others take plain attribute stores, the fastest.
        body.append(f" d[{name!r}] = {name}" if frozen else f" self.{name} = {name}")
    head = " d = self.__dict__\n" if frozen else ""
    source = f"def __init__(self, {', '.join(params)}):\n{head}" + "\n".join(body) + "\n pass\n"
    exec(source, env)  # noqa: S102 - our own source: field names are annotations, so identifiers
    init: Callable[..., None] = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _eq(self: Any, other: Any) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    mine, theirs = self.__dict__, other.__dict__
    if len(mine) == len(theirs) == len(self._record_names):  # the fields alone: one C-level dict compare
        return bool(mine == theirs)
    get = self._record_values  # an attribute set beside the fields is not compared (as in dataclasses)
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
