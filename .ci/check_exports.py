"""Reads newsgraph's exports with networkx and checks them against newsgraph's own JSON.

Usage: check_exports.py PREFIX
  where PREFIX.json (newsgraph JSON), PREFIX.graphml, PREFIX.gexf and PREFIX.node-link.json
  were written by `newsgraph extract ... --format F --out FILE`.
Exits 1 on the first difference: node or edge counts, node kinds and names, edge kinds.
"""

import json
import sys

import networkx as nx


def main(prefix: str) -> int:
    with open(prefix + ".json", encoding="utf-8") as f:
        ours = json.load(f)
    nodes = {n["key"]: n for n in ours["nodes"]}
    edges = sorted((e["source"], e["target"], e["kind"]) for e in ours["edges"])
    with open(prefix + ".node-link.json", encoding="utf-8") as f:
        node_link = nx.node_link_graph(json.load(f))
    readers = {
        "graphml": nx.read_graphml(prefix + ".graphml"),
        "gexf": nx.read_gexf(prefix + ".gexf"),
        "node-link": node_link,
    }
    failed = False
    for name, g in readers.items():
        problems = []
        if g.number_of_nodes() != len(nodes):
            problems.append(f"{g.number_of_nodes()} nodes, expected {len(nodes)}")
        if g.number_of_edges() != len(edges):
            problems.append(f"{g.number_of_edges()} edges, expected {len(edges)}")
        if not g.is_directed():
            problems.append("undirected")
        for key, data in g.nodes(data=True):
            n = nodes.get(key)
            if n is None:
                problems.append(f"unknown node {key!r}")
            elif data.get("kind") != n["kind"] or data.get("name") != n["name"]:
                problems.append(f"node {key!r}: {data.get('kind')!r} {data.get('name')!r}")
            elif int(data.get("mentions", -1)) != n["mentions"]:
                problems.append(f"node {key!r}: mentions {data.get('mentions')!r}")
            if len(problems) > 5:
                break
        got = sorted((u, v, d.get("kind")) for u, v, d in g.edges(data=True))
        if got != edges:
            problems.append("edge endpoints or kinds differ")
        status = "ok" if not problems else "FAILED: " + "; ".join(problems[:6])
        print(f"{prefix} {name}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges: {status}")
        failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
