"""Dashboard pages. Templates render identity and evidence on the server (autoescaped); charts
and maps are drawn in the browser by scripts in ``web/static`` from the JSON API."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from cartelscope.api import queries as qr

TEMPLATES = Jinja2Templates(env=jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent.parent / "web" / "templates"),
    autoescape=True))  # every page shows untrusted article text: escaping is never optional
router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
CONTEXT_CHARS = 400


def _render(request: Request, name: str, page: str, **context) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, {"page": page, **context})


SIMPLE_PAGES = {"/": ("map.html", "map"), "/time": ("time.html", "time"), "/network": ("network.html", "network"),
                "/events": ("events.html", "events")}


def _simple(template: str, page: str):
    def view(request: Request):
        return _render(request, template, page)

    return view


for _path, (_template, _page) in SIMPLE_PAGES.items():
    router.add_api_route(_path, _simple(_template, _page), methods=["GET"], name=f"{_page}_page")


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str):
    from cartelscope.api.routes import find_event

    scope = request.app.state.scope
    event = find_event(scope, event_id)
    for src in event["sources"]:
        src["context"] = evidence_in_context(scope.store.document(src["document_id"]) if src["document_id"] else None,
                                             src)
        src["safe_url"] = safe_link(src.get("url"))
    return _render(request, "event.html", "events", event=event)


@router.get("/actors/{actor_id}")
def actor_page(request: Request, actor_id: str):
    scope = request.app.state.scope
    data = qr.actor_page(scope.store, scope.knowledge, actor_id)
    return _render(request, "actor.html", "network", actor=data)


@router.get("/states/{iso}")
def state_page(request: Request, iso: str):
    scope = request.app.state.scope
    data = qr.state_page(scope.store, scope.knowledge, iso.upper())
    return _render(request, "state.html", "map", state=data)


def evidence_in_context(doc: dict | None, src: dict) -> dict | None:
    """The evidence sentence with up to CONTEXT_CHARS of the document on each side, as three
    plain strings (before, sentence, after) for the template to escape and highlight."""
    span = src.get("char_span")
    if not doc or not span or span[0] is None:
        return None
    text = doc["text"]
    start, end = max(0, span[0]), min(len(text), span[1])
    if start >= end:
        return None
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    return {"before": ("…" if lo else "") + text[lo:start], "sentence": text[start:end],
            "after": text[end:hi] + ("…" if hi < len(text) else "")}


def safe_link(url: str | None) -> str | None:
    """Only http(s) links become clickable; anything else (javascript:, data:) is shown as text."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc else None
