// The analyst dashboard: five tables of a statistics release, each drawn as a chart, with its
// disclosure control applied by the service (a suppressed cell is shown as suppressed, never as a
// number) and a CSV download of the same table.
"use strict";
(() => {
  const SUPPRESSED = "[suppressed]";
  const problem = document.getElementById("problem");
  const year = document.getElementById("year");
  const thisYear = new Date().getUTCFullYear();
  for (let y = thisYear; y >= thisYear - 5; y--) {
    year.add(new Option(String(y), String(y)));
  }

  // Charts follow the page's width (a phone turned, a window resized).
  window.addEventListener("resize", () => {
    document.querySelectorAll(".chart").forEach((element) => {
      const instance = echarts.getInstanceByDom(element);
      if (instance) {
        instance.resize();
      }
    });
  });

  document.getElementById("signin").addEventListener("submit", async (event) => {
    event.preventDefault();
    problem.hidden = true;
    Api.signIn(document.getElementById("token").value);
    try {
      await show(Number(year.value));
    } catch (e) {
      Api.show(problem, e);
    }
  });

  async function show(y) {
    const releases = (await Api.json("GET", "/api/v1/statistics/releases")).body;
    if (releases.length === 0) {
      throw new Error("no statistics release has been cut yet");
    }
    const release = releases[0];
    const lastYear = Number(release.throughMonth.slice(0, 4));
    if (y > lastYear) {
      // A year the release does not reach yet (every January): its last year instead.
      y = lastYear;
      year.value = String(y);
    }
    const to = release.throughMonth < y + "-12" ? release.throughMonth : y + "-12";
    const from = y + "-01";
    document.getElementById("release").textContent =
      "Release " + release.id + ": the data as of " + release.asOf + ", months through " +
      release.throughMonth + ". Showing " + from + " to " + to + ".";
    const period = "release=" + release.id + "&from=" + from + "&to=" + to;
    const panels = [
      panel("by-quarter-and-type", "/api/v1/statistics/referrals?" + period +
        "&groupBy=quarter,exploitationType&kind=NRM", stacked("quarter", "exploitationType")),
      panel("top-nationalities", "/api/v1/statistics/referrals?" + period +
        "&groupBy=nationality&kind=NRM", topNationalities),
      panel("decisions", "/api/v1/statistics/decisions?" + period + "&groupBy=quarter", decisions),
      panel("backlog", "/api/v1/statistics/backlog?release=" + release.id, backlog),
      panel("duty-to-notify", "/api/v1/statistics/referrals?" + period +
        "&groupBy=quarter&kind=DUTY_TO_NOTIFY", single("quarter", "count", "Reports")),
    ];
    document.getElementById("panels").hidden = false;
    for (const p of panels) {
      await p();
    }
  }

  function panel(id, path, draw) {
    const section = document.getElementById(id);
    section.querySelector("[data-csv]").onclick = () =>
      Api.downloadCsv(path, id + ".csv").catch((e) => Api.show(problem, e));
    return async () => {
      const wrap = section.querySelector(".table-wrap");
      try {
        const answer = (await Api.json("GET", path)).body;
        const view = draw(answer);
        table(wrap, view.columns, view.rows, answer);
        chart(section.querySelector(".chart"), view.chart);
      } catch (e) {
        // One table the service refuses (a disclosure risk, say) leaves the others shown.
        const said = document.createElement("p");
        said.className = "problem";
        said.setAttribute("role", "alert");
        Api.show(said, e);
        wrap.replaceChildren(said);
      }
    };
  }

  /** A cell as published: the count, or visibly suppressed. */
  function cell(row, key) {
    if (row[key] === null || row[key] === undefined) {
      return row.suppressed || key === "count" ? SUPPRESSED : "";
    }
    return row[key];
  }

  function table(container, columns, rows, answer) {
    const t = document.createElement("table");
    const caption = document.createElement("caption");
    caption.className = "meta";
    const control = answer.disclosureControl || {};
    caption.textContent = "As of " + (answer.asOf || "") + ". " + (control.suppressedCells || 0) +
      " cells suppressed (counts under " + (control.threshold || "the threshold") + ").";
    t.appendChild(caption);
    const head = t.createTHead().insertRow();
    for (const c of columns) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = c.title;
      if (c.number) th.className = "number";
      head.appendChild(th);
    }
    const body = t.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      for (const c of columns) {
        const td = tr.insertCell();
        const value = c.value ? c.value(row) : cell(row, c.key);
        td.textContent = value;
        if (c.number) td.className = "number";
        if (value === SUPPRESSED) {
          td.className = "number suppressed";
          td.setAttribute("aria-label", "suppressed: too few to publish");
          td.dataset.suppressed = "true";
        }
      }
    }
    container.replaceChildren(t);
  }

  function chart(element, option) {
    const existing = echarts.getInstanceByDom(element);
    (existing || echarts.init(element, null, { renderer: "svg" })).setOption(
      // Tooltips drawn by the chart itself, not as HTML: nothing the API says becomes markup.
      Object.assign({ animation: false, tooltip: { trigger: "axis", renderMode: "richText" },
        grid: { containLabel: true,
        left: 8, right: 8, top: 32, bottom: 8 } }, option), true);
  }

  /** Published counts only: a suppressed cell is left out of the chart, not drawn as 0. */
  function value(row, key) {
    return row[key] === null || row[key] === undefined ? null : row[key];
  }

  function stacked(x, series) {
    return (answer) => {
      const xs = [...new Set(answer.rows.map((r) => r[x]))];
      const names = [...new Set(answer.rows.map((r) => r[series]))];
      return {
        columns: [{ title: x, key: x }, { title: series, key: series },
          { title: "Referrals", key: "count", number: true }],
        rows: answer.rows,
        chart: {
          legend: { top: 0, type: "scroll" },
          xAxis: { type: "category", data: xs },
          yAxis: { type: "value" },
          series: names.map((n) => ({ name: n, type: "bar", stack: "all",
            data: xs.map((q) => { const r = answer.rows.find((r) => r[x] === q && r[series] === n);
              return r ? value(r, "count") : null; }) })),
        },
      };
    };
  }

  /** Every nationality in the table, largest first (suppressed ones last); the ten largest drawn. */
  function topNationalities(answer) {
    const rows = [...answer.rows].sort((a, b) => (b.count ?? -1) - (a.count ?? -1));
    const top = rows.filter((r) => value(r, "count") !== null).slice(0, 10);
    return {
      columns: [{ title: "Nationality", value: (r) => (r.nationalityName || r.nationality) },
        { title: "Referrals", key: "count", number: true }],
      rows,
      chart: {
        xAxis: { type: "category", data: top.map((r) => r.nationality), axisLabel: { interval: 0 } },
        yAxis: { type: "value" },
        series: [{ name: "Referrals", type: "bar", data: top.map((r) => value(r, "count")) }],
      },
    };
  }

  function decisions(answer) {
    const share = (r) => (r.positiveShare === null || r.positiveShare === undefined)
      ? (r.suppressed ? SUPPRESSED : "") : Math.round(r.positiveShare * 1000) / 10 + "%";
    const xs = [...new Set(answer.rows.map((r) => r.quarter))];
    const bars = [];
    for (const d of ["REASONABLE_GROUNDS", "CONCLUSIVE_GROUNDS"]) {
      for (const k of ["positive", "negative"]) {
        bars.push({ name: (d === "REASONABLE_GROUNDS" ? "RG " : "CG ") + k, type: "bar",
          stack: d, data: xs.map((q) => { const r = answer.rows.find((r) => r.quarter === q &&
            r.decision === d); return r ? value(r, k) : null; }) });
      }
    }
    return {
      columns: [{ title: "Decision", key: "decision" }, { title: "Quarter", key: "quarter" },
        { title: "Issued", key: "issued", number: true },
        { title: "Positive", key: "positive", number: true },
        { title: "Negative", key: "negative", number: true },
        { title: "Positive share", value: share, number: true }],
      rows: answer.rows,
      chart: { legend: { top: 0 }, xAxis: { type: "category", data: xs }, yAxis: { type: "value" },
        series: bars },
    };
  }

  function backlog(answer) {
    return single("ageOfCase", "count", "Cases")(answer);
  }

  function single(x, key, title) {
    return (answer) => ({
      columns: [{ title: x, key: x }, { title, key, number: true }],
      rows: answer.rows,
      chart: {
        xAxis: { type: "category", data: answer.rows.map((r) => r[x]) },
        yAxis: { type: "value" },
        series: [{ name: title, type: "bar", data: answer.rows.map((r) => value(r, key)) }],
      },
    });
  }

  // Signed in by the deployment's identity provider: the token came in the address's fragment.
  if (Api.fromAddress()) {
    document.getElementById("token").value = "";
    guardedStart();
  }

  function guardedStart() {
    problem.hidden = true;
    show(Number(year.value)).catch((e) => Api.show(problem, e));
  }
})();
