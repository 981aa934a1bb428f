"""Build a tiny argos zh->en package at test time: random-weight CTranslate2 transformer, a SentencePiece
model trained on the seeds, metadata.json, zipped as .argosmodel.

It proves the whole path (install, load, batch, cache, UI). Its English is noise: never judge quality by it.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path

import numpy as np

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
D_MODEL, FFN, HEADS, LAYERS, VOCAB = 64, 128, 2, 2, 2000


def _train_sentencepiece(workdir: Path) -> Path:
    import sentencepiece as spm

    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    corpus = workdir / "corpus.txt"
    corpus.write_text(text, encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(workdir / "sentencepiece"), vocab_size=VOCAB,
        character_coverage=0.99, model_type="unigram", minloglevel=2, num_threads=1,
        input_sentence_size=20000, shuffle_input_sentence=False,
    )
    return workdir / "sentencepiece.model"


def _shape(name: str) -> tuple[int, ...] | None:
    if name.endswith(("layer_norm/gamma", "layer_norm/beta")):
        return (D_MODEL,)
    if name.endswith("embeddings_0/weight") or name.endswith("embeddings/weight"):
        return (VOCAB, D_MODEL)
    if name.endswith("projection/weight"):
        return (VOCAB, D_MODEL)
    if "self_attention/linear_0/weight" in name:
        return (3 * D_MODEL, D_MODEL)
    if "/attention/linear_1/weight" in name:
        return (2 * D_MODEL, D_MODEL)
    if name.endswith(("linear_1/weight", "linear_2/weight")) and "attention" in name:
        return (D_MODEL, D_MODEL)
    if "/attention/linear_0/weight" in name:
        return (D_MODEL, D_MODEL)
    if "ffn/linear_0/weight" in name:
        return (FFN, D_MODEL)
    if "ffn/linear_1/weight" in name:
        return (D_MODEL, FFN)
    return None


def _build_model(model_dir: Path, vocabulary: list[str], seed: int = 0, eos_bias: float = 4.0) -> None:
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)
    spec = transformer_spec.TransformerSpec.from_config(LAYERS, HEADS)

    def fill(layer, name, value):  # type: ignore[no-untyped-def]
        if value is None:
            shape = _shape(name)
            if shape is None:
                raise AssertionError(f"no shape known for {name}")
            if name.endswith("gamma"):
                array = np.ones(shape, dtype=np.float32)
            elif name.endswith("beta"):
                array = np.zeros(shape, dtype=np.float32)
            else:
                array = rng.normal(0, 0.2, shape).astype(np.float32)
            setattr(layer, name.split("/")[-1], array)

    spec._visit(fill)
    # A bias towards </s> keeps random outputs short, as a trained model's would be.
    bias = np.zeros((VOCAB,), dtype=np.float32)
    bias[vocabulary.index("</s>")] = eos_bias
    spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization=None)
    spec.save(str(model_dir))


def build_package(out_dir: Path, *, version: str = "0.0.1", from_code: str = "zh", to_code: str = "en",
                  eos_bias: float = 4.0) -> Path:
    """Write a .argosmodel file into out_dir and return its path."""
    import sentencepiece as spm

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sp_path = _train_sentencepiece(work)
        sp = spm.SentencePieceProcessor(model_file=str(sp_path))
        vocabulary = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
        root = work / f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
        (root / "model").mkdir(parents=True)
        _build_model(root / "model", vocabulary, eos_bias=eos_bias)
        (root / "sentencepiece.model").write_bytes(sp_path.read_bytes())
        (root / "metadata.json").write_text(json.dumps({
            "package_version": version, "argos_version": "1.9", "from_code": from_code, "from_name": "Chinese",
            "to_code": to_code, "to_name": "English", "type": "translate",
        }), encoding="utf-8")
        (root / "README.md").write_text("Test fixture: random weights. Its output is noise.", encoding="utf-8")
        out = out_dir / f"{root.name}.argosmodel"
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(root.rglob("*")):
                zf.write(path, path.relative_to(work))
        out.write_bytes(buffer.getvalue())
        return out


if __name__ == "__main__":
    import sys

    print(build_package(Path(sys.argv[1] if len(sys.argv) > 1 else ".")))
