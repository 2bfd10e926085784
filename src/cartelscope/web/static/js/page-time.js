/* Time page: weekly events by type over the whole record; dragging selects the period that every
   other view then uses. */
"use strict";
(function () {
  const CS = window.CS;
  async function refresh() {
    const box = document.getElementById("timeline");
    try {
      const data = await CS.api("/api/timeseries", CS.filters(["since", "until"]));
      CS.drawTimeline(box, data, { height: 260, stacked: true, brush: true,
                                   onBrush: function (s, u) { CS.setParams({ since: s, until: u }); } });
      const legend = CS.clear(document.getElementById("time-legend"));
      data.types.forEach(function (t) {
        const sw = CS.el("span", { class: "sw" });
        sw.style.background = CS.TYPE_COLORS[t] || "#555";
        legend.appendChild(CS.el("span", { class: "item" }, [sw, t]));
      });
      document.getElementById("time-note").textContent = data.imprecise
        ? data.imprecise + " " + CS.t("time.imprecise") : "";
      const st = await CS.api("/api/stats", CS.filters());
      const f = st.filtered;
      const sum = CS.clear(document.getElementById("time-summary"));
      sum.appendChild(CS.el("h2", {}, [CS.t("time.selected") + ": " + (f.first_date || "—") + " – " + (f.last_date || "—")]));
      sum.appendChild(CS.el("p", { id: "period-total" }, [f.events + " " + CS.t("time.total") + " · " + f.fatalities + " " + CS.t("time.deaths")]));
      const ul = CS.el("ul");
      Object.entries(f.by_type).forEach(function ([t, v]) { ul.appendChild(CS.el("li", {}, [t + ": " + v.events])); });
      sum.appendChild(ul);
    } catch (err) { CS.fail(box, err); }
  }
  document.addEventListener("DOMContentLoaded", async function () {
    await CS.initFilters();
    await refresh();
    document.addEventListener("cs:filters", refresh);
    document.addEventListener("cs:lang", refresh);
  });
})();
