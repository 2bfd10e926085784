"""Fetching articles and feeds from a real local HTTP server, and every way a fetch can go wrong.

The server listens on 127.0.0.1, so each URL is refused unless private addresses are allowed;
that refusal is itself tested. Each case runs through the library and, for the user-facing
contract (one line, exit code, counts), through the CLI.
"""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from cartelscope.cli import app
from cartelscope.errors import FetchError
from cartelscope.ingest.fetch import check_address, fetch
from cartelscope.ingest.sources import Failure, Item, iter_items

pytestmark = pytest.mark.network

MORELIA = [
    "MORELIA, Michoacán — State police and soldiers clashed with gunmen on the road between Morelia and "
    "Charo on Thursday, leaving two attackers dead, the state security ministry said.",
    "Officials said the gunmen belonged to a cell of La Nueva Familia Michoacana that has fought the Jalisco "
    "New Generation Cartel for control of the area. Two rifles and a pickup truck were seized.",
]
URUAPAN = [
    "URUAPAN, Michoacán.— Un grupo armado atacó a balazos a trabajadores de una huerta de aguacate en las "
    "afueras de Uruapan la mañana del viernes; murieron tres jornaleros, informó la fiscalía estatal.",
    "Productores de la región denunciaron que son extorsionados por grupos criminales que cobran una cuota "
    "por cada kilo de fruta que sale de las huertas.",
]


def run(*args: str):
    return CliRunner().invoke(app, ["ingest", "--no-progress", *args])


def test_article_url_is_fetched_and_cleaned(site):
    url = site.page("/news/morelia", site.article_html("Clash near Morelia", MORELIA, "2024-02-15", "Bajío Test News"))
    items = list(iter_items([url], allow_private=True))
    assert len(items) == 1 and isinstance(items[0], Item)
    item = items[0]
    assert "Charo" in item.text and "Home" not in item.text and "Contact us" not in item.text
    assert item.title == "Clash near Morelia"
    assert item.published == "2024-02-15"
    assert item.source == "Bajío Test News"
    assert item.url == url


def test_private_address_refused_without_flag_and_allowed_with_it(site, tmp_path):
    url = site.page("/news/morelia", site.article_html("Clash near Morelia", MORELIA))
    db = str(tmp_path / "t.db")
    refused = run(url, "--db", db)
    assert refused.exit_code == 1
    assert f"failed: {url}: refused 127.0.0.1 (127.0.0.1): not a public address; pass --allow-private" in refused.stderr
    assert site.hits == []  # refused before any connection
    allowed = run(url, "--db", db, "--allow-private")
    assert allowed.exit_code == 0, allowed.output
    assert "new 1, duplicate 0, near-duplicate 0, failed 0" in allowed.stdout


@pytest.mark.parametrize("host", ["169.254.169.254", "10.0.0.7", "192.168.1.1", "::1", "100.64.0.1", "0.0.0.0"])
def test_non_public_addresses_are_refused(host):
    with pytest.raises(FetchError, match="not a public address"):
        check_address(host, 80, allow_private=False)


def test_redirect_to_a_private_address_is_refused(site, monkeypatch):
    """A public-looking first hop that redirects to the metadata address must stop at the redirect."""
    target = site.page("/ok", site.article_html("x", MORELIA))
    site.redirect("/hop", "http://169.254.169.254/latest/meta-data/")
    # the first hop is our local server, which we allow only for this host; every other hop is checked
    import cartelscope.ingest.fetch as fetch_mod

    real = fetch_mod.check_address

    def only_local_allowed(host, port, allow_private):
        return real(host, port, allow_private or (host == "127.0.0.1" and port == site.port))

    monkeypatch.setattr(fetch_mod, "check_address", only_local_allowed)
    with pytest.raises(FetchError, match=r"refused 169\.254\.169\.254 .*not a public address"):
        fetch(site.url("/hop"), allow_private=False)
    site.redirect("/hop2", target)
    assert fetch(site.url("/hop2"), allow_private=False).final_url == target


def test_too_many_redirects(site):
    site.redirect("/a", "/b")
    site.redirect("/b", "/a")
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetch(site.url("/a"), allow_private=True, max_redirects=3)


def test_unreachable_url_is_one_line_and_the_batch_goes_on(site, closed_port, tmp_path):
    good = site.page("/u", site.article_html("Uruapan", URUAPAN))
    dead = f"http://127.0.0.1:{closed_port}/story"
    result = run(dead, good, "--db", str(tmp_path / "t.db"), "--allow-private")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert lines == [f"failed: {dead}: {dead}: cannot connect ([Errno 111] Connection refused)"]
    assert "new 1, duplicate 0, near-duplicate 0, failed 1" in result.stdout


def test_timeout(site):
    url = site.page("/slow", site.article_html("slow", MORELIA), delay=2.0)
    with pytest.raises(FetchError, match=r"timed out after 0\.5 s"):
        fetch(url, allow_private=True, timeout=0.5)


def test_body_that_drips_slower_than_the_deadline_times_out(site):
    url = site.page("/drip", "x" * 400, content_type="text/plain", drip=0.1)
    with pytest.raises(FetchError, match="timed out"):
        fetch(url, allow_private=True, timeout=0.6)


def test_timeout_setting_through_the_cli(site, tmp_path, monkeypatch):
    url = site.page("/slow", site.article_html("slow", MORELIA), delay=2.0)
    monkeypatch.setenv("CARTELSCOPE_FETCH_TIMEOUT", "0.5")
    result = run(url, "--db", str(tmp_path / "t.db"), "--allow-private")
    assert result.exit_code == 1
    assert "timed out after 0.5 s (CARTELSCOPE_FETCH_TIMEOUT)" in result.stderr


def test_body_over_the_size_cap(site):
    declared = site.page("/big", "a" * 5000, content_type="text/plain")
    with pytest.raises(FetchError, match="5000 bytes is over the 1000-byte cap"):
        fetch(declared, allow_private=True, max_bytes=1000)
    streamed = site.page("/big-chunked", "a" * 5000, content_type="text/plain", declared_length=False)
    with pytest.raises(FetchError, match="body over the 1000-byte cap"):
        fetch(streamed, allow_private=True, max_bytes=1000)


def test_wrong_content_type(site):
    url = site.page("/photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100, content_type="image/jpeg")
    with pytest.raises(FetchError, match="content type 'image/jpeg' is not an article or feed"):
        fetch(url, allow_private=True)


def test_http_error_status(site):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(site.url("/missing"), allow_private=True)


def test_html_without_an_article_body(site):
    url = site.page("/empty", "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    (failure,) = iter_items([url], allow_private=True)
    assert isinstance(failure, Failure)
    assert str(failure) == f"{url}: no article body found in the HTML"


def test_rss_feed_items_are_fetched(site, tmp_path):
    a = site.page("/a", site.article_html("Clash near Morelia", MORELIA, outlet=None))
    b = site.page("/b", site.article_html("Ataque en Uruapan", URUAPAN, outlet=None))
    feed = site.page("/feed.xml", site.rss([("Clash near Morelia", a), ("Ataque en Uruapan", b)], "Michoacán Test Feed"),
                     content_type="application/rss+xml")
    items = list(iter_items([feed], allow_private=True))
    assert [type(i) for i in items] == [Item, Item]
    assert {i.url for i in items} == {a, b}
    assert all(i.source == "Michoacán Test Feed" for i in items)  # the pages name no outlet of their own
    assert all(i.published == "2024-03-05" for i in items)  # from the feed when the page has no date
    result = run(feed, "--db", str(tmp_path / "t.db"), "--allow-private", "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"new": 2' in result.stdout


def test_atom_feed_served_as_xml_is_sniffed(site):
    a = site.page("/a", site.article_html("Ataque en Uruapan", URUAPAN, outlet=None))
    feed = site.page("/atom", site.atom([("Ataque en Uruapan", a)]), content_type="text/xml")
    (item,) = iter_items([feed], allow_private=True)
    assert isinstance(item, Item) and "Uruapan" in item.text and item.source == "Test Atom"


def test_feed_with_broken_items(site, tmp_path):
    good = site.page("/good", site.article_html("Clash near Morelia", MORELIA))
    empty = site.page("/empty", "<html><body><p>Subscribe</p></body></html>")
    feed_body = site.rss([("no link here", None), ("gone", site.url("/gone")), ("empty page", empty),
                          ("ftp link", "ftp://example.org/x"), ("good", good)])
    feed = site.page("/feed", feed_body, content_type="application/rss+xml")
    result = run(feed, "--db", str(tmp_path / "t.db"), "--allow-private")
    assert result.exit_code == 1
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert failed == [
        f"failed: {feed}#item1: feed entry 'no link here' has no http(s) link",
        f"failed: {feed}#item2 {site.url('/gone')}: {site.url('/gone')}: HTTP 404 Not Found",
        f"failed: {feed}#item3 {empty}: no article body found in the HTML",
        f"failed: {feed}#item4: feed entry 'ftp link' has no http(s) link",
    ]
    assert "new 1, duplicate 0, near-duplicate 0, failed 4" in result.stdout


def test_malformed_feed_is_one_failure(site):
    feed = site.page("/bad", "<?xml version='1.0'?><rss><channel><title>x</title>", content_type="application/rss+xml")
    (failure,) = iter_items([feed], allow_private=True)
    assert isinstance(failure, Failure) and failure.message.startswith("feed has no readable entries")
    truncated = site.page("/cut", "<?xml version='1.0'?><rss><channel><title>x</title><item><title>half",
                          content_type="application/rss+xml")
    (failure,) = iter_items([truncated], allow_private=True)
    assert str(failure) == f"{truncated}#item1: feed entry has no http(s) link"


def test_feed_linking_to_itself_does_not_recurse(site):
    feed_url = site.url("/loop")
    site.page("/loop", site.rss([("me", feed_url)]), content_type="application/rss+xml")
    (failure,) = iter_items([feed_url], allow_private=True)
    assert "links to a feed, not an article" in failure.message


def test_plain_text_and_json_urls(site):
    txt = site.page("/story.txt", "Ataque en Uruapan\n\n" + "\n".join(URUAPAN), content_type="text/plain; charset=utf-8")
    js = site.page("/story.json", '{"title": "T", "text": "%s", "published": "2024-01-02"}' % URUAPAN[0],
                   content_type="application/json")
    got = list(iter_items([txt, js], allow_private=True))
    assert [type(g) for g in got] == [Item, Item]
    assert got[0].title == "Ataque en Uruapan" and got[1].published == "2024-01-02"


def test_refetching_the_same_article_is_a_duplicate(site, db_url):
    url = site.page("/a", site.article_html("Clash near Morelia", MORELIA))
    assert run(url, "--db", db_url, "--allow-private").exit_code == 0
    again = run(url, "--db", db_url, "--allow-private")
    assert again.exit_code == 0 and "new 0, duplicate 1, near-duplicate 0, failed 0" in again.stdout
