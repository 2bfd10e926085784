"""Fixtures for the extraction tests: ``run`` extracts a small text with the session extractor
and returns the scorer's record, after checking that every evidence span indexes the text."""
from __future__ import annotations

import pytest

from extract_helpers import PUB, assert_spans


@pytest.fixture
def run(extractor):
    """run(text, published=PUB) -> the record ``cartelscope extract`` prints for that text."""

    def _run(text: str, published: str | None = PUB, doc: str = "doc") -> dict:
        record = extractor.extract(text, published=published).to_record(doc)
        assert_spans(text, record)
        return record

    return _run
