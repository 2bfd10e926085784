"""Fetching untrusted URLs safely.

Every hop (the first URL and each redirect) is resolved with DNS first, and refused when any
address it resolves to is not a public one (private, loopback, link-local such as the cloud
metadata address 169.254.169.254, CGNAT, multicast, reserved), unless ``allow_private`` is set.
Bodies are streamed with a size cap, requests have a timeout, redirects are limited and the
content type must be one we can read.
"""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from cartelscope import config
from cartelscope.errors import FetchError

READABLE_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
    "application/json",
)


@dataclass
class Fetched:
    url: str
    final_url: str
    content_type: str
    body: bytes
    encoding: str | None

    def text(self) -> str:
        for enc in filter(None, [self.encoding, "utf-8"]):
            try:
                return self.body.decode(enc)
            except (LookupError, UnicodeDecodeError):
                continue
        return self.body.decode("utf-8", errors="replace")

    @property
    def is_feed(self) -> bool:
        if any(t in self.content_type for t in ("rss", "atom", "rdf")):
            return True
        head = self.body[:600].lstrip().lower()
        return self.content_type in ("application/xml", "text/xml") or head.startswith(b"<?xml") and (
            b"<rss" in head or b"<feed" in head or b"<rdf" in head
        )


def check_address(host: str, port: int, allow_private: bool) -> None:
    """Raise FetchError unless every address ``host`` resolves to is public (or allowed)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if getattr(ip, "ipv4_mapped", None):
            ip = ip.ipv4_mapped
        if not ip.is_global and not allow_private:
            raise FetchError(
                f"refused {host} ({ip}): not a public address; pass --allow-private to fetch it"
            )


def _check_url(url: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"refused {url!r}: only http and https URLs are fetched")
    if not parts.hostname:
        raise FetchError(f"refused {url!r}: no host")
    check_address(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), allow_private)


def fetch(
    url: str,
    *,
    allow_private: bool | None = None,
    timeout: float | None = None,
    max_bytes: int | None = None,
    max_redirects: int | None = None,
    client: httpx.Client | None = None,
) -> Fetched:
    """GET ``url`` under the safety rules above; raises FetchError with one clear line."""
    allow_private = config.get("allow_private") if allow_private is None else allow_private
    timeout = config.get("fetch_timeout") if timeout is None else timeout
    max_bytes = config.get("fetch_max_bytes") if max_bytes is None else max_bytes
    max_redirects = config.get("fetch_max_redirects") if max_redirects is None else max_redirects
    own = client is None
    client = client or httpx.Client(
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,
        headers={"User-Agent": config.get("user_agent")},
        trust_env=False,
    )
    try:
        current = url
        for _hop in range(max_redirects + 1):
            _check_url(current, allow_private)
            try:
                with client.stream("GET", current) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchError(f"{current}: redirect without a Location header")
                        current = urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(f"{current}: HTTP {resp.status_code}")
                    ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
                    if ctype and not ctype.startswith(READABLE_TYPES):
                        raise FetchError(f"{current}: content type {ctype!r} is not an article or feed")
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise FetchError(f"{current}: {declared} bytes is over the {max_bytes}-byte cap")
                    chunks, size = [], 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise FetchError(f"{current}: body over the {max_bytes}-byte cap")
                        chunks.append(chunk)
                    return Fetched(url, current, ctype, b"".join(chunks), resp.charset_encoding)
            except httpx.TimeoutException:
                raise FetchError(f"{current}: timed out after {timeout:g} s") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"{current}: {type(exc).__name__}: {exc}") from None
        raise FetchError(f"{url}: more than {max_redirects} redirects")
    finally:
        if own:
            client.close()
