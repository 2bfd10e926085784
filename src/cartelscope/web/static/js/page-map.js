/* Map page: states shaded for the period and filters, municipalities when zoomed in, event
   points by precision, and a side panel listing the events of what was clicked. */
"use strict";
(function () {
  const CS = window.CS;
  const MUNI_ZOOM = 2.5, POINTS = 3000;
  let map, metric = "events", muniRows = null, features = [];

  function panel(title, events, total, extra) {
    const box = CS.clear(document.getElementById("panel"));
    box.appendChild(CS.el("h2", {}, [title]));
    if (extra) box.appendChild(extra);
    box.appendChild(CS.el("p", { class: "count" }, [total + " " + CS.t("map.events")]));
    if (!events.length) { box.appendChild(CS.el("p", { class: "hint" }, [CS.t("map.noevents")])); return; }
    const ul = CS.el("ul", { class: "eventlist" });
    events.forEach(function (e) { ul.appendChild(CS.eventLine(e)); });
    box.appendChild(ul);
    if (total > events.length) box.appendChild(CS.el("p", { class: "hint" }, [CS.t("map.fewer")]));
  }
  async function listFor(params, title, extra) {
    try {
      const res = await CS.api("/api/events", Object.assign(CS.filters(), params, { limit: 50 }));
      panel(title, res.items, res.total, extra);
    } catch (err) { CS.fail(document.getElementById("panel"), err); }
  }
  async function onState(iso, name) {
    const row = (map.rows || []).find(function (r) { return r.state === iso; });
    const extra = CS.el("p", {}, [CS.el("a", { href: "/states/" + iso + CS.qs(CS.filters(["state", "actor", "type", "text", "certainty", "municipality"])), class: "statelink" }, [CS.t("map.openstate")])]);
    if (row && row.state_level) extra.appendChild(CS.el("span", { class: "hint" }, [" · ◌" + row.state_level + " " + CS.t("map.stateonly")]));
    map.zoomState(iso);
    await listFor({ state: iso }, CS.t("map.eventsin") + " " + name, extra);
  }
  function onPoints(list) {
    const events = list.map(function (f) { return Object.assign({ id: f.id }, f.properties); });
    panel(events[0].location || events[0].municipality || "—", events.slice(0, 50), events.length);
  }
  async function loadMunis() {
    muniRows = (await CS.api("/api/places/municipalities", CS.filters())).items;
    await map.drawMunicipalities(muniRows, metric, null);
  }
  async function refresh() {
    const status = document.getElementById("map-status");
    try {
      const f = CS.filters();
      const [states, pts] = await Promise.all([
        CS.api("/api/places/states", f),
        CS.api("/api/events", Object.assign({}, f, { format: "geojson", limit: POINTS })),
      ]);
      map.rows = states.items;
      map.shadeStates(states.items, metric);
      features = pts.features;
      map.drawPoints(features);
      const placed = features.filter(function (x) { return x.geometry; }).length;
      status.textContent = placed + " " + CS.t("map.points") + " · " + pts.total + " " + CS.t("map.events");
      CS.drawLegend(document.getElementById("legend"), metric, map.maxStates);
      if (map.munis) await loadMunis();
    } catch (err) { status.textContent = CS.t("err") + ": " + err.message; }
  }
  document.addEventListener("DOMContentLoaded", async function () {
    map = new CS.MexicoMap(document.getElementById("map"), {
      onState: onState, onPoints: onPoints,
      onMunicipality: function (code, name) { listFor({ municipality: code }, CS.t("map.eventsin") + " " + name); },
      onZoom: function (scale) {
        if (scale >= MUNI_ZOOM && !map.munis) loadMunis();
        else if (scale < MUNI_ZOOM && map.munis) map.hideMunicipalities();
      },
    });
    document.getElementById("zoom-in").addEventListener("click", function () { map.zoom(1.6); });
    document.getElementById("zoom-out").addEventListener("click", function () { map.zoom(1 / 1.6); });
    document.getElementById("zoom-reset").addEventListener("click", function () { map.reset(); });
    document.getElementById("metric").addEventListener("change", function (ev) { metric = ev.target.value; refresh(); });
    await CS.initFilters();
    await map.drawStates();
    await refresh();
    document.addEventListener("cs:filters", refresh);
    document.addEventListener("cs:lang", refresh);
  });
})();
