"""datasketch side of the syndication benchmark.

Reads the stream written by bench.ts (JSON lines: id, original, body), builds MinHash signatures of the
same word shingles (lower-cased token runs, 3 tokens, first 400 shingles) with the same parameters
(num_perm, bands x rows, Jaccard threshold), and for each report in order queries the LSH index, keeps
the best candidate whose estimated Jaccard reaches the threshold, then inserts the report.
Prints one JSON object: timing and the predicted match of every report.
"""
import json
import re
import sys
import time

from datasketch import MinHash, MinHashLSH

# Same token definition as minhash.ts: ASCII letters/digits, or non-ASCII letters outside punctuation blocks.
TOKEN_RE = re.compile(
    "[0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2c00-\u2fff\u3040-\ufe2f\ufe50-\ufefe\uff21-\U0010ffff]+"
)


def shingles(text, k, max_shingles):
    tokens = [t.lower() for t in TOKEN_RE.findall(text)][: max_shingles + k - 1]
    if not tokens:
        return []
    count = max(1, len(tokens) - k + 1)
    return [" ".join(tokens[i : i + k]).encode("utf8") for i in range(count)]


def main():
    path, num_perm, bands, rows, threshold, k, max_shingles = sys.argv[1:8]
    num_perm, bands, rows, k, max_shingles = int(num_perm), int(bands), int(rows), int(k), int(max_shingles)
    threshold = float(threshold)
    with open(path, encoding="utf8") as f:
        docs = [json.loads(line) for line in f if line.strip()]

    start = time.process_time()
    lsh = MinHashLSH(num_perm=num_perm, params=(bands, rows))
    stored = {}
    matches = []
    for d in docs:
        m = MinHash(num_perm=num_perm)
        m.update_batch(shingles(d["body"], k, max_shingles))
        best, best_j = None, 0.0
        for key in lsh.query(m):
            j = m.jaccard(stored[key])
            if j > best_j:
                best, best_j = key, j
        matches.append(best if best_j >= threshold else None)
        if d["id"] not in stored:
            lsh.insert(d["id"], m)
            stored[d["id"]] = m
    seconds = time.process_time() - start
    print(json.dumps({"seconds": seconds, "matches": matches}))


if __name__ == "__main__":
    main()
