#!/usr/bin/env python3
"""SQLite's own cost for the rows that one new bench entity writes, without the platform.

Creates a database from the platform's SQLite migrations, with the writer's settings (WAL,
synchronous=FULL, foreign keys, 64 MiB page cache), and inserts per entity what the platform's
writer inserts when a batch upsert creates a bench Sensor: the entity row, its type, its three
attribute names, the R*Tree box of its location, its temporal entity and type, and its three
temporal instances, 1000 entities per transaction. The rate it prints is an upper bound for the
platform's batch upsert on the same machine, which does all of this plus JSON-LD, HTTP and JSON
encoding. Python's sqlite3 adds a few microseconds per statement, so the bound is slightly low.

Usage: bench/sqlite_floor.py [entities] [--no-temporal]
"""
import pathlib
import sqlite3
import sys
import tempfile
import time

MIGRATIONS = pathlib.Path(__file__).resolve().parent.parent / "store/src/main/resources/db/migration/sqlite"
NGSI = "https://uri.etsi.org/ngsi-ld/default-context/"
NOW = "2026-11-26T22:00:00.000Z"
NOW_MS = 1764194400000


def version(path):
    return tuple(int(part) for part in path.name[1:].split("__")[0].split("_"))


def open_database(directory):
    db = sqlite3.connect(str(directory / "floor.db"), isolation_level=None)
    for pragma in ("journal_mode=wal", "synchronous=full", "foreign_keys=on", "cache_size=-65536"):
        db.execute("pragma " + pragma)
    for migration in sorted(MIGRATIONS.glob("V*.sql"), key=version):
        db.executescript(migration.read_text())
    db.execute("insert into tenant values ('')")
    return db


def document(i, x, y):
    times = f'"createdAt":"{NOW}","modifiedAt":"{NOW}"'
    return (f'{{"id":"urn:ngsi-ld:Sensor:{i}","type":"Sensor",{times},'
            f'"a":{{"type":"Property","value":{i % 100},{times}}},'
            f'"b":{{"type":"Property","value":{i * 7 % 100},{times}}},'
            f'"location":{{"type":"GeoProperty","value":{{"type":"Point","coordinates":[{x},{y}]}},{times}}}}}')


def insert_entity(db, i, temporal):
    x, y = 13.05 + (i * 7919 % 1000) / 10000, 54.27 + (i * 104729 % 1000) / 10000
    entity_id = f"urn:ngsi-ld:Sensor:{i}"
    pk = db.execute("insert into entity (tenant, id, doc, created_at, modified_at)"
                    " values ('', ?, ?, ?, ?) returning pk",
                    (entity_id, document(i, x, y), NOW, NOW)).fetchone()[0]
    db.execute("insert into entity_type values ('', ?, ?)", (pk, NGSI + "Sensor"))
    db.execute("insert into entity_attribute values ('', ?, ?, ?), ('', ?, ?, ?), ('', ?, ?, ?)",
               (pk, NGSI + "a", "Property", pk, NGSI + "b", "Property",
                pk, NGSI + "location", "GeoProperty"))
    db.execute("insert into entity_box values (?, ?, ?, ?, ?)", (pk << 10, x, x, y, y))
    if not temporal:
        return
    tpk = db.execute("insert into temporal_entity (tenant, id) values ('', ?) returning pk",
                     (entity_id,)).fetchone()[0]
    db.execute("insert into temporal_type values ('', ?, ?)", (tpk, NGSI + "Sensor"))
    rows = []
    for name in ("a", "b", "location"):
        rows += [tpk, NGSI + name, None, "PROPERTY", "43", 43.0,
                 '{"i":[{"type":"Property","value":43}]}', None, NOW_MS, NOW_MS]
    db.execute("insert into temporal_instance (entity_pk, attribute, dataset_id, kind, value,"
               " number, doc, observed_at, created_at, modified_at) values "
               + ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * 3), rows)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    entities = int(args[0]) if args else 20000
    temporal = "--no-temporal" not in sys.argv
    with tempfile.TemporaryDirectory() as directory:
        db = open_database(pathlib.Path(directory))
        start = time.perf_counter()
        for i in range(entities):
            if i % 1000 == 0:
                db.execute("begin immediate")
            insert_entity(db, i, temporal)
            if i % 1000 == 999 or i == entities - 1:
                db.execute("commit")
        seconds = time.perf_counter() - start
        db.close()
    what = "entity, index and temporal rows" if temporal else "entity and index rows only"
    print(f"{entities} entities ({what}): {seconds / entities * 1e6:.1f} us per entity,"
          f" {entities / seconds:.0f} entities/s; SQLite {sqlite3.sqlite_version}")


if __name__ == "__main__":
    main()
