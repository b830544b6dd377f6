#!/usr/bin/env python3
"""Writes the bench data set as NGSI-LD batch files: N entities of one type with two integer
attributes 0-99 and points spread over a 0.1 degree square around Stralsund (the same shape of
data the peers were measured with). Seeded, so every run loads the same data."""
import json
import random
import sys
from pathlib import Path

count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
out = Path(sys.argv[2] if len(sys.argv) > 2 else "bench/results/data")
batch = 1000
rng = random.Random(42)
out.mkdir(parents=True, exist_ok=True)
for start in range(0, count, batch):
    entities = []
    for n in range(start, min(start + batch, count)):
        entities.append({
            "id": f"urn:ngsi-ld:Sensor:{n}",
            "type": "Sensor",
            "a": {"type": "Property", "value": rng.randrange(100)},
            "b": {"type": "Property", "value": rng.randrange(100)},
            "location": {"type": "GeoProperty", "value": {
                "type": "Point",
                "coordinates": [round(13.05 + rng.random() * 0.1, 6), round(54.27 + rng.random() * 0.1, 6)]}},
        })
    (out / f"batch-{start // batch:05d}.json").write_text(json.dumps(entities))
print(f"{count} entities in {(count + batch - 1) // batch} files under {out}")
