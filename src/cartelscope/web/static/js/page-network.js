/* Network page: actors sized by events in the period, relations in force on the chosen date as
   coloured edges, factions drawn inside a ring with their parent. Click an actor to open it. */
"use strict";
(function () {
  const CS = window.CS;
  const EDGE = { alliance: "#2e8b57", rivalry: "#c0392b", ceasefire: "#2c7fb8", split: "#e67e22",
                 supplies: "#8e44ad", faction_of: "#9a9a9a" };
  const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#ff7f0e", "#7f7f7f"];
  const W = 1000, H = 640, M = 60;

  function draw(data) {
    const box = CS.clear(document.getElementById("network"));
    if (!data.nodes.length) { box.appendChild(CS.el("p", { class: "hint" }, [CS.t("net.empty")])); return; }
    const svg = CS.svg("svg", { viewBox: "0 0 " + W + " " + H, class: "net", role: "img" }, box);
    const pos = {}, colour = {}, groups = {};
    const maxEv = Math.max.apply(null, data.nodes.map(function (n) { return n.events; }).concat([1]));
    data.nodes.forEach(function (n) {
      pos[n.id] = [M + n.x * (W - 2 * M), M + n.y * (H - 2 * M)];
      (groups[n.group] = groups[n.group] || []).push(n);
    });
    Object.keys(groups).sort().forEach(function (g, i) { colour[g] = PALETTE[i % PALETTE.length]; });
    Object.entries(groups).forEach(function ([g, members]) {
      if (members.length < 2) return;
      const cx = members.reduce(function (s, n) { return s + pos[n.id][0]; }, 0) / members.length;
      const cy = members.reduce(function (s, n) { return s + pos[n.id][1]; }, 0) / members.length;
      const r = 30 + Math.max.apply(null, members.map(function (n) { return Math.hypot(pos[n.id][0] - cx, pos[n.id][1] - cy); }));
      CS.svg("circle", { cx: cx, cy: cy, r: r, class: "group", stroke: colour[g], "data-group": g }, svg);
    });
    data.edges.forEach(function (e) {
      if (!pos[e.a] || !pos[e.b]) return;
      const line = CS.svg("line", { x1: pos[e.a][0], y1: pos[e.a][1], x2: pos[e.b][0], y2: pos[e.b][1],
                                    stroke: EDGE[e.kind] || "#555", class: "edge edge-" + e.kind, "data-kind": e.kind }, svg);
      CS.svg("title", {}, line).textContent = e.kind + (e.first_reported ? " · " + e.first_reported : "") +
        (e.certainty ? " · " + e.certainty : "");
    });
    data.nodes.forEach(function (n) {
      const a = CS.svg("a", { href: "/actors/" + encodeURIComponent(n.id), class: "node", "data-id": n.id }, svg);
      const r = 5 + 22 * Math.sqrt(n.events / maxEv);
      CS.svg("circle", { cx: pos[n.id][0], cy: pos[n.id][1], r: r, fill: colour[n.group],
                         class: n.kind === "state_force" ? "state-force" : "" }, a);
      CS.svg("text", { x: pos[n.id][0], y: pos[n.id][1] - r - 3, "text-anchor": "middle", class: "label" }, a)
        .textContent = n.name;
      CS.svg("title", {}, a).textContent = n.name + " · " + n.events + " " + CS.t("map.events");
    });
    const legend = CS.clear(document.getElementById("net-legend"));
    Object.entries(EDGE).forEach(function ([k, c]) {
      const sw = CS.el("span", { class: "line-sw" }); sw.style.background = c;
      legend.appendChild(CS.el("span", { class: "item" }, [sw, CS.t("net." + k)]));
    });
  }
  async function refresh() {
    const asOf = document.getElementById("as-of");
    const p = CS.params();
    if (!asOf.value) asOf.value = p.get("as_of") || (p.get("until") && p.get("until").length === 10 ? p.get("until") : "");
    try {
      const data = await CS.api("/api/network", Object.assign(CS.filters(), { as_of: asOf.value }));
      asOf.value = data.as_of;
      draw(data);
    } catch (err) { CS.fail(document.getElementById("network"), err); }
  }
  document.addEventListener("DOMContentLoaded", function () {
    const asOf = document.getElementById("as-of");
    asOf.addEventListener("change", function () { CS.setParams({ as_of: asOf.value }); });
    document.addEventListener("cs:filters", function () {
      if (!CS.params().get("as_of")) asOf.value = "";
      refresh();
    });
    document.addEventListener("cs:lang", refresh);
    refresh();
  });
})();
