"""Loads newsgraph's output formats into the real tools that read them.

The binary runs once (module fixture) on the reference article of the project
(`../shared/seed/putin-tokayev-kazan.txt`) plus a small hostile JSONL document, and every
test then hands one output to the tool its users would use: Kùzu for the Neo4j import CSVs,
Oxigraph and rdflib for N-Triples / N-Quads, networkx for GraphML, Python's csv module for
the analyst tables. See tests/python/README.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import kuzu
import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib import Literal, URIRef

REPO = Path(__file__).resolve().parents[2]


def _from_repo(value: str) -> Path:
    path = Path(value)
    return path if path.is_absolute() else REPO / path


BIN = _from_repo(os.environ.get("NEWSGRAPH_BIN", "target/release/newsgraph"))
SEED = _from_repo(os.environ.get("NEWSGRAPH_SEED", "../shared/seed/putin-tokayev-kazan.txt"))
FORMATS = "jsonl,csv,neo4j,ntriples,nquads,graphml"

# What newsgraph must find in the reference article.
REF_DOC = "putin-tokayev-kazan.txt"  # the doc id of a .txt input is its path as given
PUTIN, TOKAYEV, KAZAN = "wikidata:Q7747", "wikidata:Q200881", "wikidata:Q900"
KAZAN_NAME = "Казань"
DATE = "2024-02-22"

# The hostile document: its id and text start with characters a spreadsheet executes.
INJ_DOC = "@evil-1"
# Its first sentence also carries a tab, quotes and a backslash, which every format must
# round-trip (CSV quoting, N-Triples escapes).
INJ_FIRST = '=HYPERLINK("http://evil","x") Путин встретился с Токаевым\tв Казани, C:\\evil.'
INJ_TEXT = (
    INJ_FIRST + "\n"
    "+Путин провёл переговоры с Токаевым в Москве 1 марта 2024 года.\n"
    "-Лавров встретился с Кулебой в Анталье.\n"
)
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")

ANALYST_TABLES = ("events.csv", "mentions.csv", "entities.csv", "triples.csv")

WD = "http://www.wikidata.org/entity/"
SCHEMA = "http://schema.org/"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
NG = "https://newsgraph.example.org/ns#"


def qid_iri(entity_id: str) -> str:
    assert entity_id.startswith("wikidata:")
    return WD + entity_id.removeprefix("wikidata:")


@dataclass
class Run:
    out: Path  # the output folder
    stderr: str  # newsgraph's summary line


def _extract(workdir: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    if not BIN.is_file():
        pytest.fail(
            f"newsgraph binary not found at {BIN}: build it (cargo build --release) "
            "or set NEWSGRAPH_BIN"
        )
    cmd = [str(BIN), "extract", REF_DOC, "injection.jsonl", "-o", str(out), *extra]
    proc = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"{cmd} exited {proc.returncode}:\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("input")
    if not SEED.is_file():
        pytest.fail(f"reference article not found at {SEED} (set NEWSGRAPH_SEED)")
    # Relative input paths keep the doc id of the reference article stable (REF_DOC).
    shutil.copyfile(SEED, work / REF_DOC)
    doc = {"id": INJ_DOC, "date": "2024-03-01", "source": "-src", "text": INJ_TEXT}
    (work / "injection.jsonl").write_text(json.dumps(doc, ensure_ascii=False) + "\n", "utf-8")
    return work


@pytest.fixture(scope="module")
def run(workdir, tmp_path_factory) -> Run:
    out = tmp_path_factory.mktemp("out") / "o"
    proc = _extract(workdir, out, "--format", FORMATS)
    return Run(out=out, stderr=proc.stderr)


def read_csv(path: Path, encoding: str = "utf-8") -> list[list[str]]:
    with path.open(newline="", encoding=encoding) as f:
        return list(csv.reader(f, strict=True))


def read_dicts(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, strict=True))


# --------------------------------------------------------------------------- Kùzu

# Neo4j import header types -> Kùzu column types. neo4j-admin's default id-type is string.
NEO4J_TO_KUZU = {
    "string": "STRING", "char": "STRING", "id": "STRING",
    "int": "INT64", "long": "INT64", "short": "INT16", "byte": "INT8",
    "float": "DOUBLE", "double": "DOUBLE", "boolean": "BOOLEAN",
    "date": "DATE", "localdatetime": "TIMESTAMP", "datetime": "TIMESTAMP",
}
HEADER_RE = re.compile(
    r"^(?P<name>[^:]*)(?::(?P<type>[A-Za-z_]+)(?:\((?P<space>[^)]*)\))?(?P<array>\[\])?)?$"
)


@dataclass
class Column:
    header: str
    name: str  # property name in Kùzu ('' for :START_ID / :END_ID)
    kind: str  # 'id', 'start', 'end', 'label', 'type', 'prop', 'ignore'
    kuzu_type: str = "STRING"
    space: str = ""


def parse_header(header: str, position: int) -> Column:
    m = HEADER_RE.match(header)
    assert m, f"unparseable neo4j header {header!r}"
    name, typ, space, array = m["name"], (m["type"] or "string"), m["space"], m["array"]
    upper = typ.upper()
    if upper in ("ID", "START_ID", "END_ID"):
        kind = {"ID": "id", "START_ID": "start", "END_ID": "end"}[upper]
        # The ID column becomes the primary key 'id' of its space's table, whatever its name.
        return Column(header, "id" if kind == "id" else "", kind, "STRING", space or "__global__")
    if upper == "LABEL":
        return Column(header, name or "neo4j_label", "label")
    if upper == "TYPE":
        return Column(header, name or "neo4j_type", "type")
    if upper == "IGNORE":
        return Column(header, f"ignored_{position}", "ignore")
    assert not array, f"header {header!r}: neo4j arrays ('x[]', ';'-separated) are not Kùzu CSV lists"
    assert typ.lower() in NEO4J_TO_KUZU, f"header {header!r}: neo4j type {typ!r} has no Kùzu type"
    assert name, f"header {header!r}: a property column without a name"
    return Column(header, name, "prop", NEO4J_TO_KUZU[typ.lower()])


def q(identifier: str) -> str:
    return "`" + identifier.replace("`", "``") + "`"


def kuzu_rows(conn, query: str, params: dict | None = None) -> list[list]:
    result = conn.execute(query, params or {})
    rows = []
    while result.has_next():
        rows.append(result.get_next())
    return rows


@pytest.fixture(scope="module")
def kuzu_db(run, tmp_path_factory):
    """Builds a Kùzu database from neo4j/*.csv, with the schema read from their headers.

    Design: one Kùzu node table per neo4j *ID space* (Entity, Event, Article), not per node
    file. In neo4j-admin import an ID space is one key namespace shared by several node files
    (Person.csv, City.csv, ... all hold `:ID(Entity)`), and relationship files name only the
    space (`:START_ID(Entity)`), so MET or VISITED rows may point at a Person, a City or an
    Organization without saying which. A table per space mirrors that exactly: every
    relationship file is then a single-pair REL table FROM <start space> TO <end space> named
    after the file, each file's `:LABEL` becomes a `neo4j_label` property, and Kùzu's primary
    key enforces what neo4j-admin enforces (an id is unique across all files of its space;
    every relationship end exists). Every file is loaded as written, by COPY with a column
    list, so Kùzu's own CSV reader parses newsgraph's quoting, dates and numbers. The
    alternative, one node table per file plus multi-pair REL tables, would need the rows of
    each relationship file split per (from file, to file) pair before COPY, i.e. loading a
    rewritten file instead of newsgraph's.
    """
    neo = run.out / "neo4j"
    files = sorted(neo.glob("*.csv"))
    assert files, f"no neo4j CSV files in {neo}"

    spaces: dict[str, dict[str, str]] = {}  # space -> {property: kuzu type}
    node_files: list[tuple[Path, str, list[Column]]] = []
    rel_files: list[tuple[Path, list[Column]]] = []
    for path in files:
        header = read_csv(path)[0]
        cols = [parse_header(h, i) for i, h in enumerate(header)]
        kinds = [c.kind for c in cols]
        if "id" in kinds:
            assert kinds.count("id") == 1, f"{path.name}: several :ID columns"
            space = next(c.space for c in cols if c.kind == "id")
            props = spaces.setdefault(space, {"id": "STRING"})
            for c in cols:
                if c.kind == "id":
                    continue
                assert props.get(c.name, c.kuzu_type) == c.kuzu_type, (
                    f"{path.name}: column {c.header!r} conflicts with the type of {c.name!r} "
                    f"in another file of ID space {space}"
                )
                props[c.name] = c.kuzu_type
            node_files.append((path, space, cols))
        else:
            assert kinds.count("start") == 1 and kinds.count("end") == 1, (
                f"{path.name}: neither a node file (:ID) nor a relationship file "
                f"(:START_ID and :END_ID): {header}"
            )
            rel_files.append((path, cols))

    db = kuzu.Database(str(tmp_path_factory.mktemp("kuzu") / "db"))
    conn = kuzu.Connection(db)
    # Explicit RFC 4180 options; PARALLEL=false because quoted fields may hold newlines.
    opts = "(HEADER=true, DELIM=',', QUOTE='\"', ESCAPE='\"', PARALLEL=false)"
    for space, props in spaces.items():
        cols_ddl = ", ".join(f"{q(n)} {t}" for n, t in props.items())
        conn.execute(f"CREATE NODE TABLE {q(space)}({cols_ddl}, PRIMARY KEY(id))")
    for path, space, cols in node_files:
        names = ", ".join(q(c.name) for c in cols)
        conn.execute(f"COPY {q(space)}({names}) FROM '{path}' {opts}")

    rel_tables = {}
    for path, cols in rel_files:
        start = next(c for c in cols if c.kind == "start")
        end = next(c for c in cols if c.kind == "end")
        for c in (start, end):
            assert c.space in spaces, f"{path.name}: {c.header} names an ID space with no node file"
        props = [c for c in cols if c.kind not in ("start", "end")]
        table = path.stem
        ddl = "".join(f", {q(c.name)} {c.kuzu_type}" for c in props)
        conn.execute(f"CREATE REL TABLE {q(table)}(FROM {q(start.space)} TO {q(end.space)}{ddl})")
        source = path
        if [c.kind for c in cols[:2]] != ["start", "end"]:
            # Kùzu reads FROM and TO from the first two CSV columns: reorder a copy.
            order = [cols.index(start), cols.index(end)] + [cols.index(c) for c in props]
            source = tmp_path_factory.mktemp("reordered") / path.name
            with source.open("w", newline="", encoding="utf-8") as f:
                csv.writer(f).writerows([[r[i] for i in order] for r in read_csv(path)])
        names = ", ".join(q(c.name) for c in props)
        conn.execute(f"COPY {q(table)}({names}) FROM '{source}' {opts}")
        rel_tables[table] = path
    return conn, spaces, node_files, rel_tables


def test_kuzu_loads_every_row(kuzu_db):
    conn, spaces, node_files, rel_tables = kuzu_db
    for space in spaces:
        want = sum(len(read_csv(p)) - 1 for p, s, _ in node_files if s == space)
        (got,) = kuzu_rows(conn, f"MATCH (n:{q(space)}) RETURN count(n)")[0]
        assert got == want, f"ID space {space}: {got} nodes in Kùzu, {want} rows in its files"
    for table, path in rel_tables.items():
        want = len(read_csv(path)) - 1
        (got,) = kuzu_rows(conn, f"MATCH ()-[r:{q(table)}]->() RETURN count(r)")[0]
        assert got == want, f"{path.name}: {got} relationships in Kùzu, {want} rows in the file"


def test_kuzu_met_putin_tokayev_in_kazan(kuzu_db):
    conn, spaces, _, rel_tables = kuzu_db
    assert "MET" in rel_tables, f"no neo4j/MET.csv; relationship files: {sorted(rel_tables)}"
    rows = kuzu_rows(
        conn,
        "MATCH (a)-[r:MET]-(b) WHERE a.id = $a AND b.id = $b "
        "RETURN r.place, r.date, r.status, r.event, r.neo4j_type",
        {"a": PUTIN, "b": TOKAYEV},
    )
    assert rows, "Kùzu finds no MET relationship between Putin and Tokayev"
    hits = [r for r in rows if r[0] == KAZAN and r[1] == dt.date(2024, 2, 22)]
    assert hits, f"no MET Putin–Tokayev in {KAZAN} on {DATE}: {rows}"
    assert all(r[4] == "MET" for r in rows)
    # The relationship's event is a real Event node of the reference article, with both
    # people as participants and Kazan as its place.
    events = {r[3] for r in hits}
    rows = kuzu_rows(
        conn,
        "MATCH (e:Event) WHERE e.id IN $events AND e.docId = $doc "
        "MATCH (p)-[:PARTICIPANT_IN]->(e) "
        "MATCH (e)-[:TOOK_PLACE_IN]->(k) "
        "RETURN e.id, e.type, collect(DISTINCT p.id), collect(DISTINCT k.id)",
        {"events": sorted(events), "doc": REF_DOC},
    )
    assert any(
        r[1] == "MEETING" and {PUTIN, TOKAYEV} <= set(r[2]) and r[3] == [KAZAN] for r in rows
    ), f"events behind the MET edges ({sorted(events)}) are not MEETINGs in Kazan: {rows}"


def test_kuzu_nodes_keep_names_and_types(kuzu_db):
    conn, *_ = kuzu_db
    rows = kuzu_rows(conn, "MATCH (e:Event) WHERE e.docId = $d RETURN e.evidence", {"d": INJ_DOC})
    # Free text keeps its content; a cell a spreadsheet would run gets a leading apostrophe.
    assert "'" + INJ_FIRST in {r[0] for r in rows}, f"evidence of {INJ_DOC} does not round-trip: {rows}"
    rows = kuzu_rows(
        conn, "MATCH (n) WHERE n.id IN $ids RETURN n.id, n.name, n.neo4j_label",
        {"ids": [PUTIN, TOKAYEV, KAZAN]},
    )
    got = {r[0]: (r[1], r[2]) for r in rows}
    assert got.get(KAZAN) == (KAZAN_NAME, "City"), got
    assert got.get(PUTIN, ("", ""))[1] == "Person" and "Путин" in got[PUTIN][0], got
    assert got.get(TOKAYEV, ("", ""))[1] == "Person" and "Токаев" in got[TOKAYEV][0], got


# --------------------------------------------------------------------------- RDF

MEETING_SPARQL = f"""
PREFIX schema: <{SCHEMA}>
PREFIX wd: <{WD}>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?event WHERE {{
  ?event a schema:Event ;
         schema:attendee wd:Q7747, wd:Q200881 ;
         schema:location wd:Q900 ;
         schema:startDate "{DATE}"^^xsd:date ;
         prov:wasDerivedFrom ?article .
  ?article schema:identifier "{REF_DOC}" .
}}
"""


@pytest.fixture(scope="module")
def oxigraph_nt(run):
    store = ox.Store()
    # lenient=False (the default) is strict parsing: any syntax error or invalid IRI fails.
    store.load(path=str(run.out / "graph.nt"), format=ox.RdfFormat.N_TRIPLES, lenient=False)
    return store


def test_oxigraph_finds_the_meeting(oxigraph_nt):
    events = [s["event"].value for s in oxigraph_nt.query(MEETING_SPARQL)]
    assert events, "SPARQL finds no schema:Event with Putin, Tokayev, Kazan and 2024-02-22"
    ask = f"""ASK {{ {{ <{WD}Q7747> <{NG}met> <{WD}Q200881> }}
                   UNION {{ <{WD}Q200881> <{NG}met> <{WD}Q7747> }} }}"""
    assert oxigraph_nt.query(ask), "no ng:met triple between Putin and Tokayev"


def test_oxigraph_nquads_one_graph_per_article(run):
    store = ox.Store()
    store.load(path=str(run.out / "graph.nq"), format=ox.RdfFormat.N_QUADS, lenient=False)
    graphs = {g.value for g in store.named_graphs()}
    rows = store.query(
        f"SELECT ?g ?a ?id WHERE {{ GRAPH ?g {{ ?a a <{SCHEMA}NewsArticle> ; "
        f"<{SCHEMA}identifier> ?id }} }}"
    )
    per_graph = {}
    for r in rows:
        per_graph.setdefault(r["g"].value, set()).add((r["a"].value, r["id"].value))
    ids = {i for pairs in per_graph.values() for _, i in pairs}
    docs = {json.loads(l)["doc_id"] for l in (run.out / "records.jsonl").open(encoding="utf-8")}
    assert ids == docs and REF_DOC in docs, f"articles in graph.nq: {ids}, documents: {docs}"
    assert len(graphs) == len(docs), f"want one named graph per article, got {sorted(graphs)}"
    for g in graphs:
        articles = per_graph.get(g, set())
        assert len(articles) == 1, f"graph {g} holds articles {articles}"
        assert next(iter(articles))[0] == g, f"graph {g} is not named after its article"
    default = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert not default, f"{len(default)} quads outside any named graph, e.g. {default[:3]}"
    # The N-Quads hold the same triples as the N-Triples (compared as parsed, since a
    # Store keeps literals in canonical form: "0.50"^^xsd:decimal comes back as 0.5).
    def triples(name, fmt):
        return {(t.subject, t.predicate, t.object)
                for t in ox.parse(path=str(run.out / name), format=fmt)}

    nt = triples("graph.nt", ox.RdfFormat.N_TRIPLES)
    nq = triples("graph.nq", ox.RdfFormat.N_QUADS)
    assert nq == nt, f"only in .nq: {list(nq - nt)[:3]}; only in .nt: {list(nt - nq)[:3]}"


def test_rdflib_parses_the_same_triples(run, oxigraph_nt):
    g = rdflib.Graph()
    g.parse(str(run.out / "graph.nt"), format="nt")
    assert len(g) == len(oxigraph_nt), f"rdflib {len(g)} triples, Oxigraph {len(oxigraph_nt)}"
    events = {URIRef(e) for s in oxigraph_nt.query(MEETING_SPARQL) for e in [s["event"].value]}
    assert events
    for event in events:
        for p, o in [
            (RDF_TYPE, URIRef(SCHEMA + "Event")),
            (SCHEMA + "attendee", URIRef(qid_iri(PUTIN))),
            (SCHEMA + "attendee", URIRef(qid_iri(TOKAYEV))),
            (SCHEMA + "location", URIRef(qid_iri(KAZAN))),
            (SCHEMA + "startDate", Literal(DATE, datatype=URIRef(XSD_DATE))),
        ]:
            assert (event, URIRef(p), o) in g, f"rdflib misses <{event}> <{p}> {o.n3()}"
    # rdflib's own SPARQL agrees with Oxigraph's.
    assert {r[0] for r in g.query(MEETING_SPARQL)} == events
    # Escapes round-trip: the hostile sentence (quotes, tab, backslash) comes back exactly.
    evidence = {str(o) for o in g.objects(None, URIRef(NG + "evidenceText"))}
    assert INJ_FIRST in evidence, "the evidence with quotes, tab and backslash is altered"
    name = g.value(URIRef(qid_iri(KAZAN)), URIRef(SCHEMA + "name"))
    assert str(name) == KAZAN_NAME and name.language == "ru"


# --------------------------------------------------------------------------- GraphML


def test_networkx_met_edge(run):
    g = nx.read_graphml(run.out / "network.graphml")
    assert g.has_node(PUTIN) and g.has_node(TOKAYEV)
    assert g.has_edge(PUTIN, TOKAYEV), "no edge between Putin and Tokayev"
    edge = g.get_edge_data(PUTIN, TOKAYEV)
    if g.is_multigraph():
        edge = next(iter(edge.values()))
    assert isinstance(edge["count"], int) and edge["count"] >= 1, edge
    first = dt.date.fromisoformat(edge["first"])
    last = dt.date.fromisoformat(edge["last"])
    assert first <= dt.date(2024, 2, 22) <= last, edge
    events = json.loads(edge["events"])
    assert any(e.startswith(REF_DOC + "#") for e in events), edge
    assert g.nodes[PUTIN]["type"] == "PERSON" and g.nodes[PUTIN]["wikidata"] == "Q7747"


# --------------------------------------------------------------------------- CSV


def test_csv_meeting_row(run):
    rows = read_dicts(run.out / "events.csv")
    hits = [
        r for r in rows
        if r["doc_id"] == REF_DOC and r["type"] == "MEETING"
        and set(r["participant_ids"].split(";")) == {PUTIN, TOKAYEV}
        and r["place_id"] == KAZAN and r["place_name"] == KAZAN_NAME
        and r["date"] == DATE and r["status"] == "happened"
    ]
    assert hits, "events.csv has no MEETING Putin–Tokayev in Kazan on 2024-02-22:\n" + "\n".join(
        str(r) for r in rows if r["doc_id"] == REF_DOC
    )
    names = hits[0]["participant_names"]
    assert "Путин" in names and "Токаев" in names


def dangerous_cells(out: Path, paths: list[Path]) -> list[str]:
    bad = []
    for path in paths:
        for line, row in enumerate(read_csv(path), 1):  # line = CSV record number
            for col, cell in enumerate(row):
                if cell.startswith(DANGEROUS):
                    where = path.relative_to(out).as_posix()
                    bad.append(f"{where} record {line} column {col + 1}: {cell[:60]!r}")
    return bad


def test_csv_analyst_tables_have_no_dangerous_cell(run):
    paths = [run.out / name for name in ANALYST_TABLES]
    bad = dangerous_cells(run.out, paths)
    assert not bad, f"{len(bad)} cells a spreadsheet would execute:\n" + "\n".join(bad[:20])


# The neo4j files are importer input, not spreadsheets: ids stay exactly as in the other
# formats (an id is a join key), and only the free-text columns carry the spreadsheet guard.
NEO4J_TEXT_COLUMNS = {"name", "trigger", "evidence"}


def test_csv_neo4j_text_columns_have_no_dangerous_cell(run):
    bad = []
    for path in sorted((run.out / "neo4j").glob("*.csv")):
        rows = read_csv(path)
        header, body = rows[0], rows[1:]
        text_cols = [i for i, h in enumerate(header) if h in NEO4J_TEXT_COLUMNS]
        for line, row in enumerate(body, 2):
            for i in text_cols:
                if row[i].startswith(DANGEROUS):
                    bad.append(f"neo4j/{path.name} record {line} column {header[i]}: {row[i][:60]!r}")
    assert not bad, f"{len(bad)} text cells a spreadsheet would execute:\n" + "\n".join(bad[:20])


def test_csv_injection_is_neutralised(run):
    events = [r for r in read_dicts(run.out / "events.csv") if r["doc_id"] == "'" + INJ_DOC]
    assert events, f"no event of the hostile document (doc_id {INJ_DOC!r} -> \"'{INJ_DOC}\")"
    evidence = {r["evidence"] for r in events}
    assert "'" + INJ_FIRST in evidence, evidence
    assert any(e.startswith("'+Путин") for e in evidence), evidence
    assert all(r["event_id"].startswith("'" + INJ_DOC + "#") for r in events)
    for name in ANALYST_TABLES:
        for row in read_csv(run.out / name):
            for cell in row:
                if "=HYPERLINK(" in cell:
                    assert cell.startswith("'=HYPERLINK("), f"{name}: {cell!r}"
                assert not cell.startswith(INJ_DOC), f"{name}: {cell!r}"
    # Only the CSV tables are neutralised: the JSONL keeps the document's real id.
    records = [json.loads(l) for l in (run.out / "records.jsonl").read_text("utf-8").splitlines()]
    assert INJ_DOC in {r["doc_id"] for r in records}


def test_csv_excel_bom(workdir, tmp_path_factory):
    out = tmp_path_factory.mktemp("excel") / "o"
    _extract(workdir, out, "--format", "csv,neo4j", "--excel", "-q")
    bom = "\ufeff".encode()
    for name in ANALYST_TABLES:
        raw = (out / name).read_bytes()
        assert raw.startswith(bom) and not raw[3:].startswith(bom), f"{name}: {raw[:8]!r}"
        header = read_csv(out / name, encoding="utf-8-sig")[0]
        assert not header[0].startswith("\ufeff") and header[0] in ("event_id", "doc_id", "entity_id")
    # The Neo4j import files are for importers, not Excel: no BOM there.
    for path in sorted((out / "neo4j").glob("*.csv")):
        assert not path.read_bytes().startswith(bom), f"neo4j/{path.name} starts with a BOM"


# --------------------------------------------------------------------------- manifest


def test_manifest_hashes(run):
    manifest = json.loads((run.out / "manifest.json").read_text("utf-8"))
    assert manifest["errors"] == 0 and manifest["documents"] == 2, manifest
    listed = set()
    for entry in manifest["outputs"]:
        path = run.out / entry["path"]
        assert path.is_file(), f"manifest lists {entry['path']}, which does not exist"
        data = path.read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], f"{entry['path']}: sha256"
        if "bytes" in entry:
            assert len(data) == entry["bytes"], f"{entry['path']}: size"
        listed.add(entry["path"])
    on_disk = {
        p.relative_to(run.out).as_posix() for p in run.out.rglob("*") if p.is_file()
    } - {"manifest.json"}
    assert on_disk <= listed, f"files missing from the manifest: {sorted(on_disk - listed)}"


# --------------------------------------------------------------------------- load.cypher


def test_load_cypher_references_every_csv(run):
    neo = run.out / "neo4j"
    script = (neo / "load.cypher").read_text("utf-8")
    code = "\n".join(l for l in script.splitlines() if not l.lstrip().startswith("//"))
    statements = [s.strip() for s in code.split(";") if s.strip()]
    csvs = {p.name for p in neo.glob("*.csv")}
    loaded = {}
    for st in statements:
        assert st.count("(") == st.count(")") and st.count("[") == st.count("]") and \
            st.count("{") == st.count("}") and st.count("`") % 2 == 0, f"unbalanced: {st[:80]}"
        m = re.search(r"LOAD CSV WITH HEADERS FROM 'file:///([^']+)' AS (\w+)", st)
        if not m:
            assert st.startswith("CREATE CONSTRAINT"), f"unexpected statement: {st[:80]}"
            continue
        name, var = m.groups()
        assert name in csvs, f"load.cypher loads {name}, which newsgraph did not write"
        loaded[name] = st
        header = read_csv(neo / name)[0]
        # Every column the statement reads exists in that file's header.
        used = re.findall(rf"\b{var}\.(?:`([^`]+)`|(\w+))", st)
        for quoted, bare in used:
            col = quoted or bare
            assert col in header, f"load.cypher reads {var}.{col} from {name}; header: {header}"
        # Relationship statements create the types the file declares in :TYPE.
        if ":TYPE" in header:
            col = header.index(":TYPE")
            types = {r[col] for r in read_csv(neo / name)[1:]}
            created = set(re.findall(r"-\[\w*:(\w+)", st))
            assert types <= created, f"{name} has :TYPE {types}, load.cypher creates {created}"
    assert set(loaded) == csvs, f"CSV files load.cypher never loads: {sorted(csvs - set(loaded))}"
