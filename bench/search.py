"""Search benchmark over a generated corpus (default 10,000 documents, about 3,800 characters each).

Documents are built from seed paragraphs (both scripts) with a per-document substitution of about half of
their Han characters, so a term of the seeds appears in some documents and not all (a common word does not
hit every document, and rare names stay rare). Everything is deterministic (--seed).

Prints, all measured in this run:
  - the character table vs OpenCC t2s on the seeds (speed, differing Han characters);
  - index build time and peak memory; reopen time of the persisted index (nothing changed);
  - search p50/p95 over a fixed query set (both scripts, pinyin, English, 1- to 6-character queries);
  - related-passage p50/p95 for sampled sentences;
  - the baseline: a naive full scan of the same (normalised) texts for the same queries;
and last `search_vs_scan: X` (search p95 / scan p95; goal <= 0.1).
Goals: search p95 <= 50 ms, related p95 <= 100 ms, reopen <= 2 s, build <= 60 s.

    python bench/search.py [--docs 10000] [--seed 7]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

from qwen_reader.core.search.english import chinese_for
from qwen_reader.core.search.index import SearchIndex
from qwen_reader.core.search.normalize import HAN_RE, run_pinyin, split_pinyin, to_simplified
from qwen_reader.core.search.query import search
from qwen_reader.core.search.related import RelatedFinder
from qwen_reader.core.store.paths import HOME_ENV, bundled_seeds
from qwen_reader.core.text.model import Article, Document, Kind, Paragraph, Script
from qwen_reader.core.text.segment import sentence_ends

QUERIES = [
    "的", "浩", "技", "阿里", "技术", "技術", "离职", "團隊", "林俊旸", "负责人", "千問團隊", "通义实验室",
    "大模型技术", "阿里巴巴集团", "zhouhao", "Zhou Hao", "lín jùn yáng", "qianwen", "resign", "team",
    "open source", "Qwen", "DeepMind", "周浩 郁博文",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def seed_paragraphs() -> list[str]:
    out: list[str] = []
    for path in sorted(bundled_seeds().glob("*.txt")):
        out.extend(p.strip() for p in path.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 20)
    return out


def generate(folder: Path, docs: int, rng: random.Random) -> list[Document]:
    """Documents written to `folder` (so the index can stat them) and built directly (no cleaning run: this
    bench measures the index, bench/ingest.py measures cleaning)."""
    paragraphs = seed_paragraphs()
    alphabet = sorted({c for p in paragraphs for c in p if HAN_RE.match(c)})
    out: list[Document] = []
    for i in range(docs):
        # About half of the seed characters become other characters in this document.
        swapped = rng.sample(alphabet, len(alphabet) // 2)
        table = str.maketrans(dict(zip(swapped, rng.sample(alphabet, len(swapped)), strict=True)))
        chosen: list[Paragraph] = []
        size = 0
        while size < 3800:
            text = paragraphs[rng.randrange(len(paragraphs))].translate(table)
            chosen.append(Paragraph(Kind.BODY, text, sentence_ends=sentence_ends(text), script=Script.MIXED))
            size += len(text)
        path = folder / f"doc{i:05d}.txt"
        body = "\n\n".join(p.text for p in chosen)
        path.write_text(body, encoding="utf-8")
        out.append(Document(f"doc{i:05d}", str(path), chosen[0].text[:30], Script.MIXED,
                            (Article(chosen[0].text[:30], tuple(chosen)),), "utf-8", len(body.encode())))
    return out


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the tokenising workers): on a shared machine the
    wall time says as much about the neighbours as about the code."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def scan_texts(documents: list[Document]) -> list[tuple[str, str]]:
    """What a naive scan searches: each sentence simplified, and its toneless pinyin."""
    out = []
    for d in documents:
        for p in d.paragraphs:
            for s in p.sentences:
                simplified = to_simplified(s.text)
                han = "".join(HAN_RE.findall(simplified))
                out.append((simplified.lower(), " " + run_pinyin(han) + " "))
    return out


def scan(texts: list[tuple[str, str]], query: str) -> int:
    """Every sentence holding the query (simplified), its pinyin, or a dictionary word for an English word."""
    simplified = to_simplified(query).lower().strip()
    needles = [simplified]
    sounds = None
    if not HAN_RE.search(simplified):
        syllables = split_pinyin(query)
        sounds = " " + " ".join(syllables) + " " if syllables else None
        needles += [c for w in simplified.split() for c in chinese_for(w)]
    return sum(1 for text, pinyin in texts
               if any(n in text for n in needles) or (sounds is not None and sounds in pinyin))


def t2s_figures() -> str:
    from qwen_reader.core.text.script import convert

    texts = [p.read_text(encoding="utf-8") for p in sorted(bundled_seeds().glob("*.txt"))] * 5
    chars = sum(len(t) for t in texts)
    convert("預熱", "t2s")
    start = time.perf_counter()
    table = [to_simplified(t) for t in texts]
    t_table = time.perf_counter() - start
    start = time.perf_counter()
    opencc = [convert(t, "t2s") for t in texts]
    t_opencc = time.perf_counter() - start
    differing = sum(1 for a, b in zip(table, opencc, strict=True) for x, y in zip(a, b, strict=False)
                    if x != y and HAN_RE.match(x)) // 5
    same_length = all(len(a) == len(b) for a, b in zip(table, opencc, strict=True))
    return (f"t2s on the seeds: char table {chars / t_table / 1e6:.1f} Mchar/s, OpenCC {chars / t_opencc / 1e6:.2f}"
            f" Mchar/s; Han characters differing: {differing} of {chars // 5}; same length: {same_length}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--related", type=int, default=100, help="sentences sampled for related p50/p95")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ[HOME_ENV] = str(Path(tmp) / "home")
        print(t2s_figures())
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        start = time.perf_counter()
        documents = generate(folder, args.docs, rng)
        chars = sum(len(p.text) for d in documents for p in d.paragraphs)
        print(f"corpus: {len(documents):,} documents, {chars / 1e6:.1f} M characters "
              f"(generated in {time.perf_counter() - start:.1f} s)")
        # Warm the tables every index needs once per process (pinyin, OpenCC, CC-CEDICT reverse table).
        chinese_for("team")
        split_pinyin("zhouhao")
        before = rss_mb()
        path = Path(tmp) / "search.sqlite3"
        start, cpu_start = time.perf_counter(), cpu_seconds()
        index = SearchIndex(path)
        index.sync(documents)
        build, build_cpu = time.perf_counter() - start, cpu_seconds() - cpu_start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
        index.close()
        print(f"build: {build:.1f} s ({chars / build / 1e6:.2f} Mchar/s; CPU {build_cpu:.1f} s in this process and its"
              f" workers, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores); peak RSS {peak:.0f} MB "
              f"(+{max(0.0, peak - before):.0f} MB over the loaded corpus); index file "
              f"{sum(f.stat().st_size for f in path.parent.glob('search*.sqlite3*')) / 1e6:.0f} MB (all shards)")
        start = time.perf_counter()
        index = SearchIndex(path)
        report = index.sync(documents)
        reopen = time.perf_counter() - start
        print(f"reopen: {reopen:.2f} s ({report.unchanged:,} unchanged, {report.added + report.updated} indexed)")

        texts = scan_texts(documents)
        search_times: list[float] = []
        scan_times: list[float] = []
        for query in QUERIES:
            for _ in range(3):
                t0 = time.perf_counter()
                hits = search(index, query, limit=50)
                search_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            found = scan(texts, query)
            scan_times.append(time.perf_counter() - t0)
            print(f"  {query!r:>16}: {len(hits):>2} hits (scan finds {found:,} sentences)")
        finder = RelatedFinder(index)
        sample = [(d.id, n) for d in rng.sample(documents, min(args.related, len(documents)))
                  for n in [rng.randrange(max(1, sum(len(p.sentence_ends) for p in d.paragraphs)))]]
        related_times: list[float] = []
        shown = 0
        for doc_id, n in sample:
            t0 = time.perf_counter()
            shown += bool(finder.for_sentence(doc_id, n))
            related_times.append(time.perf_counter() - t0)
        s50, s95 = statistics.median(search_times) * 1e3, percentile(search_times, 0.95) * 1e3
        c50, c95 = statistics.median(scan_times) * 1e3, percentile(scan_times, 0.95) * 1e3
        r50, r95 = statistics.median(related_times) * 1e3, percentile(related_times, 0.95) * 1e3
        print(f"search: p50 {s50:.1f} ms, p95 {s95:.1f} ms over {len(QUERIES)} queries x 3")
        print(f"naive scan (baseline): p50 {c50:.0f} ms, p95 {c95:.0f} ms")
        print(f"related: p50 {r50:.1f} ms, p95 {r95:.1f} ms over {len(sample)} sentences "
              f"({shown} with passages above the threshold)")
        index.close()
        print(f"search_vs_scan: {s95 / c95:.3f}")


if __name__ == "__main__":
    main()
