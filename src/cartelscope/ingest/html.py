"""HTML to article text, title, date and outlet, with trafilatura."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from cartelscope.errors import IngestError


def extract_article(html: str, url: str | None = None) -> dict:
    """Returns {'text', 'title', 'published', 'source'}; raises IngestError when no body is found.

    ``source`` is the outlet the page names (og:site_name and the like) or None; callers fall back
    to a feed's title or the host name."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception as exc:  # noqa: BLE001 - hostile markup must fail one item, not the batch
        raise IngestError(f"cannot parse the HTML: {type(exc).__name__}: {exc}") from None
    if doc is None:
        raise IngestError("no article body found in the HTML")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (data.get("text") or "").strip()
    if len(text) < 40:
        raise IngestError("no article body found in the HTML")
    published = data.get("date")
    if published and not re.fullmatch(r"\d{4}(-\d{2}){0,2}", str(published)):
        published = None
    outlet = data.get("sitename")
    if outlet and url:
        # trafilatura falls back to the URL's host; leave that to the caller's own fallbacks
        parts = urlsplit(url)
        if outlet.lower() in {str(data.get("hostname") or "").lower(), parts.netloc.lower(), (parts.hostname or "")}:
            outlet = None
    return {
        "text": text,
        "title": data.get("title"),
        "published": published,
        "source": outlet,
    }
