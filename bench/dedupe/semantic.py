"""Does a sentence-embedding model separate UCDP same-event headline pairs better than wirewatch's
lexical rewrite score? Reads the pairs (with their lexical scores) that ucdp-pairs.ts writes, embeds
each distinct headline with all-MiniLM-L6-v2 (the quantised ONNX build from Maven Central, see
semantic.sh) and prints ROC AUCs: cosine alone, lexical alone, combinations, and a two-fold
cross-validation by day parity in which a combination's weight is chosen on one half and scored on
the other. Also prints the CPU cost of embedding one headline on one thread.

Usage: python semantic.py PAIRS.jsonl MODEL.onnx TOKENIZER.json
"""
import json
import sys
import time

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

DAY_MS = 86_400_000


def auc(scores, labels):
    """ROC AUC as the Mann-Whitney U statistic, ties counted half."""
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels)
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and s[order[j + 1]] == s[order[i]]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    pos, neg = int((y == 1).sum()), int((y == 0).sum())
    return (ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg)


def main(pairs_path, model_path, tokenizer_path):
    pairs = [json.loads(line) for line in open(pairs_path)]
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(model_path, sess_options=options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(tokenizer_path)
    tokenizer.no_padding()  # one headline at a time: no padding; mean pooling over its own tokens

    def embed(text):
        e = tokenizer.encode(text)
        feed = {name: np.array([values], dtype=np.int64) for name, values in
                (("input_ids", e.ids), ("attention_mask", e.attention_mask), ("token_type_ids", e.type_ids))}
        v = session.run(None, feed)[0][0].mean(axis=0)
        return v / np.linalg.norm(v)

    texts = sorted({p["a"] for p in pairs} | {p["b"] for p in pairs})
    started = time.process_time()
    vectors = {t: embed(t) for t in texts}
    cpu_ms = (time.process_time() - started) * 1000 / len(texts)

    y = np.array([p["label"] for p in pairs])
    lex = np.array([p["lexical"] for p in pairs])
    cos = np.array([float(vectors[p["a"]] @ vectors[p["b"]]) for p in pairs])
    half = np.array([(p["a_at"] // DAY_MS) % 2 for p in pairs])
    weights = [0.1, 0.25, 0.5, 1, 2]
    rows = [("lexical (wirewatch)", auc(lex, y)), ("cosine (MiniLM)", auc(cos, y)),
            ("lexical x cosine", auc(lex * np.clip(cos, 0, None), y))]
    rows += [(f"lexical + {w} x cosine", auc(lex + w * cos, y)) for w in weights]
    print(f"pairs: {int(y.sum())} same event / {int((1 - y).sum())} same day, other event; "
          f"{len(texts)} headlines, {cpu_ms:.1f} ms CPU each (one thread)")
    print("| score | ROC AUC |\n|---|---:|")
    for name, value in rows:
        print(f"| {name} | {value:.3f} |")
    print("\n| chosen on half | weight | AUC on the other half | lexical alone there |\n|---|---:|---:|---:|")
    for train in (0, 1):
        test = 1 - train
        tr, te = half == train, half == test
        best = max(weights, key=lambda w: auc(lex[tr] + w * cos[tr], y[tr]))
        print(f"| {train} | {best} | {auc(lex[te] + best * cos[te], y[te]):.3f} | {auc(lex[te], y[te]):.3f} |")


if __name__ == "__main__":
    main(*sys.argv[1:4])
