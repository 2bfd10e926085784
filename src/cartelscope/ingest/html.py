"""HTML to article text, title, date and outlet, with trafilatura."""
from __future__ import annotations

import re

from cartelscope.errors import IngestError


def extract_article(html: str, url: str | None = None) -> dict:
    """Returns {'text', 'title', 'published', 'source'}; raises IngestError when no body is found."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if doc is None:
        raise IngestError("no article body found in the HTML")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (data.get("text") or "").strip()
    if len(text) < 40:
        raise IngestError("no article body found in the HTML")
    published = data.get("date")
    if published and not re.fullmatch(r"\d{4}(-\d{2}){0,2}", str(published)):
        published = None
    return {
        "text": text,
        "title": data.get("title"),
        "published": published,
        "source": data.get("sitename") or data.get("hostname"),
    }
