#!/usr/bin/env python3
"""Writes large seed inputs (up to 1 MB, libFuzzer's -max_len in run-long.sh) for every fuzz
target into fuzz/big-seeds/TARGET, so a long run starts from the slow paths instead of having
to grow towards them: the hostile shapes of ../shared/reliability/make_large.py, the 300 news
articles run together, a project of many articles, a layout of 20,000 nodes, the real lexicons
(and one grown to 1 MB) and the first megabyte of each model.
usage: fuzz/big-seeds.py [SHARED]   (SHARED defaults to ../shared from the project root)
Nothing here is committed: fuzz/big-seeds/ is ignored by git."""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared")
OUT = os.path.join(HERE, "big-seeds")
MAX = 1 << 20
# The order of Lexicon::file_names(): the lexicon target picks a file by its first byte.
LEXICONS = ["countries.json", "organizations.json", "people.json", "roles.json", "events.json",
            "issues.json", "words.json", "arguments.json"]


def write(target, name, data):
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data[:MAX])


def news():
    folder = os.path.join(SHARED, "data", "news")
    names = sorted(n for n in os.listdir(folder) if n.endswith(".txt"))
    return [open(os.path.join(folder, n), "rb").read() for n in names]


def main():
    articles = news()
    together = b"\n\n".join(articles)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, os.path.join(SHARED, "reliability", "make_large.py"), tmp],
                       check=True)
        hostile = {n: open(os.path.join(tmp, n), "rb").read() for n in sorted(os.listdir(tmp))}
    texts = {"news.txt": together}
    texts.update({n: d for n, d in hostile.items() if n.endswith(".txt")})
    for name, data in texts.items():
        for pick, encoding in [(0, "raw"), (1, "utf8-bom"), (2, "utf16le"), (3, "utf16be"),
                               (5, "windows-1252")]:
            write("text", f"{encoding}-{name}", bytes([pick]) + data)
        write("extract", f"text-{name}", b"\x00" + data)
    for name, data in hostile.items():
        if name.endswith(".md"):
            write("markdown", name, data)
            write("extract", f"markdown-{name}", b"\x01" + data)
        elif name.endswith(".html"):
            write("html", name, data)
            write("extract", f"html-{name}", b"\x02" + data)
    markdown_news = b"\n\n".join(b"# " + a.replace(b"\n\n", b"\n\n> ", 3) for a in articles)
    write("markdown", "news.md", markdown_news)
    html_news = b"".join(b"<article><h1>x</h1><p>" + a.replace(b"\n\n", b"</p><p>") +
                         b"</p><nav><a href='/'>Home</a></nav></article>" for a in articles)
    write("html", "news.html", b"<!doctype html><html><body>" + html_news)

    # A project of as many news articles as fit in a megabyte, with a node table.
    seed = json.load(open(os.path.join(HERE, "seeds", "project", "with-exploration.newsgraph")))
    project = {k: v for k, v in seed.items() if k != "extractions"}
    project["articles"] = []
    size = 0
    for i, a in enumerate(articles):
        text = a.decode("utf-8", "replace")
        size += len(text) + 100
        if size > MAX - 50_000:
            break
        project["articles"].append({"source": f"news/{i:03}.txt",
                                    "title": text.split("\n", 1)[0], "text": text})
    write("project", "news.newsgraph", json.dumps(project).encode())

    # A layout of 20,000 nodes.
    nodes = {f"person:p{i}": {"pos": [i * 0.5, -i * 0.25], **({"pinned": True} if i % 7 == 0 else {})}
             for i in range(20_000)}
    layout = {"format": "newsgraph-layout", "format_version": 1,
              "view": {"zoom": 0.2, "pan": [0.0, 0.0]}, "nodes": nodes}
    write("layout", "20000-nodes.json", json.dumps(layout).encode())

    # The real lexicons, and people.json grown to a megabyte with renamed copies.
    lexicons = os.path.join(ROOT, "assets", "lexicon")
    for pick, name in enumerate(LEXICONS):
        write("lexicon", f"{pick}-{name}", bytes([pick]) + open(os.path.join(lexicons, name), "rb").read())
    people = json.load(open(os.path.join(lexicons, "people.json")))
    grown = []
    copy = 0
    while len(json.dumps(grown)) < MAX - 100_000:
        for p in people:
            q = dict(p, key=f"{p['key']}-{copy}", name=f"{p['name']} {copy}",
                     aliases=[f"{a} {copy}" for a in p.get("aliases", [])])
            grown.append(q)
        copy += 1
    write("lexicon", "2-people-grown.json", b"\x02" + json.dumps(grown).encode())

    # The first megabyte of each model (even first byte: the tagger; odd: the parser).
    models = os.path.join(ROOT, "assets", "models")
    write("model", "ner-head", b"\x00" + open(os.path.join(models, "ner.bin"), "rb").read())
    write("model", "parse-head", b"\x01" + open(os.path.join(models, "parse.bin"), "rb").read())
    for target in sorted(os.listdir(OUT)):
        folder = os.path.join(OUT, target)
        sizes = [os.path.getsize(os.path.join(folder, n)) for n in os.listdir(folder)]
        print(f"{target:9} {len(sizes):3} files, largest {max(sizes):,} bytes")


if __name__ == "__main__":
    main()
