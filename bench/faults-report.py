#!/usr/bin/env python3
"""Writes bench/faults-report.md and .json from bench/faults' results; exits 1 if a check fails."""
import json
import os
import sys

out, md_path, json_path = sys.argv[1:4]
report, failed, lines = {}, [], []


def load(path):
    with open(path) as f:
        return json.load(f)


def attempts(d):
    rows = []
    with open(os.path.join(d, "attempts.csv")) as f:
        for line in f:
            ms, kind, status, proper = line.strip().split(",")
            rows.append((int(ms), kind, int(status), proper == "true"))
    return sorted(rows)


def check(name, ok, text):
    lines.append(f"| {name} | {text} | {'pass' if ok else '**FAIL**'} |")
    if not ok:
        failed.append(name)


setup = load(os.path.join(out, "setup.json"))
report["setup"] = setup
for name, title in [("restart", "PostgreSQL stopped for 10 s during the load"),
                    ("kill", "`kill -9` of the service during the load, then a restart"),
                    ("two", "Two instances on one database, one killed -9 half-way (the sequencer moves to the other)")]:
    d = os.path.join(out, name)
    if setup["only"] not in ("all", name) or not os.path.exists(os.path.join(d, "checks.json")):
        continue
    c = load(os.path.join(d, "checks.json"))
    report[name] = c
    k, cl = c["checks"], c["clients"]
    lines += ["", f"## {title}", "", "| Check | Measured | |", "| --- | --- | --- |"]
    check(f"{name}: acknowledged referrals stored", k["acknowledgedMissing"] == 0 and k["acknowledged"] > 0,
          f"{k['acknowledged']} answered 201, {k['acknowledgedMissing']} missing from the database")
    check(f"{name}: none stored twice", k["keysStoredTwice"] == 0 and k["acknowledgedWithOtherBody"] == 0,
          f"{k['keysStoredTwice']} idempotency keys stored twice, {k['acknowledgedWithOtherBody']} ids with another body")
    check(f"{name}: reference numbers unique", k["duplicateReferenceNumbers"] == 0,
          f"{k['duplicateReferenceNumbers']} duplicate reference numbers")
    check(f"{name}: chain verifies", k["chainValid"] and k["checkedEvents"] == k["headSeq"],
          f"valid {k['chainValid']}, {k['checkedEvents']} events")
    check(f"{name}: feed gap-free", k["feedGaps"] == 0 and k["feedEvents"] == k["headSeq"],
          f"{k['feedEvents']} events read from the feed, {k['feedGaps']} gaps")
    check(f"{name}: every receipt honoured", k.get("receiptEventsNotIncluded", 1) == 0 and k.get("receiptEvents", 0) > 0,
          f"{k.get('receiptEvents', 0)} events promised by receipts, {k.get('receiptEventsNotIncluded', '?')} not in the log")
    check(f"{name}: no 5xx but 503", k["unexpected5xx"] == 0,
          f"{k['unexpected5xx']} answers of 500, 502 or 504")
    check(f"{name}: every 503 is problem+json with Retry-After", k["improper503"] == 0,
          f"{sum(v for key, v in cl.items() if key.endswith('.503'))} answers of 503, {k['improper503']} without")
    if os.path.exists(os.path.join(d, "up.ms")):
        down = int(open(os.path.join(d, "down.ms")).read())
        up = int(open(os.path.join(d, "up.ms")).read())
        rows = attempts(d)
        after = [ms for ms, kind, status, _ in rows if ms >= up and 200 <= status < 300]
        recovered = (after[0] - up) / 1000 if after else float("inf")
        failing = [r for r in rows if down <= r[0] < up]
        c["recoverySeconds"] = recovered
        what = "the database" if name == "restart" else "the service"
        check(f"{name}: answers again within 5 s", recovered <= 5,
              f"first 2xx {recovered:.2f} s after {what} was back; while down: "
              f"{sum(1 for r in failing if r[2] == 503)} answers of 503, "
              f"{sum(1 for r in failing if r[2] == -1)} refused or cut connections, "
              f"{sum(1 for r in failing if 200 <= r[2] < 300)} 2xx")
    counts = ", ".join(f"{key} {v}" for key, v in sorted(cl.items()))
    lines += ["", f"Client answers by kind and status: {counts}."]

webhook = os.path.join(out, "webhook", "webhook.json")
if setup["only"] in ("all", "webhook"):
    lines += ["", "## A webhook delivery owed across `kill -9`", "",
              "| Check | Measured | |", "| --- | --- | --- |"]
    w = load(webhook) if os.path.exists(webhook) else {}
    report["webhook"] = w
    check("webhook: retried before the kill", w.get("refusedBeforeKill", 0) >= 2,
          f"{w.get('refusedBeforeKill', 0)} attempts refused with 503")
    check("webhook: delivered after the restart", w.get("deliveredAfterRestart") is True,
          "arrived" if w.get("deliveredAfterRestart") else "never arrived (or the receiver failed: see webhook log)")
    check("webhook: every signature valid", w.get("badSignatures", 1) == 0,
          f"{w.get('badSignatures', 'n/a')} deliveries with a bad signature")

hostile = os.path.join(out, "hostile", "hostile.json")
if setup["only"] in ("all", "hostile") and os.path.exists(hostile):
    h = load(hostile)
    report["hostile"] = h
    lines += ["", "## Hostile requests from the OpenAPI document", "", "| Check | Measured | |", "| --- | --- | --- |"]
    check("hostile: no 5xx", h["status5xx"] == 0, f"{h['status5xx']} of {h['requests']} requests")
    check("hostile: no stack traces or SQL", h["leaks"] == 0, f"{h['leaks']} bodies")
    check("hostile: errors are problem+json", h["errorsNotProblemJson"] == 0, f"{h['errorsNotProblemJson']} errors in another form")
    def counts(name):
        with open(os.path.join(out, "hostile", name)) as f:
            return {t: int(n) for t, n in (line.split() for line in f if line.strip())}
    before, after = counts("before.txt"), counts("after.txt")
    changed = {t: after[t] - before.get(t, 0) for t in after if after[t] != before.get(t, 0)}
    shrunk = [t for t, d in changed.items() if d < 0]
    referrals = changed.get("referral", 0)
    audit = changed.get("audit_event", 0)
    check("hostile: database unchanged but for accepted requests",
          not shrunk and referrals == h["referralsCreated"] and audit <= h["accepted2xx"],
          f"{h['accepted2xx']} requests accepted (2xx), {h['referralsCreated']} of them creating a "
          f"referral; rows added: {', '.join(f'{t} {d:+d}' for t, d in sorted(changed.items())) or 'none'}"
          f" (referrals added must equal referrals created, audit events at most one per accepted "
          f"request, no table smaller)")
    lines += ["", f"Refused by the HTTP codec before the application (414 request line over 4 KiB, 431 "
              f"headers over 20 KiB; empty body): {h['codecRefusals']}. Requests sent again because the "
              f"client had reused a connection the server closed after such a refusal (the server "
              f"read nothing of them): {h.get('staleConnectionRetries', 0)}."]
    lines += ["", "Answers by status: " + ", ".join(f"{k} {v}" for k, v in h["byStatus"].items()) + ".",
              "", "By family: " + ", ".join(f"{k} {v}" for k, v in h["byFamily"].items()) + "."]
    if h["failures"]:
        lines += ["", "First failures:", ""] + [f"- `{f[:200]}`" for f in h["failures"][:20]]

report["failed"] = failed
with open(json_path, "w") as f:
    json.dump(report, f, indent=2)
    f.write("\n")
with open(md_path, "w") as f:
    f.write("# Fault and abuse tests\n\nWritten by `bench/faults` (do not edit; rerun it). "
            f"{'All checks pass.' if not failed else 'Failed: ' + ', '.join(failed) + '.'}\n\n"
            f"Run `bench/faults{'' if setup['only'] == 'all' else ' ' + setup['only']}` at {setup['at']} on commit "
            f"{setup['commit']}: packaged service (prod profile), PostgreSQL {setup['postgres']} on the same "
            f"{setup['cpus']}-CPU machine"
            + ("" if setup["only"] in ("hostile", "webhook") else
               f"; {setup['clientThreads']} retrying client threads (`bench/intake/.../Clients.java`: "
               f"submit with an idempotency key kept until a 201, read, decide with `If-Match`, follow "
               f"the feed) for {setup['loadSeconds']} s per fault")
            + ("" if setup["only"] not in ("all", "hostile") else
               f"; {setup['hostileRequests']} hostile requests (`Hostile.java`)") + ".\n")
    f.write("\n".join(lines) + "\n")
sys.exit(1 if failed else 0)
