"""End-to-end: every dashboard page in headless Chromium against a live server."""
from __future__ import annotations

from pathlib import Path

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait
from selenium.common.exceptions import StaleElementReferenceException

# the dashboard re-renders parts of the page while a wait polls them
STALE = (StaleElementReferenceException,)


def wait_for(driver, css, count=1, timeout=20):
    WebDriverWait(driver, timeout).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, css)) >= count)
    return driver.find_elements(By.CSS_SELECTOR, css)


ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


def shot(driver, name):
    driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def test_map_shades_states_and_lists_events_on_click(server, browser):
    browser.get(server + "/")
    states = wait_for(browser, "path.state[data-status]", 32)
    status = {s.get_attribute("data-iso"): s.get_attribute("data-status") for s in states}
    assert status["MX-SIN"] == "active" and "noreports" in status.values()
    assert wait_for(browser, "circle.pt.approx")  # municipality-level points are hollow rings
    assert "known only to state level" in browser.find_element(By.ID, "legend").text
    browser.execute_script("document.querySelector('path.state[data-iso=\"MX-SIN\"]')"
                           ".dispatchEvent(new MouseEvent('click', {bubbles: true}))")
    items = wait_for(browser, "#panel .eventlist li")
    assert "Sinaloa" in browser.find_element(By.CSS_SELECTOR, "#panel h2").text and items
    wait_for(browser, "path.muni", 10)  # zooming into a state shows its municipalities
    shot(browser, "map-sinaloa")
    Select(browser.find_element(By.CSS_SELECTOR, "#filters select[name=type]")).select_by_value("Battles")
    browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    WebDriverWait(browser, 10, ignored_exceptions=STALE).until(lambda d: "type=Battles" in d.current_url)


def test_time_brush_sets_the_period_that_other_views_follow(server, browser):
    browser.get(server + "/time")
    bars = wait_for(browser, "#timeline svg rect[data-week]", 5)
    total_before = wait_for(browser, "#period-total")[0].text
    svg = browser.find_element(By.CSS_SELECTOR, "#timeline svg")
    width = svg.size["width"]
    ActionChains(browser).move_to_element_with_offset(svg, int(width * 0.2), 0).click_and_hold() \
        .move_by_offset(int(width * 0.25), 0).release().perform()
    WebDriverWait(browser, 10, ignored_exceptions=STALE).until(lambda d: "since=" in d.current_url and "until=" in d.current_url)
    WebDriverWait(browser, 10, ignored_exceptions=STALE).until(lambda d: d.find_element(By.ID, "period-total").text != total_before)
    assert bars and "–" in browser.find_element(By.ID, "period-text").text
    shot(browser, "time-brushed")
    browser.find_element(By.CSS_SELECTOR, "nav a[href^='/events']").click()
    WebDriverWait(browser, 10, ignored_exceptions=STALE).until(lambda d: "/events?" in d.current_url and "since=" in d.current_url)
    count = wait_for(browser, "#events-count")[0]
    WebDriverWait(browser, 10, ignored_exceptions=STALE).until(lambda d: count.text)
    since = browser.current_url.split("since=")[1].split("&")[0]
    until = browser.current_url.split("until=")[1].split("&")[0]
    dates = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "#events-table tbody tr td:first-child")]
    assert all(since <= d <= until for d in dates if d != "?")
    browser.find_element(By.ID, "period-clear").click()
    WebDriverWait(browser, 10, ignored_exceptions=STALE).until(lambda d: "since=" not in d.current_url)


def test_events_table_filters_and_event_page_shows_evidence(server, browser):
    browser.get(server + "/events")
    wait_for(browser, "#events-table tbody tr", 10)
    Select(browser.find_element(By.CSS_SELECTOR, "#filters select[name=state]")).select_by_value("MX-MIC")
    browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    WebDriverWait(browser, 10, ignored_exceptions=STALE).until(lambda d: all(
        "Michoac" in tr.text for tr in d.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")))
    shot(browser, "events-michoacan")
    browser.find_element(By.CSS_SELECTOR, "#events-table tbody tr td a").click()
    marks = wait_for(browser, "mark.evidence")
    assert marks[0].text.strip()
    assert browser.find_elements(By.CSS_SELECTOR, "a.source-link[href^='http']")
    shot(browser, "event-page")


def test_network_draws_coloured_edges_and_opens_actor_pages(server, browser):
    browser.get(server + "/network?as_of=2024-12-01")
    wait_for(browser, "svg.net a.node", 5)
    kinds = {e.get_attribute("data-kind") for e in browser.find_elements(By.CSS_SELECTOR, "svg.net line.edge")}
    assert "rivalry" in kinds
    assert browser.find_elements(By.CSS_SELECTOR, "svg.net circle.group")  # factions grouped with parent
    shot(browser, "network-2024")
    browser.get(server + "/network?as_of=2022-06-01")
    wait_for(browser, "svg.net a.node", 5)
    kinds = {e.get_attribute("data-kind") for e in browser.find_elements(By.CSS_SELECTOR, "svg.net line.edge")}
    assert "alliance" in kinds
    browser.execute_script("document.querySelector('svg.net a.node[data-id=\"cjng\"] circle')"
                           ".dispatchEvent(new MouseEvent('click', {bubbles: true}))")
    WebDriverWait(browser, 10, ignored_exceptions=STALE).until(lambda d: "/actors/cjng" in d.current_url)


def test_actor_and_state_pages_and_spanish_labels(server, browser):
    browser.get(server + "/actors/cjng")
    assert "CJNG" in browser.find_element(By.CSS_SELECTOR, ".facts").text
    wait_for(browser, "#entity-events li", 1)
    wait_for(browser, "#timeline svg rect[data-week]", 1)
    assert browser.find_elements(By.CSS_SELECTOR, "table.relations tbody tr.rel-rivalry")
    shot(browser, "actor-cjng")
    browser.get(server + "/states/MX-SIN")
    wait_for(browser, "path.muni", 10)
    assert "Culiacán" in browser.find_element(By.CSS_SELECTOR, "table.munis").text
    shot(browser, "state-sinaloa")
    browser.find_element(By.CSS_SELECTOR, "button[data-lang=es]").click()
    assert browser.find_element(By.CSS_SELECTOR, "nav a[href^='/events']").text == "Eventos"
    browser.get(server + "/")
    assert browser.find_element(By.CSS_SELECTOR, "nav a[href^='/network']").text == "Red"
    browser.find_element(By.CSS_SELECTOR, "button[data-lang=en]").click()
    assert browser.find_element(By.CSS_SELECTOR, "nav a[href^='/network']").text == "Network"


def test_hostile_article_text_is_shown_escaped_and_never_runs(server, browser):
    browser.get(server + "/events?text=onerror")
    link = wait_for(browser, "#events-table tbody tr td a")[0]
    summary_cells = browser.find_elements(By.CSS_SELECTOR, "#events-table .summary-cell")
    link.click()
    # resolution may merge the report into an event other outlets also covered: find its source
    marks = " ".join(m.text for m in wait_for(browser, "mark.evidence"))
    assert "<script>window.csPwned=2" in marks and "onerror=" in marks  # shown as text
    titles = " ".join(h.text for h in browser.find_elements(By.CSS_SELECTOR, ".source h3"))
    assert "<script>window.csPwned=1" in titles
    assert not browser.find_elements(By.CSS_SELECTOR, "main script, main img")
    assert browser.execute_script("return window.csPwned === undefined")
    assert browser.title != "pwned"
    shot(browser, "hostile-event")
    browser.get(server + "/")
    wait_for(browser, "path.state[data-status]", 32)
    browser.get(server + "/actors/sinaloa-cartel")
    wait_for(browser, "#entity-events li", 1)
    assert browser.execute_script("return window.csPwned === undefined") and browser.title != "pwned"
    assert summary_cells is not None
