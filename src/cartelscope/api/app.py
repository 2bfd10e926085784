"""The FastAPI application: REST API under ``/api``, dashboard pages, static assets.

Article text is untrusted, so every page is rendered with Jinja's autoescaping, no page has an
inline script, and a strict Content-Security-Policy forbids any script not served from
``/static``. The API is read-only unless a bearer token is configured; CORS is off unless the
operator names origins.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from cartelscope import __version__, config
from cartelscope.api.formats import JSON
from cartelscope.errors import BadFilter, CartelscopeError, StoreError

WEB = Path(__file__).resolve().parent.parent / "web"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def create_app(db: str | None = None, token: str | None = None, cors_origins: list[str] | None = None,
               knowledge: str | None = None) -> FastAPI:
    """Build the app over one database. ``token`` (else the api_token setting) enables writes;
    ``cors_origins`` lists the origins allowed to call the API from a browser (none by default)."""
    from cartelscope.api.pages import router as pages_router
    from cartelscope.api.routes import router as api_router
    from cartelscope.scope import Scope

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.scope.close()

    app = FastAPI(lifespan=lifespan, title="cartelscope", version=__version__, docs_url=None, redoc_url=None,
                  description="Sourced, geocoded events and actor networks from reporting on organized-crime "
                              "conflict in Mexico. Read-only unless a bearer token is configured.")
    app.state.scope = Scope(db or config.get("db"), knowledge=knowledge)
    app.state.token = token or config.get("api_token")
    app.state.max_body = config.get("max_file_bytes")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        if request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "public, max-age=3600")
        return response

    app.add_middleware(GZipMiddleware, minimum_size=2048)
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    _install_error_handlers(app)
    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")

    return app


def _error(status: int, message: str, headers=None) -> JSON:
    return JSON({"error": message}, status_code=status, headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    """Every failure is one JSON line ``{"error": ...}`` with a fitting status code."""

    @app.exception_handler(BadFilter)
    async def bad_filter(_request, exc):
        return _error(400, str(exc))

    @app.exception_handler(LookupError)
    async def not_found(_request, exc):
        return _error(404, str(exc.args[0]) if exc.args else "not found")

    @app.exception_handler(StoreError)
    async def store_error(_request, exc):
        return _error(503, str(exc))

    @app.exception_handler(CartelscopeError)
    async def library_error(_request, exc):
        return _error(400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request, exc):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", [])[1:]) or "request"
        return _error(422, f"{where}: {first.get('msg', 'invalid value')}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request, exc):
        return _error(exc.status_code, str(exc.detail), getattr(exc, "headers", None))
