/* Interface labels in English and Spanish. Elements carry data-i18n="key"; scripts call CS.t(key). */
"use strict";
(function () {
  const CS = (window.CS = window.CS || {});
  const LABELS = {
    en: {
      "nav.map": "Map", "nav.time": "Time", "nav.network": "Network", "nav.events": "Events",
      "period.label": "Period", "period.all": "all dates", "period.clear": "Clear period",
      "period.hint": "Drag across the timeline to choose a period; every view follows it.",
      "footer.evidence": "Every fact links back to the source text that supports it.",
      "f.state": "State", "f.type": "Event type", "f.actor": "Actor", "f.text": "Text", "f.certainty": "Certainty",
      "f.any": "any", "f.apply": "Apply", "f.reset": "Reset",
      "map.shade": "Shade by", "map.events": "events", "map.fatalities": "fatalities", "map.reset": "Whole country",
      "map.clickhint": "Click a state, municipality or point to list its events.",
      "map.noreports": "no reports (nothing in the data)", "map.quiet": "quiet (reported before, none in this period)",
      "map.exact": "exact place", "map.muni": "municipality level (approximate)",
      "map.statelevel": "events known only to state level (no pin)",
      "map.points": "points shown", "map.of": "of", "map.stateonly": "known only to state level",
      "map.openstate": "Open the state page", "map.eventsin": "Events in", "map.noevents": "No events in this period.",
      "map.fewer": "The list shows the 50 most recent.",
      "time.title": "Events per week, by type", "time.imprecise": "events dated only to a month or year are not in the weekly bars",
      "time.selected": "Selected period", "time.total": "events", "time.deaths": "fatalities",
      "net.asof": "As of", "net.hint": "Node size: events in the period. Click an actor to open its page.",
      "net.alliance": "alliance", "net.rivalry": "rivalry", "net.ceasefire": "ceasefire", "net.split": "split",
      "net.faction_of": "faction of", "net.supplies": "supplies", "net.empty": "No actors or relations for this period.",
      "t.prev": "Previous", "t.next": "Next", "t.date": "Date", "t.type": "Type", "t.place": "Place",
      "t.actors": "Actors", "t.fatalities": "Fatalities", "t.certainty": "Certainty", "t.summary": "Summary",
      "t.showing": "Showing", "t.none": "No events match these filters.",
      "ev.imprecise": "(approximate)", "ev.statelevel": "(known only to state level)", "ev.munilevel": "(municipality level)",
      "ev.tactics": "Tactics", "ev.sources": "Sources", "ev.open": "Open the source",
      "ev.nosentence": "No evidence sentence stored (imported dataset row).", "ev.nosources": "No sources stored.",
      "a.aliases": "Aliases", "a.hierarchy": "Parent and factions", "a.parent": "Parent", "a.factions": "Factions",
      "a.states": "States in the knowledge pack", "a.events": "Events", "a.seen": "Seen",
      "a.relations": "Relations over time", "a.norelations": "No relations reported.", "a.map": "Its events on the map",
      "a.timeline": "Its events over time", "a.recent": "Events",
      "r.kind": "Relation", "r.with": "With", "r.from": "From", "r.to": "To", "r.last": "Last reported",
      "s.capital": "Capital", "s.actors": "Most active actors", "s.noactors": "No actors in reported events.",
      "s.known": "Groups the knowledge pack places here", "s.munis": "Municipalities", "s.muni": "Municipality",
      "s.nomunis": "No events placed in a municipality.",
      "err": "Could not load data",
    },
    es: {
      "nav.map": "Mapa", "nav.time": "Tiempo", "nav.network": "Red", "nav.events": "Eventos",
      "period.label": "Periodo", "period.all": "todas las fechas", "period.clear": "Quitar periodo",
      "period.hint": "Arrastre sobre la línea de tiempo para elegir un periodo; todas las vistas lo siguen.",
      "footer.evidence": "Cada dato enlaza con el texto de la fuente que lo respalda.",
      "f.state": "Estado", "f.type": "Tipo de evento", "f.actor": "Actor", "f.text": "Texto", "f.certainty": "Certeza",
      "f.any": "todos", "f.apply": "Aplicar", "f.reset": "Limpiar",
      "map.shade": "Sombrear por", "map.events": "eventos", "map.fatalities": "muertes", "map.reset": "Todo el país",
      "map.clickhint": "Haga clic en un estado, municipio o punto para ver sus eventos.",
      "map.noreports": "sin reportes (nada en los datos)", "map.quiet": "en calma (con reportes antes, ninguno en este periodo)",
      "map.exact": "lugar exacto", "map.muni": "nivel municipal (aproximado)",
      "map.statelevel": "eventos conocidos sólo a nivel estatal (sin marcador)",
      "map.points": "puntos mostrados", "map.of": "de", "map.stateonly": "conocidos sólo a nivel estatal",
      "map.openstate": "Abrir la página del estado", "map.eventsin": "Eventos en", "map.noevents": "Sin eventos en este periodo.",
      "map.fewer": "La lista muestra los 50 más recientes.",
      "time.title": "Eventos por semana, por tipo", "time.imprecise": "los eventos fechados sólo por mes o año no están en las barras semanales",
      "time.selected": "Periodo seleccionado", "time.total": "eventos", "time.deaths": "muertes",
      "net.asof": "Al", "net.hint": "Tamaño del nodo: eventos en el periodo. Haga clic en un actor para abrir su página.",
      "net.alliance": "alianza", "net.rivalry": "rivalidad", "net.ceasefire": "tregua", "net.split": "escisión",
      "net.faction_of": "facción de", "net.supplies": "abastece", "net.empty": "Sin actores ni relaciones en este periodo.",
      "t.prev": "Anterior", "t.next": "Siguiente", "t.date": "Fecha", "t.type": "Tipo", "t.place": "Lugar",
      "t.actors": "Actores", "t.fatalities": "Muertes", "t.certainty": "Certeza", "t.summary": "Resumen",
      "t.showing": "Mostrando", "t.none": "Ningún evento coincide con estos filtros.",
      "ev.imprecise": "(aproximada)", "ev.statelevel": "(conocido sólo a nivel estatal)", "ev.munilevel": "(nivel municipal)",
      "ev.tactics": "Tácticas", "ev.sources": "Fuentes", "ev.open": "Abrir la fuente",
      "ev.nosentence": "Sin oración de evidencia (fila de un conjunto importado).", "ev.nosources": "Sin fuentes.",
      "a.aliases": "Alias", "a.hierarchy": "Matriz y facciones", "a.parent": "Matriz", "a.factions": "Facciones",
      "a.states": "Estados en el paquete de conocimiento", "a.events": "Eventos", "a.seen": "Visto",
      "a.relations": "Relaciones en el tiempo", "a.norelations": "Sin relaciones reportadas.", "a.map": "Sus eventos en el mapa",
      "a.timeline": "Sus eventos en el tiempo", "a.recent": "Eventos",
      "r.kind": "Relación", "r.with": "Con", "r.from": "Desde", "r.to": "Hasta", "r.last": "Último reporte",
      "s.capital": "Capital", "s.actors": "Actores más activos", "s.noactors": "Sin actores en eventos reportados.",
      "s.known": "Grupos que el paquete de conocimiento ubica aquí", "s.munis": "Municipios", "s.muni": "Municipio",
      "s.nomunis": "Sin eventos ubicados en un municipio.",
      "err": "No se pudieron cargar los datos",
    },
  };
  CS.lang = function () {
    const saved = window.localStorage.getItem("cs-lang");
    return saved === "es" ? "es" : "en";
  };
  CS.t = function (key) {
    return LABELS[CS.lang()][key] || LABELS.en[key] || key;
  };
  CS.applyLabels = function (root) {
    (root || document).querySelectorAll("[data-i18n]").forEach(function (el) {
      el.textContent = CS.t(el.getAttribute("data-i18n"));
    });
    document.documentElement.lang = CS.lang();
    document.querySelectorAll("[data-lang]").forEach(function (b) {
      b.classList.toggle("on", b.getAttribute("data-lang") === CS.lang());
    });
  };
  CS.setLang = function (lang) {
    window.localStorage.setItem("cs-lang", lang);
    CS.applyLabels();
    document.dispatchEvent(new CustomEvent("cs:lang"));
  };
})();
