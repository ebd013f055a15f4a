"""Tests of the SQLite backend itself: they run on SQLite only, whatever ``BACKENDS`` holds."""

from __future__ import annotations

import pytest


@pytest.fixture
def backend() -> str:
    """SQLite, the backend these tests look inside."""
    return "sqlite"
