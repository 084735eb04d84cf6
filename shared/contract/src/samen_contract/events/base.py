"""The base of every event: an immutable fact with ids and structured data only."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, TypeVar, cast

from pydantic import BaseModel, ConfigDict

from samen_contract.naming import check_event_naming, event_type_name


class Event(BaseModel):
    """A past-tense fact owned by one service.

    Subclasses set `__service__` (the owner, one of `topics.SERVICES`) and, from the
    second major version on, `__version__` (1 when a class names none). A class without
    its own `__service__` is abstract: it gets no type and is never registered. Readers
    ignore fields they do not know (`extra`), so adding an optional field is compatible.
    """

    model_config = ConfigDict(frozen=True, extra="ignore")

    __service__: ClassVar[str]
    __version__: ClassVar[int] = 1

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        if cls.is_concrete():
            check_event_naming(cls.__name__, cls.__service__, cls.__version__)

    @classmethod
    def is_concrete(cls) -> bool:
        """True for a class that names its owning service, i.e. that can be emitted."""
        return isinstance(getattr(cls, "__service__", None), str)

    @classmethod
    def event_type(cls) -> str:
        """`samen.<service>.<ClassName>.v<major>`."""
        if not cls.is_concrete():
            raise TypeError(f"{cls.__name__} is abstract: it has no __service__")
        return event_type_name(cls.__service__, cls.__name__, cls.__version__)


E = TypeVar("E", bound=Event)


def concrete_per_service(abstract: type[E], services: Iterable[str]) -> dict[str, type[E]]:
    """For an event that several services emit, each on its own topic: one concrete
    subclass per service, of the same name and module as `abstract`, so its type is
    `samen.<service>.<Name>.v1` and `isinstance(x, abstract)` holds for all of them."""
    return {service: _concrete(abstract, service) for service in services}


def _concrete(abstract: type[E], service: str) -> type[E]:
    namespace = {
        "__service__": service,
        "__module__": abstract.__module__,
        "__qualname__": abstract.__name__,
        "__doc__": f"{abstract.__doc__} Emitted by the {service} service.",
    }
    return cast("type[E]", type(abstract.__name__, (abstract,), namespace))


def event_type_of(event: Event | type[Event]) -> str:
    """The CloudEvents type of an event or event class."""
    return event.event_type()


class EventValue(BaseModel):
    """A structured value inside an event (never an event on its own)."""

    model_config = ConfigDict(frozen=True, extra="ignore")


# A code from a catalogue (purpose, kind, stage): lower-case words joined by underscores.
CODE = r"^[a-z][a-z0-9_]{0,63}$"
