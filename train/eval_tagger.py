"""Score the exported span tagger on a PolNeAR split with the project's scorer.

    .venv/bin/python train/eval_tagger.py --polnear ../shared/polnear --split dev [--weights DIR] [--json OUT]

Prints exact / begin / overlap precision, recall and F1 per role, the attribution
scores, and the speed (articles per second, tokenization + inference + decoding).
Needs onnxruntime and tokenizers, not torch.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from onrecord.eval.polnear import evaluate
from onrecord.model.tagger import WEIGHTS_DIR, SpanTagger, TaggerExtractor


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--polnear", default="../shared/polnear", type=Path)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--weights", default=WEIGHTS_DIR, type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    tagger = SpanTagger(args.weights, threads=args.threads)
    start = time.time()
    report = evaluate(args.polnear, args.split, TaggerExtractor(tagger), limit=args.limit)
    elapsed = time.time() - start
    scores = report.total.to_dict()
    print(f"{report.articles} articles, {len(report.documents)} documents in {elapsed:.1f}s "
          f"({report.articles / elapsed:.2f} articles/s)")
    print(f"{'':8} {'role':8} {'P':>6} {'R':>6} {'F1':>6}")
    for kind in ("exact", "begin", "overlap"):
        table = scores if kind == "exact" else scores[kind]
        for role in ("source", "cue", "content"):
            s = table[role]
            print(f"{kind:8} {role:8} {s['p']:6.1f} {s['r']:6.1f} {s['f1']:6.1f}")
    for kind, s in scores["attribution"].items():
        print(f"{'attrib':8} {kind:8} {s['p']:6.1f} {s['r']:6.1f} {s['f1']:6.1f}")
    if args.json:
        scores["seconds"] = round(elapsed, 1)
        args.json.write_text(json.dumps(scores, indent=1) + "\n")


if __name__ == "__main__":
    main()
