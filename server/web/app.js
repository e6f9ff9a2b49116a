// The Almanac page: runs statements through the server's API, shows the
// results as tables (and a chart for a pivot by year), and shows each
// figure's fact: its sentence highlighted in its article, its other
// sources and any conflict. Plain JavaScript, no build step; every URL is
// relative, so the page works wherever the server is mounted.
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);

// el builds an element: el("a", {href: "#"}, "text", child...).
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

const svgNS = "http://www.w3.org/2000/svg";
function svg(tag, attrs, ...children) {
  const e = document.createElementNS(svgNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

// api fetches a JSON (or wire-format) answer; a refusal becomes an Error
// carrying the server's JSON error.
async function api(path) {
  const resp = await fetch(path, { headers: { Accept: "application/json" } });
  let body;
  try {
    body = await resp.json();
  } catch (e) {
    throw Object.assign(new Error(`${resp.status} ${resp.statusText}`), { status: resp.status });
  }
  if (!resp.ok) throw Object.assign(new Error(body.error || resp.statusText), { status: resp.status, body });
  return { body, resp };
}

// Numbers as the command's tables print them: stored values in full with
// separators, computed ones to two decimals.
const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 20 });
const twoPlaces = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
function formatNumber(n, computed, plain) {
  if (plain) return String(n);
  return (computed ? twoPlaces : grouped).format(n);
}

function cellText(col, v) {
  if (v === null) return "-";
  switch (v.kind) {
    case "int": return col.plain ? String(v.int || 0) : grouped.format(v.int || 0);
    case "num": return formatNumber(v.num || 0, v.computed, col.plain);
    case "fig": return formatNumber(v.figure.value, v.computed, col.plain);
    case "bool": return v.int ? "yes" : "no";
    case "ids": return (v.ids || []).join(", ");
    default: return v.text || "";
  }
}

function isNumeric(kind) { return kind === "int" || kind === "num" || kind === "fig"; }

// ---- language and names, for completion ----

const names = { metric: [], entity: [], unit: [] };
let language = { keywords: [], statements: [], fields: [], functions: [], values: [] };

async function loadNames() {
  const [lang, metrics, entities, units, info] = await Promise.all(
    ["api/language", "api/metrics", "api/entities", "api/units", "api"].map((p) => api(p).then((r) => r.body)));
  language = lang;
  names.metric = metrics;
  names.entity = entities;
  names.unit = units;
  const s = info.stats;
  $("#db").textContent = `${info.database}: ${grouped.format(s.documents)} documents, ${grouped.format(s.facts)} facts`;
  showExamples(metrics, entities);
}

function showExamples(metrics, entities) {
  const ex = [];
  const top = [...metrics].sort((a, b) => b.facts - a.facts);
  if (top[0]) ex.push(`metric ${top[0].query} by year`);
  if (entities[0]) ex.push(`facts where entity = ${[...entities].sort((a, b) => b.facts - a.facts)[0].query}`);
  ex.push("metrics", "entities", "documents");
  const p = $("#examples");
  p.replaceChildren("Try ", ...ex.flatMap((q, i) => [i ? ", " : "", el("a", { href: "#q=" + encodeURIComponent(q) }, q)]));
}

// tokens cuts statement text the way the query lexer does, enough to
// know what the word being typed follows.
function tokens(text) {
  const re = /"(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|[A-Za-z_0-9][A-Za-z_0-9.-]*|!=|<=|>=|[(),;=<>*]/g;
  return text.match(re) || [];
}

// candidates returns what may complete the word before the cursor.
function candidates(before) {
  const m = /("[^"]*|'[^']*|[A-Za-z_0-9.-]*)$/.exec(before);
  const word = m[1];
  const toks = tokens(before.slice(0, before.length - word.length)).map((t) => t.toLowerCase());
  const n = toks.length;
  const prefix = word.replace(/^["']/, "").toLowerCase();
  const fromNames = (kind) => names[kind]
    .filter((e) => e.name.toLowerCase().startsWith(prefix) || e.query.toLowerCase().startsWith(word.toLowerCase()))
    .map((e) => e.query);
  const fromWords = (words) => words.filter((w) => w.toLowerCase().startsWith(word.toLowerCase()));
  // "metric NAME" starts a statement; "by metric" is the field.
  if (toks[n - 1] === "metric" && !["by", ",", "order"].includes(toks[n - 2])) return { word, list: fromNames("metric") };
  // FIELD = | != | like | in ( v, ...
  let i = n - 1;
  if (["=", "!=", "like"].includes(toks[i])) i--;
  else if (toks[i] === "(" || toks[i] === ",") {
    while (i >= 0 && toks[i] !== "(") i--;
    if (toks[i - 1] !== "in") i = -1;
    else i -= 2;
  } else i = -1;
  if (i >= 0 && toks[i] === "not") i--;
  if (i >= 0) {
    const field = toks[i];
    if (names[field]) return { word, list: fromNames(field) };
    const vals = language.values.find((v) => v[0] === field);
    if (vals) return { word, list: fromWords(vals.slice(1)) };
  }
  if (word.startsWith('"') || word.startsWith("'")) return { word, list: [...fromNames("entity"), ...fromNames("metric")] };
  const start = n === 0 || toks[n - 1] === ";" || (n === 1 && toks[0] === "explain");
  const words = start ? language.statements : [...new Set([...language.keywords, ...language.fields, ...language.functions])];
  let list = word ? fromWords(words) : [];
  if (list.length === 0 && word) list = [...fromNames("metric"), ...fromNames("entity")];
  return { word, list };
}

// ---- the query box ----

const box = () => $("#q");
let completion = { word: "", list: [], index: 0 };

function showCompletions() {
  const q = box();
  const ul = $("#completions");
  const before = q.value.slice(0, q.selectionStart);
  completion = { ...candidates(before), index: 0 };
  const list = completion.list.slice(0, 12);
  if (list.length === 0 || (list.length === 1 && list[0] === completion.word)) {
    hideCompletions();
    return;
  }
  ul.replaceChildren(...list.map((c, i) => el("li", { role: "option", "aria-selected": i === 0 ? "true" : "false", "data-i": i }, c)));
  ul.hidden = false;
  q.setAttribute("aria-expanded", "true");
}

function hideCompletions() {
  $("#completions").hidden = true;
  box().setAttribute("aria-expanded", "false");
}

function moveCompletion(d) {
  const items = [...$("#completions").children];
  if (items.length === 0) return;
  completion.index = (completion.index + d + items.length) % items.length;
  items.forEach((li, i) => li.setAttribute("aria-selected", i === completion.index ? "true" : "false"));
}

function acceptCompletion(i = completion.index) {
  const choice = completion.list[i];
  if (choice === undefined) return;
  const q = box();
  const start = q.selectionStart - completion.word.length;
  const after = q.value.slice(q.selectionStart);
  const insert = choice + (after.startsWith(" ") ? "" : " ");
  q.value = q.value.slice(0, start) + insert + after;
  q.selectionStart = q.selectionEnd = start + insert.length;
  hideCompletions();
  q.focus();
}

function setupBox() {
  const q = box();
  q.addEventListener("input", showCompletions);
  q.addEventListener("blur", () => setTimeout(hideCompletions, 150));
  q.addEventListener("keydown", (e) => {
    const open = !$("#completions").hidden;
    if (open && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();
      moveCompletion(e.key === "ArrowDown" ? 1 : -1);
    } else if (e.key === "Tab" && !e.shiftKey) {
      if (!open) showCompletions();
      if (!$("#completions").hidden) {
        e.preventDefault();
        acceptCompletion();
      }
    } else if (open && e.key === "Escape") {
      hideCompletions();
    } else if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      if (open) acceptCompletion();
      else $("#query-form").requestSubmit();
    }
  });
  $("#completions").addEventListener("mousedown", (e) => {
    const li = e.target.closest("li");
    if (li) {
      e.preventDefault();
      acceptCompletion(Number(li.dataset.i));
    }
  });
  $("#query-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = q.value.trim();
    if (text) navigate({ q: text });
  });
}

// ---- navigation: the hash holds the statement and the fact shown ----

function stateFromHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  return { q: p.get("q") || "", fact: p.get("fact") || "", doc: p.get("doc") || "" };
}

function navigate(change) {
  const s = { ...stateFromHash(), ...change };
  const p = new URLSearchParams();
  for (const k of ["q", "fact", "doc"]) if (s[k]) p.set(k, s[k]);
  const hash = "#" + p.toString();
  if (location.hash === hash) render();
  else location.hash = hash;
}

// factLink is the hash that shows a fact beside the current statement.
function factHref(id) {
  const p = new URLSearchParams();
  const { q } = stateFromHash();
  if (q) p.set("q", q);
  p.set("fact", id);
  return "#" + p.toString();
}

function queryHref(q) { return "#q=" + encodeURIComponent(q); }

let shownQuery = null;

async function render() {
  const s = stateFromHash();
  if (s.q !== shownQuery) {
    shownQuery = s.q;
    if (box().value.trim() !== s.q) box().value = s.q;
    if (s.q) await runQuery(s.q);
    else $("#result").replaceChildren();
  }
  if (s.fact) await showFact(s.fact);
  else if (s.doc) await showDocument(s.doc);
  else $("#detail").hidden = true;
  for (const a of document.querySelectorAll("#result a.fig")) a.classList.toggle("active", a.dataset.fact === s.fact);
}

// ---- results ----

async function runQuery(text, offset = 0) {
  const out = $("#result");
  out.replaceChildren(el("p", { class: "status" }, "Running…"));
  out.setAttribute("aria-busy", "true");
  try {
    const params = new URLSearchParams({ q: text, format: "result" });
    if (offset) params.set("offset", offset);
    const { body, resp } = await api("api/query?" + params);
    const total = Number(resp.headers.get("X-Total-Rows") || body.rows.length);
    out.replaceChildren(...resultView(body, text, offset, total, resp.headers.get("Link")));
  } catch (err) {
    out.replaceChildren(errorView(err, text));
  } finally {
    out.removeAttribute("aria-busy");
  }
}

function errorView(err, text) {
  const b = err.body;
  if (b && b.line) {
    const lines = text.split("\n");
    const line = lines[b.line - 1] || "";
    const caret = " ".repeat(Math.max(0, b.col - 1)) + "^";
    const more = (b.errors || []).slice(1).map((e) => el("li", {}, `${e.line}:${e.col}: ${e.error}`));
    return el("div", { class: "error", role: "alert" },
      el("p", {}, `${b.line}:${b.col}: ${b.error}`),
      el("pre", {}, line + "\n" + caret),
      b.suggestion ? el("p", {}, "Did you mean ", el("a", { href: queryHref(replaceAt(text, b, b.suggestion)) }, b.suggestion), "?") : null,
      more.length ? el("ul", {}, more) : null);
  }
  return el("div", { class: "error", role: "alert" }, el("p", {}, err.message));
}

// replaceAt puts a suggested name in place of the unknown one at the
// error's position.
function replaceAt(text, e, name) {
  if (typeof e.offset !== "number") return text;
  const bytes = new TextEncoder().encode(text);
  const head = new TextDecoder().decode(bytes.slice(0, e.offset));
  const rest = text.slice(head.length);
  const m = /^("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[A-Za-z_0-9][A-Za-z_0-9.-]*)/.exec(rest);
  if (!m) return text;
  const quoted = /^[A-Za-z_][A-Za-z_0-9]*$/.test(name) ? name : JSON.stringify(name);
  return head + quoted + rest.slice(m[1].length);
}

function resultView(r, text, offset, total, link) {
  const parts = [];
  if (r.kind === "fact" && r.detail) {
    navigate({ fact: String(r.detail.fact.id) });
    parts.push(el("p", { class: "status" }, `Fact ${r.detail.fact.id} is shown beside.`));
    return parts;
  }
  if (r.document) {
    const d = r.document;
    parts.push(el("h2", {}, d.title || d.source),
      el("p", { class: "meta" }, `document ${d.id}: ${d.source}${d.published ? ", published " + d.published : ""} · `,
        el("a", { href: "#" + new URLSearchParams({ q: text, doc: d.id }) }, "read the article")));
  } else if (r.title) {
    parts.push(el("h2", {}, r.title));
  }
  if (r.kind === "pivot" && r.columns[0] && r.columns[0].name === "year" && r.rows.length > 1) {
    const chart = chartView(r);
    if (chart) parts.push(chart);
  }
  parts.push(r.rows.length ? tableView(r) : el("p", { class: "status" }, "(no rows)"));
  if (total > offset + r.rows.length) {
    const next = offset + r.rows.length;
    parts.push(el("p", { class: "pager" }, `Rows ${offset + 1}–${next} of ${grouped.format(total)}. `,
      pagerButton("Next page", () => runQuery(text, next))));
  } else if (offset > 0) {
    parts.push(el("p", { class: "pager" }, `Rows ${offset + 1}–${total} of ${grouped.format(total)}. `,
      pagerButton("First page", () => runQuery(text, 0))));
  }
  for (const n of r.notes || []) parts.push(el("p", { class: "note" }, n));
  return parts;
}

function pagerButton(label, fn) {
  const b = el("button", { type: "button" }, label);
  b.addEventListener("click", fn);
  return b;
}

// linkFor returns where a cell leads: a figure to its fact, a fact's id
// or value to the fact, a name to the figures of that name.
function linkFor(r, row, col, v) {
  if (v === null) return null;
  if (v.kind === "fig") return factHref(v.figure.fact);
  const idCol = r.columns.findIndex((c) => c.name === "id");
  const id = idCol >= 0 && row[idCol] ? row[idCol].int : 0;
  if (r.kind === "catalogue") {
    if (col.name === "metric") return queryHref(`metric ${quote(v.text)} by year`);
    if (col.name === "entity") return queryHref(`facts where entity = ${quote(v.text)}`);
    if (col.name === "unit") return queryHref(`facts where unit = ${quote(v.text)}`);
    if (col.name === "year") return queryHref(`facts where year = ${v.int}`);
    if (col.name === "id" || col.name === "document") return queryHref(`show document ${id}`);
    return null;
  }
  if (id && (col.name === "id" || col.name === "value")) return factHref(id);
  if (r.kind === "table" && (col.name === "value" || col.name === "figures")) {
    const factsCol = r.columns.findIndex((c) => c.name === "facts");
    const ids = factsCol >= 0 && row[factsCol] ? row[factsCol].ids || [] : [];
    if (ids.length === 1) return factHref(ids[0]);
    if (ids.length > 1 && ids.length <= 500) return queryHref(`facts where id in (${ids.join(", ")})`);
  }
  return null;
}

function quote(name) {
  const e = [...names.metric, ...names.entity, ...names.unit].find((x) => x.name === name);
  if (e) return e.query;
  return /^[A-Za-z_][A-Za-z_0-9]*$/.test(name) ? name : JSON.stringify(name);
}

function tableView(r) {
  const cols = r.columns.map((c, i) => ({ ...c, i })).filter((c) => !c.detail);
  const units = new Set(r.columns.filter((c) => c.kind === "fig").map((c) => c.unit));
  const head = el("tr", {}, cols.map((c) => el("th", { scope: "col", class: isNumeric(c.kind) ? "num" : null },
    c.name + (c.kind === "fig" && units.size > 1 && c.unit ? ` (${c.unit})` : ""))));
  const body = r.rows.map((row) => el("tr", {}, cols.map((c) => {
    const v = row[c.i];
    const text = cellText(c, v);
    const conflict = v && v.conflict;
    const href = linkFor(r, row, c, v);
    const content = href ? el("a", { href, class: v && v.kind === "fig" ? "fig" : null, "data-fact": v && v.kind === "fig" ? v.figure.fact : null }, text) : text;
    const td = el("td", { class: [isNumeric(c.kind) ? "num" : "", conflict ? "conflict" : ""].join(" ").trim() || null }, content);
    if (conflict) {
      td.append(el("span", { class: "mark", title: "sources disagree" }, "!"));
      if (v.kind === "fig") td.title = `${v.figure.sources} sources disagree; facts ${v.figure.facts.join(", ")}`;
    } else if (v && v.kind === "fig" && v.figure.sources > 1) {
      td.title = `${v.figure.sources} sources agree; facts ${v.figure.facts.join(", ")}`;
    }
    return td;
  })));
  return el("div", { class: "table-wrap" }, el("table", {}, el("thead", {}, head), el("tbody", {}, body)));
}

// chartView draws a pivot by year as lines, one per column, each point a
// link to the figure's fact.
function chartView(r) {
  const series = r.columns.slice(1).map((c, j) => ({
    name: c.name, points: r.rows.map((row) => ({ year: row[0].int, v: row[j + 1] })).filter((p) => p.v && p.v.kind === "fig"),
  })).filter((s) => s.points.length > 0);
  if (series.length === 0 || series.length > 8) return null;
  const years = r.rows.map((row) => row[0].int);
  const values = series.flatMap((s) => s.points.map((p) => p.v.figure.value));
  const step = niceStep((Math.max(...values) - Math.min(0, ...values)) / 4 || 1);
  const lo = Math.floor(Math.min(0, ...values) / step) * step, hi = Math.ceil(Math.max(...values) / step) * step || step;
  // Drawn at the width it is shown at, so that its text stays legible.
  const W = Math.max(300, Math.min(760, $("#result").clientWidth || 640)), H = W < 500 ? 220 : 260, L = 52, R = 24, T = 12, B = 28;
  const x = (y) => L + (years.length === 1 ? (W - L - R) / 2 : ((y - years[0]) / (years[years.length - 1] - years[0])) * (W - L - R));
  const yv = (v) => T + (1 - (v - lo) / (hi - lo)) * (H - T - B);
  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": r.title || "chart" });
  for (let v = lo; v <= hi + step / 2; v += step) {
    g.append(svg("line", { x1: L, x2: W - R, y1: yv(v), y2: yv(v), class: "grid" }),
      svg("text", { x: L - 6, y: yv(v) + 4, class: "axis", "text-anchor": "end" }, compact(v)));
  }
  const every = Math.max(1, Math.ceil(years.length / 8));
  years.forEach((y, k) => {
    if (k % every === 0 || k === years.length - 1) g.append(svg("text", { x: x(y), y: H - 8, class: "axis", "text-anchor": "middle" }, y));
  });
  series.forEach((s, k) => {
    const cls = `series s${k}`;
    if (s.points.length > 1) {
      g.append(svg("polyline", { class: cls, points: s.points.map((p) => `${x(p.year)},${yv(p.v.figure.value)}`).join(" ") }));
    }
    for (const p of s.points) {
      const a = svg("a", { href: factHref(p.v.figure.fact) });
      const dot = svg("circle", { cx: x(p.year), cy: yv(p.v.figure.value), r: 5, class: cls + (p.v.conflict ? " conflict" : "") });
      dot.append(svg("title", {}, `${s.name} ${p.year}: ${formatNumber(p.v.figure.value, p.v.computed)}${p.v.conflict ? " (sources disagree)" : ""}`));
      a.append(dot);
      g.append(a);
    }
  });
  const legend = el("ul", { class: "legend" }, series.map((s, k) => el("li", {}, el("span", { class: `swatch s${k}` }), s.name)));
  return el("figure", { class: "chart-wrap" }, g, legend);
}

const compactFormat = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
function compact(v) { return compactFormat.format(v); }

// niceStep rounds a raw axis step to 1, 2 or 5 times a power of ten.
function niceStep(raw) {
  const p = Math.pow(10, Math.floor(Math.log10(Math.abs(raw))));
  const f = Math.abs(raw) / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

// ---- a fact, in its article ----

// pieces cuts text at UTF-8 byte offsets (the store's spans) into strings.
function pieces(text, cuts) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const out = [];
  let at = 0;
  for (const c of [...cuts, bytes.length]) {
    const end = Math.min(Math.max(c, at), bytes.length);
    out.push(dec.decode(bytes.slice(at, end)));
    at = end;
  }
  return out;
}

async function showFact(id) {
  const pane = $("#detail");
  pane.hidden = false;
  pane.replaceChildren(el("p", { class: "status" }, "Loading fact…"));
  try {
    const { body: d } = await api("api/facts/" + encodeURIComponent(id));
    const { body: doc } = await api("api/documents/" + d.fact.document);
    pane.replaceChildren(...factView(d, doc));
    // Bring the sentence to the middle of the article's own scroll box,
    // and on a narrow screen, where the fact sits below the results, the
    // fact into view.
    const mark = $("mark.sentence", pane), art = $("article", pane);
    if (mark && art) art.scrollTop = Math.max(0, mark.offsetTop - art.clientHeight / 3);
    if (window.matchMedia("(max-width: 999px)").matches) pane.scrollIntoView({ block: "start" });
  } catch (err) {
    pane.replaceChildren(el("div", { class: "error", role: "alert" }, el("p", {}, err.message)));
  }
}

function factView(d, doc) {
  const f = d.fact;
  const closeLink = el("a", { href: "#" + new URLSearchParams(stateFromHash().q ? { q: stateFromHash().q } : {}), class: "close", "aria-label": "close" }, "×");
  const parts = [closeLink,
    el("h2", {}, `${f.entity} · ${f.metric} · ${f.year}${f.period !== "year" ? " " + f.period : ""}`),
    el("p", { class: "value" }, `${grouped.format(f.value)} ${f.unit}`,
      el("span", { class: "meta" }, ` ${f.qualifier}, ${f.status} · fact ${f.id}`))];
  if (d.conflict) {
    parts.push(el("p", { class: "conflict-note", role: "note" },
      `Sources disagree by more than 0.5 %. `,
      d.shown ? "This fact's value is the one shown." : `The figure shows ${grouped.format(d.figure.value)} from fact `,
      d.shown ? "" : el("a", { href: factHref(d.figure.fact) }, String(d.figure.fact)),
      d.shown ? "" : " (exact beats approximate, then the latest published, then the latest ingested)."));
  }
  const dd = doc.document;
  parts.push(el("p", { class: "meta" }, el("strong", {}, dd.title || dd.source),
    ` — ${dd.source}${dd.published ? ", published " + dd.published : ""}`, /^https?:\/\//i.test(dd.url || "") ? [" · ", el("a", { href: dd.url, rel: "noreferrer noopener" }, "original")] : null));
  parts.push(articleView(doc.text, f));
  if (d.others.length) {
    parts.push(el("h3", {}, d.others.length === 1 ? "Another source" : `${d.others.length} other sources`));
    parts.push(el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {}, ["fact", "document", "published", "value", "qualifier", ""].map((h) => el("th", { class: h === "value" ? "num" : null }, h)))),
      el("tbody", {}, d.others.map((o) => el("tr", { class: o.agrees ? null : "disagrees" },
        el("td", {}, el("a", { href: factHref(o.fact) }, String(o.fact))),
        el("td", {}, o.document.source), el("td", {}, o.document.published || ""),
        el("td", { class: "num" + (o.agrees ? "" : " conflict") }, grouped.format(o.value), o.agrees ? "" : el("span", { class: "mark" }, "!")),
        el("td", {}, o.qualifier), el("td", {}, o.shown ? "shown" : (o.agrees ? "agrees" : "disagrees"))))))));
  } else {
    parts.push(el("p", { class: "meta" }, "No other document states this figure."));
  }
  return parts;
}

// articleView is the document's text with the fact's sentence marked and
// its number in bold; paragraphs are the text's blank-line breaks.
function articleView(text, f) {
  const [before, sentHead, number, sentTail, after] = pieces(text, [f.sentence_start, f.start, f.end, f.sentence_end]);
  const art = el("article", { class: "article", tabindex: "0" });
  const paras = [];
  let cur = el("p");
  const flush = () => { if (cur.childNodes.length) paras.push(cur); cur = el("p"); };
  const addText = (s) => {
    const chunks = s.split(/\n\s*\n/);
    chunks.forEach((c, i) => {
      if (i > 0) flush();
      if (c) cur.append(c);
    });
  };
  addText(before);
  cur.append(el("mark", { class: "sentence", id: "sentence" }, sentHead, el("strong", { class: "number" }, number), sentTail));
  addText(after);
  flush();
  art.append(...paras);
  return art;
}

async function showDocument(id) {
  const pane = $("#detail");
  pane.hidden = false;
  try {
    const { body: doc } = await api("api/documents/" + encodeURIComponent(id));
    const d = doc.document;
    const art = el("article", { class: "article" });
    // Each fact's number links to the fact.
    const cuts = [], spans = [...doc.facts].sort((a, b) => a.start - b.start);
    let last = 0;
    const keep = [];
    for (const s of spans) if (s.start >= last) { cuts.push(s.start, s.end); keep.push(s); last = s.end; }
    const ps = pieces(doc.text, cuts);
    let p = el("p");
    const paras = [];
    ps.forEach((s, i) => {
      if (i % 2 === 1) {
        p.append(el("a", { href: factHref(keep[(i - 1) / 2].id), class: "fact-number" }, s));
        return;
      }
      s.split(/\n\s*\n/).forEach((c, k) => {
        if (k > 0) { if (p.childNodes.length) paras.push(p); p = el("p"); }
        if (c) p.append(c);
      });
    });
    if (p.childNodes.length) paras.push(p);
    art.append(...paras);
    pane.replaceChildren(el("a", { href: "#" + new URLSearchParams(stateFromHash().q ? { q: stateFromHash().q } : {}), class: "close", "aria-label": "close" }, "×"),
      el("h2", {}, d.title || d.source),
      el("p", { class: "meta" }, `${d.source}${d.published ? ", published " + d.published : ""} · ${d.facts} facts`), art);
  } catch (err) {
    pane.replaceChildren(el("div", { class: "error", role: "alert" }, el("p", {}, err.message)));
  }
}

// ---- start ----

window.addEventListener("hashchange", render);
document.addEventListener("DOMContentLoaded", () => {
  setupBox();
  loadNames().catch((err) => { $("#db").textContent = "server: " + err.message; });
  render();
});
