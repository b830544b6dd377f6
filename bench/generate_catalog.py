#!/usr/bin/env python3
"""Loads N services into one tenant through the catalog API (bench/catalog.sh).

Usage: generate_catalog.py BASE_URL TENANT ADMIN_KEY N
Each service is POSTed with the bootstrap key (a platform operator) and 9 of 10 are approved, over
one keep-alive connection; a fixed seed makes runs comparable.
"""
import http.client
import json
import random
import sys
import urllib.parse

WORDS = ["Parkhaus", "Fahrradverleih", "Strandbad", "Ladesäule", "Seniorenshuttle", "Abfallkalender",
         "Hafenfest", "Luftqualität", "Museum", "Stadtführung", "Wohnmobil", "Lastenrad", "Bürgerbüro",
         "Trinkbrunnen", "Baumpatenschaft", "Mieterstrom", "Weihnachtsmarkt", "Wetterstation"]
PLACES = ["Altstadt", "Knieper", "Tribseer", "Frankenvorstadt", "Hafen", "Dänholm", "Grünhufe", "Andershof"]
CATEGORIES = ["mobility", "parking", "environment", "energy", "waste", "tourism", "culture", "social",
              "administration", "data"]
GROUPS = ["residents", "tourists", "seniors", "families", "businesses"]
SITUATIONS = ["mobility_and_travel", "housing_and_moving", "leisure_and_visit", "health_and_environment",
              "age_and_care", "family_and_children", "business_and_work", "citizen_services"]
SEASONS = ["summer", "winter", "all_year"]


def main():
    base, tenant, key, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    url = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port)
    headers = {"X-API-Key": key, "Content-Type": "application/json"}
    rng = random.Random(15)
    path = f"/api/v1/{tenant}/services"
    for i in range(count):
        word, place = rng.choice(WORDS), rng.choice(PLACES)
        body = {
            "id": f"s{i}", "provider": f"partner-{rng.randrange(40)}",
            "name": {"de": f"{word} {place} {i}", "en": f"{word} {place}"},
            "description": {"de": f"Ein Dienst rund um {word} im Stadtteil {place}, Nummer {i}.",
                            "en": f"A service about {word} in {place}."},
            "category": rng.choice(CATEGORIES), "targetGroups": [rng.choice(GROUPS)],
            "lifeSituations": [rng.choice(SITUATIONS)], "seasons": [rng.choice(SEASONS)],
            "channels": ["web"],
        }
        connection.request("POST", path, json.dumps(body), headers)
        answer = connection.getresponse()
        answer.read()
        if answer.status != 201:
            sys.exit(f"service {i}: HTTP {answer.status}")
        if rng.randrange(10) > 0:
            connection.request("POST", f"{path}/s{i}/approve", "{}", headers)
            answer = connection.getresponse()
            answer.read()
            if answer.status != 200:
                sys.exit(f"approve {i}: HTTP {answer.status}")


if __name__ == "__main__":
    main()
