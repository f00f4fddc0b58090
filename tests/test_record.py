"""Records behave as the dataclasses they replace (record.py): each test holds a Record beside the
same class written with @dataclass and asks both the same thing."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest

from perfdraft.model import Draft, Indicator, Project
from perfdraft.prompts import Position
from perfdraft.record import Record


class Row(Record):
    name: str
    value: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass
class RowDC:
    name: str
    value: str | None = None
    tags: list[str] = field(default_factory=list)


class Spot(Record, frozen=True):
    step: str
    index: int = 0


class Session(Record, eq=False, repr=False):
    draft: str
    notes: list[str] = field(default_factory=list)


@pytest.mark.parametrize("cls", [Row, RowDC])
def test_init_by_position_keyword_default_and_factory(cls):
    a, b = cls("x"), cls("x")
    assert (a.name, a.value, a.tags) == ("x", None, [])
    a.tags.append("t")
    assert b.tags == []  # a factory gives every instance its own list
    c = cls("x", "≥95%", tags=["t"])
    assert (c.value, c.tags) == ("≥95%", ["t"])
    assert cls(name="y", value="1").value == "1"


@pytest.mark.parametrize("call", [
    lambda cls: cls(),  # missing required
    lambda cls: cls("x", "v", [], "extra"),  # too many positional
    lambda cls: cls("x", name="y"),  # twice
    lambda cls: cls("x", colour="red"),  # unknown
])
def test_wrong_calls_raise_type_error_like_dataclasses(call):
    with pytest.raises(TypeError):
        call(RowDC)
    with pytest.raises(TypeError):
        call(Row)


def test_equality_and_hash_follow_dataclasses():
    assert Row("x", "1") == Row("x", "1")
    assert Row("x", "1") != Row("x", "2")
    assert Row("x") != RowDC("x")  # another class is never equal
    with pytest.raises(TypeError):
        hash(Row("x"))  # mutable and compared by value: unhashable, as a dataclass
    assert Spot("a", 1) == Spot("a", 1) and hash(Spot("a", 1)) == hash(Spot("a", 1))
    assert len({Spot("a", 1), Spot("a", 1), Spot("a", 2)}) == 2
    s = Session("d")
    assert s == s and s != Session("d")  # eq=False: identity
    assert isinstance(hash(s), int)


def test_repr_matches_dataclass_form():
    assert repr(Row("x", "1", ["t"])) == repr(RowDC("x", "1", ["t"])).replace("RowDC", "Row")
    assert repr(Session("d")).startswith("<")  # repr=False: object's


def test_frozen_refuses_assignment():
    spot = Spot("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        spot.index = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del spot.index  # type: ignore[misc]
    assert dataclasses.replace(spot, index=3) == Spot("a", 3)


def test_dataclasses_functions_work_on_records():
    assert dataclasses.is_dataclass(Row("x"))
    assert [f.name for f in dataclasses.fields(Row)] == [f.name for f in dataclasses.fields(RowDC)]
    assert [f.default for f in dataclasses.fields(Row)] == [f.default for f in dataclasses.fields(RowDC)]
    assert dataclasses.asdict(Row("x", "1", ["t"])) == dataclasses.asdict(RowDC("x", "1", ["t"]))
    r = dataclasses.replace(Row("x", "1", ["t"]), value="2")
    assert (r.name, r.value, r.tags) == ("x", "2", ["t"])
    assert "tags" not in Row.__dict__  # a factory's Field is no class attribute, as in dataclasses
    assert Row.__match_args__ == ("name", "value", "tags")


def test_model_records_copy_pickle_and_match():
    d = Draft(year=2025, projects=[Project(code="P1", indicators=[Indicator(name="参保率", value="≥95%")])])
    assert copy.deepcopy(d) == d and copy.deepcopy(d) is not d
    assert pickle.loads(pickle.dumps(d)) == d
    match d.projects[0].indicators[0]:
        case Indicator(level1=None, level2=None, name=name):
            assert name == "参保率"
        case _:
            pytest.fail("match by position")
    assert [f.name for f in dataclasses.fields(Indicator)][:5] == ["level1", "level2", "name", "description", "value"]
    assert Position("dept.name") == Position("dept.name", 0, 0, 0, "")


def test_init_compiled_on_first_instance_is_the_class_own():
    class Base(Record):
        a: int = 0

    class Child(Base):
        b: int = 1

    class Own(Record):
        a: int = 0

        def __init__(self, a: int = 0) -> None:
            super().__init__(a * 2)  # a class's own __init__ stays in place

    assert Base(5).a == 5 and (Child(5, 6).a, Child(5, 6).b) == (5, 6)
    assert Base.__init__ is not Child.__init__
    assert Own(2).a == 4 and Own(3).a == 6
    with pytest.raises(TypeError):
        class Wrong(Record):  # as @dataclass: a required field after a defaulted one
            a: int = 0
            b: int
    with pytest.raises(TypeError):
        class Unsupported(Record):  # options a Record does not honour are refused, not ignored
            a: int = field(default=0, repr=False)
