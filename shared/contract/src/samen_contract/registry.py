"""Every event class of the contract, keyed by its CloudEvents type.

Built on first use by importing each module of `samen_contract.events` and collecting the
concrete `Event` subclasses defined there (classes defined elsewhere, e.g. in tests, are
not part of the contract). A module named after a service may only hold that service's
events.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from functools import cache
from types import MappingProxyType

from samen_contract import events as events_package
from samen_contract.errors import EventNamingError
from samen_contract.events.base import Event
from samen_contract.topics import SERVICES, check_service

_PREFIX = f"{events_package.__name__}."


def _import_event_modules() -> None:
    for module in pkgutil.iter_modules(events_package.__path__):
        importlib.import_module(_PREFIX + module.name)


def _subclasses(cls: type[Event]) -> Iterator[type[Event]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _check_module_owner(cls: type[Event]) -> None:
    module = cls.__module__.removeprefix(_PREFIX)
    if module in SERVICES and cls.__service__ != module:
        raise EventNamingError(f"{cls.__name__} in events/{module}.py is owned by {module!r}")


@cache
def _by_type() -> MappingProxyType[str, type[Event]]:
    _import_event_modules()
    found: dict[str, type[Event]] = {}
    for cls in _subclasses(Event):
        if not cls.is_concrete() or not cls.__module__.startswith(_PREFIX):
            continue
        _check_module_owner(cls)
        if found.setdefault(cls.event_type(), cls) is not cls:
            raise EventNamingError(f"two event classes share the type {cls.event_type()}")
    return MappingProxyType(dict(sorted(found.items())))


def event_class_for(event_type: str) -> type[Event] | None:
    """The class of a type such as `samen.consent.PupilEnrolled.v1`; None when unknown."""
    return _by_type().get(event_type)


def event_types() -> tuple[str, ...]:
    """Every registered type, sorted."""
    return tuple(_by_type())


def event_classes() -> tuple[type[Event], ...]:
    """Every registered class, sorted by type."""
    return tuple(_by_type().values())


def events_of(service: str) -> tuple[type[Event], ...]:
    """The classes a service emits on its topic (its own events and its AccessRefused)."""
    check_service(service)
    return tuple(cls for cls in event_classes() if cls.__service__ == service)
