// The caseworker's page: the queues of the caller's competent authority with their counts, a
// queue's cases, one case with its deadlines and history, and the actions the API allows, each
// sent with the case's ETag (If-Match) and any refusal shown in words.
"use strict";
(() => {
  const problem = document.getElementById("problem");
  let current = null; // { id, etag }
  let shownQueue = null;

  const TITLES = {
    "mine": "My cases", "unassigned": "Unassigned", "rg-due": "RG decision due or overdue",
    "awaiting-cg": "Awaiting a CG decision, oldest first",
    "second-caseworker": "Decisions held for a second caseworker", "suspended": "Suspended",
    "consent-needed": "Consent needed", "information-awaited": "Further information awaited",
    "reconsideration": "Reconsideration requested",
  };

  function guard(action) {
    return async (...args) => {
      problem.hidden = true;
      try {
        await action(...args);
      } catch (e) {
        Api.show(problem, e);
      }
    };
  }

  document.getElementById("signin").addEventListener("submit", guard(async (event) => {
    event.preventDefault();
    Api.signIn(document.getElementById("token").value);
    await queues();
  }));

  async function queues() {
    const counts = (await Api.json("GET", "/api/v1/queues")).body;
    document.getElementById("authority").textContent = counts.competentAuthority;
    const list = document.querySelector("#queues ul");
    list.replaceChildren(...counts.queues.map((q) => {
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button";
      b.dataset.queue = q.name;
      b.textContent = (TITLES[q.name] || q.name) + ": " + q.count;
      b.onclick = guard(() => queue(q.name));
      li.appendChild(b);
      return li;
    }));
    document.getElementById("queues").hidden = false;
  }

  async function queue(name) {
    shownQueue = name;
    const page = (await Api.json("GET", "/api/v1/queues/" + encodeURIComponent(name) + "?limit=50")).body;
    document.getElementById("h-queue").textContent = TITLES[name] || name;
    const t = tableWith(["Reference", "Status", "Submitted", "RG target", "Assignee"]);
    const body = t.createTBody();
    for (const item of page.items) {
      const tr = body.insertRow();
      const open = document.createElement("button");
      open.type = "button";
      open.dataset.referral = item.id;
      open.textContent = item.reference;
      open.onclick = guard(() => openCase(item.id));
      tr.insertCell().appendChild(open);
      for (const v of [item.status, item.submittedAt, item.rgDecisionTargetDate, item.assignee]) {
        tr.insertCell().textContent = v || "";
      }
    }
    document.querySelector("#queue .table-wrap").replaceChildren(t);
    document.getElementById("queue").hidden = false;
  }

  async function openCase(id) {
    const read = await Api.json("GET", "/api/v1/referrals/" + id);
    current = { id, etag: read.etag };
    render(read.body);
    const history = (await Api.json("GET", "/api/v1/referrals/" + id + "/history")).body;
    const t = tableWith(["When", "What", "By", "From", "To", "Reason"]);
    const body = t.createTBody();
    for (const e of history.events) {
      const tr = body.insertRow();
      for (const v of [e.occurredAt, e.action, e.actorRole, e.fromStatus, e.toStatus, e.reason]) {
        tr.insertCell().textContent = v || "";
      }
    }
    document.getElementById("history").replaceChildren(t);
    document.getElementById("case").hidden = false;
    document.getElementById("h-case").focus();
  }

  /** A table with these column headings and no rows yet. */
  function tableWith(titles) {
    const t = document.createElement("table");
    const head = t.createTHead().insertRow();
    for (const title of titles) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = title;
      head.appendChild(th);
    }
    return t;
  }

  function render(r) {
    document.getElementById("h-case").textContent = r.reference + " (" + r.status + ")";
    document.getElementById("h-case").tabIndex = -1;
    const facts = {
      "Status": r.status,
      "Competent authority": r.competentAuthority,
      "Assignee": r.assignee || "nobody",
      "Submitted": r.submittedAt,
      "RG decision target": r.rgDecisionTargetDate,
      "Recovery period ends": r.recoveryPeriodEndsOn,
      "Support period ends": r.supportPeriodEndsOn,
      "Days awaiting the CG": r.daysAwaitingCg,
      "Decision held for a second caseworker": r.pendingDecision ? r.pendingDecision.status : null,
      "Person": r.potentialVictim ? [r.potentialVictim.givenName, r.potentialVictim.familyName]
        .filter(Boolean).join(" ") : null,
    };
    const dl = document.querySelector("#case dl");
    dl.replaceChildren();
    for (const [k, v] of Object.entries(facts)) {
      if (v === null || v === undefined || v === "") continue;
      const dt = document.createElement("dt");
      dt.textContent = k;
      const dd = document.createElement("dd");
      dd.textContent = v;
      dd.dataset.fact = k;
      dl.append(dt, dd);
    }
  }

  async function act(method, path, json, said) {
    const answer = await Api.json(method, "/api/v1/referrals/" + current.id + path,
      { json, ifMatch: current.etag });
    if (answer.body && answer.body.id) {
      current.etag = answer.etag;
      render(answer.body);
    }
    await openCase(current.id);
    document.getElementById("done").textContent = said;
    await queues();
    if (shownQueue) {
      await queue(shownQueue);
    }
  }

  document.getElementById("take").onclick = guard(() =>
    act("PUT", "/assignee", { assignee: Api.subject() }, "You have taken the case."));
  document.getElementById("rg-positive").onclick = guard(() =>
    act("POST", "/transitions", { to: "RG_POSITIVE" }, "Positive RG decision recorded."));
  document.getElementById("rg-negative").onclick = guard(() =>
    act("POST", "/transitions", { to: "RG_NEGATIVE", reason: document.getElementById("reason").value },
      "Negative RG decision requested: a second caseworker confirms it."));
  document.getElementById("confirm").onclick = guard(() =>
    act("POST", "/pending-decision/confirmation", undefined, "Held decision confirmed."));

  // Signed in by the deployment's identity provider: the token came in the address's fragment.
  if (Api.fromAddress()) {
    document.getElementById("token").value = "";
    guardedStart();
  }

  function guardedStart() {
    problem.hidden = true;
    queues().catch((e) => Api.show(problem, e));
  }
})();
