#!/usr/bin/env python3
"""List false negatives and false positives of one entity type, with context.

For tuning on NEREL *train* only:  tools/nerel_errors.py GOLD_DIR PRED_DIR TYPE [--fp|--fn] [--limit N]
"""
import argparse, collections, os, re

def read_ann(path):
    ents = {}
    if not os.path.exists(path):
        return ents
    for line in open(path, encoding='utf-8'):
        if line.startswith('T'):
            tid, mid, surf = line.rstrip('\n').split('\t')
            kind, offs = mid.split(' ', 1)
            if ';' in offs:
                continue
            s, e = map(int, offs.split())
            ents[(kind, s, e)] = surf
    return ents

ap = argparse.ArgumentParser()
ap.add_argument('gold'); ap.add_argument('pred'); ap.add_argument('type')
ap.add_argument('--fp', action='store_true'); ap.add_argument('--fn', action='store_true')
ap.add_argument('--limit', type=int, default=60); ap.add_argument('--counts', action='store_true')
a = ap.parse_args()
fps, fns = [], []
for name in sorted(os.listdir(a.gold)):
    if not name.endswith('.ann'):
        continue
    text = open(os.path.join(a.gold, name[:-4] + '.txt'), encoding='utf-8').read()
    g = read_ann(os.path.join(a.gold, name)); p = read_ann(os.path.join(a.pred, name))
    gs = {k for k in g if k[0] == a.type}; ps = {k for k in p if k[0] == a.type}
    ctx = lambda s, e: (text[max(0, s-40):s] + '[' + text[s:e] + ']' + text[e:e+40]).replace('\n', ' ')
    other = lambda k, d: [kk[0] for kk in d if kk[1] == k[1] and kk[2] == k[2] and kk[0] != a.type]
    for k in sorted(gs - ps):
        overlap = [f"{pp[0]}:{text[pp[1]:pp[2]]}" for pp in p if pp[1] < k[2] and pp[2] > k[1]]
        fns.append((text[k[1]:k[2]], name, ctx(k[1], k[2]), overlap))
    for k in sorted(ps - gs):
        overlap = [f"{gg[0]}:{text[gg[1]:gg[2]]}" for gg in g if gg[1] < k[2] and gg[2] > k[1]]
        fps.append((text[k[1]:k[2]], name, ctx(k[1], k[2]), overlap))
show_fp = a.fp or not a.fn
show_fn = a.fn or not a.fp
if a.counts:
    if show_fn: print('FN', collections.Counter(x[0] for x in fns).most_common(a.limit))
    if show_fp: print('FP', collections.Counter(x[0] for x in fps).most_common(a.limit))
else:
    if show_fn:
        print(f'== {len(fns)} false negatives')
        for x in fns[:a.limit]: print('FN', x[1], x[2], x[3])
    if show_fp:
        print(f'== {len(fps)} false positives')
        for x in fps[:a.limit]: print('FP', x[1], x[2], x[3])
