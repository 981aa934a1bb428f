"""Find, validate and install argos zh->en packages from files. Never opens a connection (remote.py does)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from qwen_reader.core.errors import ReaderError
from qwen_reader.core.store.paths import HOME_ENV

SOURCE_CODES = ("zh", "zt", "zh-Hans", "zh-Hant", "zh_CN", "zh_TW")


class PackageError(ReaderError):
    """A package file that cannot be installed, with the reason."""


@dataclass(frozen=True)
class InstalledModel:
    name: str
    version: str
    path: Path
    from_code: str
    to_code: str

    @property
    def size(self) -> int:
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())

    @property
    def model_id(self) -> str:
        return f"argos:{self.name}@{self.version}"


def packages_dir() -> Path:
    """Where packages are installed: $ARGOS_PACKAGES_DIR, else beside our own state when QWEN_READER_HOME
    is set (tests), else argos's own default, so packages installed by argos itself are found too."""
    if os.environ.get("ARGOS_PACKAGES_DIR"):
        return Path(os.environ["ARGOS_PACKAGES_DIR"])
    if os.environ.get(HOME_ENV):
        return Path(os.environ[HOME_ENV]) / "argos-packages"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "argos-translate" / "packages"


def _read_metadata(root: Path) -> dict[str, object]:
    try:
        data = json.loads((root / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PackageError(f"metadata.json is missing or unreadable ({exc})") from exc
    if not isinstance(data, dict):
        raise PackageError("metadata.json is not an object")
    return data


def validate(root: Path) -> InstalledModel:
    """Check an unpacked package: zh->en metadata, a CTranslate2 model, a SentencePiece tokenizer."""
    meta = _read_metadata(root)
    from_code, to_code = str(meta.get("from_code", "")), str(meta.get("to_code", ""))
    if from_code not in SOURCE_CODES or to_code != "en":
        raise PackageError(f"this package translates {from_code or '?'} -> {to_code or '?'}, not Chinese -> English")
    if str(meta.get("type", "translate")) != "translate":
        raise PackageError(f"this is a {meta.get('type')} package, not a translation package")
    if not (root / "model" / "model.bin").is_file():
        raise PackageError("no CTranslate2 model (model/model.bin) in the package")
    if not (root / "sentencepiece.model").is_file():
        raise PackageError("no sentencepiece.model in the package (BPE packages are not supported)")
    try:
        import ctranslate2
        import sentencepiece

        ctranslate2.Translator(str(root / "model"), device="cpu")
        sentencepiece.SentencePieceProcessor(model_file=str(root / "sentencepiece.model"))
    except Exception as exc:
        raise PackageError(f"the model does not load: {exc}") from exc
    return InstalledModel(root.name, str(meta.get("package_version", "0")), root, from_code, to_code)


def installed_models() -> list[InstalledModel]:
    """Valid zh->en packages in the packages folder (newest version first). Invalid folders are skipped."""
    folder = packages_dir()
    found: list[InstalledModel] = []
    if folder.is_dir():
        for root in sorted(folder.iterdir()):
            if not root.is_dir() or root.name.startswith("."):
                continue
            try:
                meta = _read_metadata(root)
            except PackageError:
                continue
            if meta.get("from_code") in SOURCE_CODES and meta.get("to_code") == "en" and \
                    (root / "model" / "model.bin").is_file() and (root / "sentencepiece.model").is_file():
                found.append(InstalledModel(root.name, str(meta.get("package_version", "0")), root,
                                            str(meta.get("from_code")), "en"))
    return sorted(found, key=lambda m: _version_key(m.version), reverse=True)


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in version.replace("-", ".").split("."))


def install_from_file(path: Path) -> InstalledModel:
    """Unpack into a temporary folder beside the packages, validate, then move into place in one rename:
    a bad file leaves nothing behind."""
    if not path.is_file():
        raise PackageError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise PackageError(f"{path.name} is not an argos package (not a zip archive)")
    target_dir = packages_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=target_dir))
    try:
        with zipfile.ZipFile(path) as zf:
            for member in zf.namelist():
                # Refuse absolute paths and .. : a package must unpack inside its own folder.
                if member.startswith("/") or ".." in Path(member).parts:
                    raise PackageError(f"unsafe path in archive: {member}")
            zf.extractall(staging)
        roots = [p for p in staging.iterdir() if p.is_dir()]
        if len(roots) != 1:
            raise PackageError("an argos package holds exactly one top-level folder")
        model = validate(roots[0])
        final = target_dir / roots[0].name
        # Replacing a version: the old folder steps aside first, so a reader never finds half of either.
        old = Path(tempfile.mkdtemp(prefix=".replaced-", dir=target_dir)) / "old" if final.exists() else None
        if old is not None:
            final.rename(old)
        roots[0].rename(final)
        if old is not None:
            shutil.rmtree(old.parent, ignore_errors=True)
        return InstalledModel(model.name, model.version, final, model.from_code, model.to_code)
    except zipfile.BadZipFile as exc:
        raise PackageError(f"{path.name} is a damaged zip archive ({exc})") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)

