#!/usr/bin/env python3
"""Writes bench/handwritten-report.md and .json from the raw results of bench/handwritten."""
import collections
import json
import os
import statistics
import sys

results, md_path, json_path = sys.argv[1:4]
machine = json.load(open(os.path.join(results, "machine.json")))
timed = collections.defaultdict(list)      # variant -> [seconds] (timed runs only)
cpu = collections.defaultdict(list)        # variant -> [JVM CPU seconds] (timed runs only)
by_round = collections.defaultdict(dict)   # round -> variant -> median seconds of the round
invalid = []
for line in open(os.path.join(results, "runs.txt")):
    parts = line.split()
    if len(parts) < 6:
        continue
    rnd, variant, run, seconds, valid = parts[0], parts[1], parts[2], float(parts[3]), parts[4]
    if valid != "true":
        invalid.append(line.strip())
    if run.startswith("run-"):
        timed[variant].append(seconds)
        if len(parts) > 6:
            cpu[variant].append(float(parts[6]))
        by_round[rnd].setdefault(variant, []).append(seconds)

NAMES = {
    "service": "service code (AuditVerifier itself)",
    "hand": "all hand-written (the bench copy; control for the copy)",
    "json": "canonical JSON: Jackson text -> erdtman JsonCanonicalizer",
    "instant": "instants: DateTimeFormatter",
    "rows-rs": "rows: pgjdbc ResultSet, cursor (fetch size 5,000)",
    "rows-csv": "rows: COPY (FORMAT csv) + Commons CSV",
    "all-rs": "all library: JCS library + formatter + ResultSet",
    "all-csv": "all library: JCS library + formatter + COPY csv/Commons CSV",
    "copy": "PostgreSQL's own binary COPY to /dev/null (ceiling)",
}
scale = 1_000_000 / machine["events"]
copy = statistics.median(timed["copy"])
# Per-round ratios: each variant's median in a round over that round's COPY.
ratios = collections.defaultdict(list)
for rnd, variants in by_round.items():
    if "copy" not in variants:
        continue
    c = statistics.median(variants["copy"])
    for v, s in variants.items():
        ratios[v].append(statistics.median(s) / c)
figures = {}
for v in [k for k in NAMES if k in timed]:
    s = timed[v]
    figures[v] = {
        "name": NAMES[v],
        "runs": len(s),
        "medianSeconds": statistics.median(s),
        "minSeconds": min(s),
        "maxSeconds": max(s),
        "perMillionSeconds": statistics.median(s) * scale,
        "ratioToCopy": statistics.median(s) / copy,
        "medianOfRoundRatios": statistics.median(ratios[v]) if ratios[v] else None,
        "ratioToService": statistics.median(s) / statistics.median(timed["service"])
        if "service" in timed else None,
        "perRun": s,
        "medianCpuSeconds": statistics.median(cpu[v]) if cpu[v] else None,
        "cpuRatioToHand": statistics.median(cpu[v]) / statistics.median(cpu["hand"])
        if cpu[v] and cpu["hand"] else None,
    }
json.dump({"machine": machine, "figures": figures, "invalid": invalid}, open(json_path, "w"),
          indent=2)
with open(md_path, "w") as md:
    md.write("# Hand-written code vs library paths: chain verification\n\n")
    md.write("Written by `bench/handwritten` (do not edit; rerun it).\n\n")
    md.write(f"{machine['events']:,} events, {machine['rounds']} rounds interleaved, "
             f"{machine['warmup']} warm-up + {machine['runs']} timed runs per JVM; "
             f"{machine['cpus']} × {machine['cpuModel']}, {machine['java']}, {machine['postgres']}, "
             f"commit {machine['commit']}; load average before: {machine['loadBefore']}.\n\n")
    has_cpu = any(cpu.values())
    md.write("| Variant | Timed runs | Median s | Min–max s | Per million events, s | ÷ COPY | "
             "median of per-round ÷ COPY | ÷ service |"
             + (" JVM CPU s | CPU ÷ hand |" if has_cpu else "") + "\n")
    md.write("| --- " * (10 if has_cpu else 8) + "|\n")
    for v, f in figures.items():
        rr = f"{f['medianOfRoundRatios']:.2f}" if f["medianOfRoundRatios"] else ""
        rs = f"{f['ratioToService']:.2f}" if f["ratioToService"] else ""
        md.write(f"| {f['name']} | {f['runs']} | {f['medianSeconds']:.2f} | "
                 f"{f['minSeconds']:.2f}–{f['maxSeconds']:.2f} | {f['perMillionSeconds']:.2f} | "
                 f"{f['ratioToCopy']:.2f} | {rr} | {rs} |"
                 + ((f" {f['medianCpuSeconds']:.2f} |" if f["medianCpuSeconds"] else " |")
                    + (f" {f['cpuRatioToHand']:.2f} |" if f["cpuRatioToHand"] else " |")
                    if has_cpu else "") + "\n")
    md.write("\nEvery verification found the chain valid." if not invalid
             else "\n**Invalid verifications:**\n\n" + "\n".join(invalid))
    md.write("\n")
