from __future__ import annotations

import pytest

from tests.browser.axe import read_axe


@pytest.fixture(scope="session")
def axe_source() -> str:
    return read_axe()
