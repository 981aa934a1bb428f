"""Translation benchmark with the fixture model (random weights: speed only, never quality), 200 seed
sentences, all in one run:

  (a) argostranslate.translate, called once per sentence, as a user of argos would;
  (b) this engine (ArgosEngine.translate on the whole list: batched);
  (c) CTranslate2 translate_batch on the same tokens with the same options: the floor.

(a), (b) and (c) alternate run by run, so drift on a shared machine hits all three alike. Then the time to
the first screen's English, with a model and with the gloss: a fresh process each (imports, engine or
dictionary load, then the first 30 sentences of seed 004), the two alternating. Prints sentences/s for each
(medians), then `speedup_vs_argos: X` as the last line (goals: X >= 3, and (b) within 10% of (c)).

    python bench/translate.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "bench"))


def median_time(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


FIRST_ENGLISH = """
import sys, time
start = time.perf_counter()
from qwen_reader.core.library import open_corpus
from qwen_reader.core.translate.service import load_engine, translatable
doc = open_corpus([sys.argv[1]], use_cache=False).documents[0]
first = [t for _, _, t in translatable(doc)][:30]
engine = load_engine()
english = engine.translate(first)
assert len(english) == len(first)
print(engine.name, time.perf_counter() - start)
"""


def first_english(homes: list[Path], runs: int) -> tuple[list[str], list[list[float]]]:
    """Seconds from a fresh process to the first screen's English, for each home (with and without a model),
    alternating. ARGOS_PACKAGES_DIR is removed from the children's environment: each home's own packages
    folder (or none) decides the engine, and the printed engine names prove which one ran."""
    import subprocess

    seed = sorted((REPO / "seeds").glob("004*.txt"))[0]
    envs = []
    for home in homes:
        env = {**os.environ, "QWEN_READER_HOME": str(home)}
        env.pop("ARGOS_PACKAGES_DIR", None)
        envs.append(env)
    names: list[str] = ["" for _ in homes]
    times: list[list[float]] = [[] for _ in homes]
    for _ in range(runs):
        for k, env in enumerate(envs):
            out = subprocess.run([sys.executable, "-c", FIRST_ENGLISH, str(seed)], capture_output=True, text=True,
                                 env=env, check=True)
            name, seconds = out.stdout.strip().rsplit(" ", 1)
            names[k] = name
            times[k].append(float(seconds))
    return names, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sentences", type=int, default=200)
    # Random weights give no natural output length; this bias towards </s> gives a median near a real
    # model's (about the source length), with some outputs running to the 256-token limit.
    parser.add_argument("--eos-bias", type=float, default=2.5)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="qr-bench-"))
    with_model, without_model = work / "with", work / "without"
    os.environ["QWEN_READER_HOME"] = str(with_model)
    from fixture_model import build_package
    from qwen_reader.core.library import open_corpus
    from qwen_reader.core.translate import engines
    from qwen_reader.core.translate.engines import ArgosEngine
    from qwen_reader.core.translate.packages import install_from_file, packages_dir
    from qwen_reader.core.translate.service import translatable

    model = install_from_file(build_package(work, eos_bias=args.eos_bias))
    os.environ["ARGOS_PACKAGES_DIR"] = str(packages_dir())  # argos reads this when first imported

    corpus = open_corpus([REPO / "seeds"], use_cache=False)
    sentences = list(dict.fromkeys(t.strip() for d in corpus.documents for _, _, t in translatable(d)
                                   if t.strip()))[: args.sentences]
    print(f"{len(sentences)} seed sentences, fixture model {model.name} (random weights: speed only)")

    from argostranslate import translate as argos_translate

    languages = {lang.code: lang for lang in argos_translate.get_installed_languages()}
    argos = languages["zh"].get_translation(languages["en"])

    class Whole:  # argos's own sentence splitter would try to download resources: keep it offline
        def split_sentences(self, text: str) -> list[str]:
            return [text]

    argos.underlying.sentencizer = Whole()
    argos.translate("预热。")
    engine = ArgosEngine(model)
    engine.translate(["预热。"])
    tokens = engine.tokenize(sentences)

    def run_argos() -> None:
        argos.cache.clear() if hasattr(argos, "cache") else None
        for s in sentences:
            argos.underlying.translate(s)  # the uncached path: what a new sentence costs

    def run_engine() -> None:
        engine.translate(sentences)

    def run_floor() -> None:
        engine._translator.translate_batch(tokens, replace_unknowns=True, beam_size=engine.beam_size,
                                           num_hypotheses=1, length_penalty=engines.LENGTH_PENALTY,
                                           max_batch_size=64, batch_type="examples")

    lengths = [len(r.hypotheses[0]) for r in engine._translator.translate_batch(
        tokens, beam_size=engine.beam_size, length_penalty=engines.LENGTH_PENALTY)]
    print(f"source tokens median {statistics.median(map(len, tokens)):.0f}, output tokens median "
          f"{statistics.median(lengths):.0f} (max {max(lengths)})")
    # (a), (b) and (c) alternate, so drift on a shared machine hits all three alike.
    a_times, b_times, c_times = [], [], []
    for _ in range(args.runs):
        a_times.append(median_time(run_argos, 1))
        b_times.append(median_time(run_engine, 1))
        c_times.append(median_time(run_floor, 1))
    a, b, c = statistics.median(a_times), statistics.median(b_times), statistics.median(c_times)
    n = len(sentences)
    print(f"{'':44}{'median s':>10}{'sentences/s':>14}")
    print(f"{'(a) argostranslate.translate, per sentence':44}{a:>10.3f}{n / a:>14.1f}")
    print(f"{'(b) qwen-reader engine, batched':44}{b:>10.3f}{n / b:>14.1f}")
    print(f"{'(c) CTranslate2 translate_batch (floor)':44}{c:>10.3f}{n / c:>14.1f}")
    print(f"engine_vs_floor: {b / c:.2f}x the floor's time")

    (with_name, without_name), (with_times, without_times) = first_english([with_model, without_model], 5)
    print(f"first screen's English (30 sentences, fresh process, median of 5, alternating): "
          f"{with_name}: {statistics.median(with_times):.2f} s; {without_name}: "
          f"{statistics.median(without_times):.2f} s")
    print(f"speedup_vs_argos: {a / b:.1f}")


if __name__ == "__main__":
    main()
