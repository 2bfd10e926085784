/* Mexico drawn in SVG from the bundled INEGI boundaries with a plain equirectangular projection
   (longitude scaled by cos 24°): no tiles, no network. States are shaded by events or fatalities;
   municipalities appear when zoomed in. Points show their precision honestly: a filled dot is an
   exact place, a hollow dashed ring a municipality-level location, and state-level events get no
   pin at all, only a count on their state. */
"use strict";
(function () {
  const CS = (window.CS = window.CS || {});
  const K = 20, LON0 = -118.6, LAT0 = 32.9, COS = Math.cos(24 * Math.PI / 180);
  const RAMP = ["#fde0c5", "#facba6", "#f59e72", "#ee7148", "#d9472b", "#a8231b"];
  const QUIET = "#f2efe6";
  const geo = {};
  CS.loadGeo = function (level) {
    if (!geo[level]) geo[level] = fetch("/static/geo/" + level + ".geojson").then(function (r) { return r.json(); });
    return geo[level];
  };
  const project = function (c) { return [(c[0] - LON0) * COS * K, (LAT0 - c[1]) * K]; };
  function pathFor(geometry) {
    const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    let d = "";
    polys.forEach(function (poly) {
      poly.forEach(function (ring) {
        ring.forEach(function (c, i) {
          const p = project(c);
          d += (i ? "L" : "M") + p[0].toFixed(1) + " " + p[1].toFixed(1);
        });
        d += "Z";
      });
    });
    return d;
  }
  function bbox(geometry) {
    const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    let b = [Infinity, Infinity, -Infinity, -Infinity], best = null, bestArea = -1;
    polys.forEach(function (poly) {
      const pb = [Infinity, Infinity, -Infinity, -Infinity];
      poly[0].forEach(function (c) {
        const p = project(c);
        pb[0] = Math.min(pb[0], p[0]); pb[1] = Math.min(pb[1], p[1]);
        pb[2] = Math.max(pb[2], p[0]); pb[3] = Math.max(pb[3], p[1]);
      });
      const area = (pb[2] - pb[0]) * (pb[3] - pb[1]);
      if (area > bestArea) { bestArea = area; best = pb; }
      b = [Math.min(b[0], pb[0]), Math.min(b[1], pb[1]), Math.max(b[2], pb[2]), Math.max(b[3], pb[3])];
    });
    return { box: b, centre: [(best[0] + best[2]) / 2, (best[1] + best[3]) / 2] };
  }
  function colour(value, max) {
    if (!value) return QUIET;
    const f = Math.log(1 + value) / Math.log(1 + Math.max(max, 1));
    return RAMP[Math.min(RAMP.length - 1, Math.floor(f * (RAMP.length - 0.001)))];
  }

  class MexicoMap {
    constructor(container, opts) {
      this.opts = opts || {};
      this.full = [0, 0, 600, 390];
      this.view = this.full.slice();
      this.svg = CS.svg("svg", { class: "mexico", viewBox: this.full.join(" "), role: "img",
                                 preserveAspectRatio: "xMidYMid meet" }, CS.clear(container));
      const defs = CS.svg("defs", {}, this.svg);
      const pat = CS.svg("pattern", { id: "noreports", width: 6, height: 6, patternUnits: "userSpaceOnUse",
                                      patternTransform: "rotate(45)" }, defs);
      CS.svg("rect", { width: 6, height: 6, fill: "#ffffff" }, pat);
      CS.svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#b9b9b9", "stroke-width": 2 }, pat);
      this.gStates = CS.svg("g", { class: "states" }, this.svg);
      this.gMunis = CS.svg("g", { class: "munis" }, this.svg);
      this.gOutline = CS.svg("g", { class: "outline" }, this.svg);
      this.gBadges = CS.svg("g", { class: "badges" }, this.svg);
      this.gPoints = CS.svg("g", { class: "points" }, this.svg);
      this.states = {};
      this.munis = null;
      this._pan();
    }
    async drawStates() {
      const data = await CS.loadGeo("states");
      data.features.forEach((f) => {
        const iso = f.properties.state_iso;
        const path = CS.svg("path", { d: pathFor(f.geometry), class: "state", "data-iso": iso,
                                      "vector-effect": "non-scaling-stroke" }, this.gStates);
        CS.svg("title", {}, path).textContent = f.properties.name;
        CS.svg("path", { d: path.getAttribute("d"), class: "state-outline", "vector-effect": "non-scaling-stroke" },
               this.gOutline);
        const b = bbox(f.geometry);
        this.states[iso] = { path: path, name: f.properties.name, box: b.box, centre: b.centre };
        path.addEventListener("click", () => { if (this.opts.onState) this.opts.onState(iso, f.properties.name); });
      });
    }
    /* rows: [{state, events, fatalities, state_level, ever}] from /api/places/states */
    shadeStates(rows, metric) {
      const by = {}; rows.forEach(function (r) { by[r.state] = r; });
      const max = Math.max.apply(null, rows.map(function (r) { return r[metric]; }).concat([1]));
      CS.clear(this.gBadges);
      Object.entries(this.states).forEach(([iso, s]) => {
        const r = by[iso];
        const status = !r || !r.ever ? "noreports" : (r[metric] ? "active" : "quiet");
        s.path.setAttribute("fill", status === "noreports" ? "url(#noreports)" : colour(r[metric], max));
        s.path.setAttribute("data-status", status);
        s.path.setAttribute("data-value", r ? r[metric] : 0);
        s.path.querySelector("title").textContent = s.name + ": " + (status === "noreports" ? CS.t("map.noreports")
          : r[metric] + " " + CS.t("map." + metric) + (r.state_level ? " (" + r.state_level + " " + CS.t("map.stateonly") + ")" : ""));
        if (r && r.state_level) {
          const t = CS.svg("text", { x: s.centre[0], y: s.centre[1], class: "badge", "data-iso": iso,
                                     "text-anchor": "middle", "font-size": (11 * this.view[2] / 600).toFixed(2) }, this.gBadges);
          t.textContent = "◌" + r.state_level;
        }
      });
      this.maxStates = max;
    }
    async drawMunicipalities(rows, metric, onlyState) {
      const data = await CS.loadGeo("municipalities");
      CS.clear(this.gMunis);
      const by = {}; rows.forEach(function (r) { by[r.municipality_code] = r; });
      const max = Math.max.apply(null, rows.map(function (r) { return r[metric]; }).concat([1]));
      data.features.forEach((f) => {
        if (onlyState && f.properties.state_iso !== onlyState) return;
        const code = f.properties.inegi, r = by[code];
        const status = !r || !r.ever ? "noreports" : (r[metric] ? "active" : "quiet");
        const path = CS.svg("path", { d: pathFor(f.geometry), class: "muni", "data-code": code, "data-status": status,
                                      fill: status === "noreports" ? "url(#noreports)" : colour(r[metric], max),
                                      "vector-effect": "non-scaling-stroke" }, this.gMunis);
        CS.svg("title", {}, path).textContent = f.properties.name + ": " +
          (status === "noreports" ? CS.t("map.noreports") : r[metric] + " " + CS.t("map." + metric));
        path.addEventListener("click", (ev) => {
          ev.stopPropagation();
          if (this.opts.onMunicipality) this.opts.onMunicipality(code, f.properties.name);
        });
      });
      this.munis = onlyState || "all";
    }
    hideMunicipalities() { CS.clear(this.gMunis); this.munis = null; }
    /* features: GeoJSON features of events; those without geometry are state-level (no pin). */
    drawPoints(features) {
      CS.clear(this.gPoints);
      const groups = {};
      features.forEach(function (f) {
        if (!f.geometry) return;
        const key = f.geometry.coordinates.join(",") + "|" + f.properties.geo_precision;
        (groups[key] = groups[key] || []).push(f);
      });
      const r = this._radius();
      Object.values(groups).forEach((list) => {
        const f = list[0], p = project(f.geometry.coordinates);
        const exact = f.properties.geo_precision === 1;
        const c = CS.svg("circle", { cx: p[0], cy: p[1], r: r * (1 + Math.min(2, Math.log10(list.length))),
                                     class: exact ? "pt exact" : "pt approx", "data-n": list.length,
                                     "vector-effect": "non-scaling-stroke" }, this.gPoints);
        CS.svg("title", {}, c).textContent = list.length + " · " + (exact ? CS.t("map.exact") : CS.t("map.muni"));
        c.addEventListener("click", (ev) => { ev.stopPropagation(); if (this.opts.onPoints) this.opts.onPoints(list); });
      });
    }
    _radius() { return 2.6 * this.view[2] / this.full[2]; }
    zoomTo(box, margin) {
      const m = margin || 10;
      const w = box[2] - box[0] + 2 * m, h = box[3] - box[1] + 2 * m;
      const ratio = this.full[2] / this.full[3];
      const W = Math.max(w, h * ratio), H = W / ratio;
      this.setView([box[0] - m - (W - w) / 2, box[1] - m - (H - h) / 2, W, H]);
    }
    zoomState(iso) { if (this.states[iso]) this.zoomTo(this.states[iso].box); }
    zoom(factor, cx, cy) {
      const v = this.view;
      cx = cx === undefined ? v[0] + v[2] / 2 : cx; cy = cy === undefined ? v[1] + v[3] / 2 : cy;
      const w = Math.min(this.full[2] * 1.2, Math.max(8, v[2] / factor)), h = w * v[3] / v[2];
      this.setView([cx - (cx - v[0]) * w / v[2], cy - (cy - v[1]) * h / v[3], w, h]);
    }
    reset() { this.setView(this.full.slice()); }
    setView(v) {
      this.view = v;
      this.svg.setAttribute("viewBox", v.map(function (n) { return n.toFixed(2); }).join(" "));
      const r = this._radius();
      this.gPoints.querySelectorAll("circle").forEach(function (c) {
        c.setAttribute("r", r * (1 + Math.min(2, Math.log10(+c.getAttribute("data-n")))));
      });
      this.gBadges.querySelectorAll("text").forEach(function (t) { t.setAttribute("font-size", (11 * v[2] / 600).toFixed(2)); });
      if (this.opts.onZoom) this.opts.onZoom(this.full[2] / v[2]);
    }
    _pan() {
      let drag = null;
      const toView = (ev) => {
        const rect = this.svg.getBoundingClientRect();
        const s = Math.max(this.view[2] / rect.width, this.view[3] / rect.height);
        return [this.view[0] + (ev.clientX - rect.left) * s, this.view[1] + (ev.clientY - rect.top) * s, s];
      };
      this.svg.addEventListener("wheel", (ev) => {
        ev.preventDefault();
        const p = toView(ev);
        this.zoom(ev.deltaY < 0 ? 1.25 : 0.8, p[0], p[1]);
      }, { passive: false });
      this.svg.addEventListener("mousedown", (ev) => { drag = [ev.clientX, ev.clientY, this.view.slice(), false]; });
      window.addEventListener("mousemove", (ev) => {
        if (!drag) return;
        const dx = ev.clientX - drag[0], dy = ev.clientY - drag[1];
        if (Math.abs(dx) + Math.abs(dy) < 4 && !drag[3]) return;
        drag[3] = true;
        const rect = this.svg.getBoundingClientRect();
        const s = Math.max(drag[2][2] / rect.width, drag[2][3] / rect.height);
        this.setView([drag[2][0] - dx * s, drag[2][1] - dy * s, drag[2][2], drag[2][3]]);
      });
      window.addEventListener("mouseup", () => { drag = null; });
    }
  }
  CS.MexicoMap = MexicoMap;

  CS.drawLegend = function (node, metric, max) {
    CS.clear(node);
    const sw = function (cls, label) {
      return CS.el("span", { class: "item" }, [CS.el("span", { class: "sw " + cls }), label]);
    };
    node.appendChild(sw("sw-ramp", "1 – " + (max || 1) + " " + CS.t("map." + metric)));
    node.appendChild(sw("sw-quiet", CS.t("map.quiet")));
    node.appendChild(sw("sw-noreports", CS.t("map.noreports")));
    node.appendChild(sw("sw-exact", CS.t("map.exact")));
    node.appendChild(sw("sw-approx", CS.t("map.muni")));
    node.appendChild(CS.el("span", { class: "item" }, ["◌n " + CS.t("map.statelevel")]));
  };
})();
