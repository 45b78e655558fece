"""Writes tests/fixtures/structure/networkx.json: degree, PageRank, betweenness and a Louvain
partition with its modularity, as networkx computes them, for a few small undirected graphs.
`graph::structure`'s tests check the Rust implementations against these values.

Run from the repository root with networkx installed (any virtual environment):
    python3 tools/structure_fixtures.py
"""

import json

import networkx as nx


def graphs():
    yield "karate", nx.karate_club_graph()
    g = nx.gnm_random_graph(40, 80, seed=7)
    g.add_nodes_from([40, 41])  # two isolated nodes
    yield "random-40-80", g
    # Two 5-cliques joined by one edge, and a path hanging off one of them.
    g = nx.Graph()
    g.add_edges_from((a, b) for a in range(5) for b in range(a + 1, 5))
    g.add_edges_from((a, b) for a in range(5, 10) for b in range(a + 1, 10))
    g.add_edges_from([(4, 5), (9, 10), (10, 11), (11, 12)])
    yield "two-cliques", g


def main():
    out = []
    for name, g in graphs():
        g = nx.convert_node_labels_to_integers(g, ordering="sorted")
        n = g.number_of_nodes()
        pagerank = nx.pagerank(g, alpha=0.85, tol=1e-13, max_iter=10000, weight=None)
        betweenness = nx.betweenness_centrality(g, normalized=True, weight=None)
        communities = nx.community.louvain_communities(g, weight=None, seed=1)
        membership = [0] * n
        for c, members in enumerate(communities):
            for v in members:
                membership[v] = c
        out.append(
            {
                "name": name,
                "nodes": n,
                "edges": sorted([min(a, b), max(a, b)] for a, b in g.edges()),
                "degree": [g.degree(v) for v in range(n)],
                "pagerank": [pagerank[v] for v in range(n)],
                "betweenness": [betweenness[v] for v in range(n)],
                "louvain": membership,
                "modularity": nx.community.modularity(g, communities, weight=None),
            }
        )
    with open("tests/fixtures/structure/networkx.json", "w", encoding="utf-8") as f:
        json.dump({"networkx": nx.__version__, "graphs": out}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
