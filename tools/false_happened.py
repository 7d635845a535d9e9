#!/usr/bin/env python3
"""List predicted 'happened' events that the gold set says did not happen (DEV SET ONLY)."""
import json, sys
gold = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
pred = {r['doc_id']: r for r in (json.loads(l) for l in open(sys.argv[2], encoding='utf-8') if l.strip())}
def key(ent, names):
    return ent
for g in gold:
    r = pred.get(g['id'])
    if not r: continue
    names = {k: (v.get('wikidata') or v['name'].lower()) for k, v in r['entities'].items()}
    for e in r['events']:
        if e['status'] != 'happened': continue
        ps = sorted(names[p] for p in e['participants'])
        rel = lambda t: 'MEETING' if t == 'TALKS' else t
        same = [ge for ge in g['events'] if rel(ge['type']) == rel(e['type'])
                and sorted((p.get('wikidata') or p['name'].lower()) for p in ge['participants']) == ps]
        bad = not g['events'] or (any(ge['status'] != 'happened' for ge in same)
                                  and not any(ge['status'] == 'happened' for ge in same))
        if bad:
            print(g['id'], e['type'], ps, e['trigger']['text'], '|', e['evidence'][0]['text'][:150])
