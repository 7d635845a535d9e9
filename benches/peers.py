#!/usr/bin/env python3
"""Python peers for benches/throughput.sh: the same JSONL corpus through natasha, flashtext or pyahocorasick.

    peers.py natasha     CORPUS [--max-mb N]
    peers.py flashtext   CORPUS --patterns FILE
    peers.py ahocorasick CORPUS --patterns FILE

Reads the JSONL (one `{"id", "text", ...}` per line), parses each line and runs
the tool on `text`. Prints one JSON object on stdout: docs, bytes (JSONL bytes
of the lines processed, newline included, as newsgraph's MB/s counts them),
load_s (imports, models, automaton), proc_s (the loop over the documents) and
a count of what was found, so that the work cannot be optimised away.

natasha: Segmenter + NewsMorphTagger + NewsNERTagger (the full NER pipeline;
span normalisation left out). Models ship inside the natasha/slovnet/navec
packages: nothing is downloaded. flashtext: KeywordProcessor, case-sensitive,
Cyrillic letters made word characters (by default flashtext treats them as
boundaries). pyahocorasick: an Automaton over the same names, `iter()` over
each text (all matches, no word boundaries).
"""

from __future__ import annotations

import argparse
import json
import sys
import time


def read_docs(path: str, max_bytes: int | None):
    docs, total = [], 0
    with open(path, "rb") as f:
        for raw in f:
            if not raw.strip():
                continue
            if max_bytes is not None and total >= max_bytes:
                break
            total += len(raw)
            docs.append(raw)
    return docs, total


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("tool", choices=["natasha", "flashtext", "ahocorasick"])
    ap.add_argument("corpus")
    ap.add_argument("--patterns")
    ap.add_argument("--max-mb", type=float, default=0, help="process only the first N MB of lines (0 = all)")
    args = ap.parse_args()

    lines, nbytes = read_docs(args.corpus, int(args.max_mb * 1_000_000) if args.max_mb else None)
    t0 = time.perf_counter()
    found = 0
    if args.tool == "natasha":
        from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

        seg = Segmenter()
        emb = NewsEmbedding()
        morph = NewsMorphTagger(emb)
        ner = NewsNERTagger(emb)
        t1 = time.perf_counter()
        for raw in lines:
            doc = Doc(json.loads(raw)["text"])
            doc.segment(seg)
            doc.tag_morph(morph)
            doc.tag_ner(ner)
            found += len(doc.spans)
    else:
        with open(args.patterns, encoding="utf-8") as f:
            names = [l.rstrip("\n") for l in f if l.strip()]
        if args.tool == "flashtext":
            from flashtext import KeywordProcessor

            kp = KeywordProcessor(case_sensitive=True)
            cyr = "".join(chr(c) for c in range(ord("А"), ord("я") + 1)) + "Ёё"
            kp.set_non_word_boundaries(set(kp.non_word_boundaries) | set(cyr))
            for n in names:
                kp.add_keyword(n)
            t1 = time.perf_counter()
            for raw in lines:
                found += len(kp.extract_keywords(json.loads(raw)["text"]))
        else:
            import ahocorasick

            a = ahocorasick.Automaton()
            for i, n in enumerate(names):
                a.add_word(n, i)
            a.make_automaton()
            t1 = time.perf_counter()
            for raw in lines:
                for _ in a.iter(json.loads(raw)["text"]):
                    found += 1
    t2 = time.perf_counter()
    print(json.dumps({"tool": args.tool, "docs": len(lines), "bytes": nbytes, "load_s": t1 - t0, "proc_s": t2 - t1, "found": found}))


if __name__ == "__main__":
    sys.exit(main())
