"""A real HTTP server on 127.0.0.1 (random port) for the fetch and feed tests.

Routes are registered per test: ``site.page(path, body, content_type=..., status=...)``,
``site.redirect(path, location)``, ``site.slow(path, seconds)``, ``site.drip(path, ...)``.
Everything is served by ``http.server`` in a thread; nothing leaves the machine.
"""
from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest



@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None
    delay: float = 0.0
    drip: float = 0.0
    declared_length: bool = True


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8",
             status: int = 200, **kw) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, content_type=content_type, status=status, **kw)
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self.routes[path] = Route(status=status, location=location)
        return self.url(path)

    @staticmethod
    def article_html(title: str, paragraphs: list[str], date: str | None = None,
                     outlet: str | None = "Test Outlet") -> str:
        meta = f'<meta name="date" content="{date}">' if date else ""
        if outlet:
            meta += f'<meta property="og:site_name" content="{outlet}">'
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
                f'{meta}</head><body>'
                f'<nav><a href="/">Home</a></nav><article><h1>{title}</h1>{body}</article>'
                f'<footer>Contact us</footer></body></html>')


    @staticmethod
    def rss(items: list[tuple[str, str | None]], title: str = "Test Feed") -> str:
        entries = "".join(
            f"<item><title>{t}</title>{f'<link>{link}</link>' if link else ''}"
            f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
            for t, link in items
        )
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
                f"<link>https://example.org/</link><description>test</description>{entries}</channel></rss>")


    @staticmethod
    def atom(items: list[tuple[str, str]], title: str = "Test Atom") -> str:
        entries = "".join(
            f'<entry><title>{t}</title><link href="{link}"/><id>{link}</id>'
            f"<updated>2024-06-01T08:00:00Z</updated></entry>"
            for t, link in items
        )
        return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f"<title>{title}</title><id>urn:test</id><updated>2024-06-01T08:00:00Z</updated>{entries}</feed>")

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):  # noqa: N802 - http.server's naming
                site.hits.append(self.path)
                route = site.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                if route.delay:
                    time.sleep(route.delay)
                self.send_response(route.status)
                if route.location:
                    self.send_header("Location", route.location)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_header("Content-Type", route.content_type)
                if route.declared_length:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                try:
                    if route.drip:
                        for i in range(0, len(route.body), 16):
                            self.wfile.write(route.body[i : i + 16])
                            self.wfile.flush()
                            time.sleep(route.drip)
                    else:
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                if not route.declared_length:
                    self.close_connection = True

        return Handler


@pytest.fixture
def site():
    s = Site()
    s.thread.start()
    yield s
    s.server.shutdown()
    s.server.server_close()


@pytest.fixture
def closed_port() -> int:
    """A local port with nothing listening (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
