/* Actor and state pages: the entity's events on the map, on a weekly timeline and as a list,
   all following the selected period. */
"use strict";
(function () {
  const CS = window.CS;
  let map;
  async function refresh() {
    const ent = document.getElementById("entity");
    const key = ent.getAttribute("data-filter"), value = ent.getAttribute("data-value");
    const f = Object.assign(CS.filters([key]), { [key]: value });
    try {
      const [states, pts, series, list] = await Promise.all([
        CS.api("/api/places/states", f),
        CS.api("/api/events", Object.assign({}, f, { format: "geojson", limit: 3000 })),
        CS.api("/api/timeseries", Object.assign(CS.filters([key, "since", "until"]), { [key]: value })),
        CS.api("/api/events", Object.assign({}, f, { limit: 50 })),
      ]);
      map.shadeStates(states.items, "events");
      if (key === "state") {
        const munis = await CS.api("/api/places/municipalities", f);
        await map.drawMunicipalities(munis.items, "events", value);
        map.zoomState(value);
      }
      map.drawPoints(pts.features);
      CS.drawLegend(document.getElementById("legend"), "events", map.maxStates);
      CS.drawTimeline(document.getElementById("timeline"), series, { height: 120, stacked: true, brush: true,
        onBrush: function (s, u) { CS.setParams({ since: s, until: u }); } });
      const ul = CS.clear(document.getElementById("entity-events"));
      list.items.forEach(function (e) { ul.appendChild(CS.eventLine(e)); });
      if (!list.items.length) ul.appendChild(CS.el("li", { class: "hint" }, [CS.t("map.noevents")]));
    } catch (err) { CS.fail(document.getElementById("entity-events"), err); }
  }
  document.addEventListener("DOMContentLoaded", async function () {
    map = new CS.MexicoMap(document.getElementById("map"), {
      onState: function (iso) { window.location.href = "/states/" + iso + CS.qs(CS.filters(["state", "actor"])); },
    });
    await map.drawStates();
    await refresh();
    document.addEventListener("cs:filters", refresh);
    document.addEventListener("cs:lang", refresh);
  });
})();
