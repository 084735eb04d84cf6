"""The base of the plans database's tables: a registry and metadata of their own (every
service has tables named like others', e.g. its roster projection)."""

from sqlalchemy.orm import registry
from sqlmodel import SQLModel


class PlansTable(SQLModel, registry=registry()):
    """Subclass with `table=True` for every table of this service."""
