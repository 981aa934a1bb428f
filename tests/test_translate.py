"""Translation engine, packages, cache and gloss, driven with the tiny fixture package (its English is noise:
these tests check plumbing, alignment and guarantees, never quality)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import seed
from qwen_reader.core.store.paths import HOME_ENV
from qwen_reader.core.translate import engines
from qwen_reader.core.translate.cache import TranslationCache
from qwen_reader.core.translate.engines import ArgosEngine
from qwen_reader.core.translate.gloss import GlossEngine, gloss
from qwen_reader.core.translate.packages import PackageError, install_from_file, installed_models, packages_dir
from qwen_reader.core.translate.service import TranslationService, load_engine, open_cache, translatable

SENTENCES = [s.text for p in seed("002").paragraphs[:6] for s in p.sentences]
# Prepended to code run in a subprocess: any attempt to open a connection fails loudly.
NO_NETWORK = (
    "import socket\n"
    "ATTEMPTS = []\n"
    "def refuse(*a, **k):\n"
    "    ATTEMPTS.append(a)\n"
    "    raise OSError('network is off')\n"
    "socket.socket.connect = refuse\n"
    "socket.create_connection = refuse\n"
    "socket.getaddrinfo = refuse\n"
)


class CountingEngine:
    def __init__(self, inner: engines.Engine) -> None:
        self.inner, self.calls, self.sentences = inner, 0, 0
        self.name, self.model_id = inner.name, inner.model_id

    def translate(self, sentences: list[str]) -> list[str]:
        self.calls += 1
        self.sentences += len(sentences)
        return self.inner.translate(sentences)


def test_install_status_and_engine(installed_model) -> None:  # type: ignore[no-untyped-def]
    models = installed_models()
    assert [m.name for m in models] == ["translate-zh_en-0_0_1"] and models[0].size > 1_000_000
    engine = load_engine()
    assert isinstance(engine, ArgosEngine)
    english = engine.translate(SENTENCES)
    assert len(english) == len(SENTENCES)  # sentence i -> row i
    assert engine.translate(SENTENCES[2:3]) == english[2:3]  # batching does not change a sentence's English


def _zip(tmp_path: Path, files: dict[str, bytes], name: str = "bad.argosmodel") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as zf:
        for member, data in files.items():
            zf.writestr(member, data)
    return path


@pytest.mark.parametrize("case", ["not-zip", "no-metadata", "wrong-pair", "broken-model", "two-roots", "escape"])
def test_invalid_package_files_are_refused_and_leave_nothing(case: str, tmp_path: Path, argos_package: Path) -> None:
    with zipfile.ZipFile(argos_package) as zf:
        good = {m: zf.read(m) for m in zf.namelist() if not m.endswith("/")}
    root = next(iter(good)).split("/")[0]
    if case == "not-zip":
        path = tmp_path / "x.argosmodel"
        path.write_bytes(b"definitely not a zip")
    elif case == "no-metadata":
        path = _zip(tmp_path, {k: v for k, v in good.items() if not k.endswith("metadata.json")})
    elif case == "wrong-pair":
        meta = json.loads(good[f"{root}/metadata.json"])
        meta.update(from_code="en", to_code="de")
        path = _zip(tmp_path, {**good, f"{root}/metadata.json": json.dumps(meta).encode()})
    elif case == "broken-model":
        path = _zip(tmp_path, {**good, f"{root}/model/model.bin": b"garbage"})
    elif case == "two-roots":
        path = _zip(tmp_path, {**good, "other/metadata.json": b"{}"})
    else:
        path = _zip(tmp_path, {**good, "../evil.txt": b"x"})
    with pytest.raises(PackageError) as info:
        install_from_file(path)
    assert str(info.value) and "\n" not in str(info.value)
    assert installed_models() == []
    leftovers = list(packages_dir().iterdir()) if packages_dir().exists() else []
    assert leftovers == []


def test_cli_model_commands(argos_package: Path, tmp_path: Path) -> None:
    env = {**os.environ, HOME_ENV: str(tmp_path)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "qwen_reader", *args], capture_output=True, text=True,
                              env=env, timeout=300)

    assert "no Chinese -> English model installed" in run("model", "status").stdout
    bad = tmp_path / "bad.argosmodel"
    bad.write_bytes(b"nope")
    out = run("model", "install", "--file", str(bad))
    assert out.returncode == 2 and "not an argos package" in out.stderr and "Traceback" not in out.stderr
    out = run("model", "install", "--file", str(argos_package))
    assert out.returncode == 0, out.stderr
    status = run("model", "status").stdout
    assert "translate-zh_en-0_0_1" in status and "version 0.0.1" in status and "MB" in status
    rows = json.loads(run("translate", "002", "--json").stdout)
    doc = seed("002")
    assert len(rows) == len(translatable(doc))
    assert {"sentence", "source", "english", "engine"} <= set(rows[0])
    assert rows[0]["engine"].startswith("argos translate-zh_en-0_0_1")


def test_model_install_without_network_says_how_to_use_a_file(tmp_path: Path) -> None:
    code = NO_NETWORK + (
        "from qwen_reader.cli import main\n"
        "main()\n"
    )
    out = subprocess.run([sys.executable, "-c", code, "model", "install"], capture_output=True, text=True,
                         env={**os.environ, HOME_ENV: str(tmp_path)}, timeout=120)
    assert out.returncode == 2
    assert "qwen-reader model install --file PATH.argosmodel" in out.stderr
    assert "Traceback" not in out.stderr


def test_no_torch_stanza_spacy_and_no_socket(installed_model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Importing every qwen_reader module, translating with the model and glossing without one: never torch,
    stanza or spaCy (nor argostranslate, minisbd, onnxruntime: our engine splits its own sentences), never a
    connection attempt."""
    code = NO_NETWORK + (
        "import importlib, os, pkgutil, sys\n"
        "import qwen_reader\n"
        "names = [m.name for m in pkgutil.walk_packages(qwen_reader.__path__, 'qwen_reader.')\n"
        "         if not m.name.endswith('__main__')]  # __main__ would run the reader\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "from qwen_reader.core.translate.service import TranslationService, load_engine, open_cache\n"
        "from qwen_reader.core.translate.gloss import GlossEngine\n"
        "engine = load_engine()\n"
        "assert engine.name.startswith('argos'), engine.name\n"
        "service = TranslationService(engine, open_cache())\n"
        "english = service.translate(['他是阿里巴巴最年轻的技术负责人。', '林俊旸宣布离职。'])\n"
        "assert len(english) == 2\n"
        "assert len(GlossEngine().translate(['林俊旸宣布离职。'])) == 1\n"
        "print(len(names))\n"
        "banned = ('torch', 'stanza', 'spacy', 'argostranslate', 'minisbd', 'onnxruntime')\n"
        "print(','.join(sorted({m.split('.')[0] for m in sys.modules} & set(banned))))\n"
        "print('network attempts:', len(ATTEMPTS))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ}, timeout=300)
    assert out.returncode == 0, out.stderr
    count, banned, network = out.stdout.splitlines()
    assert int(count) > 40  # every module was imported, ui included
    assert (banned, network) == ("", "network attempts: 0")


def test_parity_with_argostranslate(installed_model) -> None:  # type: ignore[no-untyped-def]
    """Each sentence's English equals what argos-translate-lt's own `translate` gives for it alone with the same
    model and its default settings (engines.py says which options those are)."""
    sentences = SENTENCES[:6]
    code = NO_NETWORK + (
        "import json, sys\n"
        "from argostranslate import translate\n"
        "langs = {l.code: l for l in translate.get_installed_languages()}\n"
        "translation = langs['zh'].get_translation(langs['en'])\n"
        "class Whole:\n"
        "    def split_sentences(self, text): return [text]\n"
        "translation.underlying.sentencizer = Whole()  # argos's own splitter would go online\n"
        "sentences = json.loads(sys.stdin.read())\n"
        "print(json.dumps([translation.translate(s) for s in sentences]))\n"
        "assert not ATTEMPTS, ATTEMPTS\n"
    )
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(packages_dir())}
    out = subprocess.run([sys.executable, "-c", code], input=json.dumps(sentences), capture_output=True,
                         text=True, env=env, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    argos = json.loads(out.stdout.strip().splitlines()[-1])
    ours = ArgosEngine(installed_model).translate(sentences)
    assert ours == argos


def test_decoding_settings_follow_argos_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # argos-translate-lt passes no compute_type for its default "auto": CTranslate2 then keeps the saved type.
    monkeypatch.delenv("ARGOS_COMPUTE_TYPE", raising=False)
    monkeypatch.delenv("ARGOS_BEAM_SIZE", raising=False)
    assert engines.compute_type() is None and engines.beam_size() == 4
    monkeypatch.setenv("ARGOS_COMPUTE_TYPE", "auto")
    assert engines.compute_type() is None
    monkeypatch.setenv("ARGOS_COMPUTE_TYPE", "int8")
    monkeypatch.setenv("ARGOS_BEAM_SIZE", "2")
    assert engines.compute_type() == "int8" and engines.beam_size() == 2


def test_long_sentence_is_chunked_into_one_row(installed_model) -> None:  # type: ignore[no-untyped-def]
    engine = ArgosEngine(installed_model)
    long_sentence = "阿里巴巴正式宣布成立新的事业群,林俊旸在社交平台宣布离职," * 40 + "。"
    tokens = engine.tokenize([long_sentence])[0]
    assert len(tokens) > engines.MAX_SOURCE_TOKENS
    assert len(engines._chunks(tokens)) > 1
    assert sum(len(c) for c in engines._chunks(tokens)) == len(tokens)
    english = engine.translate(["短句。", long_sentence, "另一个短句。"])
    assert len(english) == 3 and english[0] == engine.translate(["短句。"])[0]


def test_cache_hit_after_restart(installed_model) -> None:  # type: ignore[no-untyped-def]
    doc = seed("004")
    counting = CountingEngine(ArgosEngine(installed_model))
    first = [r for batch in TranslationService(counting, open_cache()).rows(doc) for r in batch]
    assert counting.sentences == len({t.strip() for _, _, t in translatable(doc)})
    again = CountingEngine(ArgosEngine(installed_model))
    second = [r for batch in TranslationService(again, open_cache()).rows(doc) for r in batch]
    assert again.calls == 0
    assert sorted(second, key=lambda r: (r.paragraph, r.sentence)) == sorted(
        first, key=lambda r: (r.paragraph, r.sentence))


def test_killed_process_keeps_finished_batches(installed_model, _isolated_home: Path) -> None:  # type: ignore[no-untyped-def]
    code = (
        "import os\n"
        "from qwen_reader.core.translate.service import TranslationService, load_engine, open_cache\n"
        "from qwen_reader.core.library import open_corpus\n"
        "doc = open_corpus().find('004')\n"
        "for n, rows in enumerate(TranslationService(load_engine(), open_cache()).rows(doc)):\n"
        "    if n == 2:\n"
        "        os._exit(9)  # killed mid-document\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, HOME_ENV: str(_isolated_home)}, timeout=300)
    assert out.returncode == 9, out.stderr
    cache = open_cache()
    engine = ArgosEngine(installed_model)
    doc = seed("004")
    sources = [t.strip() for _, _, t in translatable(doc)]
    kept = cache.get_many(engine.model_id, sources)
    assert len(kept) >= 2 * 16  # two whole batches committed before the kill
    assert len(kept) < len(set(sources))


def test_corrupt_cache_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "translations.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    cache = TranslationCache(path)
    assert cache.note and "moved aside" in cache.note
    assert (tmp_path / "translations.sqlite3.corrupt").exists()
    cache.put_many("m", [("中", "middle")])
    assert TranslationCache(path).get_many("m", ["中"]) == {"中": "middle"}
    assert TranslationCache(path).note is None
    with sqlite3.connect(path) as db:
        assert db.execute("select count(*) from translations").fetchone()[0] == 1


def test_no_model_means_gloss() -> None:
    engine = load_engine()
    assert isinstance(engine, GlossEngine) and engine.name.startswith("gloss")
    assert gloss("他在银行工作。") == "he · at · bank · to work."


def test_boilerplate_is_never_translated() -> None:
    doc = seed("003")
    paragraphs = doc.paragraphs
    rows = translatable(doc)
    assert all(paragraphs[p].kind.value != "boilerplate" for p, _, _ in rows)
    assert len({p for p, _, _ in rows}) == sum(1 for p in paragraphs if p.kind.value != "boilerplate")
