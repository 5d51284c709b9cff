"""A BERT cross-encoder run with numpy alone: the same-fact judge's engine.

The judge (storydiff.compare.same_fact) is all-MiniLM-L6-v2 fine-tuned to read two sentences
at once ("[CLS] a [SEP] b [SEP]") and say how alike their meaning is. Reading the pair together is
what separates "47 were killed" from "47 were injured", which two separate sentence vectors
blur. The default install has no torch, so this module holds what inference needs: BERT's
uncased WordPiece tokenizer and the forward pass (6 layers, 384 wide, 12 heads) in numpy, over
the weights that bench/train_same_fact.py exports (int8 with one scale per row, widened to
float32 on load). tests/test_same_fact.py checks both against transformers where installed.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
MODEL_FILE = HERE / "same_fact_model.npz"
VOCAB_FILE = HERE / "same_fact_vocab.txt"
HEADS = 12  # all-MiniLM-L6-v2; a model file may say otherwise in its meta ("heads")
LAYER_NORM_EPS = 1e-12
MAX_WORD_CHARS = 100  # BERT's rule: a longer "word" is one unknown token


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


class WordPiece:
    """BERT's uncased tokenizer: clean, split CJK characters apart, lowercase and strip accents,
    split at punctuation, then greedy longest-match word pieces ("##" continues a word)."""

    def __init__(self, vocab: Sequence[str]) -> None:
        self.ids = {t: i for i, t in enumerate(vocab)}
        self.unk = self.ids["[UNK]"]
        self.cls, self.sep, self.pad = self.ids["[CLS]"], self.ids["[SEP]"], self.ids["[PAD]"]
        self._cache: dict[str, list[int]] = {}

    def _words(self, text: str) -> list[str]:
        chars = []
        for ch in text:
            cp = ord(ch)
            if cp == 0 or cp == 0xFFFD:
                continue
            cat = unicodedata.category(ch)
            if ch in " \t\n\r" or cat == "Zs":
                chars.append(" ")
            elif cat in ("Cc", "Cf"):
                continue
            elif _is_cjk(cp):
                chars.append(f" {ch} ")
            else:
                chars.append(ch)
        words = []
        for w in "".join(chars).split():
            w = "".join(c for c in unicodedata.normalize("NFD", w.lower()) if unicodedata.category(c) != "Mn")
            start = 0
            for i, c in enumerate(w):
                if _is_punctuation(c):
                    if i > start:
                        words.append(w[start:i])
                    words.append(c)
                    start = i + 1
            if start < len(w):
                words.append(w[start:])
        return words

    def _pieces(self, word: str) -> list[int]:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        out: list[int] = []
        if len(word) > MAX_WORD_CHARS:
            out = [self.unk]
        else:
            start = 0
            while start < len(word):
                end, found = len(word), None
                while start < end:
                    piece = word[start:end] if start == 0 else "##" + word[start:end]
                    found = self.ids.get(piece)
                    if found is not None:
                        break
                    end -= 1
                if found is None:
                    out = [self.unk]
                    break
                out.append(found)
                start = end
        if len(self._cache) < 200_000:
            self._cache[word] = out
        return out

    def encode(self, text: str) -> list[int]:
        return [i for w in self._words(text) for i in self._pieces(w)]

    def encode_pair(self, a: str, b: str, max_len: int) -> tuple[list[int], list[int]]:
        """Token ids and segment ids of "[CLS] a [SEP] b [SEP]", the longer side cut first to fit."""
        ta, tb = self.encode(a), self.encode(b)
        room = max_len - 3
        while len(ta) + len(tb) > room:
            if len(ta) > len(tb):
                ta.pop()
            else:
                tb.pop()
        ids = [self.cls, *ta, self.sep, *tb, self.sep]
        return ids, [0] * (len(ta) + 2) + [1] * (len(tb) + 1)


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + LAYER_NORM_EPS) * g + b  # float32 throughout: eps is a Python float


_GELU_C = math.sqrt(2.0 / math.pi)


def _gelu(x: np.ndarray) -> np.ndarray:
    # the tanh form of BERT's GELU: within 5e-4 of the erf form and 2.5x faster in numpy
    return 0.5 * x * (1.0 + np.tanh(_GELU_C * (x + 0.044715 * x * x * x)))


class CrossEncoder:
    """The fine-tuned MiniLM pair model: ``probabilities(pairs)`` -> one score in (0, 1) per pair."""

    def __init__(self, model_file: Path = MODEL_FILE, vocab_file: Path = VOCAB_FILE) -> None:
        w, self.meta = read_weights(model_file)
        self.max_len = int(self.meta.get("max_len", 128))
        self.heads = int(self.meta.get("heads", HEADS))
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.segment = w["embeddings.token_type_embeddings.weight"]
        self.emb_norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        k = 0
        while f"encoder.layer.{k}.attention.self.query.weight" in w:
            p = f"encoder.layer.{k}."
            # q, k and v in one matrix: one matmul instead of three; weights kept as (in, out)
            qkv = np.concatenate([w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]).T
            qkv_b = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
            self.layers.append((
                np.ascontiguousarray(qkv), qkv_b,
                np.ascontiguousarray(w[p + "attention.output.dense.weight"].T), w[p + "attention.output.dense.bias"],
                (w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
                np.ascontiguousarray(w[p + "intermediate.dense.weight"].T), w[p + "intermediate.dense.bias"],
                np.ascontiguousarray(w[p + "output.dense.weight"].T), w[p + "output.dense.bias"],
                (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
            ))
            k += 1
        # the output units over the pooled vector, as columns: "head" (the paraphrase logit) and,
        # in a model trained with a second unit, "sts_head" (the graded STS-score logit)
        self.units = [u for u in ("head", "sts_head") if u + ".weight" in w]
        self.unit_w = np.stack([w[u + ".weight"].reshape(-1) for u in self.units], axis=1)
        self.unit_b = np.array([float(w[u + ".bias"].reshape(-1)[0]) for u in self.units], dtype=np.float32)
        self.tokenizer = WordPiece(vocab_file.read_text(encoding="utf-8").splitlines())

    def _forward(self, ids: np.ndarray, segments: np.ndarray, mask: np.ndarray) -> np.ndarray:
        n, length = ids.shape
        x = self.word[ids] + self.position[:length][None] + self.segment[segments]
        x = _layer_norm(x, *self.emb_norm)
        bias = np.where(mask, 0.0, -1e9).astype(np.float32)[:, None, None, :]
        hidden = x.shape[-1]
        heads = self.heads
        dh = hidden // heads
        for qkv, qkv_b, o_w, o_b, norm1, i_w, i_b, f_w, f_b, norm2 in self.layers:
            h = x @ qkv + qkv_b
            h = h.reshape(n, length, 3, heads, dh).transpose(2, 0, 3, 1, 4)  # (3, n, heads, len, dh)
            att = h[0] @ h[1].transpose(0, 1, 3, 2) * (1.0 / math.sqrt(dh)) + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ h[2]).transpose(0, 2, 1, 3).reshape(n, length, hidden)
            x = _layer_norm(x + ctx @ o_w + o_b, *norm1)
            x = _layer_norm(x + _gelu(x @ i_w + i_b) @ f_w + f_b, *norm2)
        m = mask[..., None].astype(np.float32)
        pooled = (x * m).sum(1) / np.maximum(m.sum(1), 1.0)
        return pooled @ self.unit_w + self.unit_b

    def logits(self, pairs: Sequence[tuple[str, str]], batch: int = 32) -> np.ndarray:
        """The paraphrase logit per (a, b) pair (the first unit)."""
        return self.unit_logits(pairs, batch)[:, 0]

    def unit_logits(self, pairs: Sequence[tuple[str, str]], batch: int = 32) -> np.ndarray:
        """(n, len(self.units)) logits, one row per (a, b) pair, one column per output unit. Pairs
        are run in batches of similar length (less padding)."""
        encoded = [self.tokenizer.encode_pair(a, b, self.max_len) for a, b in pairs]
        out = np.zeros((len(encoded), len(self.units)), dtype=np.float32)
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]))
        for k in range(0, len(order), batch):
            chunk = order[k : k + batch]
            length = max(len(encoded[i][0]) for i in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            seg = np.zeros_like(ids)
            mask = np.zeros((len(chunk), length), dtype=bool)
            for r, i in enumerate(chunk):
                t, s = encoded[i]
                ids[r, : len(t)] = t
                seg[r, : len(s)] = s
                mask[r, : len(t)] = True
            out[chunk] = self._forward(ids, seg, mask)
        return out

    def probabilities(self, pairs: Sequence[tuple[str, str]], batch: int = 32) -> np.ndarray:
        """The paraphrase probability per pair."""
        return 1.0 / (1.0 + np.exp(-self.logits(pairs, batch)))


def read_weights(model_file: Path) -> tuple[dict[str, np.ndarray], dict]:
    """A model file's weights as float32 (int8 rows times their scales) and its meta."""
    with np.load(model_file) as z:
        raw = {k: z[k] for k in z.files}
    meta = json.loads(str(raw.pop("meta")))
    w: dict[str, np.ndarray] = {}
    for k, v in raw.items():
        if k.endswith(":scale"):
            continue
        if k.endswith(":q"):
            name = k[:-2]
            w[name] = v.astype(np.float32) * raw[name + ":scale"][:, None]
        else:
            w[k] = v.astype(np.float32)
    return w, meta


def quantize_rows(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 with one scale per row (one output unit of a linear layer, or one token of
    the embedding matrix)."""
    w = w.astype(np.float32)
    scale = np.abs(w).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.round(w / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


def write_model(state: dict[str, np.ndarray], meta: dict, path: Path, quantize: bool = True) -> None:
    """Write a trained cross-encoder's weights (names as in transformers' BertModel, without the
    "bert." prefix, plus "head.weight" / "head.bias") as this engine's npz: 2-D weights int8 with
    row scales (``quantize``) or float16, the rest float16."""
    arrays: dict[str, np.ndarray] = {}
    for name, w in state.items():
        if name.endswith("position_ids"):
            continue
        w = np.asarray(w, dtype=np.float32)
        if quantize and w.ndim == 2 and w.shape[0] * w.shape[1] >= 4096:
            arrays[name + ":q"], arrays[name + ":scale"] = quantize_rows(w)
        else:
            arrays[name] = w.astype(np.float16)
    arrays["meta"] = np.array(json.dumps(meta))
    np.savez_compressed(path, **arrays)
