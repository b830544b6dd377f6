#!/usr/bin/env python3
"""Turns what bench/run.sh recorded into the report.

bench/report.py DIR reads DIR/records.tsv (backend, nodes, key, name, RESULT fields), DIR/facts.tsv
(backend, fact, value) and DIR/meta.tsv (key, value), writes DIR/report.md, report.csv and
report.json and prints the Markdown.

bench/report.py --sum reads RESULT lines of simultaneous wrk runs on stdin and prints one: counts
and req/s summed, latency percentiles the worst of them (a merge of histograms is not available).
"""
import csv
import json
import sys
from pathlib import Path

NUMBERS = ("requests", "rps", "p50_ms", "p95_ms", "p99_ms", "errors", "lost", "extra")
LABELS = {"sqlite": "SQLite", "postgres": "PostgreSQL"}


def fields(text):
    values = {}
    for pair in text.replace("RESULT", "").split():
        key, _, value = pair.partition("=")
        values[key] = float(value) if "." in value else int(value)
    return values


def sum_lines(lines):
    runs = [fields(line) for line in lines if line.startswith("RESULT")]
    total = {k: sum(r[k] for r in runs) for k in ("requests", "rps", "errors")}
    worst = {k: max(r[k] for r in runs) for k in ("p50_ms", "p95_ms", "p99_ms")}
    return ("RESULT requests={requests} rps={rps:.1f} p50_ms={p50_ms:.2f} p95_ms={p95_ms:.2f} "
            "p99_ms={p99_ms:.2f} errors={errors}").format(**total, **worst)


def tsv(path):
    if not path.exists():
        return []
    return [line.rstrip("\n").split("\t") for line in path.read_text().splitlines() if line]


def number(text):
    try:
        return int(text)
    except ValueError:
        return text


def main(directory):
    meta = {k: number(v) for k, v in tsv(directory / "meta.tsv")}
    facts = {}
    for backend, key, value in tsv(directory / "facts.tsv"):
        facts.setdefault(backend, {})[key] = number(value)
    records = []
    for backend, nodes, key, name, result in tsv(directory / "records.tsv"):
        record = {"scenario": name, "key": key, "backend": backend, "nodes": int(nodes)}
        values = fields(result)
        record.update({k: values.get(k) for k in NUMBERS})
        record.update({k: facts.get(backend, {}).get(k) for k in
                       ("load_entities_per_s", "temporal_load_ms", "startup_ms", "rss_mib")})
        record.update(meta)
        records.append(record)

    (directory / "report.json").write_text(json.dumps(records, indent=2) + "\n")
    with (directory / "report.csv").open("w", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(records[0]) if records else ["scenario"])
        writer.writeheader()
        writer.writerows(records)

    markdown = render(meta, facts, records)
    (directory / "report.md").write_text(markdown)
    print(markdown, end="")


def render(meta, facts, records):
    backends = list(dict.fromkeys(r["backend"] for r in records))
    lines = [
        f"Mode {meta.get('mode')}: {meta.get('duration_s')} s per scenario after "
        f"{meta.get('warmup_s')} s warm-up, {meta.get('connections')} connections, "
        f"{meta.get('entities'):,} entities; {meta.get('cores')} cores, "
        f"{meta.get('memory_mib', 0) / 1024:.1f} GiB; git {meta.get('git_rev')}; "
        f"{meta.get('java_version')}; {meta.get('date')}; whole run {meta.get('run_s')} s.",
        "",
    ]
    for backend in backends:
        rows = [r for r in records if r["backend"] == backend]
        ceiling = next((r["rps"] for r in rows if r["key"] == "ceiling" and r["nodes"] == 1), None)
        lines += [f"### {LABELS.get(backend, backend)}", "",
                  "| scenario | nodes | req/s | share of ceiling | p50 ms | p95 ms | p99 ms | errors |",
                  "|---|---|---|---|---|---|---|---|"]
        for r in rows:
            # A paced scenario's rate is set by the bench, not by the server's capacity.
            paced = r["key"].startswith("notify")
            share = "" if paced or not ceiling else f"{r['rps'] / ceiling:.1%}"
            errors = f"{r['errors']}" + (
                f", lost {r['lost']}, extra {r['extra']}" if r["lost"] is not None else "")
            if r["requests"] == 0:
                lines.append(f"| {r['scenario']} | {r['nodes']} | none completed in the run | | "
                             f"| | | {errors} |")
                continue
            lines.append(f"| {r['scenario']} | {r['nodes']} | {r['rps']:.1f} | {share} | "
                         f"{r['p50_ms']:.2f} | {r['p95_ms']:.2f} | {r['p99_ms']:.2f} | {errors} |")
        f = facts.get(backend, {})
        lines += ["",
                  f"Batch upsert of {meta.get('entities'):,} entities (1000 per request): "
                  f"{f.get('load_entities_per_s')} entities/s; one year of 15-minute values "
                  f"(35,040 instances) in {f.get('temporal_load_ms')} ms. Restart with the data "
                  f"stored to the first answered GET: {f.get('startup_ms')} ms. RSS after the "
                  f"scenarios: {f.get('rss_mib')} MiB.",
                  ""]
    if len(backends) > 1:
        header = "| scenario | nodes |" + "".join(
            f" {LABELS.get(b, b)} req/s | {LABELS.get(b, b)} p95 ms |" for b in backends)
        lines += ["### Side by side", "", header, "|---|---|" + "---|---|" * len(backends)]
        keys = list(dict.fromkeys((r["key"], r["nodes"]) for r in records))
        for key, nodes in keys:
            by_backend = {r["backend"]: r for r in records if (r["key"], r["nodes"]) == (key, nodes)}
            name = next(iter(by_backend.values()))["scenario"]
            cells = "".join(side_by_side_cells(by_backend.get(b)) for b in backends)
            lines.append(f"| {name} | {nodes} |{cells}")
        extra = [("startup_ms", "restart to first answer, ms"), ("rss_mib", "RSS after run, MiB"),
                 ("load_entities_per_s", "batch upsert, entities/s")]
        for key, label in extra:
            cells = "".join(f" {facts.get(b, {}).get(key, '')} | |" for b in backends)
            lines.append(f"| {label} | 1 |{cells}")
        lines.append("")
    return "\n".join(lines)


def side_by_side_cells(record):
    if record is None:
        return " | |"
    if record["requests"] == 0:
        return " none completed | |"
    return f" {record['rps']:.1f} | {record['p95_ms']:.2f} |"


if __name__ == "__main__":
    if sys.argv[1:] == ["--sum"]:
        print(sum_lines(sys.stdin.read().splitlines()))
    else:
        main(Path(sys.argv[1] if len(sys.argv) > 1 else "bench/results"))
