/* eventwire dashboard: shared helpers. Data is always written as text nodes
   (textContent / createTextNode), never as HTML, so article text cannot run. */
"use strict";

const EW = (() => {
  const tokenMeta = document.querySelector('meta[name="ew-token"]');
  const token = tokenMeta ? tokenMeta.content : "";

  const QUADS = [
    { n: 1, key: "verbal_cooperation", label: "verbal cooperation", colour: "#7fbf7b" },
    { n: 2, key: "material_cooperation", label: "material cooperation", colour: "#1b7837" },
    { n: 3, key: "verbal_conflict", label: "verbal conflict", colour: "#f4a582" },
    { n: 4, key: "material_conflict", label: "material conflict", colour: "#b2182b" },
  ];

  /** A same-origin URL with query parameters (empty ones dropped) and the token if any. */
  function url(path, params) {
    const u = new URL(path, window.location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== undefined && v !== null && v !== "" && v !== false) u.searchParams.set(k, v);
    }
    if (token) u.searchParams.set("token", token);
    return u.pathname + u.search;
  }

  /** JSON from the API; an API error becomes an Error with its code and message. */
  async function api(path, params) {
    const response = await fetch(url(path, params), { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) {
      const err = body && body.error ? `${body.error.code}: ${body.error.message}` : response.statusText;
      throw new Error(err);
    }
    return body;
  }

  /** An element with attributes and children (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

  function link(path, text, params) { return el("a", { href: url(path, params) }, text); }

  function fmt(value) {
    if (value === null || value === undefined) return "";
    if (typeof value === "number" && !Number.isInteger(value)) return value.toFixed(2);
    return String(value);
  }

  /** A table of rows; columns are [label, row => string | Node]. */
  function table(rows, columns, empty) {
    if (!rows.length) return el("p", { class: "empty" }, empty || "Nothing found.");
    const head = el("tr", {}, columns.map(([label]) => el("th", { scope: "col" }, label)));
    const body = rows.map((row) => el("tr", {}, columns.map(([, cell]) => {
      const value = cell(row);
      return el("td", {}, value instanceof Node ? value : fmt(value));
    })));
    return el("table", { class: "data" }, el("thead", {}, head), el("tbody", {}, body));
  }

  function showError(container, err) {
    clear(container).appendChild(el("p", { class: "error", role: "alert" }, String(err.message || err)));
  }

  /** The sentence with the given words (first occurrence each) wrapped in marks. */
  function marked(sentence, parts) {
    const text = sentence || "";
    const spans = [];
    for (const [words, kind] of parts) {
      if (!words) continue;
      const at = text.indexOf(words);
      if (at < 0) continue;
      if (spans.some((s) => at < s.end && s.start < at + words.length)) continue;
      spans.push({ start: at, end: at + words.length, kind });
    }
    spans.sort((a, b) => a.start - b.start);
    const out = el("span", { class: "sentence" });
    let pos = 0;
    for (const s of spans) {
      out.appendChild(document.createTextNode(text.slice(pos, s.start)));
      out.appendChild(el("mark", { class: `m-${s.kind}` }, text.slice(s.start, s.end)));
      pos = s.end;
    }
    out.appendChild(document.createTextNode(text.slice(pos)));
    return out;
  }

  function quadBadge(n) {
    const q = QUADS.find((x) => x.n === Number(n));
    return el("span", { class: `badge q${n}`, title: q ? q.label : "" }, q ? q.label : "unknown");
  }

  function actorLink(code, name) {
    if (!code) return el("span", { class: "muted" }, name || "—");
    return el("a", { href: url(`/actor/${encodeURIComponent(code)}`), title: code }, name || code);
  }

  /** One event as a card: who did what to whom, the evidence sentence, its article. */
  function eventCard(e) {
    return el("li", { class: "event" },
      el("div", { class: "event-head" },
        el("span", { class: "date" }, fmt(e.day || e.date)), " ",
        actorLink(e.source_code, e.source_name), " ",
        el("span", { class: "cameo", title: `CAMEO ${e.cameo}: ${e.cameo_name || "unknown code"}` }, `${e.text || ""} (${e.cameo})`), " ",
        actorLink(e.target_code, e.target_name), " ", quadBadge(e.quad_class),
        e.negated ? el("span", { class: "badge neg" }, "negated") : null,
        e.modality && e.modality !== "asserted" ? el("span", { class: "badge mod" }, e.modality) : null),
      el("blockquote", {}, marked(e.sentence, [[e.source_text, "actor"], [e.text, "event"], [e.target_text, "actor"]])),
      el("div", { class: "event-source" }, link(`/article/${encodeURIComponent(e.article_id)}`, e.title || "article"),
        e.outlet ? ` · ${e.outlet}` : ""));
  }

  /** A paged list: ``load(offset)`` returns an API page; rows are drawn with ``draw``. */
  async function pagedList(container, load, draw, emptyText) {
    clear(container);
    const list = el("ul", { class: "cards-list" });
    const more = el("button", { class: "more", type: "button" }, "More");
    const status = el("p", { class: "hint" });
    container.append(status, list, more);
    let next = 0;
    let shown = 0;
    async function fetchPage() {
      more.disabled = true;
      try {
        const page = await load(next);
        page.rows.forEach((row) => list.appendChild(draw(row)));
        shown += page.rows.length;
        next = page.next_offset;
        status.textContent = shown ? `${shown} shown${next === null ? "" : ", more available"}` : (emptyText || "Nothing found.");
        more.hidden = next === null;
      } catch (err) { showError(status, err); more.hidden = true; }
      more.disabled = false;
    }
    more.addEventListener("click", fetchPage);
    await fetchPage();
  }

  function quoteCard(q) {
    return el("li", { class: "quote" },
      el("blockquote", {}, `“${q.text}”`),
      el("div", { class: "event-source" }, "— ", actorLink(q.speaker_code, q.speaker_name || q.speaker_text), ", ",
        q.published ? `${String(q.published).slice(0, 10)} · ` : "",
        link(`/article/${encodeURIComponent(q.article_id)}`, q.title || q.outlet || "article")));
  }

  function keepTokenOnLinks() {
    if (!token) return;
    document.querySelectorAll("a[data-keep-token]").forEach((a) => {
      a.href = url(a.getAttribute("href"));
    });
  }

  document.addEventListener("DOMContentLoaded", keepTokenOnLinks);

  return { QUADS, url, api, el, append, clear, link, fmt, table, showError, marked, quadBadge,
    actorLink, eventCard, quoteCard, pagedList };
})();
