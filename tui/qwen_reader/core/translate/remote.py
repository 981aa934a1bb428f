"""Install the zh->en package named by argos's package index: the only code here that opens a connection.

Download to a temporary file beside the packages folder, verify it (a whole zip, a readable metadata.json for
zh -> en, the checksum where the index gives one), then install it as a file (unpack into a temporary folder,
validate, one rename). Cancelled (the `cancel` event, Ctrl-C) or cut off, it leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import tempfile
import threading
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from qwen_reader.core.errors import ReaderError
from qwen_reader.core.translate.packages import (
    SOURCE_CODES,
    InstalledModel,
    PackageError,
    install_from_file,
    packages_dir,
)

# The index argos itself reads (argostranslate.settings.remote_package_index).
DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
INDEX_ENV = "QWEN_READER_MODEL_INDEX"  # a full URL of an index.json; tests point it at 127.0.0.1
FILE_HINT = "qwen-reader model install --file PATH.argosmodel"
CHUNK = 1 << 16
_NETWORK_ERRORS = (urllib.error.URLError, OSError, http.client.HTTPException)

# done bytes, total bytes (0 when the server does not say)
Progress = Callable[[int, int], None]


class OfflineError(PackageError):
    """The index cannot be reached: no network, or it refused us."""


class InstallCancelled(ReaderError):
    """The install was stopped on request; nothing was installed."""


@dataclass(frozen=True)
class IndexEntry:
    name: str
    version: str
    from_code: str
    to_code: str
    links: tuple[str, ...]
    sha256: str | None

    @property
    def label(self) -> str:
        return f"{self.name} (version {self.version})"


def index_url() -> str:
    """$QWEN_READER_MODEL_INDEX, else argos's own $ARGOS_PACKAGE_INDEX (a folder URL), else argos's default."""
    if os.environ.get(INDEX_ENV):
        return os.environ[INDEX_ENV]
    if os.environ.get("ARGOS_PACKAGE_INDEX"):
        return os.environ["ARGOS_PACKAGE_INDEX"].rstrip("/") + "/index.json"
    return DEFAULT_INDEX


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in version.replace("-", ".").split("."))


def _sha256(entry: dict[str, object]) -> str | None:
    """The index's checksum, where it gives one: `sha256` or `checksum` ("sha256:HEX" or 64 hex digits)."""
    for key in ("sha256", "checksum"):
        value = entry.get(key)
        if isinstance(value, str) and value:
            value = value.strip().lower().removeprefix("sha256:")
            if len(value) == 64 and all(c in "0123456789abcdef" for c in value):
                return value
    return None


def choose(index: object) -> IndexEntry:
    """The newest zh->en translation package the index lists (plain `zh` first)."""
    if not isinstance(index, list):
        raise PackageError("the package index is not a list of packages")
    found: list[IndexEntry] = []
    for item in index:
        if not isinstance(item, dict) or item.get("type", "translate") != "translate":
            continue
        links = tuple(str(u) for u in item.get("links") or () if str(u).startswith(("http://", "https://")))
        if item.get("from_code") in SOURCE_CODES and item.get("to_code") == "en" and links:
            version = str(item.get("package_version", "0"))
            name = f"translate-{item['from_code']}_en-{version.replace('.', '_')}"
            found.append(IndexEntry(name, version, str(item["from_code"]), "en", links, _sha256(item)))
    if not found:
        raise PackageError(f"the package index lists no Chinese -> English package; {FILE_HINT}")
    return max(found, key=lambda e: (e.from_code == "zh", _version_key(e.version)))


def fetch_index(url: str | None = None) -> IndexEntry:
    url = url or index_url()
    try:
        request = urllib.request.Request(url, headers={"User-Agent": "qwen-reader"})
        with urllib.request.urlopen(request, timeout=20) as response:
            index = json.loads(response.read())
    except _NETWORK_ERRORS as exc:
        raise OfflineError(f"offline: cannot reach the model index at {url} ({_reason(exc)}); "
                           f"install from a downloaded file: {FILE_HINT}") from exc
    except ValueError as exc:
        raise PackageError(f"the model index at {url} is not JSON ({exc})") from exc
    return choose(index)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, http.client.IncompleteRead):
        return f"the connection closed {exc.expected} bytes short"
    reason = getattr(exc, "reason", None) or exc
    return " ".join(str(reason).split()) or type(exc).__name__


def download(entry: IndexEntry, out: Path, progress: Progress | None = None,
             cancel: threading.Event | None = None) -> None:
    """Fetch the package into `out` from the first link that works, checking length and checksum."""
    errors: list[str] = []
    for link in entry.links:
        if cancel is not None and cancel.is_set():
            raise InstallCancelled("install cancelled: nothing was installed")
        try:
            _fetch(link, out, entry.sha256, progress, cancel)
            return
        except _NETWORK_ERRORS as exc:
            errors.append(f"{link}: {_reason(exc)}")
    raise PackageError(f"download failed ({'; '.join(errors)}); nothing was installed. Retry, or install "
                       f"from a downloaded file: {FILE_HINT}")


def _fetch(url: str, out: Path, sha256: str | None, progress: Progress | None,
           cancel: threading.Event | None) -> None:
    digest = hashlib.sha256()
    request = urllib.request.Request(url, headers={"User-Agent": "qwen-reader"})
    with urllib.request.urlopen(request, timeout=30) as response, open(out, "wb") as fh:
        total = int(response.headers.get("Content-Length") or 0)
        done = 0
        if progress is not None:
            progress(0, total)
        while chunk := response.read(CHUNK):
            if cancel is not None and cancel.is_set():
                raise InstallCancelled("install cancelled: nothing was installed")
            fh.write(chunk)
            digest.update(chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, total)
    if total and done != total:
        raise ConnectionError(f"the connection closed after {done / 1e6:.1f} of {total / 1e6:.1f} MB")
    if sha256 is not None and digest.hexdigest() != sha256:
        raise PackageError(f"the download's checksum does not match the index (sha256 {digest.hexdigest()[:12]}… "
                           f"!= {sha256[:12]}…); nothing was installed")


def verify(path: Path, entry: IndexEntry | None = None) -> dict[str, object]:
    """Before unpacking: a whole zip archive whose metadata.json reads and says Chinese -> English."""
    if not zipfile.is_zipfile(path):
        raise PackageError("the download is not a zip archive (not an argos package); nothing was installed")
    try:
        with zipfile.ZipFile(path) as zf:
            broken = zf.testzip()
            if broken is not None:
                raise PackageError(f"the download is damaged ({broken} fails its CRC); nothing was installed")
            names = [n for n in zf.namelist() if n.count("/") == 1 and n.endswith("/metadata.json")]
            if len(names) != 1:
                raise PackageError("the download has no metadata.json in one top-level folder; nothing was installed")
            meta = json.loads(zf.read(names[0]))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise PackageError(f"the download is unreadable ({exc}); nothing was installed") from exc
    if not isinstance(meta, dict):
        raise PackageError("the download's metadata.json is not an object; nothing was installed")
    if meta.get("from_code") not in SOURCE_CODES or meta.get("to_code") != "en":
        raise PackageError(f"the download translates {meta.get('from_code')} -> {meta.get('to_code')}, not "
                           "Chinese -> English; nothing was installed")
    if entry is not None and str(meta.get("from_code")) != entry.from_code:
        raise PackageError("the download is not the package the index names; nothing was installed")
    return meta


def install_from_index(progress: Progress | None = None, cancel: threading.Event | None = None, *,
                       url: str | None = None, on_entry: Callable[[IndexEntry], None] | None = None
                       ) -> InstalledModel:
    """Look the zh->en package up in the index, download, verify, install. `on_entry` hears which package
    was chosen before the download starts; `cancel` stops it between chunks."""
    entry = fetch_index(url)
    if on_entry is not None:
        on_entry(entry)
    parent = packages_dir().parent
    parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".qwen-reader-download-", suffix=".argosmodel.part", dir=parent)
    os.close(handle)
    part = Path(name)
    try:
        download(entry, part, progress, cancel)
        verify(part, entry)
        if cancel is not None and cancel.is_set():
            raise InstallCancelled("install cancelled: nothing was installed")
        return install_from_file(part)
    finally:
        part.unlink(missing_ok=True)


def leftovers() -> list[Path]:
    """Temporary files or folders an install could leave (none, if it cleaned up): for `model status` and tests."""
    folder = packages_dir()
    found = list(folder.parent.glob(".qwen-reader-download-*")) if folder.parent.is_dir() else []
    if folder.is_dir():
        found += [p for p in folder.iterdir() if p.name.startswith((".installing-", ".replaced-"))]
    return found


def progress_line(done: int, total: int, elapsed: float, width: int = 24) -> str:
    """`[######------------------]  12.3 / 45.6 MB   27%  3.2 MB/s  0:10 left`; width 0: no bar; no total: size,
    speed."""
    speed = done / elapsed if elapsed > 0 else 0.0
    rate = f"{speed / 1e6:.1f} MB/s"
    if not total:
        return f"{done / 1e6:.1f} MB  {rate}"
    filled = min(width, done * width // total)
    left = (total - done) / speed if speed > 0 else None
    eta = "--:-- left" if left is None else f"{int(left) // 60}:{int(left) % 60:02d} left"
    bar = f"[{'#' * filled}{'-' * (width - filled)}]  " if width else ""
    return f"{bar}{done / 1e6:.1f} / {total / 1e6:.1f} MB  {done * 100 // total:3d}%  {rate}  {eta}"
