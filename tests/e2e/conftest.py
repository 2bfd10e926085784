"""A real server (uvicorn on 127.0.0.1, random port) over the sample corpus plus a hostile
article, driven by Debian's Chromium through chromedriver. Skipped only when Chromium is absent
outside CI; in CI (CI=true) they must run."""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
TOKEN = "e2e-token-9b2d"
HOSTILE = {
    "title": "Balacera en Culiacán <script>window.csPwned=1;document.title='pwned'</script>",
    "url": "https://example.org/nota-hostil",
    "published": "2024-03-04",
    "source": "Prueba hostil",
    "text": "Hombres armados del Cártel de Sinaloa atacaron a policías estatales en Culiacán, Sinaloa, el 3 de "
            "marzo de 2024 <script>window.csPwned=2;document.title='pwned'</script>; murieron dos agentes "
            "<img src=x onerror=\"window.csPwned=3;document.title='pwned'\">. La fiscalía estatal informó del ataque.",
}

if not Path(CHROMIUM).exists() and os.environ.get("CI") != "true":
    pytest.skip("Chromium is not installed (apt-get install chromium chromium-driver)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Base URL of a live server; the hostile article is posted through the write API."""
    import uvicorn

    import cartelscope.demo
    from cartelscope.api import create_app
    from cartelscope.scope import Scope

    db = str(tmp_path_factory.mktemp("e2e") / "e2e.db")
    with Scope(db) as scope:
        scope.ingest_records(cartelscope.demo.sample_items())
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db, token=TOKEN), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(base + "/api/health", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    r = httpx.post(base + "/api/ingest", json=HOSTILE, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
    assert r.status_code == 200 and r.json()["new"] == 1, r.text
    yield base
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not download anything
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(30)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()
