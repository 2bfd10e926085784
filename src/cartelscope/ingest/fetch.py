"""Fetching untrusted URLs safely.

Every hop (the first URL and each redirect) is resolved with DNS first, and refused when any
address it resolves to is not a public one (private, loopback, link-local such as the cloud
metadata address 169.254.169.254, CGNAT, multicast, reserved), unless ``allow_private`` is set.
The request then goes to the address that was checked (the host name travels in the Host header
and, for https, in TLS SNI, where the certificate is verified against it), so a second DNS answer
cannot swap in a private address. Bodies are streamed with a size cap, each request has an overall
time limit, redirects are limited and the content type must be one we can read.
"""
from __future__ import annotations

import ipaddress
import re
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

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
_PROLOG = re.compile(rb"^(?:<\?xml[^>]*\?>|<!--.*?-->|<!doctype[^>]*>|\s+)*", re.S)


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
        """RSS, Atom or RDF, by content type or by sniffing the root element."""
        if any(t in self.content_type for t in ("rss", "atom", "rdf")):
            return True
        if self.content_type not in ("", "application/xml", "text/xml", "text/html", "text/plain"):
            return False
        head = _PROLOG.sub(b"", self.body[:2048].lstrip().lower())
        return head.startswith((b"<rss", b"<feed", b"<rdf"))


def check_address(host: str, port: int, allow_private: bool) -> str:
    """The address to connect to for ``host``. Every address it resolves to must be public
    (unless ``allow_private``), else FetchError."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from None
    if not infos:
        raise FetchError(f"cannot resolve host {host!r}: no addresses")
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if getattr(ip, "ipv4_mapped", None):
            ip = ip.ipv4_mapped
        if not ip.is_global and not allow_private:
            raise FetchError(f"refused {host} ({ip}): not a public address; pass --allow-private to fetch it")
    return str(infos[0][4][0])


def _pinned(url: str, allow_private: bool) -> tuple[str, dict, dict]:
    """Check ``url``; return it with the checked IP as host, plus the Host header and extensions."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"refused {url!r}: only http and https URLs are fetched")
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        raise FetchError(f"refused {url!r}: bad port") from None
    if not host:
        raise FetchError(f"refused {url!r}: no host")
    default = 443 if parts.scheme == "https" else 80
    ip = check_address(host, port or default, allow_private)
    netloc = f"[{ip}]" if ":" in ip else ip
    shown_host = f"[{host}]" if ":" in host else host
    if port and port != default:
        netloc, shown_host = f"{netloc}:{port}", f"{shown_host}:{port}"
    pinned = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    return pinned, {"Host": shown_host}, extensions


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
            target, headers, extensions = _pinned(current, allow_private)
            deadline = time.monotonic() + timeout
            try:
                with client.stream("GET", target, headers=headers, extensions=extensions) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchError(f"{current}: redirect without a Location header")
                        current = urljoin(current, location)
                        continue
                    return _read(resp, url, current, max_bytes, deadline)
            except httpx.TimeoutException:
                raise FetchError(f"{current}: timed out after {timeout:g} s (CARTELSCOPE_FETCH_TIMEOUT)") from None
            except httpx.ConnectError as exc:
                raise FetchError(f"{current}: cannot connect ({_reason(exc)})") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"{current}: {type(exc).__name__}: {_reason(exc)}") from None
        raise FetchError(f"{url}: more than {max_redirects} redirects (CARTELSCOPE_FETCH_MAX_REDIRECTS)")
    finally:
        if own:
            client.close()


def _read(resp: httpx.Response, url: str, current: str, max_bytes: int, deadline: float) -> Fetched:
    """Check status and content type, then stream the body under the size cap and deadline."""
    if resp.status_code >= 400:
        raise FetchError(f"{current}: HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
    ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype and not ctype.startswith(READABLE_TYPES):
        raise FetchError(f"{current}: content type {ctype!r} is not an article or feed")
    cap = f"the {max_bytes}-byte cap (CARTELSCOPE_FETCH_MAX_BYTES)"
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{current}: {declared} bytes is over {cap}")
    chunks, size = [], 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{current}: body over {cap}")
        if time.monotonic() > deadline:
            # a server that drips bytes never trips the per-read timeout
            raise httpx.ReadTimeout("body too slow")
        chunks.append(chunk)
    return Fetched(url, current, ctype, b"".join(chunks), resp.charset_encoding)


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
