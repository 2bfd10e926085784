/* Shared helpers: DOM building (text only, never innerHTML), the API, filters kept in the URL,
   and the period brush every page carries. */
"use strict";
(function () {
  const CS = (window.CS = window.CS || {});
  const SVGNS = "http://www.w3.org/2000/svg";
  CS.FILTER_KEYS = ["actor", "state", "municipality", "type", "since", "until", "text", "certainty"];
  CS.TYPE_COLORS = {
    "Battles": "#c0392b", "Explosions/Remote violence": "#e67e22", "Violence against civilians": "#8e44ad",
    "Strategic developments": "#2c7fb8", "Protests": "#27ae60", "Riots": "#7f8c8d",
  };

  CS.el = function (tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(function ([k, v]) {
      if (v !== null && v !== undefined && v !== false) node.setAttribute(k, String(v));
    });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    });
    return node;
  };
  CS.svg = function (tag, attrs, parent) {
    const node = document.createElementNS(SVGNS, tag);
    Object.entries(attrs || {}).forEach(function ([k, v]) {
      if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    });
    if (parent) parent.appendChild(node);
    return node;
  };
  CS.clear = function (node) { while (node.firstChild) node.removeChild(node.firstChild); return node; };

  CS.params = function () { return new URLSearchParams(window.location.search); };
  CS.filters = function (except) {
    const p = CS.params(); const out = {};
    CS.FILTER_KEYS.forEach(function (k) { if (p.get(k) && !(except || []).includes(k)) out[k] = p.get(k); });
    return out;
  };
  CS.qs = function (obj) {
    const p = new URLSearchParams();
    Object.entries(obj).forEach(function ([k, v]) { if (v !== null && v !== undefined && v !== "") p.set(k, v); });
    const s = p.toString();
    return s ? "?" + s : "";
  };
  /* Change some URL parameters (null removes one), remember the period, tell every view. */
  CS.setParams = function (changes) {
    const p = CS.params();
    Object.entries(changes).forEach(function ([k, v]) { if (v) p.set(k, v); else p.delete(k); });
    const s = p.toString();
    window.history.replaceState(null, "", window.location.pathname + (s ? "?" + s : ""));
    window.sessionStorage.setItem("cs-period", JSON.stringify({ since: p.get("since"), until: p.get("until") }));
    CS.syncNav();
    document.dispatchEvent(new CustomEvent("cs:filters"));
  };
  CS.syncNav = function () {
    const p = CS.params(); const keep = {};
    ["since", "until"].forEach(function (k) { if (p.get(k)) keep[k] = p.get(k); });
    document.querySelectorAll("a[data-keep]").forEach(function (a) {
      a.setAttribute("href", a.getAttribute("href").split("?")[0] + CS.qs(keep));
    });
    const txt = document.getElementById("period-text");
    if (txt) {
      if (p.get("since") || p.get("until")) {
        txt.removeAttribute("data-i18n");
        txt.textContent = (p.get("since") || "…") + " – " + (p.get("until") || "…");
      } else { txt.setAttribute("data-i18n", "period.all"); txt.textContent = CS.t("period.all"); }
    }
  };
  CS.api = async function (path, params) {
    const res = await fetch(path + CS.qs(params || {}), { headers: { Accept: "application/json" } });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error || res.statusText);
    return body;
  };
  CS.fail = function (node, err) {
    CS.clear(node).appendChild(CS.el("p", { class: "error" }, [CS.t("err") + ": " + err.message]));
  };

  /* ---- dates and the weekly timeline ------------------------------------------------- */
  CS.ms = function (day) { return Date.parse(day + "T00:00:00Z"); };
  CS.day = function (ms) { return new Date(ms).toISOString().slice(0, 10); };
  const WEEK = 7 * 86400000;

  /* Draw weekly bars (stacked by type when opts.stacked) into container; returns the x scale.
     With opts.brush, dragging selects a period and calls opts.onBrush(since, until). */
  CS.drawTimeline = function (container, data, opts) {
    opts = opts || {};
    CS.clear(container);
    const width = Math.max(300, container.clientWidth || 800);
    const height = opts.height || 80;
    const pad = { l: 36, r: 8, t: 6, b: 18 };
    const svg = CS.svg("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height,
                                class: "chart", role: "img" }, container);
    const series = data.series || [];
    if (!series.length) {
      CS.svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "muted" }, svg).textContent = "—";
      return null;
    }
    const lo = CS.ms(opts.from || series[0].week);
    const hi = CS.ms(opts.to || series[series.length - 1].week) + WEEK;
    const x = function (ms) { return pad.l + (ms - lo) / (hi - lo) * (width - pad.l - pad.r); };
    const max = Math.max.apply(null, series.map(function (w) { return w.events; })) || 1;
    const y = function (v) { return height - pad.b - v / max * (height - pad.t - pad.b); };
    const bw = Math.max(1, x(lo + WEEK) - x(lo) - 0.3);
    const types = data.types || [];
    series.forEach(function (w) {
      const x0 = x(CS.ms(w.week));
      if (opts.stacked) {
        let acc = 0;
        types.forEach(function (t) {
          const n = w.by_type[t] || 0;
          if (!n) return;
          CS.svg("rect", { x: x0, y: y(acc + n), width: bw, height: y(acc) - y(acc + n),
                           fill: CS.TYPE_COLORS[t] || "#555", "data-week": w.week }, svg);
          acc += n;
        });
      } else {
        CS.svg("rect", { x: x0, y: y(w.events), width: bw, height: y(0) - y(w.events), fill: "#6b6b6b",
                         "data-week": w.week }, svg);
      }
    });
    CS.svg("line", { x1: pad.l, x2: width - pad.r, y1: y(0), y2: y(0), stroke: "#999" }, svg);
    CS.svg("text", { x: pad.l - 4, y: pad.t + 8, "text-anchor": "end", class: "axis" }, svg).textContent = max;
    const y0 = new Date(lo).getUTCFullYear(), y1 = new Date(hi).getUTCFullYear();
    const step = Math.max(1, Math.ceil((y1 - y0 + 1) / 10));
    for (let yr = y0; yr <= y1; yr += step) {
      const ms = Date.UTC(yr, 0, 1);
      if (ms < lo || ms > hi) continue;
      CS.svg("text", { x: x(ms), y: height - 4, "text-anchor": "middle", class: "axis" }, svg).textContent = yr;
    }
    if (y0 === y1) {
      CS.svg("text", { x: pad.l, y: height - 4, class: "axis" }, svg).textContent = CS.day(lo);
      CS.svg("text", { x: width - pad.r, y: height - 4, "text-anchor": "end", class: "axis" }, svg).textContent = CS.day(hi - WEEK);
    }
    const scale = { x: x, lo: lo, hi: hi, svg: svg, pad: pad, width: width, height: height };
    if (opts.brush) brushable(scale, opts.onBrush);
    return scale;
  };

  function brushable(scale, onBrush) {
    const svg = scale.svg;
    const p = CS.params();
    const sel = CS.svg("rect", { class: "brush-sel", y: scale.pad.t, height: scale.height - scale.pad.t - scale.pad.b,
                                 x: 0, width: 0 }, svg);
    const toMs = function (px) {
      const f = (px - scale.pad.l) / (scale.width - scale.pad.l - scale.pad.r);
      return scale.lo + Math.min(1, Math.max(0, f)) * (scale.hi - scale.lo);
    };
    const show = function (a, b) { sel.setAttribute("x", Math.min(a, b)); sel.setAttribute("width", Math.abs(b - a)); };
    if (p.get("since") || p.get("until")) {
      show(scale.x(p.get("since") ? CS.ms(p.get("since").padEnd(10, "-01").slice(0, 10)) : scale.lo),
           scale.x(p.get("until") ? CS.ms(p.get("until").padEnd(10, "-28").slice(0, 10)) : scale.hi));
    }
    let start = null;
    const local = function (ev) { return ev.clientX - svg.getBoundingClientRect().left; };
    svg.addEventListener("mousedown", function (ev) { start = local(ev); show(start, start); ev.preventDefault(); });
    svg.addEventListener("mousemove", function (ev) { if (start !== null) show(start, local(ev)); });
    const finish = function (ev) {
      if (start === null) return;
      const end = local(ev); const a = Math.min(start, end), b = Math.max(start, end);
      start = null;
      if (b - a < 3) return;
      onBrush(CS.day(toMs(a)), CS.day(toMs(b)));
    };
    svg.addEventListener("mouseup", finish);
    svg.addEventListener("mouseleave", finish);
  }

  /* The small period brush at the top of every page: all events, not limited by the period. */
  CS.initBrush = async function () {
    const box = document.getElementById("brush");
    if (!box) return;
    try {
      const data = await CS.api("/api/timeseries", CS.filters(["since", "until"]));
      CS.drawTimeline(box, data, { height: 56, brush: true, onBrush: function (s, u) {
        CS.setParams({ since: s, until: u });
      } });
    } catch (err) { CS.fail(box, err); }
  };

  /* Fill the shared filter form from /api/meta and the URL; submitting updates the URL. */
  CS.initFilters = async function () {
    const form = document.getElementById("filters");
    if (!form) return;
    const meta = await CS.api("/api/meta");
    meta.states.forEach(function (s) { form.state.appendChild(CS.el("option", { value: s.iso }, [s.name])); });
    Object.entries(meta.event_types).forEach(function ([t, subs]) {
      form.type.appendChild(CS.el("option", { value: t }, [t]));
      subs.forEach(function (s) { form.type.appendChild(CS.el("option", { value: s }, ["· " + s])); });
    });
    meta.certainties.forEach(function (c) { form.certainty.appendChild(CS.el("option", { value: c }, [c])); });
    const p = CS.params();
    ["state", "type", "actor", "text", "certainty"].forEach(function (k) { if (p.get(k)) form[k].value = p.get(k); });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      const changes = {};
      ["state", "type", "actor", "text", "certainty"].forEach(function (k) { changes[k] = form[k].value.trim(); });
      CS.setParams(changes);
    });
    form.addEventListener("reset", function () {
      CS.setParams({ state: null, type: null, actor: null, text: null, certainty: null });
    });
  };

  CS.eventLine = function (e) {
    const place = [e.municipality, e.state].filter(Boolean).join(", ") || e.location || "—";
    return CS.el("li", {}, [
      CS.el("a", { href: "/events/" + encodeURIComponent(e.id) }, [(e.date || "?") + " · " + e.sub_event_type]),
      " · " + place + (e.fatalities ? " · †" + e.fatalities : ""),
      CS.el("div", { class: "hint" }, [(e.summary || "").slice(0, 220)]),
    ]);
  };

  document.addEventListener("DOMContentLoaded", function () {
    const p = CS.params();
    const saved = JSON.parse(window.sessionStorage.getItem("cs-period") || "null");
    if (saved && !p.get("since") && !p.get("until") && (saved.since || saved.until)) {
      p.set("since", saved.since || ""); p.set("until", saved.until || "");
      ["since", "until"].forEach(function (k) { if (!p.get(k)) p.delete(k); });
      window.history.replaceState(null, "", window.location.pathname + "?" + p.toString());
    }
    document.querySelectorAll("[data-lang]").forEach(function (b) {
      b.addEventListener("click", function () { CS.setLang(b.getAttribute("data-lang")); });
    });
    const clear = document.getElementById("period-clear");
    if (clear) clear.addEventListener("click", function () { CS.setParams({ since: null, until: null }); });
    CS.applyLabels();
    CS.syncNav();
    CS.initBrush();
    document.addEventListener("cs:filters", CS.initBrush);
  });
})();
