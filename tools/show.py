#!/usr/bin/env python3
"""Render newsgraph JSONL records as readable lines (for eyeballing, not for tests)."""
import json, sys
for line in (open(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] != '-' else sys.stdin):
    r = json.loads(line)
    print(f"# {r['doc_id']} date={r['date']} ({r['date_source']}) error={r['error']}")
    for m in r['mentions']:
        print(f"  {m['type']:<12} {m['start']:>5}..{m['end']:<5} {m['text']!r:<40} -> {m['entity']} {m['name']} [{m['via']}]")
    for d in r['dates']:
        print(f"  DATE {d['start']}..{d['end']} {d['text']!r} = {d['value']}")
    names = {k: v['name'] for k, v in r['entities'].items()}
    for e in r['events']:
        ps = ', '.join(names.get(p, p) for p in e['participants'])
        print(f"  EVENT {e['type']} [{ps}] place={names.get(e['place'], e['place'])} date={e['date']} {e['status']} conf={e['confidence']} trigger={e['trigger']['text']!r} sents={[x['start'] for x in e['evidence']]}")
    for t in r['triples']:
        if t['predicate'] in ('PARTICIPANT_IN', 'POINT_IN_TIME'):
            continue
        print(f"  TRIPLE {names.get(t['subject'], t['subject'])} {t['predicate']} {names.get(t['object'], t['object'])} {t['status']} {t['date']}")
