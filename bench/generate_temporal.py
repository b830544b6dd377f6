#!/usr/bin/env python3
"""Writes one year of 15-minute values (35,040 instances) of one attribute as temporal entity
bodies, one per month, for POST /ngsi-ld/v1/temporal/entities. Seeded."""
import json
import math
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

out = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/results/temporal")
out.mkdir(parents=True, exist_ok=True)
rng = random.Random(42)
start = datetime(2025, 1, 1, tzinfo=timezone.utc)
months = {}
for n in range(365 * 96):
    t = start + timedelta(minutes=15 * n)
    daily = math.sin((t.hour * 60 + t.minute) / 1440 * 2 * math.pi)
    value = round(200 + 120 * daily + rng.uniform(-20, 20))
    months.setdefault(t.month, []).append({
        "type": "Property", "value": value, "observedAt": t.strftime("%Y-%m-%dT%H:%M:%SZ")})
for month, instances in months.items():
    body = {"id": "urn:ngsi-ld:OffStreetParking:ozeaneum", "type": "OffStreetParking",
            "occupiedSpotNumber": instances}
    (out / f"month-{month:02d}.json").write_text(json.dumps(body))
print(f"{sum(len(v) for v in months.values())} instances in {len(months)} files under {out}")
