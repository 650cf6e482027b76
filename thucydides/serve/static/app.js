/* thucydides web UI: map, time slider, control layer, claims chart, disputes, tables; all data from /api. */
"use strict";

const TYPE_COLORS = {"Battles": "#c0392b", "Explosions/Remote violence": "#e67e22", "Violence against civilians": "#8e44ad",
  "Strategic developments": "#2980b9", "Protests": "#16a085", "Riots": "#7f8c8d"};
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];
const DAY = 86400000;
const MAX_PAGES = 20;

const state = {events: [], claims: [], places: {}, docs: {}, series: [], points: [], disputes: [], control: [], day: null,
  first: null, last: null, colors: {}, playing: null};
window.thucydides = state;  // for the browser tests and the curious

const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const dayOf = (s) => (s ? Date.parse(s + "T00:00:00Z") : null);
const when = (i) => (i ? `${i.start ?? "…"} – ${i.end ?? "…"}${i.inferred ? " (inferred)" : ""}` : "undated");
const figure = (c) => c.low === c.high ? `${c.low}` : c.high === null ? `≥ ${c.low}` : c.low === null ? `≤ ${c.high}` : `${c.low}–${c.high}`;
const colorOf = (actor) => {
  const key = actor || "unknown";
  if (!(key in state.colors)) state.colors[key] = PALETTE[Object.keys(state.colors).length % PALETTE.length];
  return state.colors[key];
};

async function getJSON(path) {
  const r = await fetch(path, {headers: {"Accept": "application/json"}});
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r.json();
}

/* Every page of a list endpoint (bounded), merging the places each page carries. */
async function all(path, params) {
  const items = [];
  let cursor = null;
  for (let n = 0; n < MAX_PAGES; n++) {
    const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
    q.set("limit", "1000");
    if (cursor) q.set("cursor", cursor);
    const page = await getJSON(`${path}?${q}`);
    items.push(...page.items);
    Object.assign(state.places, page.places || {});
    if (!page.next) break;
    cursor = page.next;
  }
  return items;
}

function filters() {
  return {country: $("f-country").value, event_type: $("f-type").value, actor: $("f-actor").value,
    claimant: $("f-claimant").value, start: $("f-start").value, end: $("f-end").value};
}

/* --- the map ------------------------------------------------------------------------------------------------ */
const map = L.map("map", {worldCopyJump: true, minZoom: 2, maxZoom: 18}).setView([30, 20], 2);
const online = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
  {maxZoom: 18, attribution: "© OpenStreetMap contributors"});
const countries = L.geoJSON(null, {style: {color: "#8a8f95", weight: 0.8, fillColor: "#fbfaf4", fillOpacity: 1},
  onEachFeature: (f, layer) => layer.bindTooltip(f.properties.name, {sticky: true})});
const admin = L.geoJSON(null, {style: {color: "#b9bcc2", weight: 0.5, dashArray: "3", fill: false},
  onEachFeature: (f, layer) => layer.bindTooltip(`${f.properties.name} (${f.properties.country})`, {sticky: true})});
const labels = L.layerGroup();
const placeLabels = L.layerGroup();
const events = L.markerClusterGroup({maxClusterRadius: 40, showCoverageOnHover: false});
const claimsLayer = L.layerGroup();
const controlLayer = L.layerGroup();
countries.addTo(map); admin.addTo(map); labels.addTo(map); controlLayer.addTo(map); events.addTo(map);
L.control.layers({"Offline base (Natural Earth)": L.layerGroup(), "OpenStreetMap (online)": online},
  {"Events": events, "Claims": claimsLayer, "Control": controlLayer, "Admin areas": admin, "Labels": labels}).addTo(map);
L.control.scale().addTo(map);

async function drawBase() {
  const world = await getJSON("/api/basemap/countries.geojson");
  countries.addData(world);
  for (const f of world.features) {
    const center = [f.properties.label_lat, f.properties.label_lon];
    labels.addLayer(L.marker(center, {interactive: false, icon: L.divIcon({className: "label", html: esc(f.properties.name), iconSize: null})}));
  }
  map.on("zoomend moveend", refreshAdmin);
  map.on("zoomend", () => {
    map.getZoom() >= 3 ? map.addLayer(labels) : map.removeLayer(labels);
    map.getZoom() >= 7 ? map.addLayer(placeLabels) : map.removeLayer(placeLabels);
  });
}

let adminKey = "";
async function refreshAdmin() {
  if (map.getZoom() < 5) { admin.clearLayers(); adminKey = ""; return; }
  const b = map.getBounds();
  const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((x, i) => Math.max(Math.min(x, i % 2 ? 90 : 180), i % 2 ? -90 : -180).toFixed(2)).join(",");
  if (bbox === adminKey) return;
  adminKey = bbox;
  const areas = await getJSON(`/api/basemap/admin1.geojson?bbox=${bbox}`);
  admin.clearLayers(); admin.addData(areas);
}

function inWindow(interval) {
  if (state.day === null) return true;
  if (!interval || (!interval.start && !interval.end)) return null;  // undated
  const start = dayOf(interval.start || interval.end), end = dayOf(interval.end || interval.start);
  const width = Number($("window").value) * DAY;
  return start <= state.day && end >= state.day - width;
}

function drawEvents() {
  events.clearLayers();
  let shown = 0;
  for (const e of state.events) {
    const p = state.places[e.place];
    const fits = inWindow(e.date);
    if (!p || fits === false || (fits === null && !$("f-undated").checked)) continue;
    const m = L.circleMarker([p.lat, p.lon], {radius: 7, color: "#222", weight: 1, fillColor: TYPE_COLORS[e.event_type] || "#333", fillOpacity: 0.85, className: "event-marker"});
    m.bindTooltip(`${esc(e.sub_event_type)} — ${esc(p.name)}<br>${esc(when(e.date))}`);
    m.on("click", () => showEvent(e));
    events.addLayer(m);
    shown++;
  }
  $("shown").dataset.events = shown;
  $("shown").textContent = `${shown} of ${state.events.length} events shown`;
  $("legend").innerHTML = Object.entries(TYPE_COLORS).map(([k, v]) => `<span><i class="dot" style="background:${v}"></i>${esc(k)}</span>`).join("");
}

function drawClaims() {
  claimsLayer.clearLayers();
  for (const c of state.claims) {
    const p = state.places[c.place];
    if (!p || inWindow(c.time) === false) continue;
    const m = L.circleMarker([p.lat, p.lon], {radius: 4, color: colorOf(c.claimant), weight: 2, fill: false, className: "claim-marker"});
    m.bindTooltip(`${esc(c.metric)}: ${esc(figure(c))} ${esc(c.unit)} (${esc(c.claimant || "outlet")})`);
    m.on("click", () => showClaim(c));
    claimsLayer.addLayer(m);
  }
}

async function drawControl() {
  const at = state.day === null ? "" : `?at=${iso(state.day)}`;
  const layer = await getJSON(`/api/control.geojson${at}`);
  controlLayer.clearLayers();
  let held = 0;
  for (const f of layer.features) {
    const p = f.properties;
    if (p.feature === "admin_area") {
      if (!p.controller) continue;
      controlLayer.addLayer(L.geoJSON(f, {interactive: false, style: {color: colorOf(p.controller), weight: 1, fillOpacity: 0.12}}));
      continue;
    }
    if (!p.controller) continue;
    held++;
    const [lon, lat] = f.geometry.coordinates;
    const m = L.circleMarker([lat, lon], {radius: 11, color: colorOf(p.controller), weight: 3, fillOpacity: 0.15,
      dashArray: p.contested_by.length ? "4 3" : null, className: "control-marker"});
    m.bindTooltip(`${esc(p.name)}: ${esc(p.controller)}${p.contested_by.length ? " (contested by " + esc(p.contested_by.join(", ")) + ")" : ""}`);
    m.on("click", () => { const t = state.control.find((x) => x.place.id === p.place); if (t) showControl(t); });
    controlLayer.addLayer(m);
  }
  $("shown").dataset.controlled = held;
}

/* --- the detail panel --------------------------------------------------------------------------------------- */
function fields(rows) {
  return "<dl>" + rows.filter(([, v]) => v !== null && v !== undefined && v !== "").map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("") + "</dl>";
}

async function evidenceBlock(ev) {
  const doc = state.docs[ev.doc] || (state.docs[ev.doc] = await getJSON(`/api/documents/${encodeURIComponent(ev.doc)}`));
  const box = document.createElement("div");
  const head = document.createElement("p");
  head.innerHTML = `<b>${esc(doc.title || doc.name || doc.id)}</b> <span class="sub">${esc(doc.outlet || "")} ${esc(when(doc.published))}</span>`;
  const report = document.createElement("div");
  report.className = "report";
  const mark = document.createElement("mark");
  mark.textContent = doc.text.slice(ev.start, ev.end);
  report.append(doc.text.slice(0, ev.start), mark, doc.text.slice(ev.end));
  box.append(head, report);
  return [box, mark];
}

async function show(title, rows, evidence) {
  const detail = $("detail");
  detail.innerHTML = `<h3>${esc(title)}</h3>` + fields(rows);
  let first = null;
  for (const ev of evidence) {
    const [box, mark] = await evidenceBlock(ev);
    detail.appendChild(box);
    first = first || mark;
  }
  if (first) first.scrollIntoView({block: "center"});
  detail.dataset.shown = title;
}

const placeName = (id) => (state.places[id] ? state.places[id].name : id);

function showEvent(e) {
  show(`${e.event_type}: ${e.sub_event_type}`, [["actor 1", e.actor1], ["actor 2", e.actor2], ["place", placeName(e.place)],
    ["date", when(e.date)], ["fatalities", e.fatalities], ["geo precision", e.geo_precision], ["time precision", e.time_precision],
    ["reports", e.docs.length]], e.evidence);
}

function showClaim(c) {
  show(`${c.metric}: ${figure(c)} ${c.unit}`, [["qualifier", c.qualifier], ["subject", c.subject], ["agent", c.agent],
    ["claimant", c.claimant || "the outlet"], ["place", placeName(c.place)], ["time", when(c.time)]], [c.evidence]);
}

function showControl(t) {
  const rows = t.timeline.map((s) => [`${s.controller}`, `${when(s.from)} → ${s.until ? when(s.until) : "now"} · confidence ${s.confidence}` +
    (s.contested_by.length ? ` · contested by ${s.contested_by.join(", ")}` : "") + (s.implied ? " · implied" : "")]);
  const seen = new Set();
  const spans = t.timeline.flatMap((s) => s.evidence).filter((e) => {
    const key = `${e.doc}:${e.start}:${e.end}`;
    return !seen.has(key) && seen.add(key);
  });
  show(`Control of ${t.place.name}`, rows, spans);
}

/* --- claims chart: a real time axis, claimants coloured, hedges as intervals --------------------------------- */
const SVG = "http://www.w3.org/2000/svg";
function svg(parent, tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  parent.appendChild(e);
  return e;
}

function ticks(t0, t1) {
  const out = [];
  const span = (t1 - t0) / DAY;
  const stepMonths = span > 1500 ? 12 : span > 500 ? 3 : 1;
  const d = new Date(t0); d.setUTCDate(1); d.setUTCHours(0, 0, 0, 0);
  while (d.getTime() <= t1) {
    if (d.getTime() >= t0 && d.getUTCMonth() % stepMonths === 0) out.push(d.getTime());
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

async function loadPoints() {
  const s = state.series[$("series").value];
  state.points = s ? await all("/api/series/points", {metric: s.metric, unit: s.unit, subject: s.subject}) : [];
}

function drawChart() {
  const chart = $("chart"); chart.innerHTML = "";
  const s = state.series[$("series").value];
  if (!s) { svg(chart, "text", {x: 20, y: 40}, "no claims"); return; }
  const pts = state.points.filter((p) => p.when && (p.when.start || p.when.end) && (!$("f-claimant").value || p.claim.claimant === $("f-claimant").value));
  if (!pts.length) { svg(chart, "text", {x: 20, y: 40}, "no dated claims in this series"); return; }
  const tOf = (p) => dayOf(p.when.end || p.when.start);
  let t0 = Math.min(...pts.map((p) => dayOf(p.when.start || p.when.end))), t1 = Math.max(...pts.map(tOf));
  if (t1 - t0 < 30 * DAY) { t0 -= 15 * DAY; t1 += 15 * DAY; }
  const values = pts.flatMap((p) => [p.claim.low, p.claim.high]).filter((v) => v !== null);
  const vmax = Math.max(...values, 1) * 1.15;
  const L0 = 70, R = 880, T = 20, B = 290;
  const X = (t) => L0 + (t - t0) / (t1 - t0) * (R - L0), Y = (v) => B - v / vmax * (B - T);
  svg(chart, "line", {x1: L0, y1: B, x2: R, y2: B, class: "axis"});
  svg(chart, "line", {x1: L0, y1: T, x2: L0, y2: B, class: "axis"});
  for (const t of ticks(t0, t1)) {
    svg(chart, "line", {x1: X(t), x2: X(t), y1: B, y2: B + 5, class: "axis"});
    svg(chart, "text", {x: X(t), y: B + 18, "text-anchor": "middle"}, iso(t).slice(0, 7));
  }
  for (let i = 0; i <= 4; i++) {
    const v = vmax / 1.15 * i / 4;
    svg(chart, "text", {x: L0 - 6, y: Y(v) + 4, "text-anchor": "end"}, Math.round(v).toLocaleString());
    svg(chart, "line", {x1: L0, x2: R, y1: Y(v), y2: Y(v), stroke: "#f0f0f0"});
  }
  svg(chart, "text", {x: 6, y: 12}, `${s.metric} (${s.unit}) of ${s.subject || "anyone"}`);
  const claimants = new Set();
  for (const p of pts) {
    const c = p.claim, x = X(tOf(p)), col = colorOf(c.claimant || "outlet");
    claimants.add(c.claimant || "outlet");
    if (p.when.start && p.when.end && p.when.start !== p.when.end)
      svg(chart, "line", {x1: X(dayOf(p.when.start)), x2: x, y1: Y(c.low ?? c.high), y2: Y(c.low ?? c.high), stroke: col, "stroke-width": 1, opacity: 0.5});
    const g = svg(chart, "g", {class: "point", "data-claim": c.id});
    if (c.low !== null && c.high !== null && c.low !== c.high) {        // a range: 2,500–3,000
      svg(g, "line", {x1: x, x2: x, y1: Y(c.low), y2: Y(c.high), stroke: col, "stroke-width": 4, opacity: 0.7});
      for (const v of [c.low, c.high]) svg(g, "line", {x1: x - 5, x2: x + 5, y1: Y(v), y2: Y(v), stroke: col, "stroke-width": 2});
    } else if (c.low === null && c.high !== null) {                    // at most: ≤ 300
      svg(g, "line", {x1: x, x2: x, y1: Y(0), y2: Y(c.high), stroke: col, "stroke-width": 2, "stroke-dasharray": "4 2"});
      svg(g, "path", {d: `M${x - 6},${Y(c.high)} L${x + 6},${Y(c.high)} L${x},${Y(c.high) + 8} Z`, fill: col});
    } else if (c.high === null && c.low !== null) {                    // at least: ≥ 950
      svg(g, "line", {x1: x, x2: x, y1: Y(c.low), y2: T, stroke: col, "stroke-width": 2, "stroke-dasharray": "4 2"});
      svg(g, "path", {d: `M${x - 6},${Y(c.low)} L${x + 6},${Y(c.low)} L${x},${Y(c.low) - 8} Z`, fill: col});
    } else {
      svg(g, "circle", {cx: x, cy: Y(c.low), r: c.qualifier === "exact" ? 5 : 6, fill: c.qualifier === "exact" ? col : "#fff", stroke: col, "stroke-width": 2});
    }
    svg(g, "title", {}, `${figure(c)} ${c.unit} (${c.qualifier}) — ${c.claimant || "outlet"}\n${c.evidence.text}`);
    g.addEventListener("click", () => showClaim(c));
  }
  if (state.day !== null && state.day >= t0 && state.day <= t1)
    svg(chart, "line", {x1: X(state.day), x2: X(state.day), y1: T, y2: B, stroke: "#2d3a2e", "stroke-dasharray": "2 3"});
  $("chart-legend").innerHTML = [...claimants].map((c) => `<span><i class="dot" style="background:${colorOf(c)}"></i>${esc(c)}</span>`).join("") +
    "<span>● exact ○ about │ range ▼ at most ▲ at least</span>";
}

/* --- tables ---------------------------------------------------------------------------------------------------- */
function table(el, head, rows) {
  el.innerHTML = "<tr>" + head.map((h) => `<th>${esc(h)}</th>`).join("") + "</tr>";
  for (const r of rows) {
    const tr = document.createElement("tr");
    tr.className = "clickable" + (r.inactive ? " inactive" : "");
    tr.innerHTML = r.cells.map((x) => `<td>${x}</td>`).join("");
    tr.addEventListener("click", r.click);
    el.appendChild(tr);
  }
}

function drawTables() {
  const evs = state.events.filter((e) => inWindow(e.date) !== false);
  $("events-count").textContent = `${evs.length} in the window`;
  table($("events"), ["type", "sub-event", "actor 1", "actor 2", "place", "date", "fatalities", "reports", "evidence"],
    evs.map((e) => ({click: () => showEvent(e), cells: [esc(e.event_type), esc(e.sub_event_type), esc(e.actor1), esc(e.actor2),
      esc(placeName(e.place)), esc(when(e.date)), esc(e.fatalities), esc(e.docs.length), `<span class="ev">${e.evidence.map((x) => esc(x.text)).join("<br>")}</span>`]})));
  const cls = state.claims.filter((c) => inWindow(c.time) !== false);
  $("claims-count").textContent = `${cls.length} in the window`;
  table($("claims"), ["metric", "figure", "unit", "qualifier", "subject", "agent", "claimant", "place", "time", "evidence"],
    cls.map((c) => ({click: () => showClaim(c), cells: [esc(c.metric), esc(figure(c)), esc(c.unit), esc(c.qualifier), esc(c.subject),
      esc(c.agent), esc(c.claimant || "(outlet)"), esc(placeName(c.place)), esc(when(c.time)), `<span class="ev">${esc(c.evidence.text)}</span>`]})));
  const at = state.day === null ? null : iso(state.day);
  $("control-at").textContent = at ? `on ${at}` : "latest";
  const rows = [];
  for (const t of state.control) for (const s of t.timeline) {
    const from = s.from ? dayOf(s.from.start || s.from.end) : null, until = s.until ? dayOf(s.until.start || s.until.end) : null;
    const active = state.day === null ? !s.until : (from !== null || until !== null) && (from === null || from <= state.day) && (until === null || state.day < until);
    rows.push({inactive: !active, click: () => showControl(t), cells: [esc(t.place.name), `<b style="color:${colorOf(s.controller)}">${esc(s.controller)}</b>`,
      esc(when(s.from)), esc(s.until ? when(s.until) : "—"), esc(s.confidence), esc(s.contested_by.join(", ")), esc(s.evidence_total)]});
  }
  table($("control"), ["place", "controller", "from", "until", "confidence", "contested by", "evidence"], rows);
}

function drawDisputes() {
  const box = $("disputes");
  box.innerHTML = state.disputes.length ? "" : "No contradicting figures found.";
  for (const d of state.disputes) {
    const div = document.createElement("div");
    div.className = "dispute";
    div.innerHTML = `<b>${esc(d.claims[0].metric)}</b> of ${esc(d.claims[0].subject || "anyone")}: ${esc(d.reason)}<br>` +
      d.claims.map((c) => `<span class="ev">“${esc(c.evidence.text)}”</span>`).join("<br>");
    div.addEventListener("click", () => show(`Dispute: ${d.reason}`, [["metric", d.claims[0].metric]], d.claims.map((c) => c.evidence)));
    box.appendChild(div);
  }
}

/* --- time ------------------------------------------------------------------------------------------------------ */
function setDay(index) {
  const slider = $("slider");
  slider.value = index;
  state.day = state.first === null ? null : state.first + Number(index) * DAY;
  $("slider-date").textContent = state.day === null ? "–" : iso(state.day);
  drawEvents(); drawClaims(); drawTables(); drawChart();
  return drawControl();
}

function play() {
  if (state.playing) { clearInterval(state.playing); state.playing = null; $("play").textContent = "▶"; return; }
  const slider = $("slider");
  if (Number(slider.value) >= Number(slider.max)) slider.value = 0;
  $("play").textContent = "❚❚";
  const step = Math.max(1, Math.round(Number(slider.max) / 60));
  state.playing = setInterval(() => {
    const next = Math.min(Number(slider.max), Number(slider.value) + step);
    setDay(next);
    if (next >= Number(slider.max)) play();
  }, 400);
}

/* --- loading ---------------------------------------------------------------------------------------------------- */
function options(select, values) {
  const keep = select.value;
  select.length = 1;
  for (const v of values) select.add(new Option(v, v));
  select.value = keep;
}

async function load() {
  const f = filters();
  [state.events, state.claims] = await Promise.all([
    all("/api/events", {country: f.country, event_type: f.event_type, actor: f.actor, start: f.start, end: f.end}),
    all("/api/claims", {country: f.country, claimant: f.claimant, start: f.start, end: f.end})]);
  const ctl = await all("/api/control", {});
  state.control = [];  // a long timeline may span pages: join the parts of one place
  for (const part of ctl) {
    const last = state.control[state.control.length - 1];
    if (last && last.place.id === part.place.id) last.timeline.push(...part.timeline);
    else state.control.push(part);
  }
  const [series, disputes] = await Promise.all([all("/api/series", {}), all("/api/disputes", {})]);
  state.series = series; state.disputes = disputes;
  const select = $("series");
  const keep = select.value;
  select.length = 0;
  series.forEach((s, i) => select.add(new Option(`${s.metric} (${s.unit}) of ${s.subject || "anyone"} — ${s.dated} dated / ${s.points}`, i)));
  select.value = keep && keep < series.length ? keep : 0;  // the API lists the most dated series first
  await loadPoints();
  options($("f-type"), [...new Set(state.events.map((e) => e.event_type))].sort());
  options($("f-actor"), [...new Set(state.events.flatMap((e) => [e.actor1, e.actor2]).filter(Boolean))].sort());
  drawDisputes();
  await setDay($("slider").value);
}

async function main() {
  const stats = await getJSON("/api/stats");
  $("stats").textContent = `${stats.documents} reports · ${stats.claims} claims · ${stats.events} events · ${stats.places} places`;
  if (stats.first_day && stats.last_day) {
    state.first = dayOf(stats.first_day); state.last = dayOf(stats.last_day);
    $("slider").max = Math.round((state.last - state.first) / DAY);
    $("slider").value = $("slider").max;
  }
  const countriesSeen = await all("/api/places", {});
  options($("f-country"), [...new Set(countriesSeen.map((p) => p.country).filter(Boolean))].sort());
  countriesSeen.forEach((p) => { state.places[p.id] = p; });
  const sources = await all("/api/sources", {});
  options($("f-claimant"), sources.map((s) => s.claimant).filter(Boolean));
  await drawBase();
  await load();
  const pts = Object.values(state.places).filter((p) => p.kind !== "country");
  for (const p of pts.filter((x) => x.kind === "populated_place"))
    placeLabels.addLayer(L.marker([p.lat, p.lon], {interactive: false, icon: L.divIcon({className: "label place-label", html: esc(p.name), iconSize: null, iconAnchor: [-8, 6]})}));
  if (pts.length) map.fitBounds(L.latLngBounds(pts.map((p) => [p.lat, p.lon])).pad(0.3), {maxZoom: 8});
  $("slider").addEventListener("input", (e) => setDay(e.target.value));
  $("window").addEventListener("change", () => setDay($("slider").value));
  $("f-undated").addEventListener("change", () => drawEvents());
  $("series").addEventListener("change", async () => { await loadPoints(); drawChart(); });
  $("play").addEventListener("click", play);
  for (const id of ["f-country", "f-type", "f-actor", "f-claimant", "f-start", "f-end"]) $(id).addEventListener("change", load);
  document.body.dataset.ready = "1";
}

main().catch((err) => { console.error(err.stack); $("stats").textContent = `error: ${err.message}`; document.body.dataset.ready = "error"; });
