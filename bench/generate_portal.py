#!/usr/bin/env python3
"""Writes N entities of the kinds the portal shows (car parks, waste containers, points of interest)
as NGSI-LD batch files with expanded type and attribute IRIs, for another tenant than the demo
city's: the portal bench checks that Stralsund's pages stay fast while the database holds a far
bigger tenant next door. Seeded, so every run loads the same data."""
import json
import random
import sys
from pathlib import Path

count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
out = Path(sys.argv[2] if len(sys.argv) > 2 else "bench/results/portal-data")
batch = 1000
rng = random.Random(14)
SDM = "https://smartdatamodels.org/"
KINDS = [
    ("dataModel.Parking/OffStreetParking", {"availableSpotNumber": lambda: rng.randrange(300),
                                            "totalSpotNumber": lambda: 300}),
    ("dataModel.WasteManagement/WasteContainer", {"fillingLevel": lambda: round(rng.random(), 2)}),
    ("dataModel.PointOfInterest/PointOfInterest", {}),
]
out.mkdir(parents=True, exist_ok=True)
for start in range(0, count, batch):
    entities = []
    for n in range(start, min(start + batch, count)):
        type_iri, attributes = KINDS[n % len(KINDS)]
        entity = {
            "id": f"urn:ngsi-ld:{type_iri.split('/')[-1]}:bench:{n}",
            "type": SDM + type_iri,
            SDM + "name": {"type": "Property", "value": f"Ort {n}"},
            "location": {"type": "GeoProperty", "value": {
                "type": "Point",
                "coordinates": [round(12.9 + rng.random() * 0.4, 6), round(54.0 + rng.random() * 0.3, 6)]}},
        }
        domain = type_iri.split("/")[0]
        for name, value in attributes.items():
            entity[f"{SDM}{domain}/{name}"] = {"type": "Property", "value": value()}
        entities.append(entity)
    (out / f"batch-{start // batch:05d}.json").write_text(json.dumps(entities))
print(f"{count} entities in {(count + batch - 1) // batch} files under {out}")
