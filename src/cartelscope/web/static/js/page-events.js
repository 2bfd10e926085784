/* Events page: the filterable, paginated table. Every cell is text, never markup. */
"use strict";
(function () {
  const CS = window.CS;
  const PAGE = 50;
  let offset = 0;
  async function refresh() {
    const body = CS.clear(document.querySelector("#events-table tbody"));
    const f = CS.filters();
    document.getElementById("dl-csv").setAttribute("href", "/api/events" + CS.qs(Object.assign({}, f, { format: "csv", limit: 100000 })));
    document.getElementById("dl-geojson").setAttribute("href", "/api/events" + CS.qs(Object.assign({}, f, { format: "geojson", limit: 100000 })));
    try {
      const res = await CS.api("/api/events", Object.assign({}, f, { limit: PAGE, offset: offset }));
      res.items.forEach(function (e) {
        const place = [e.location, e.municipality, e.state].filter(Boolean).join(", ") || "—";
        const actors = CS.el("td");
        e.actors.forEach(function (a, i) {
          if (i) actors.appendChild(document.createTextNode(", "));
          actors.appendChild(CS.el("a", { href: "/actors/" + encodeURIComponent(a.id) }, [a.name]));
        });
        body.appendChild(CS.el("tr", { "data-id": e.id }, [
          CS.el("td", {}, [CS.el("a", { href: "/events/" + encodeURIComponent(e.id) }, [e.date || "?"])]),
          CS.el("td", {}, [e.sub_event_type]), CS.el("td", {}, [place]), actors,
          CS.el("td", {}, [e.fatalities === null ? "—" : String(e.fatalities)]),
          CS.el("td", { class: "cert-" + e.certainty }, [e.certainty]),
          CS.el("td", { class: "summary-cell" }, [(e.summary || "").slice(0, 300)]),
        ]));
      });
      const count = document.getElementById("events-count");
      count.textContent = res.total ? CS.t("t.showing") + " " + (offset + 1) + "–" + (offset + res.items.length) +
        " " + CS.t("map.of") + " " + res.total : CS.t("t.none");
      document.getElementById("prev").disabled = offset === 0;
      document.getElementById("next").disabled = offset + PAGE >= res.total;
    } catch (err) { CS.fail(document.getElementById("events-count"), err); }
  }
  document.addEventListener("DOMContentLoaded", async function () {
    document.getElementById("prev").addEventListener("click", function () { offset = Math.max(0, offset - PAGE); refresh(); });
    document.getElementById("next").addEventListener("click", function () { offset += PAGE; refresh(); });
    await CS.initFilters();
    await refresh();
    document.addEventListener("cs:filters", function () { offset = 0; refresh(); });
    document.addEventListener("cs:lang", refresh);
  });
})();
