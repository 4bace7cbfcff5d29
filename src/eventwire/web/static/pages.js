/* eventwire dashboard: one function per page, chosen by <body data-page>. */
"use strict";

(() => {
  const { el, api, clear, link, fmt, table, showError, eventCard, quoteCard, pagedList, actorLink } = EW;
  const $ = (id) => document.getElementById(id);
  const data = document.body.dataset;

  /** The last day of the period that starts on ``start`` (ISO dates). */
  function periodEnd(start, by) {
    const d = new Date(`${start}T00:00:00Z`);
    if (by === "week") d.setUTCDate(d.getUTCDate() + 6);
    if (by === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
    return d.toISOString().slice(0, 10);
  }

  function events(container, params, emptyText) {
    return pagedList(container, (offset) => api("/api/events", { ...params, offset, limit: 20 }), eventCard, emptyText);
  }

  function readForm(form) {
    const out = {};
    for (const [k, v] of new FormData(form).entries()) out[k] = v;
    return out;
  }

  function onSubmit(form, handler) {
    form.addEventListener("submit", (ev) => { ev.preventDefault(); handler(readForm(form)); });
  }

  // -- overview -------------------------------------------------------------------

  async function overview() {
    let o;
    try { o = await api("/api/overview"); } catch (err) { showError($("counts"), err); return; }
    const names = { articles: "articles", events: "event reports", quotes: "quotes", actors: "actors", stories: "stories" };
    for (const [key, label] of Object.entries(names)) {
      if (o.counts[key] === undefined) continue;
      $("counts").appendChild(el("div", { class: "card" }, el("strong", {}, fmt(o.counts[key])), el("span", {}, label)));
    }
    if (o.first_day) {
      $("counts").appendChild(el("div", { class: "card wide" }, el("strong", {}, `${o.first_day} – ${o.last_day}`), el("span", {}, "days covered")));
    }
    $("period-name").textContent = o.by;
    Charts.legend($("legend"));
    Charts.timeline($("timeline"), o.timeline, (row) => {
      const until = periodEnd(row.period, o.by);
      $("period-events-panel").hidden = false;
      $("period-events-title").textContent = `Events of the ${o.by} from ${row.period}`;
      events($("period-events"), { since: row.period, until }, "No events in this period.");
    });
    $("top-actors").appendChild(table(o.top_actors, [
      ["Actor", (r) => actorLink(r.actor, r.name || r.actor)], ["Code", (r) => r.actor],
      ["Events", (r) => r.events], ["as source", (r) => r.as_source], ["as target", (r) => r.as_target],
    ], "No actors yet."));
    $("top-dyads").appendChild(table(o.top_dyads, [
      ["Dyad", (r) => link("/dyad", `${r.source} → ${r.target}`, { source: r.source, target: r.target })],
      ["Events", (r) => r.events], ["Cooperation", (r) => r.cooperation], ["Conflict", (r) => r.conflict],
    ], "No events between two actors yet."));
    $("alerts").appendChild(table(o.alerts, [
      ["Week of", (r) => r.period], ["Dyad", (r) => link("/dyad", `${r.source} → ${r.target}`, { source: r.source, target: r.target })],
      ["Conflict", (r) => fmt(r.value)], ["Usual", (r) => fmt(r.baseline_mean)], ["Events", (r) => r.events],
    ], "No alerts: no pair's conflict rose far above its usual level."));
    onSubmit($("event-search"), ({ q }) => events($("search-results"), { q }, `No event sentence contains “${q}”.`));
  }

  // -- dyad -----------------------------------------------------------------------

  async function dyad() {
    const form = $("dyad-form");
    api("/api/dyads", { limit: 12 }).then((d) => {
      const codes = new Set();
      for (const r of d.rows) {
        codes.add(r.source); codes.add(r.target);
        $("dyad-suggestions").appendChild(el("button", { type: "button", class: "chip", onclick: () => {
          form.source.value = r.source; form.target.value = r.target; show();
        } }, `${r.source} → ${r.target} (${r.events})`));
      }
      for (const c of codes) $("actor-codes").appendChild(el("option", { value: c }));
    }).catch((err) => showError($("dyad-suggestions"), err));
    const params = new URLSearchParams(window.location.search);
    form.source.value = data.source || "";
    form.target.value = data.target || "";
    if (params.get("by")) form.by.value = params.get("by");
    form.both.checked = params.get("both") === "true";
    Charts.legend($("legend"));
    onSubmit(form, show);
    onSubmit($("event-search"), ({ q }) => dyadEvents({ q }));
    if (form.source.value && form.target.value) show();

    function current() {
      return { source: form.source.value.toUpperCase(), target: form.target.value.toUpperCase(),
        by: form.by.value, both: form.both.checked };
    }

    function dyadEvents(extra, title) {
      const c = current();
      $("events-title").textContent = title || `Events ${c.source} → ${c.target}`;
      return events($("events"), { source: c.source, target: c.target, both: c.both, ...extra }, "No events for this dyad.");
    }

    async function show() {
      const c = current();
      if (!c.source || !c.target) return;
      window.history.replaceState(null, "", EW.url("/dyad", c));
      $("dyad-title").textContent = `${c.source} → ${c.target}${c.both ? " (both directions)" : ""}`;
      try {
        const t = await api("/api/dyads/timeline", c);
        Charts.timeline($("timeline"), t.rows, (row) => {
          const until = periodEnd(row.period, c.by);
          dyadEvents({ since: row.period, until }, `Events ${c.source} → ${c.target}, ${c.by} from ${row.period}`);
        }, { goldstein: true });
      } catch (err) { showError($("timeline"), err); }
      dyadEvents({});
      $("quotes-source-title").textContent = `Quotes of ${c.source}`;
      $("quotes-target-title").textContent = `Quotes of ${c.target}`;
      for (const [side, code] of [["source", c.source], ["target", c.target]]) {
        pagedList($(`quotes-${side}`), (offset) => api("/api/quotes", { actor: code, offset, limit: 10 }), quoteCard,
          `No quotes of ${code}.`);
      }
    }
  }

  // -- actors -----------------------------------------------------------------------

  function actorsPage() {
    const form = $("actor-search");
    const draw = (a) => el("li", { class: "row" }, actorLink(a.code, a.name), ` ${a.code} · ${a.mentions} mentions in ${a.articles} articles`);
    const load = (q) => pagedList($("actors"), (offset) => api("/api/actors", { q, offset, limit: 50 }), draw,
      q ? `No actor matches “${q}”.` : "No actors yet.");
    form.q.value = data.q || "";
    onSubmit(form, ({ q }) => load(q));
    load(form.q.value);
  }

  async function actor() {
    const code = data.code.toUpperCase();
    $("actor-title").textContent = code;
    let a;
    try { a = await api(`/api/actors/${encodeURIComponent(code)}`); } catch (err) { showError($("actor-names"), err); return; }
    if (a.names.length) {
      $("actor-title").textContent = `${a.names[0].name} (${code})`;
      $("actor-names").textContent = `Known as: ${a.names.map((n) => `${n.name} [${n.code}]`).join(", ")}`;
    }
    Charts.neighbourhood($("network"), code, a.neighbours, (other) => { window.location.href = EW.url(`/actor/${encodeURIComponent(other)}`); });
    $("roles").appendChild(table(a.roles, [
      ["Role", (r) => r.role], ["What", (r) => `${r.root_name || "?"} (${r.cameo_root})`], ["Events", (r) => r.events],
      ["Cooperation", (r) => r.cooperation], ["Conflict", (r) => r.conflict],
    ], "No events."));
    const quotes = el("ul", { class: "cards-list" }, a.quotes.map(quoteCard));
    $("quotes").appendChild(a.quotes.length ? quotes : el("p", { class: "empty" }, "No quotes by this speaker."));
    const form = $("event-search");
    const load = ({ role, q }) => events($("events"), role ? { [role]: code, q } : { actor: code, q }, "No events.");
    onSubmit(form, load);
    load({});
  }

  // -- articles ---------------------------------------------------------------------

  function articlesPage() {
    const form = $("article-search");
    const draw = (a) => el("li", { class: "row" },
      link(`/article/${encodeURIComponent(a.id)}`, a.title || a.path || a.id), " ",
      el("span", { class: "muted" }, `${fmt(a.published).slice(0, 10)} · ${a.outlet || "unknown outlet"} · ${a.events} events`));
    const load = (q) => pagedList($("articles"), (offset) => api("/api/articles", { q, offset, limit: 50 }), draw,
      q ? `No article contains “${q}”.` : "No articles yet.");
    form.q.value = data.q || "";
    onSubmit(form, ({ q }) => load(q));
    load(form.q.value);
  }

  async function article() {
    let r;
    try { r = await api(`/api/articles/${encodeURIComponent(data.id)}`); } catch (err) { showError($("article-text"), err); return; }
    const a = r.article;
    $("article-title").textContent = a.title || a.path || a.id;
    document.title = `${a.title || "Article"} · eventwire`;
    $("article-meta").append(`${a.published || "no date"} · ${a.outlet || "unknown outlet"} · `,
      // Only web links become links: a "javascript:" URL in hostile data must stay text.
      /^https?:\/\//i.test(a.url || "") ? el("a", { href: a.url, rel: "noopener noreferrer" }, a.url) : (a.url || a.path || ""));
    for (const [kind, label] of [["event", "event"], ["quote", "quote"], ["time", "date"], ["actor", "actor"]]) {
      $("marks-legend").appendChild(el("span", { class: "key" }, el("mark", { class: `m-${kind}` }, label)));
    }
    const text = a.text || "";
    const body = $("article-text");
    for (const s of r.segments) {
      const piece = text.slice(s.start, s.end);
      if (!s.kinds.length) { body.appendChild(document.createTextNode(piece)); continue; }
      body.appendChild(el("mark", { class: s.kinds.map((k) => `m-${k}`).join(" "), title: s.labels.join("\n"),
        "data-refs": s.refs.join(" ") }, piece));
    }
    $("article-events").appendChild(table(r.events, [
      ["Source", (e) => actorLink(e.source_code, e.source_name)], ["Event", (e) => `${e.text} (${e.cameo})`],
      ["Target", (e) => actorLink(e.target_code, e.target_name)], ["Date", (e) => e.date],
    ], "No events."));
    $("article-quotes").appendChild(el("ul", { class: "cards-list" }, r.quotes.map((q) => quoteCard({ ...q, title: null, outlet: "this article", article_id: a.id }))));
    if (!r.quotes.length) $("article-quotes").appendChild(el("p", { class: "empty" }, "No quotes."));
    $("article-times").appendChild(table(r.times, [["Words", (t) => t.text], ["Means", (t) => t.value], ["Precision", (t) => t.precision]], "No dates."));
    $("article-actors").appendChild(table(r.actors, [["Actor", (x) => actorLink(x.code, x.name)], ["Code", (x) => x.code], ["Mentions", (x) => x.mentions]], "No actors."));
    $("article-places").appendChild(table(r.places, [["Place", (p) => p.name], ["Country", (p) => p.country], ["Lat", (p) => p.lat], ["Lon", (p) => p.lon]], "No places."));
    $("article-story").appendChild(r.story_articles.length
      ? el("ul", {}, r.story_articles.map((s) => el("li", {}, link(`/article/${encodeURIComponent(s.id)}`, s.title || s.id), ` · ${s.outlet || ""}`)))
      : el("p", { class: "empty" }, "No other article tells this story."));
  }

  // -- map and SQL ------------------------------------------------------------------

  function mapPage() {
    const form = $("map-form");
    async function show(params) {
      try {
        const p = await api("/api/places", { ...params, limit: 300 });
        clear($("place-events"));
        Charts.places($("map"), p.rows, (row) => {
          $("place-title").textContent = `Events at ${row.name}`;
          events($("place-events"), { ...params, place: row.name }, "No events here.");
        });
        $("place-title").textContent = `${p.rows.length} place${p.rows.length === 1 ? "" : "s"} — click one to list its events`;
      } catch (err) { showError($("map"), err); }
    }
    onSubmit(form, show);
    show({});
  }

  function sqlPage() {
    const form = $("sql-form");
    if (data.sql) form.sql.value = data.sql;
    onSubmit(form, async ({ sql }) => {
      $("sql-status").textContent = "running…";
      try {
        const r = await api("/api/sql", { sql });
        $("sql-status").textContent = `${r.rows.length} rows in ${r.ms} ms${r.truncated ? ` — truncated at ${r.row_limit} rows` : ""}`;
        clear($("sql-result")).appendChild(table(r.rows, r.columns.map((c, i) => [c, (row) => row[i]]), "No rows."));
      } catch (err) { $("sql-status").textContent = ""; showError($("sql-result"), err); }
    });
    api("/openapi.json").then((doc) => {
      const rows = Object.entries(doc.paths).map(([path, ops]) => ({ path, summary: (ops.get && ops.get.summary) || "" }));
      $("endpoints").appendChild(table(rows, [["Endpoint", (r) => r.path], ["What", (r) => r.summary]]));
    }).catch((err) => showError($("endpoints"), err));
  }

  const PAGES = { overview, dyad, actors: actorsPage, actor, articles: articlesPage, article, map: mapPage, sql: sqlPage };
  document.addEventListener("DOMContentLoaded", () => { const init = PAGES[data.page]; if (init) init(); });
})();
