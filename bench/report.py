#!/usr/bin/env python3
"""Writes bench/report.md and bench/report.json from the raw results of bench/run."""
import glob
import json
import os
import re
import statistics
import sys

results, md_path, json_path = sys.argv[1:4]


def read(name):
    with open(os.path.join(results, name)) as f:
        return f.read().strip()


def phase(name):
    """A run's one phase, with the run's wall-clock seconds (sending and every answer) added."""
    data = json.loads(read(name + ".json"))
    result = {k: v for k, v in data.items() if k != "wallSeconds"}.popitem()[1]
    result["wallSeconds"] = data["wallSeconds"]
    return result, data["wallSeconds"]


def runs(prefix):
    return sorted(glob.glob(os.path.join(results, prefix + "-[0-9]*.json")))


def median(values):
    return statistics.median(values) if values else float("nan")


def p95(values):
    values = sorted(values)
    return values[max(0, -(-len(values) * 95 // 100) - 1)] if values else float("nan")


machine = json.loads(read("machine.json"))
figures = {}

# 1. intake
def intake(prefix):
    phases = [phase(os.path.basename(p)[:-5])[0] for p in runs(prefix)]
    return {
        "runs": len(phases),
        # Accepted over the whole run, until the last answer: after an open-loop phase at a rate
        # above saturation the answers go on arriving after the phase stops sending.
        "acceptedPerSecond": median([p["status2xx"] / p["wallSeconds"] for p in phases]),
        "p50Ms": median([p["p50Ms"] for p in phases]),
        "p99Ms": median([p["p99Ms"] for p in phases]),
        "maxMs": max(p["maxMs"] for p in phases),
        "requests": sum(p["requests"] for p in phases),
        "status2xx": sum(p["status2xx"] for p in phases),
        "status4xx": sum(p["status4xx"] for p in phases),
        "status5xx": sum(p["status5xx"] for p in phases),
        "timeouts": sum(p["timeouts"] for p in phases),
        "connectionErrors": sum(p["connectionErrors"] for p in phases),
        "perRun": phases,
    }


figures["saturation"] = intake("saturation")
figures["rate"] = intake("rate")
figures["sustained"] = intake("sustained")
figures["sustained"]["ratePerSecond"] = median(
    [p["requests"] / p["seconds"] for p in figures["sustained"]["perRun"]])
accepted = sum(
    phase(os.path.basename(p)[:-5])[0]["status2xx"]
    for p in glob.glob(os.path.join(results, "*.json"))
    if re.match(r"(warmup|saturation-\d+|rate-\d+|sustained-\d+)\.json$", os.path.basename(p)))
figures["integrity"] = {
    "acknowledged": accepted,
    "stored": int(read("referrals-stored.count")),
    "chain": json.loads(read("intake-chain.json")),
}

# 2. ceilings: pgbench's tps per run, for the intake's statements and for its rows in one
def pgbench_tps(pattern):
    return [float(re.search(r"tps = ([\d.]+)", open(path).read()).group(1))
            for path in sorted(glob.glob(os.path.join(results, pattern)))]


for key, pattern, ratio in [("ceiling", "ceiling-[0-9]*.txt", "ratio"),
                            ("ceilingOne", "ceiling-one-*.txt", "ratioOne")]:
    tps = pgbench_tps(pattern)
    figures[key] = {"tps": median(tps), "perRun": tps}
    figures[ratio] = figures["saturation"]["acceptedPerSecond"] / figures[key]["tps"]

# 2b. audited reads
reads = [phase(os.path.basename(p)[:-5])[0] for p in runs("read")]
figures["read"] = {
    "perSecond": median([p["status2xx"] / p["wallSeconds"] for p in reads]),
    "p50Ms": median([p["p50Ms"] for p in reads]),
    "p99Ms": median([p["p99Ms"] for p in reads]),
    "requests": sum(p["requests"] for p in reads),
    "status2xx": sum(p["status2xx"] for p in reads),
}

# 3. a year
year, wall = phase("year")
figures["year"] = {
    "referrals": machine["year"], "seconds": wall, "status2xx": year["status2xx"],
    "status5xx": year["status5xx"], "timeouts": year["timeouts"],
    "stored": int(read("year-stored.count")),
}

figures["import"] = {
    "referrals": machine["year"], "seconds": float(read("import-year.seconds")),
    "status201": int(read("import-year-201.count")), "stored": int(read("import-year-stored.count")),
}

# 4. statistics
stats = [phase(os.path.basename(p)[:-5])[0] for p in runs("statistics")]
sql_p95 = []
for path in sorted(glob.glob(os.path.join(results, "statistics-sql-*.ms"))):
    sql_p95.append(p95([float(x) for x in open(path).read().split()]))
figures["statistics"] = {
    "p50Ms": median([s["p50Ms"] for s in stats]),
    "p95Ms": median([s["p95Ms"] for s in stats]),
    "requests": sum(s["requests"] for s in stats),
    "status2xx": sum(s["status2xx"] for s in stats),
    "rawSqlP95Ms": median(sql_p95),
}
figures["statistics"]["ratio"] = figures["statistics"]["p95Ms"] / figures["statistics"]["rawSqlP95Ms"]

# 5. feed and chain
for who in ["feed", "feed-partner"]:
    pages = [phase(os.path.basename(p)[:-5])[0] for p in runs(who)]
    figures[who] = {
        "p50Ms": median([p["p50Ms"] for p in pages]),
        "p95Ms": median([p["p95Ms"] for p in pages]),
        "requests": sum(p["requests"] for p in pages),
        "status2xx": sum(p["status2xx"] for p in pages),
    }
verify_runs = sorted(glob.glob(os.path.join(results, "verify-[1-9]*.seconds")))
verifications = [json.loads(read(os.path.basename(p)[:-8] + ".json")) for p in verify_runs]
figures["chain"] = {
    "seconds": median([float(open(p).read()) for p in verify_runs]),
    "perRun": [float(open(p).read()) for p in verify_runs],
    "valid": all(v["valid"] for v in verifications),
    "checkedEvents": verifications[0]["checkedEvents"] if verifications else 0,
    "warmupRuns": len(glob.glob(os.path.join(results, "verify-warmup-*.seconds"))),
    "coldSeconds": float(read("verify-warmup-1.seconds"))
    if os.path.exists(os.path.join(results, "verify-warmup-1.seconds"))
    else None,
    "copySeconds": median([float(open(p).read()) for p in sorted(glob.glob(os.path.join(results, "copy-*.seconds")))]),
}
figures["chain"]["ratio"] = figures["chain"]["seconds"] / figures["chain"]["copySeconds"]

# 6. start-up and memory
figures["readyEmptyMs"] = int(read("ready-empty.ms"))
figures["readyMigratedMs"] = int(read("ready-migrated.ms"))
figures["rssAfterIntakeMiB"] = int(read("rss-after-intake.kib")) / 1024
figures["rssPeakUnderLoadMiB"] = max(int(x) for x in read("rss.kib").split()) / 1024

# 7. duplicates, and two instances with one killed
figures["duplicates"] = json.loads(read("duplicates.json"))
if os.path.exists(os.path.join(results, "faults-two.json")):
    two = json.loads(read("faults-two.json"))
    figures["two"] = {"checks": two["two"]["checks"], "failed": two["failed"]}
else:  # bench/faults stopped before its report: see faults-two.out
    figures["two"] = {"checks": None, "failed": ["bench/faults two wrote no report"]}

report = {"machine": machine, "figures": figures}
with open(json_path, "w") as f:
    json.dump(report, f, indent=2)
    f.write("\n")


def verdict(ok):
    return "met" if ok else "**not met**"


s, r, u, c = figures["saturation"], figures["rate"], figures["sustained"], figures["ceiling"]
c1, rd, im = figures["ceilingOne"], figures["read"], figures["import"]
y, st, fd, fp, ch = figures["year"], figures["statistics"], figures["feed"], figures["feed-partner"], figures["chain"]
i = figures["integrity"]
du, tw = figures["duplicates"], figures["two"]
twc = tw["checks"]
two_text = (
    f"{twc['acknowledged']:,} acknowledged, {twc['acknowledgedMissing']} missing; chain valid: "
    f"{twc['chainValid']} ({twc['checkedEvents']:,} events); feed gaps {twc['feedGaps']}; receipts "
    f"not honoured {twc['receiptEventsNotIncluded']} of {twc['receiptEvents']:,}"
    if twc else "; ".join(tw["failed"]))
lines = f"""# Benchmark report

Written by `bench/run` (do not edit; rerun it). Raw results of this run: `bench/.work/results/`.

## Machine and versions

| | |
| --- | --- |
| CPUs | {machine['cpus']} × {machine['cpuModel']} |
| Memory | {machine['memoryGiB']} GiB |
| Kernel | {machine['kernel']} |
| Java | {machine['java']} |
| PostgreSQL | {machine['postgres']} (local, default configuration, `synchronous_commit=on`) |
| pgbench | {machine['pgbench']} |
| Load | Hyperfoil 0.25.2 in its own JVM on the same machine (`bench/intake/`) |
| Service JVM | the image's settings in a container of {machine.get('memory', '768m')}: heap 50% of it, serial GC, AppCDS, `MALLOC_ARENA_MAX=2` (`bench/lib.sh`, docs/operations.md) |
| Commit | {machine['commit']} |
| Runs per figure | {machine['runs']} (figures are medians of the runs) |

Service, PostgreSQL and load generator share the {machine['cpus']} CPUs, so every figure is a
lower bound of what the service does on a machine of its own.

## Commands

```sh
bench/run                         # all of it; BENCH_RUNS, BENCH_USERS, BENCH_DURATION, BENCH_RATE
bench/intake/scenario.sh ...      # the intake load (varied referrals, unique Idempotency-Keys)
pgbench -M extended -c {machine['users']} -j 2 -T {machine['duration'].rstrip('s')} -f bench/intake/ceiling.sql       # the intake's statements
pgbench -M extended -c {machine['users']} -j 2 -T {machine['duration'].rstrip('s')} -f bench/intake/ceiling-one.sql   # its rows in one statement
```

## Figures

| # | Figure | Measured | Goal | |
| --- | --- | --- | --- | --- |
| 1 | Intake at saturation ({machine['users']} clients, closed loop, {machine['duration']} runs) | {s['acceptedPerSecond']:.0f} referrals/s (p50 {s['p50Ms']:.0f} ms, p99 {s['p99Ms']:.0f} ms) | | |
| 1 | Intake at {machine['rate']} submissions/s (open loop) | p50 {r['p50Ms']:.0f} ms, p99 {r['p99Ms']:.0f} ms; {r['acceptedPerSecond']:.0f} accepted/s | p99 ≤ 50 ms | {verdict(r['p99Ms'] <= 50)} |
| 1 | Intake at {u['ratePerSecond']:.0f} submissions/s (70% of saturation, open loop) | p50 {u['p50Ms']:.0f} ms, p99 {u['p99Ms']:.0f} ms | | |
| 2 | The intake's statements from pgbench, {machine['users']} clients (no locks of ours) | {c['tps']:.0f} transactions/s; intake ÷ this {figures['ratio']:.2f} | | |
| 2 | Ceiling: the same rows in one statement (one round trip), {machine['users']} clients | {c1['tps']:.0f} transactions/s | | |
| 2 | Intake ÷ ceiling | {figures['ratioOne']:.2f} | ≥ 0.5 | {verdict(figures['ratioOne'] >= 0.5)} |
| 2 | Audited `GET /api/v1/referrals/{{id}}` ({machine['users']} clients, closed loop, after a 20 s warm-up) | {rd['perSecond']:.0f}/s (p50 {rd['p50Ms']:.0f} ms, p99 {rd['p99Ms']:.0f} ms) | ≥ 1,000/s | {verdict(rd['perSecond'] >= 1000)} |
| 3 | A year of UK referrals ({im['referrals']:,}) through the bulk import | {im['seconds']:.1f} s ({im['referrals'] / im['seconds']:.0f}/s); {im['status201']:,} answered 201, {im['stored'] - 2000:,} stored (after a 2,000-line warm-up) | ≤ 15 s | {verdict(im['seconds'] <= 15)} |
| 3 | The same year as single requests, submitted at once | {y['seconds']:.1f} s ({y['referrals'] / y['seconds']:.0f}/s) | | |
| 4 | Statistics: quarter × nationality × gender over 1,000,000 referrals, HTTP | p95 {st['p95Ms']:.1f} ms (p50 {st['p50Ms']:.1f} ms) | p95 ≤ 100 ms | {verdict(st['p95Ms'] <= 100)} |
| 4 | The same GROUP BY as raw SQL (pgbench) | p95 {st['rawSqlP95Ms']:.1f} ms; service ÷ SQL {st['ratio']:.2f} | | |
| 5 | Feed: a 1,000-event page (admin: every agency) | p95 {fd['p95Ms']:.1f} ms (p50 {fd['p50Ms']:.1f} ms) | ≤ 20 ms (judged on p95) | {verdict(fd['p95Ms'] <= 20)} |
| 5 | Feed: a 1,000-event page (partner, own agency's events) | p95 {fp['p95Ms']:.1f} ms (p50 {fp['p50Ms']:.1f} ms) | ≤ 20 ms (judged on p95) | {verdict(fp['p95Ms'] <= 20)} |
| 5 | Chain verification of {ch['checkedEvents']:,} events (`GET /api/v1/audit/verify`) | {ch['seconds']:.2f} s after {ch['warmupRuns']} warm-up runs{'' if ch['coldSeconds'] is None else f" (the first run after start, JIT cold: {ch['coldSeconds']:.1f} s)"}, valid: {ch['valid']} | ≤ 5 s | {verdict(ch['seconds'] <= 5)} |
| 5 | PostgreSQL alone producing the same rows (binary `COPY` to /dev/null, nothing checked) | {ch['copySeconds']:.2f} s; verification ÷ COPY {ch['ratio']:.2f} | | |
| 6 | Start to ready, empty database (migrations included) | {figures['readyEmptyMs'] / 1000:.1f} s | | |
| 6 | Start to ready, migrated database | {figures['readyMigratedMs'] / 1000:.1f} s | ≤ 3 s | {verdict(figures['readyMigratedMs'] <= 3000)} |
| 6 | Resident memory under load (the most, sampled each second through the intake and read runs) | {figures['rssPeakUnderLoadMiB']:.0f} MiB ({figures['rssAfterIntakeMiB']:.0f} MiB after the intake runs) | ≤ 350 MiB | {verdict(figures['rssPeakUnderLoadMiB'] <= 350)} |
| 7 | {du['referrals']} referrals of one person, one after another (`bench/duplicates`) | median of the last 50 {du['lastFiftyMedianMs']:.1f} ms, of the first 50 {du['firstFiftyMedianMs']:.1f} ms ({du['ratio']:.2f}×); {du['duplicatePairsStored']:,} likely-duplicate pairs stored | last ≤ 2 × first | {verdict(du['goalMet'])} |
| 7 | Two instances under load, one killed -9 half-way (`bench/faults two`) | {two_text} | nothing lost, chain valid, no gap | {verdict(not tw['failed'])} |

## Counts

| Run | Requests | 2xx | 4xx | 5xx | Timeouts | Connection errors |
| --- | --- | --- | --- | --- | --- | --- |
| Saturation | {s['requests']} | {s['status2xx']} | {s['status4xx']} | {s['status5xx']} | {s['timeouts']} | {s['connectionErrors']} |
| {machine['rate']}/s | {r['requests']} | {r['status2xx']} | {r['status4xx']} | {r['status5xx']} | {r['timeouts']} | {r['connectionErrors']} |
| 70% of saturation | {u['requests']} | {u['status2xx']} | {u['status4xx']} | {u['status5xx']} | {u['timeouts']} | {u['connectionErrors']} |
| Audited GET by id | {rd['requests']} | {rd['status2xx']} | | | | |
| A year | {y['referrals']} | {y['status2xx']} | | {y['status5xx']} | {y['timeouts']} | |
| Statistics | {st['requests']} | {st['status2xx']} | | | | |
| Feed (admin, partner) | {fd['requests'] + fp['requests']} | {fd['status2xx'] + fp['status2xx']} | | | | |

Acknowledged referrals stored: {i['acknowledged']} answered 201 in the intake runs and the
database holds {i['stored']} ({verdict(i['stored'] >= i['acknowledged'])}; more would be requests
committed after the client timed out). The chain verifies: {i['chain']['valid']}
({i['chain']['checkedEvents']} events). The year run stored {y['stored']} referrals for
{y['status2xx']} answers of 201.
"""
with open(md_path, "w") as f:
    f.write(lines)
