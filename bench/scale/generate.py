#!/usr/bin/env python3
"""Generates a scale corpus in the shape of ../shared/eval/FORMAT.md: N feeds x M items on one loopback host.

Each feed is RSS 2.0 with full-text items (so only items that name the essay need their page fetched) and an ETag.
One item in fifty cites the essay by link; its article page has a rel=canonical. In round 2, one feed in twenty
serves a new version (new ETag) with five new items, one of them citing the essay; the others answer 304.

usage: generate.py OUT_DIR [--feeds 500] [--items 50]
"""
import argparse, json, os, random

WORDS = ("grid power compute model training data center substation transformer capacity cooling "
         "utility demand supply chip cluster latency network energy permit queue forecast region").split()


def text(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def paragraph(rng):
    return " ".join(text(rng, rng.randint(12, 22)) for _ in range(6))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--feeds", type=int, default=500)
    ap.add_argument("--items", type=int, default=50)
    args = ap.parse_args()
    rng = random.Random(455)
    out = args.out
    os.makedirs(os.path.join(out, "files"), exist_ok=True)

    essay_sentences = [text(rng, 14) for _ in range(40)]
    essay_html = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>The Signal Horizon</title>"
                  "<link rel=\"canonical\" href=\"https://horizon.example/p/the-signal-horizon\"></head><body><article>"
                  + "".join(f"<p>{' '.join(essay_sentences[i:i + 4])}</p>" for i in range(0, 40, 4))
                  + "</article></body></html>")
    write(out, "files/essay.html", essay_html)
    routes = [{"path": "/horizon.example/p/the-signal-horizon", "file": "files/essay.html", "contentType": "text/html; charset=utf-8"}]
    truth = []
    feeds = []

    def item(feed, n, round_no):
        host = f"outlet{feed}.example"
        cites = n % 50 == 7
        title = f"Story {n} from outlet {feed}" + (": reading Ivo Brandt's The Signal Horizon" if cites else "")
        body = "".join(f"<p>{paragraph(rng)}</p>" for _ in range(3))
        if cites:
            body += '<p>As <a href="https://horizon.example/p/the-signal-horizon?utm_source=feed">the essay</a> argues.</p>'
            page = (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>"
                    f"<link rel=\"canonical\" href=\"https://{host}/2026/story-{n}/\">"
                    f"<meta property=\"og:site_name\" content=\"Outlet {feed}\"><meta name=\"author\" content=\"Writer {feed}\">"
                    f"</head><body><article><h1>{title}</h1>{body}</article></body></html>")
            write(out, f"files/{host}/story-{n}.html", page)
            routes.append({"path": f"/{host}/2026/story-{n}/", "file": f"files/{host}/story-{n}.html", "contentType": "text/html; charset=utf-8"})
            truth.append({"id": f"f{feed}s{n}", "kind": "article", "canonicalUrl": f"https://{host}/2026/story-{n}/", "aliases": [],
                          "outlet": f"Outlet {feed}", "title": title, "author": f"Writer {feed}", "publishedAt": "2026-10-20T12:00:00Z",
                          "citesBy": "link", "quotes": [], "round": round_no})
        return (f"<item><title>{title}</title><link>{{{{BASE}}}}/{host}/2026/story-{n}/</link><guid isPermaLink=\"false\">{host}-{n}</guid>"
                f"<pubDate>Tue, 20 Oct 2026 12:{n % 60:02d}:00 GMT</pubDate><description><![CDATA[{text(rng, 20)}]]></description>"
                f"<content:encoded><![CDATA[{body}]]></content:encoded></item>")

    def feed_xml(feed, numbers, round_no):
        items = "".join(item(feed, n, round_no) for n in numbers)
        return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
                f"<channel><title>Outlet {feed}</title><link>https://outlet{feed}.example/</link>{items}</channel></rss>")

    for feed in range(args.feeds):
        host = f"outlet{feed}.example"
        feeds.append({"name": f"Outlet {feed}", "url": f"{{{{BASE}}}}/{host}/feed.xml"})
        numbers = list(range(args.items))
        write(out, f"files/{host}/feed-r1.xml", feed_xml(feed, numbers, 1))
        changed = feed % 20 == 0
        route = {"path": f"/{host}/feed.xml", "file": f"files/{host}/feed-r1.xml", "contentType": "application/rss+xml; charset=utf-8", "etag": f'"r1-{feed}"'}
        if changed:
            route["rounds"] = [1]
            new = list(range(args.items, args.items + 5)) + [57 + 50 * (args.items // 50)]
            numbers2 = new + numbers[: args.items - len(new)]
            write(out, f"files/{host}/feed-r2.xml", feed_xml(feed, new, 2).replace("</channel>", "".join(item(feed, n, 1) for n in numbers2[len(new):]) + "</channel>"))
            routes.append({"path": f"/{host}/feed.xml", "file": f"files/{host}/feed-r2.xml", "contentType": "application/rss+xml; charset=utf-8",
                           "etag": f'"r2-{feed}"', "rounds": [2]})
        routes.append(route)

    corpus = {"essays": [{"id": "signal-horizon", "title": "The Signal Horizon", "author": "Ivo Brandt", "publication": "Horizon Letters",
                          "urls": ["https://horizon.example/p/the-signal-horizon"], "fetchUrl": "{{BASE}}/horizon.example/p/the-signal-horizon",
                          "keywords": ["The Signal Horizon"], "publishedAt": "2026-10-14T00:00:00Z"}],
              "feeds": feeds, "social": []}
    unique = {t["canonicalUrl"]: t for t in truth}
    write(out, "corpus.json", json.dumps(corpus, indent=1))
    write(out, "routes.json", json.dumps({"routes": routes}))
    write(out, "truth.json", json.dumps({"essayId": "signal-horizon", "coverage": list(unique.values()), "negatives": [], "checks": {"mustNotContain": []}}))
    write(out, "README.md", f"Generated scale corpus: {args.feeds} feeds x {args.items} items.\n")
    print(f"{args.feeds} feeds, {args.feeds * args.items} items, {len(unique)} citing items -> {out}")


def write(root, rel, content):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(content)


if __name__ == "__main__":
    main()
