from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from qwen_reader.core.entities.model import Candidate
from qwen_reader.core.entities.recognize import ALL_SOURCES, recognize_texts
from qwen_reader.core.store.paths import HOME_ENV
from qwen_reader.core.text.load import load_text
from qwen_reader.core.text.model import Document
from qwen_reader.core.text.structure import build_document

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user-state folder; nothing touches the real home directory."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv(HOME_ENV, str(home))
    # Models come only from the test's own folder, never from a developer's argos setup.
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    return home


_SEED_CACHE: dict[str, Document] = {}


def tagged_doc(texts: list[str], sources: frozenset[str] = ALL_SOURCES) -> list[tuple[str, str]]:
    """Every paragraph's entity mentions of one document, as (text, kind), dates and figures left out."""
    found: list[list[Candidate]] = recognize_texts(texts, sources)
    return [(t[c.start:c.end], str(c.kind)) for cs, t in zip(found, texts, strict=True) for c in cs
            if c.kind not in ("date", "figure")]


def tagged(text: str, sources: frozenset[str] = ALL_SOURCES) -> list[tuple[str, str]]:
    return tagged_doc([text], sources)


def seed(prefix: str) -> Document:
    """A bundled seed, cleaned and structured (memoised: documents are immutable)."""
    if prefix not in _SEED_CACHE:
        path = next(SEEDS.glob(f"{prefix}*.txt"))
        _SEED_CACHE[prefix] = build_document(path.stem, path, load_text(path), path.stat().st_size)
    return _SEED_CACHE[prefix]


def texts(doc: Document, kind: str | None = None) -> list[str]:
    return [p.text for p in doc.paragraphs if kind is None or p.kind.value == kind]


@pytest.fixture(scope="session")
def argos_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny random-weight zh->en package, built once per test session (see fixture_model.py)."""
    from fixture_model import build_package

    return build_package(tmp_path_factory.mktemp("argos-build"))


@pytest.fixture
def installed_model(argos_package: Path, _isolated_home: Path):  # type: ignore[no-untyped-def]
    from qwen_reader.core.translate.packages import install_from_file

    return install_from_file(argos_package)


async def wait_for(pilot, condition, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until `condition()` holds (instead of sleeping a guessed time)."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await pilot.pause()
        try:
            if condition():
                return
        except Exception:  # the screen may still be changing under the condition
            pass
        await pilot.pause(0.02)
    raise AssertionError("condition not met in time")


async def settle(pilot, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until the reading screen has started translating, every worker has finished, and the layout is
    whole: what a reader sees a moment after opening, without racing the background work."""
    import time

    from qwen_reader.ui.screens.reader import ReadingScreen
    from qwen_reader.ui.widgets.aligned_view import AlignedView

    app = pilot.app
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await pilot.pause(0.05)
        screen = app.screen
        if not isinstance(screen, ReadingScreen):
            continue
        view = screen.query_one(AlignedView)
        busy = [w for w in app.workers if not w.is_finished]
        if screen.engine_name != "starting…" and not busy and not screen.translating \
                and view.layout_model is not None and view.layout_model.complete:
            await pilot.pause()
            return
    raise AssertionError("the reading screen did not settle")


# -- no silent skips ---------------------------------------------------------------------------------------
# A skip is allowed only when its reason starts with "on purpose:"; under CI (CI=true) any other skip fails
# the run, and every skip is listed either way.
_SKIPS: list[tuple[str, str]] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        _SKIPS.append((report.nodeid, reason.removeprefix("Skipped: ")))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    import os

    unexpected = [(n, r) for n, r in _SKIPS if not r.startswith("on purpose:")]
    if unexpected and os.environ.get("CI") == "true" and exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    if _SKIPS:
        terminalreporter.section("skips")
        for nodeid, reason in _SKIPS:
            mark = "allowed" if reason.startswith("on purpose:") else "NOT ALLOWED under CI"
            terminalreporter.write_line(f"{mark}: {nodeid}: {reason}")


async def open_seed(pilot, app, prefix: str):  # type: ignore[no-untyped-def]
    """Open the document whose id starts with `prefix` and wait until its columns are laid out."""
    from qwen_reader.ui.screens.reader import ReadingScreen

    doc = next(d for d in app.corpus.documents if d.id.startswith(prefix))
    app.open_document(doc.id)
    await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen) and app.screen.document.id == doc.id
                   and app.screen.view.layout_model is not None)
    return app.screen


@asynccontextmanager
async def reading(corpus, prefix: str, size: tuple[int, int] = (160, 45), *, settled: bool = False):  # type: ignore[no-untyped-def]
    """The one setup of every Pilot test of the reader: an app on `corpus`, a terminal of `size`, the
    document `prefix` open (and, if `settled`, its English arrived and its layout whole)."""
    from qwen_reader.ui.app import ReaderApp

    app = ReaderApp(corpus)
    async with app.run_test(size=size) as pilot:
        screen = await open_seed(pilot, app, prefix)
        if settled:
            await settle(pilot)
        yield app, pilot, screen


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    """The bundled seeds, cleaned (shared by a module's Pilot tests: documents are immutable)."""
    from qwen_reader.core.library import open_corpus

    return open_corpus(use_cache=False)
