/* eventwire dashboard: charts drawn as plain SVG (no library, no tiles, works offline). */
"use strict";

const Charts = (() => {
  const NS = "http://www.w3.org/2000/svg";

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, String(v));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function legend(container) {
    EW.clear(container);
    for (const q of EW.QUADS) {
      container.appendChild(EW.el("span", { class: "key" },
        EW.el("span", { class: `swatch q${q.n}` }), q.label));
    }
  }

  /** Diverging bars per period (cooperation up, conflict down); click or Enter selects a period. */
  function timeline(container, rows, onSelect, options) {
    EW.clear(container);
    if (!rows.length) { container.appendChild(EW.el("p", { class: "empty" }, "No events in this range.")); return; }
    const width = Math.max(container.clientWidth || 800, 320);
    const height = 260;
    const pad = { left: 40, right: 12, top: 12, bottom: 34 };
    const up = rows.map((r) => (r.verbal_cooperation || 0) + (r.material_cooperation || 0));
    const down = rows.map((r) => (r.verbal_conflict || 0) + (r.material_conflict || 0));
    const top = Math.max(1, ...up);
    const bottom = Math.max(1, ...down);
    const plotH = height - pad.top - pad.bottom;
    const zero = pad.top + plotH * (top / (top + bottom));
    const scale = plotH / (top + bottom);
    const step = (width - pad.left - pad.right) / rows.length;
    const barW = Math.max(2, Math.min(40, step * 0.8));
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
      "aria-label": "Cooperation and conflict over time", class: "timeline" });
    chart.appendChild(svg("line", { x1: pad.left, x2: width - pad.right, y1: zero, y2: zero, class: "axis" }));
    chart.appendChild(svg("text", { x: 4, y: pad.top + 10, class: "tick" }, `+${top}`));
    chart.appendChild(svg("text", { x: 4, y: height - pad.bottom, class: "tick" }, `−${bottom}`));
    const labelEvery = Math.ceil(rows.length / Math.max(1, Math.floor((width - pad.left) / 70)));
    rows.forEach((row, i) => {
      const x = pad.left + i * step + (step - barW) / 2;
      const total = up[i] + down[i];
      const g = svg("g", { class: "bar", tabindex: 0, role: "button", "data-period": row.period,
        "aria-label": `${row.period}: ${total} events` });
      let y = zero;
      for (const q of [EW.QUADS[0], EW.QUADS[1]]) {
        const h = (row[q.key] || 0) * scale;
        y -= h;
        if (h > 0) g.appendChild(svg("rect", { x, y, width: barW, height: h, class: `q${q.n}` }));
      }
      y = zero;
      for (const q of [EW.QUADS[2], EW.QUADS[3]]) {
        const h = (row[q.key] || 0) * scale;
        if (h > 0) g.appendChild(svg("rect", { x, y, width: barW, height: h, class: `q${q.n}` }));
        y += h;
      }
      // A transparent full-height target makes thin bars and empty periods clickable.
      g.appendChild(svg("rect", { x: pad.left + i * step, y: pad.top, width: step, height: plotH, class: "hit" }));
      g.appendChild(svg("title", {}, `${row.period}\n${EW.QUADS.map((q) => `${q.label}: ${row[q.key] || 0}`).join("\n")}`));
      const select = () => {
        chart.querySelectorAll(".bar.selected").forEach((b) => b.classList.remove("selected"));
        g.classList.add("selected");
        onSelect(row);
      };
      g.addEventListener("click", select);
      g.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(); } });
      chart.appendChild(g);
      if (i % labelEvery === 0) {
        chart.appendChild(svg("text", { x: x + barW / 2, y: height - pad.bottom + 14, class: "tick", "text-anchor": "middle" },
          String(row.period).slice(0, 10)));
      }
    });
    if (options && options.goldstein) {
      const gs = rows.map((r) => r.goldstein_sum || 0);
      const span = Math.max(1, ...gs.map(Math.abs));
      const pts = gs.map((v, i) => `${pad.left + i * step + step / 2},${zero - (v / span) * (plotH / 2) * 0.9}`);
      chart.appendChild(svg("polyline", { points: pts.join(" "), class: "goldstein" }));
    }
    container.appendChild(chart);
  }

  /** The actor in the middle, its neighbours on a circle; edge colour by cooperation share. */
  function neighbourhood(container, code, edges, onOpen) {
    EW.clear(container);
    if (!edges.length) { container.appendChild(EW.el("p", { class: "empty" }, "No events with another actor.")); return; }
    const nodes = new Map();
    for (const e of edges) {
      const other = e.source.startsWith(code) ? [e.target, e.target_name] : [e.source, e.source_name];
      const n = nodes.get(other[0]) || { code: other[0], name: other[1], events: 0, coop: 0, conflict: 0 };
      n.events += e.events; n.coop += e.cooperation; n.conflict += e.conflict;
      nodes.set(other[0], n);
    }
    const list = [...nodes.values()].sort((a, b) => b.events - a.events).slice(0, 16);
    const size = 420, cx = size / 2, cy = size / 2, r = 150;
    const most = Math.max(...list.map((n) => n.events));
    const chart = svg("svg", { viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: "img",
      "aria-label": `Network of ${code}`, class: "network" });
    list.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / list.length - Math.PI / 2;
      const x = cx + r * Math.cos(angle), y = cy + r * Math.sin(angle);
      const share = n.coop + n.conflict ? n.coop / (n.coop + n.conflict) : 0.5;
      chart.appendChild(svg("line", { x1: cx, y1: cy, x2: x, y2: y, class: share >= 0.5 ? "edge coop" : "edge conflict",
        "stroke-width": 1 + (6 * n.events) / most }));
      const g = svg("g", { class: "node", tabindex: 0, role: "link", "data-code": n.code,
        "aria-label": `${n.name || n.code}: ${n.events} events` });
      g.appendChild(svg("circle", { cx: x, cy: y, r: 6 + (10 * n.events) / most }));
      g.appendChild(svg("text", { x, y: y + (y >= cy ? 28 : -20), "text-anchor": "middle", class: "label" }, n.name || n.code));
      g.appendChild(svg("title", {}, `${n.name || ""} (${n.code}): ${n.events} events, ${n.coop} cooperation, ${n.conflict} conflict`));
      g.addEventListener("click", () => onOpen(n.code));
      g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onOpen(n.code); });
      chart.appendChild(g);
    });
    chart.appendChild(svg("circle", { cx, cy, r: 22, class: "centre" }));
    chart.appendChild(svg("text", { x: cx, y: cy + 4, "text-anchor": "middle", class: "label centre-label" }, code));
    container.appendChild(chart);
  }

  /** Places by latitude/longitude on a plain equirectangular grid fitted to the data. */
  function places(container, rows, onSelect) {
    EW.clear(container);
    if (!rows.length) { container.appendChild(EW.el("p", { class: "empty" }, "No events with a known location.")); return; }
    const width = Math.max(container.clientWidth || 800, 320), height = Math.round(width * 0.55);
    let [w, e, s, n] = [Math.min(...rows.map((r) => r.lon)), Math.max(...rows.map((r) => r.lon)),
      Math.min(...rows.map((r) => r.lat)), Math.max(...rows.map((r) => r.lat))];
    // Pad the box and keep at least 30° so one place does not fill the map.
    const padDeg = Math.max(5, (e - w) * 0.15, (n - s) * 0.15);
    w -= padDeg; e += padDeg; s -= padDeg; n += padDeg;
    const lonSpan = Math.max(30, e - w), latSpan = Math.max(30 * (height / width), n - s);
    const midLon = (w + e) / 2, midLat = (s + n) / 2;
    const k = Math.min(width / lonSpan, height / latSpan);
    const x = (lon) => width / 2 + (lon - midLon) * k;
    const y = (lat) => height / 2 - (lat - midLat) * k;
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
      "aria-label": "Map of event locations", class: "placemap" });
    chart.appendChild(svg("rect", { x: 0, y: 0, width, height, class: "sea" }));
    const stepDeg = lonSpan > 120 ? 30 : lonSpan > 50 ? 10 : 5;
    for (let lon = Math.ceil((midLon - width / 2 / k) / stepDeg) * stepDeg; lon <= midLon + width / 2 / k; lon += stepDeg) {
      chart.appendChild(svg("line", { x1: x(lon), x2: x(lon), y1: 0, y2: height, class: "grid" }));
      chart.appendChild(svg("text", { x: x(lon) + 2, y: height - 4, class: "tick" }, `${Math.abs(lon)}°${lon < 0 ? "W" : "E"}`));
    }
    for (let lat = Math.ceil((midLat - height / 2 / k) / stepDeg) * stepDeg; lat <= midLat + height / 2 / k; lat += stepDeg) {
      chart.appendChild(svg("line", { x1: 0, x2: width, y1: y(lat), y2: y(lat), class: "grid" }));
      chart.appendChild(svg("text", { x: 2, y: y(lat) - 2, class: "tick" }, `${Math.abs(lat)}°${lat < 0 ? "S" : "N"}`));
    }
    const most = Math.max(...rows.map((r) => r.events));
    for (const row of [...rows].sort((a, b) => b.events - a.events)) {
      const radius = 4 + 16 * Math.sqrt(row.events / most);
      const g = svg("g", { class: "place", tabindex: 0, role: "button", "data-place": row.name,
        "aria-label": `${row.name}: ${row.events} events` });
      g.appendChild(svg("circle", { cx: x(row.lon), cy: y(row.lat), r: radius, class: "dot" }));
      if (row.conflict) {
        g.appendChild(svg("circle", { cx: x(row.lon), cy: y(row.lat), r: radius * Math.sqrt(row.conflict / row.events), class: "dot-conflict" }));
      }
      g.appendChild(svg("text", { x: x(row.lon) + radius + 3, y: y(row.lat) + 4, class: "label" }, row.name));
      g.appendChild(svg("title", {}, `${row.name} (${row.country || "?"}): ${row.events} events, ${row.conflict} conflict`));
      g.addEventListener("click", () => onSelect(row));
      g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onSelect(row); });
      chart.appendChild(g);
    }
    container.appendChild(chart);
  }

  return { legend, timeline, neighbourhood, places };
})();
