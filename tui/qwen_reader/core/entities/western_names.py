"""Western given names: CC-CEDICT's few hundred, and the US Census Bureau's lists of first names (public
data, about 5,000 names, shipped by the `names` package), so `Carol Surface` or `Deirdre O'Brien` in a
Taiwanese report reads as a person."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from qwen_reader.core.entities.cedict_names import cedict_names

# The census files: one name a line, upper case, then frequencies.
_CENSUS_FILES = ("dist.male.first", "dist.female.first")


def census_first_names() -> frozenset[str]:
    """Empty where the package is missing (the CEDICT list still holds)."""
    out: set[str] = set()
    try:
        folder = resources.files("names")
        for name in _CENSUS_FILES:
            for line in folder.joinpath(name).read_text(encoding="ascii").splitlines():
                word = line.split(" ", 1)[0]
                if word.isalpha():
                    out.add(word.capitalize())
    except (ImportError, OSError, UnicodeDecodeError):
        return frozenset()
    return frozenset(out)


# Articles and particles the census lists as first names (Le, De, Van) that start names of places, houses and
# firms far more often in the news (Le Manoir, De Beers, Van Cleef).
_PARTICLES = frozenset({"Le", "La", "Les", "De", "Del", "Della", "Da", "Di", "Du", "Van", "Von", "El", "Los", "Las",
                        "San", "Santa", "Saint", "St"})


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return (cedict_names().given_names | census_first_names()) - _PARTICLES
