#!/usr/bin/env python3
"""Turns what bench/run.sh recorded into the report.

bench/report.py DIR reads DIR/records.tsv (backend, nodes, key, name, RESULT fields), DIR/facts.tsv
(backend, fact, value) and DIR/meta.tsv (key, value), writes DIR/report.md, report.csv and
report.json and prints the Markdown.

bench/report.py --sum reads RESULT lines of simultaneous wrk runs on stdin and prints one: counts
and req/s summed, latency percentiles the worst of them (a merge of histograms is not available).
bench/report.py --median does the same for consecutive runs of one scenario: requests and req/s
the median of the runs (a neighbour's burst of load spoils one run, not the row), errors summed,
percentiles the worst.
bench/report.py --ratio A B reads the RESULT lines of a pair's runs (files A and B, written in the
order A B B A per round) and prints the median over the rounds of B's req/s over A's within the
round, then each round's ratio: neighbours' load that comes and goes between rounds cancels out.
"""
import csv
import json
import statistics
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


def median_lines(lines):
    runs = [fields(line) for line in lines if line.startswith("RESULT")]
    median = {k: statistics.median(r[k] for r in runs) for k in ("requests", "rps")}
    worst = {k: max(r[k] for r in runs) for k in ("p50_ms", "p95_ms", "p99_ms")}
    errors = sum(r["errors"] for r in runs)
    return ("RESULT requests={requests:.0f} rps={rps:.1f} p50_ms={p50_ms:.2f} p95_ms={p95_ms:.2f} "
            "p99_ms={p99_ms:.2f} errors={errors}").format(errors=errors, **median, **worst)


def round_ratios(a_lines, b_lines):
    a = [fields(line)["rps"] for line in a_lines if line.startswith("RESULT")]
    b = [fields(line)["rps"] for line in b_lines if line.startswith("RESULT")]
    ratios = [(b[i] + b[i + 1]) / (a[i] + a[i + 1]) for i in range(0, min(len(a), len(b)) - 1, 2)]
    return statistics.median(ratios), ratios


# Rows measured with a stored API key and the same scenario without one (anonymous GET, PATCH with
# the bootstrap key): issue 13 asks for at least 90 % of the rate without keys.
KEY_PAIRS = (("get-by-id-key", "get-by-id"), ("patch-key", "patch"))
KEY_TARGET = 0.9


def key_ratios(rows, facts):
    by_key = {r["key"]: r for r in rows if r["nodes"] == 1}
    lines = []
    for with_key, without in KEY_PAIRS:
        a, b = by_key.get(with_key), by_key.get(without)
        if not a or not b or not b["rps"]:
            continue
        rounds = str(facts.get(f"ratio:{with_key}", "")).split()
        ratio = float(rounds[0]) if rounds else a["rps"] / b["rps"]
        verdict = "met" if ratio >= KEY_TARGET else "missed"
        each = ", ".join(f"{float(r):.0%}" for r in rounds[1:])
        lines.append(f"| {a['scenario']} | {a['rps']:.1f} | {b['scenario']} | {b['rps']:.1f} | "
                     f"{ratio:.1%} ({verdict}) | {each} |")
    if not lines:
        return []
    return (["", f"API keys against the same requests without a stored key (target "
             f"{KEY_TARGET:.0%}). req/s: the median of each side's runs; ratio: the median over "
             "the rounds A B B A of the with-key runs' req/s over the without-key runs' of the "
             "same round (see run.sh `pair`):", "",
             "| with key | req/s | without | req/s | ratio | per round |",
             "|---|---|---|---|---|---|"] + lines)


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
        lines += key_ratios(rows, facts.get(backend, {}))
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
    elif sys.argv[1:2] == ["--ratio"]:
        median, ratios = round_ratios(Path(sys.argv[2]).read_text().splitlines(),
                                      Path(sys.argv[3]).read_text().splitlines())
        print(" ".join(f"{r:.4f}" for r in [median] + ratios))
    elif sys.argv[1:] == ["--median"]:
        print(median_lines(sys.stdin.read().splitlines()))
    else:
        main(Path(sys.argv[1] if len(sys.argv) > 1 else "bench/results"))
