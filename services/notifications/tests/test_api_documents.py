"""The committed OpenAPI and AsyncAPI documents are the ones the code produces."""

from __future__ import annotations

import pytest
from samen_notifications.docs import DOCS

pytestmark = pytest.mark.unit


def test_the_committed_api_documents_match_the_code() -> None:
    assert DOCS.stale() == [], f"run: {DOCS.regenerate}"
