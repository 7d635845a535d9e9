#!/usr/bin/env python3
"""Side by side: gold events and newsgraph's events per passage (DEV SET ONLY: do not use on holdout).

tools/events_diff.py tests/data/events_dev.jsonl target/events-dev.jsonl [ID...]
"""
import json, sys
gold = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
pred = {r['doc_id']: r for r in (json.loads(l) for l in open(sys.argv[2], encoding='utf-8') if l.strip())}
only = set(sys.argv[3:])
def gname(e): return e['name'] if e else None
for g in gold:
    if only and g['id'] not in only: continue
    r = pred.get(g['id'], {'events': [], 'entities': {}})
    names = {k: v['name'] for k, v in r.get('entities', {}).items()}
    ge = sorted(((e['type'], tuple(sorted(gname(p) for p in e['participants'])), gname(e['place']), e['date'], e['status']) for e in g['events']), key=str)
    pe = sorted(((e['type'], tuple(sorted(names.get(p, p) for p in e['participants'])), names.get(e['place'], e['place']), e['date'], e['status']) for e in r['events']), key=str)
    print(f"=== {g['id']} ({g['date']})\n{g['text']}")
    for e in ge: print('  GOLD', e)
    for e in pe: print('  PRED', e)
