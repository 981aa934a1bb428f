"""The pipeline: a document's paragraphs -> mentions, from every source, overlaps resolved, then made
consistent across the document."""

from __future__ import annotations

import re
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

from qwen_reader.core.entities import (
    apposed,
    brands,
    consistency,
    craft,
    dates,
    defined_names,
    extended,
    funds,
    introduced,
    lac,
    latin,
    latin_models,
    latin_people,
    learned_spans,
    lines,
    list_matching,
    media,
    model_codes,
    org_branches,
    org_lists,
    org_places,
    org_prefixes,
    org_wording,
    orgs,
    people,
    person_check,
    place_lists,
    places,
    platforms,
    quoted,
    rules,
    statistical,
    tagger,
    traded,
    western_names,
)
from qwen_reader.core.entities.cedict_names import cedict_names, is_dictionary_place
from qwen_reader.core.entities.gazetteer import (
    Gazetteer,
    broad_places,
    names_in_lists,
    region_names,
    tech_list,
    unmatched_names,
)
from qwen_reader.core.entities.identity import english_name, to_simplified
from qwen_reader.core.entities.known import (
    all_lists,
    cedict_list,
    classified_not_persons,
    known_names,
    known_places,
    known_places_orgs,
    listed_names,
    listed_products,
    romanised_surnames,
)
from qwen_reader.core.entities.model import NOT_OURS, Candidate, EntityKind, Entry, Mention, Source
from qwen_reader.core.entities.words import tokenize
from qwen_reader.core.text.model import Document, Kind

# Rule families and lists within the sources, named so the benchmark can measure each by leaving it out.
FAMILIES = {
    "region-lists": "the broad lists of places, organisations, products (assets/entities_{places,orgs,products}.tsv)",
    "place-rules": "place abbreviations (赴港), place suffixes (临江门站), roads after places, no places (北京时间)",
    "org-context": "bodies with place and units, listed names, officers' companies, buildings, city + company",
    "latin-context": "Latin names a context calls a company or a product (業者DeepX, 晶片「Warboy」)",
    "people-rules": "names after a word announcing a person, transliterated names after an office, bylines",
    "models": "a model after its line or maker (天玑9400, 小米15 Ultra, Pixel 9 Pro, OPPO + Find X8), numbered lines "
              "(麒麟990 5G, 含光800)",
    "person-check": "the learned last check on person names (person_check.py, assets/entities_person_check.npy)",
}
ALL_SOURCES = frozenset(Source) | frozenset(FAMILIES)
# Paragraph kinds with no names worth colouring.
SKIPPED_KINDS = frozenset({Kind.BOILERPLATE, Kind.SEPARATOR})
# Which source wins when two candidates cover the same characters equally long.
_PRIORITY = {Source.LIST: 5, Source.RULES: 4, Source.CEDICT: 3, Source.TAGGER: 2, Source.LAC: 2, Source.CONSISTENCY: 1}
_KIND_PRIORITY = {EntityKind.DATE: 1, EntityKind.FIGURE: 0}
# The year an event's name may carry (MWC 2026, CES2025).
_EDITION = re.compile(r" ?(?:19|20)\d\d(?!\d)")
_TECHNIQUE_HEAD = re.compile(r"架构|结构|体系结构|定律|效应|算法|定理|方程|猜想|原理|测试|指数|循环|悖论")


def warm() -> None:
    """Load every table (a worker calls this off the first-paint path)."""
    for load in (tech_list, cedict_list, all_lists, tagger.name_model, romanised_surnames, known_names,
                 western_names.given_names, learned_spans.model, person_check.weights, names_in_lists,
                 funds.known_companies):
        load()
    tokenize("预热")
    lac.words(["预热"])


def _landmark(name: str) -> bool:
    """A landmark CC-CEDICT writes with its article (长城, the Great Wall) may be a company's short name (长城 of
    长城汽车); a city (北京 of 北京汽车) is not."""
    entry = cedict_names().names.get(name)
    return entry is not None and entry[1].startswith("the ")


def _plausible(name: str) -> bool:
    return tagger.name_model().score(name) >= tagger.CONTEXT_THRESHOLD


def candidates(simplified: str, sources: frozenset[str] = ALL_SOURCES,
               tokens: list[tuple[str, int, int]] | None = None) -> list[Candidate]:
    """Every candidate in one paragraph's simplified text, from the sources asked for."""
    if tokens is None:
        tokens = tokenize(simplified)
    out: list[Candidate] = []
    if Source.LIST in sources or Source.CEDICT in sources:
        bounds = list_matching.bounds(tokens, known_places())
        listed = tech_list().names
        region = region_names()
        common = cedict_names().common
        inside = {p for w, ws, we in tokens if we - ws > 1 and w in common for p in range(ws + 1, we)}
        # One scan over both lists (the curated list wins where both hold a name).
        for s, e, x in all_lists().matches(simplified):
            surface = simplified[s:e]
            if surface.endswith("公司") and (short := listed.get(surface[:-2])) is not None and short.id == x.id:
                e -= 2  # 苹果公司 is 苹果 and a generic head (the annotation guidelines keep 公司 outside)
                surface = surface[:-2]
            if x.kind == NOT_OURS and (year := _EDITION.match(simplified, e)):
                e = year.end()  # MWC 2026 is the event still, not a product with a number
            if surface in listed:
                if Source.LIST in sources and (list_matching.tech_match(surface, s, inside) if surface not in region
                                               else "region-lists" in sources
                                               and list_matching.region_match(simplified, s, e, x, bounds)):
                    out.append(Candidate(s, e, x.kind, x.id, x.english, Source.LIST))
                continue
            # A dictionary name must not cut one of jieba's words (三水 in 三水果), unless what follows
            # makes it an institution or a facility (中国 in 中国政府).
            if Source.CEDICT in sources and s in bounds and list_matching.ends_well(simplified, e, bounds):
                out.append(Candidate(s, e, x.kind, x.id, x.english, Source.CEDICT))
    names = cedict_names()
    if Source.RULES in sources:
        out.extend(rules.latin_names(simplified, listed_names(), listed_products()))
        out.extend(people.masked_names(simplified, names.surnames))
        if "models" in sources:
            out.extend(lines.numbered(simplified))
        if "place-rules" in sources:
            out.extend(places.abbreviations(simplified, all_lists().get))
            out.extend(places.country_lists(simplified, all_lists().get))
            out.extend(places.scenic_places(simplified, tokens, names.common,
                                            frozenset(c.end for c in out if c.kind == EntityKind.PLACE)))
            out.extend(places.suffixed_places(simplified, known_places(), {ws for _, ws, _ in tokens}, names.common))
        if "org-context" in sources:
            out.extend(media.media_titles(simplified))
            out.extend(media.cited(simplified, names.common, known_places()))
            out.extend(quoted.quoted_names(simplified))
            out.extend(quoted.quoted_products(simplified))
            out.extend(quoted.games(simplified))
            out.extend(craft.spacecraft_and_aircraft(simplified))
            out.extend(traded.traded(simplified))
        out.extend(people.foreign_names(simplified, names.transliteration))
        out.extend(people.hyphened_names(simplified, names.transliteration, tokens))
        if "people-rules" in sources:
            out.extend(people.cued_names(simplified, names.surnames, _plausible, names.common))
            out.extend(people.transliterated(simplified, names.transliteration, known_names()))
            out.extend(people.byline(simplified, names.common, known_names()))
            out.extend(people.by_sex(simplified, names.surnames))
            out.extend(people.spaced_names(simplified, names.surnames))
        out.extend(latin_people.latin_persons(simplified, western_names.given_names(), romanised_surnames(),
                                         listed_names()))
        out.extend(rules.context_persons(simplified, tokens, names.surnames, names.common, _plausible,
                                           known_places_orgs()))
        out.extend(rules.suffixed_orgs(simplified, tokens, names.common, listed_names(), known_places(),
                                         broad_places(), tagger.name_model().function_words))
        out.extend(dates.dates(simplified))
        out.extend(dates.figures(simplified))
    if Source.TAGGER in sources:
        out.extend(tagger.persons(simplified, tokens, known_names()))
    if "place-rules" not in sources:
        return out
    out.extend(places.parts(simplified, out, broad_places()))
    out.extend(places.expressways(simplified))
    # 北京时间, 多哈回合, 茂物目标: the place is part of another name.
    return [c for c in out if c.kind != EntityKind.PLACE or not places.not_a_place(simplified, c.end)]


def resolve(found: Iterable[Candidate]) -> list[Candidate]:
    """Longest first, then the surer source; overlapping candidates lose."""
    ranked = sorted(found, key=lambda c: (-(c.end - c.start), -_PRIORITY[Source(c.source)],
                                          -_KIND_PRIORITY.get(c.kind, 2), c.start))
    taken = bytearray(max((c.end for c in ranked), default=0))  # one flag per character: no pairwise test
    chosen: list[Candidate] = []
    for c in ranked:
        if any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort()
    return chosen


def _person_like(name: str) -> bool:
    return tagger.name_model().score(name) >= tagger.THRESHOLD


def _choose(text: str, sources: frozenset[str]) -> list[Candidate]:
    """One paragraph's mentions: every source's candidates resolved, then read again in their context."""
    tokens = tokenize(text)
    chosen = extended.extend_orgs(text, resolve(candidates(text, sources, tokens)))
    if Source.RULES in sources and "place-rules" in sources:
        chosen = places.estates(text, places.roads(text, chosen, cedict_names().common))
        chosen = places.admin_units_after(text, chosen, cedict_names().common)
        chosen = places.with_compass_point(text, chosen, tokens, known_places())
        chosen = place_lists.route_stops(text, place_lists.listed_places(text, chosen, is_dictionary_place), tokens,
                                           cedict_names().common)
    if Source.RULES in sources and "org-context" in sources:
        common = cedict_names().common
        chosen = orgs.government_units(text, chosen, known_places())
        chosen = orgs.sub_units(text, chosen)
        chosen = orgs.buildings(text, chosen)
        chosen = orgs.coordinated(text, tokens, chosen, common, _person_like, tagger.name_model().function_words,
                                  broad_places())
        chosen = org_lists.companies_listed_beside(text, chosen, names_in_lists())
        chosen = apposed.apposed_companies(text, chosen, rules.GENERIC_LATIN)
        chosen = orgs.officers(text, tokens, chosen, common, known_places())
        chosen = orgs.registered_names(text, chosen)
        chosen = defined_names.subsidiaries(text, introduced.with_introduced(text, tokens, chosen, common), common,
                                            tokens)
    if Source.RULES in sources and "latin-context" in sources:
        chosen = latin.listed_with_companies(text, latin.context_names(text, chosen, listed_names()))
        chosen = latin.bracketed_aliases(text, introduced.with_latin_tickers(text, chosen, rules.GENERIC_LATIN))
        chosen = latin.paired_with_a_company(text, chosen)
        chosen = latin.listed_with_people(text, chosen)
    if Source.RULES in sources and "models" in sources:
        chosen = latin_models.brand_products(text, latin_models.model_names(text, latin.models(text, chosen)))
        chosen = model_codes.series_models(text, chosen)
    # 达芬奇架构, 图灵测试: a name before a technique's head names the technique, not a person in the news.
    return [c for c in chosen if c.kind != EntityKind.PERSON or not _TECHNIQUE_HEAD.match(text, c.end)]


@lru_cache(maxsize=1)
def _tagger_thread() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="entity-tagger")


def _no_person_after(text: str, end: int) -> bool:
    """达芬奇架构 names a technique, 陆裔美籍男子 describes a man: neither is a person's name."""
    return bool(_TECHNIQUE_HEAD.match(text, end)) or tagger.describes_after(text, end)


def recognize_texts(texts: list[str], sources: frozenset[str] = ALL_SOURCES) -> list[list[Candidate]]:
    """Candidates chosen for each paragraph text of one document (offsets into the texts as given)."""
    simplified = [to_simplified(t) for t in texts]
    # The tagger's model runs in two threads beside the lists and rules (onnxruntime leaves the interpreter
    # lock while it computes); its decoding, which holds the lock, waits until they are done.
    tagged = lac.start(simplified, _tagger_thread()) if Source.LAC in sources else None
    chosen = [_choose(s, sources) for s in simplified]
    words = tagged() if tagged is not None else None
    if words is not None:
        chosen = [statistical.absorbed(t, statistical.confirmed(t, cands, w), w)
                  for t, cands, w in zip(simplified, chosen, words, strict=True)]
        if Source.RULES in sources and "org-context" in sources:  # a unit after a body the tagger joined
            chosen = [orgs.sub_units(t, c) for t, c in zip(simplified, chosen, strict=True)]
    if Source.RULES in sources and "latin-context" in sources:
        latin.document_kinds(chosen, simplified)
    if Source.RULES in sources and "org-context" in sources:
        orgs.company_tails(chosen, simplified, known_places())
    names = cedict_names()
    if Source.CONSISTENCY in sources:
        consistency.complete_names(chosen, simplified, tagger.ENDS_AND_JOINS)
        consistency.family_names_win(chosen, simplified)
        known = consistency.document_names(chosen, simplified, names.common, names.surnames)
        for short, entry in consistency.unit_short_forms(chosen, simplified, names.common, tokenize,
                                                         all_lists().__contains__):
            known.add(short, entry)
        consistency.propagate(chosen, simplified, known)
        consistency.with_company_tails(chosen, simplified)
    if words is not None:
        # Last, so a name the document already knows (俊旸 after 林俊旸) keeps its identity.
        for cands, text, w in zip(chosen, simplified, words, strict=True):
            cands[:] = statistical.fill(text, cands, w, classified_not_persons(), names.common, _no_person_after,
                                        known_places(), unmatched_names())
            if Source.RULES in sources and "org-context" in sources:
                cands[:] = org_lists.units_beside_units(text, org_lists.org_lists(text, cands, names.common),
                                                          names.common)
                cands[:] = defined_names.short_names(text, cands, names.common)
        if Source.CONSISTENCY in sources:
            # A company's short name may be a dictionary's place (长城 of 长城汽车), not a country (中国 of 中国移动).
            stems = consistency.company_stems(chosen, simplified, lambda w: w in broad_places() or w in names.common
                                              or (w in known_places() and not _landmark(w)))
            consistency.kinds_agree(chosen, simplified, stems)
            known = consistency.document_names(chosen, simplified, names.common, names.surnames)
            consistency.propagate(chosen, simplified, consistency.with_stems(
                known, stems, lambda w: w in names.proper or w in names.names or w in names.common))
            consistency.with_company_tails(chosen, simplified)
            consistency.longer_names_win(chosen, simplified)
            consistency.companies_by_officer(chosen, simplified)  # last: it reads every copy of a name the others made
            brands.brands_not_people(chosen, simplified)
            model_codes.model_codes(chosen, simplified)
    if Source.RULES in sources and "org-context" in sources:
        org_wording.trim_descriptors(chosen, simplified)
        org_prefixes.known_names_after_prefixes(chosen, simplified, all_lists().get, known_places())
        platforms.kinds_in_context(chosen, simplified)
        org_places.country_units(chosen, simplified, broad_places())
        org_places.national_bodies(chosen, simplified, broad_places())
        org_places.country_before_a_city(chosen, simplified, broad_places(), known_places(), all_lists().get)
        org_branches.branches(chosen, simplified, names.common)
        traded.at_every_mention(chosen, simplified)
        if Source.CONSISTENCY in sources and (glossed := org_wording.glosses(chosen, simplified)):
            consistency.propagate(chosen, simplified,
                                  Gazetteer((name, Entry(c.id, c.kind, c.english)) for name, c in glossed))
        funds.fund_names(chosen, simplified)  # last: the tagger names many fund companies
    for cs, s in zip(chosen, simplified, strict=True):
        cs[:] = [org_wording.without_particle(s, t) for c in cs if (t := people.tidied(s, c, names.surnames))
                 is not None]
    # Last, so these apply also where consistency propagated a name, and again to the learned spans.
    def settled(cs: list[Candidate], s: str) -> list[Candidate]:
        return [c._replace(english=english_name(c, s[c.start:c.end])) for c in cs
                if c.kind != NOT_OURS and not org_wording.a_member(s, c) and not org_wording.no_body_named(s, c)
                and not latin.a_sentence(s[c.start:c.end]) and not rules.a_standard(s[c.start:c.end])
                and not org_wording.of_every_country(s, c)
                and not (c.kind == EntityKind.PLACE and (places.not_a_place(s, c.end)
                                                         or places.in_a_title(s, c.start, c.end)))]
    final = [settled(cs, s) for cs, s in zip(chosen, simplified, strict=True)]
    final = person_check.checked(final, simplified) if "person-check" in sources else final
    if Source.LEARNED in sources and words is not None and lac.available():  # its features need LAC's words
        respanned = learned_spans.respan(final, simplified, words)
        final = [settled(cs, s) for cs, s in zip(respanned, simplified, strict=True)]
    return final


def recognize(document: Document, sources: frozenset[str] = ALL_SOURCES) -> list[Mention]:
    paragraphs = document.paragraphs
    wanted = [i for i, p in enumerate(paragraphs) if p.kind not in SKIPPED_KINDS and p.text.strip()]
    found = recognize_texts([paragraphs[i].text for i in wanted], sources)
    # The sentence index in the document, as the reader counts (every paragraph's sentences in order).
    first_sentence: list[int] = []
    count = 0
    for p in paragraphs:
        first_sentence.append(count)
        count += len(p.sentence_ends)
    mentions: list[Mention] = []
    for i, cands in zip(wanted, found, strict=True):
        p = paragraphs[i]
        ends = p.sentence_ends
        for c in cands:
            local = next((k for k, e in enumerate(ends) if c.start < e), max(len(ends) - 1, 0))
            mentions.append(Mention(document.id, i, first_sentence[i] + local, c.kind, c.id, p.text[c.start:c.end],
                                    c.start, c.end, c.english, c.source))
    return mentions
