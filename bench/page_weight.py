#!/usr/bin/env python3
"""What a portal page costs a visitor's connection, measured in a real browser: headless Chromium
opens the URL with a NetLog and stays on it; every byte its sockets receive is counted (headers and
compressed bodies, as on the wire). Other hosts are unreachable (map tiles stay off, as a visitor
who has not consented sees the page; no browser background traffic), so all bytes are the
platform's. Prints one line: RESULT first_load_bytes=... idle_bytes_per_min=... requests=...

Usage: bench/page_weight.py URL [load_seconds=10] [idle_seconds=120]"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

url = sys.argv[1]
load_s = float(sys.argv[2]) if len(sys.argv) > 2 else 10
idle_s = float(sys.argv[3]) if len(sys.argv) > 3 else 120
chromium = os.environ.get("CHROMIUM", "chromium")

with tempfile.TemporaryDirectory() as tmp:
    log = os.path.join(tmp, "net.json")
    browser = subprocess.Popen(
        [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
         f"--user-data-dir={tmp}/profile", f"--log-net-log={log}",
         "--net-log-capture-mode=Default", "--window-size=1280,900", url],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(load_s + idle_s)
    browser.send_signal(signal.SIGTERM)
    browser.wait(timeout=30)
    text = open(log).read().rstrip().rstrip(",")
    try:
        net = json.loads(text)
    except json.JSONDecodeError:  # a NetLog cut off mid-run lacks its closing brackets
        net = json.loads(text + "]}")

names = {number: name for name, number in net["constants"]["logEventTypes"].items()}
received = [(int(e["time"]), e["params"]["byte_count"]) for e in net["events"]
            if names.get(e["type"]) == "SOCKET_BYTES_RECEIVED" and "params" in e]
origin = "/".join(url.split("/")[:3])
requests = {e["params"]["url"] for e in net["events"]
            if names.get(e["type"]) == "URL_REQUEST_START_JOB"
            and e.get("params", {}).get("url", "").startswith(origin)}
if not received:
    sys.exit(f"no bytes received from {url}: is the platform running?")
start = received[0][0]
first = sum(n for t, n in received if t - start < load_s * 1000)
idle = sum(n for t, n in received if t - start >= load_s * 1000)
print(f"RESULT first_load_bytes={first} idle_bytes_per_min={idle * 60 / idle_s:.0f} "
      f"requests={len(requests)}")
for r in sorted(requests):
    print(f"  {r}", file=sys.stderr)
