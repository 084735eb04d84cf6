"""Scoped queries: a caller sees their tenant, and within it only what their role covers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from uuid import UUID

import pytest
from samen_kit.access import Role, StaffPrincipal
from samen_kit.tenancy import scoped, visible
from sqlalchemy import String, Uuid, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlmodel import select as sqlmodel_select

pytestmark = pytest.mark.unit

SCHOOL_A = UUID("00000000-0000-4000-8000-00000000000a")
SCHOOL_B = UUID("00000000-0000-4000-8000-00000000000b")
SCHOOL_C = UUID("00000000-0000-4000-8000-00000000000c")
BOARD_1 = UUID("00000000-0000-4000-8000-000000000b01")
BOARD_2 = UUID("00000000-0000-4000-8000-000000000b02")


class Base(DeclarativeBase):
    """Own metadata: these tables stay out of every service's `SQLModel.metadata`."""


class Pupil(Base):
    __tablename__ = "kit_tenancy_pupil"
    name: Mapped[str] = mapped_column(String, primary_key=True)
    tenant: Mapped[str] = mapped_column(String)
    school_id: Mapped[UUID] = mapped_column(Uuid)
    board_id: Mapped[UUID] = mapped_column(Uuid)


class SchoolProfile(Base):
    """A school-bound row without a board column."""

    __tablename__ = "kit_tenancy_profile"
    name: Mapped[str] = mapped_column(String, primary_key=True)
    tenant: Mapped[str] = mapped_column(String)
    school_id: Mapped[str] = mapped_column(String)


class TenantSetting(Base):
    __tablename__ = "kit_tenancy_setting"
    name: Mapped[str] = mapped_column(String, primary_key=True)
    tenant: Mapped[str] = mapped_column(String)


@pytest.fixture
def db() -> Iterator[Session]:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add_all(
            [
                Pupil(name="a1", tenant="swv", school_id=SCHOOL_A, board_id=BOARD_1),
                Pupil(name="b1", tenant="swv", school_id=SCHOOL_B, board_id=BOARD_1),
                Pupil(name="c2", tenant="swv", school_id=SCHOOL_C, board_id=BOARD_2),
                Pupil(name="other", tenant="elsewhere", school_id=SCHOOL_A, board_id=BOARD_1),
                SchoolProfile(name="pa", tenant="swv", school_id=str(SCHOOL_A)),
                SchoolProfile(name="pc", tenant="swv", school_id=str(SCHOOL_C)),
                TenantSetting(name="s-swv", tenant="swv"),
                TenantSetting(name="s-else", tenant="elsewhere"),
            ]
        )
        session.commit()
        yield session
    engine.dispose()


def staff(role: Role, schools: Iterable[UUID] = (), boards: Iterable[UUID] = ()) -> StaffPrincipal:
    return StaffPrincipal(
        "s", role, "swv", frozenset(map(str, boards)), frozenset(map(str, schools))
    )


def pupils_seen(db: Session, principal: StaffPrincipal) -> set[str]:
    return set(db.scalars(scoped(select(Pupil.name), principal, Pupil)))


def test_an_ib_sees_only_pupils_of_the_schools_listed(db: Session) -> None:
    assert pupils_seen(db, staff(Role.IB, schools=[SCHOOL_A])) == {"a1"}


def test_a_board_admin_sees_every_school_of_the_listed_board(db: Session) -> None:
    assert pupils_seen(db, staff(Role.BOARD_ADMIN, boards=[BOARD_1])) == {"a1", "b1"}


def test_a_director_listing_a_board_still_sees_only_the_listed_schools(db: Session) -> None:
    director = staff(Role.DIRECTOR, schools=[SCHOOL_C], boards=[BOARD_1])

    assert pupils_seen(db, director) == {"c2"}


@pytest.mark.parametrize("role", [Role.SWV_ADMIN, Role.INSPECTIE, Role.OPERATOR])
def test_tenant_wide_roles_see_all_schools_but_never_another_tenant(
    db: Session, role: Role
) -> None:
    assert pupils_seen(db, staff(role)) == {"a1", "b1", "c2"}


def test_rows_of_another_tenant_stay_hidden_even_for_the_same_school(db: Session) -> None:
    assert "other" not in pupils_seen(db, staff(Role.IB, schools=[SCHOOL_A]))


def test_the_model_is_taken_from_the_select_and_text_school_ids_work(db: Session) -> None:
    profiles = db.scalars(scoped(sqlmodel_select(SchoolProfile), staff(Role.IB, [SCHOOL_C])))

    assert [profile.name for profile in profiles] == ["pc"]


def test_a_model_without_schools_is_scoped_by_tenant_alone(db: Session) -> None:
    settings = db.scalars(scoped(select(TenantSetting), staff(Role.TEACHER, [SCHOOL_A])))

    assert [setting.name for setting in settings] == ["s-swv"]


def test_a_school_id_in_the_token_that_is_no_uuid_matches_nothing(db: Session) -> None:
    odd = StaffPrincipal("s", Role.IB, "swv", schools=frozenset({"not-a-uuid"}))

    assert pupils_seen(db, odd) == set()


def test_a_model_without_a_tenant_column_cannot_be_scoped() -> None:
    class Unscoped(Base):
        __tablename__ = "kit_tenancy_unscoped"
        name: Mapped[str] = mapped_column(String, primary_key=True)

    with pytest.raises(TypeError):
        scoped(select(Unscoped), staff(Role.OPERATOR))


def test_one_row_in_hand_follows_the_same_rule() -> None:
    ib = staff(Role.IB, schools=[SCHOOL_A])

    assert visible(ib, tenant="swv", school_id=SCHOOL_A)
    assert not visible(ib, tenant="swv", school_id=SCHOOL_B)
    assert not visible(ib, tenant="elsewhere", school_id=SCHOOL_A)
