#!/usr/bin/env python3
"""Generates a scale corpus shaped like the real web, in the format of ../shared/eval/FORMAT.md, on one loopback host.

N feeds x M items, tracking one essay ("The Signal Horizon" by Ivo Brandt, Horizon Letters, 2026-10-14):
- feed formats mixed: RSS 2.0, Atom 1.0, RSS 1.0 (RDF) and JSON Feed 1.1, each with an ETag;
- about 30 % of feeds are summary-only: their items carry a short summary, the full text (and any citation) is only
  on the article page, so every item's page must be fetched to judge it;
- one citing item per feed in round 1, citing by link (most), by quote (essay sentences in quotation marks, no link)
  or by mention (title with the author or publication, no link);
- short citing articles by different writers at different outlets that share a stock lead sentence and quote the
  same essay lines (distinct coverage: never to be merged);
- 2 % syndicated copies of another outlet's citing article: half with rel=canonical to the original, half verbatim
  with the same byline and a syndication footer and no canonical (both one item with the copy in "also at");
- one organisation's two press statements sharing a long boilerplate, no byline, different titles (two items);
- hard negatives: the author's other essay, the publication's home page linked, the words "signal horizon" used
  without the author or publication, a mention dated before the essay;
- round 2: one feed in twenty serves a new version (new ETag) with five new items, one citing; the rest answer 304.
The vocabulary is a few thousand made-up words, so unrelated text shares no quotable run of words with the essay.
Every item has its article page. It also writes must-fetch.txt: the feeds and the pages any aggregator must fetch (summary-only items and citing
items, whose page gives the canonical URL), for the bare-fetch floor (floor.py).

usage: generate.py OUT_DIR [--feeds 500] [--items 50]
"""
import argparse, json, os, random
from xml.sax.saxutils import escape

ESSAY_URL = "https://horizon.example/p/the-signal-horizon"
AUTHOR, PUBLICATION, TITLE = "Ivo Brandt", "Horizon Letters", "The Signal Horizon"
FORMATS = ["rss", "atom", "rss", "json", "rdf", "atom", "json", "rss"]
STOCK_LEAD = ("Ivo Brandt, who writes the Horizon Letters newsletter, says the industry is running into limits that "
              "no amount of new hardware can fix, in an essay published this week.")


def vocabulary(rng, size=4000):
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "pe", "da", "gri", "tor", "bel", "fin", "mar", "quo", "zen", "hal"]
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Text:
    def __init__(self, rng):
        self.rng = rng
        self.words = vocabulary(rng)

    def sentence(self, n=None):
        n = n or self.rng.randint(12, 22)
        return " ".join(self.rng.choice(self.words) for _ in range(n)).capitalize() + "."

    def paragraph(self, sentences=5):
        return " ".join(self.sentence() for _ in range(sentences))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--feeds", type=int, default=500)
    ap.add_argument("--items", type=int, default=50)
    args = ap.parse_args()
    rng = random.Random(455)
    t = Text(rng)
    out = args.out
    os.makedirs(os.path.join(out, "files"), exist_ok=True)

    essay = [t.sentence(14) for _ in range(40)]
    write(out, "files/essay.html",
          "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>The Signal Horizon</title>"
          f"<link rel=\"canonical\" href=\"{ESSAY_URL}\"><meta name=\"author\" content=\"{AUTHOR}\"></head><body><article>"
          + "".join(f"<p>{' '.join(essay[i:i + 4])}</p>" for i in range(0, 40, 4)) + "</article></body></html>")
    routes = [{"path": "/horizon.example/p/the-signal-horizon", "file": "files/essay.html", "contentType": "text/html; charset=utf-8"}]
    truth, negatives, feeds, must_fetch = {}, [], [], []
    shared_quotes = [essay[3], essay[17]]
    originals = {}  # feed -> (canonical, title, author, text html) of its round-1 citing article, for syndicated copies

    def page_html(host, outlet, title, author, body, canonical=None, published="2026-10-20T12:00:00Z"):
        head = f"<link rel=\"canonical\" href=\"{canonical}\">" if canonical else ""
        by = f"<meta name=\"author\" content=\"{escape(author)}\">" if author else ""
        return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>{head}"
                f"<meta property=\"og:site_name\" content=\"{escape(outlet)}\">{by}"
                f"<meta property=\"article:published_time\" content=\"{published}\">"
                f"</head><body><article><h1>{escape(title)}</h1>"
                + (f"<p class=\"byline\">By {escape(author)}</p>" if author else "") + f"{body}</article></body></html>")

    def add_truth(key, canonical, outlet, title, author, cites, quotes, round_no, aliases=()):
        truth[key] = {"id": key, "kind": "article", "canonicalUrl": canonical, "aliases": list(aliases), "outlet": outlet,
                      "title": title, "author": author, "publishedAt": "2026-10-20T12:00:00Z", "citesBy": cites,
                      "quotes": quotes, "round": round_no}

    def citing_body(feed, n):
        """The text of feed's citing item n: (kind, html, quotes)."""
        if feed % 10 == 3:  # short article: stock lead + the same two essay quotes + a line of its own
            link = f' <a href="{ESSAY_URL}?utm_source=outlet{feed}">Read the essay</a>.' if feed % 20 == 3 else ""
            return ("link" if link else "quote",
                    f"<p>{STOCK_LEAD}</p><p>“{shared_quotes[0]}” Brandt wrote. {t.sentence()}</p>"
                    f"<p>He adds: “{shared_quotes[1]}” {t.sentence()}{link}</p>", shared_quotes)
        kind = ["link", "link", "link", "quote", "mention"][feed % 5]
        body = "".join(f"<p>{t.paragraph()}</p>" for _ in range(3))
        if kind == "link":
            return kind, body + f'<p>As <a href="{ESSAY_URL}?utm_source=feed">Brandt argues in his essay</a>, {t.sentence()}</p>', []
        if kind == "quote":
            q = essay[(feed * 7 + n) % 40]
            return kind, body + f"<p>Brandt puts it plainly: “{q}” {t.sentence()}</p>", [q]
        return kind, body + f"<p>In {TITLE}, {AUTHOR} of {PUBLICATION} argues that {t.sentence().lower()}</p>", []

    def negative_body(feed):
        kind = feed % 4
        if kind == 0:
            return "the author's other essay", f"<p>{AUTHOR} wrote The Quiet Grid last spring. {t.paragraph()}</p>", None
        if kind == 1:
            return "links the publication's home page only", f'<p>Via <a href="https://horizon.example/">{PUBLICATION}</a>. {t.paragraph()}</p>', None
        if kind == 2:
            return "the words without the author or publication", f"<p>Engineers call it the signal horizon: {t.paragraph()}</p>", None
        return "a mention dated before the essay", f"<p>{AUTHOR} of {PUBLICATION} previewed {TITLE} at a talk. {t.paragraph()}</p>", "2026-09-01T12:00:00Z"

    def entry(feed, n, round_no, fmt, summary_only):
        """One feed entry: (dict of fields) and any page and truth it brings."""
        host, outlet, author = f"outlet{feed}.example", f"Outlet {feed}", f"Writer {feed}"
        url = f"https://{host}/2026/story-{n}/"
        path = f"/{host}/2026/story-{n}/"
        title = f"Story {n} from outlet {feed}"
        published = "2026-10-20T12:00:00Z"
        cites = n % 50 == 7 or (round_no == 2 and n == args.items)
        body = "".join(f"<p>{t.paragraph()}</p>" for _ in range(3))
        canonical = None
        if cites:
            kind, body, quotes = citing_body(feed, n)
            title = f"Outlet {feed} on the limits ahead, story {n}" if feed % 10 == 3 else f"Story {n} from outlet {feed}: reading {TITLE}"
            canonical = url
            add_truth(f"f{feed}s{n}", url, outlet, title, author, kind, quotes, round_no)
            if round_no == 1:
                originals[feed] = (url, title, author, body)
        elif n % 50 == 21 and round_no == 1:
            why, body, date = negative_body(feed)
            published = date or published
            negatives.append({"url": url, "why": why})
        elif n % 50 == 33 and feed % 50 == 11 and round_no == 1 and feed - 1 in originals:
            # A syndicated copy of the previous outlet's citing article.
            o_url, o_title, o_author, o_body = originals[feed - 1]
            author, title = o_author, o_title
            published = "2026-10-20T15:00:00Z"  # a copy runs after the original
            if feed % 100 == 11:
                canonical = o_url
                body = o_body
            else:
                body = o_body + f"<p>This article first appeared in Outlet {feed - 1} and is republished here with permission.</p>"
            truth[f"f{feed - 1}s7"]["aliases"].append(url)
            cites = True
        elif n % 50 in (41, 42) and feed % 25 == 5 and round_no == 1:
            # One organisation's two statements: long shared boilerplate, no byline, different titles, both cite.
            author = None
            title = [f"Institute {feed} welcomes The Signal Horizon", f"Institute {feed} names new fellows after The Signal Horizon"][n % 50 - 41]
            body = (f"<p>{t.sentence()} {AUTHOR} of {PUBLICATION} argued in {TITLE} that limits are near.</p>"
                    f"<p>{BOILERPLATE}</p>")
            add_truth(f"f{feed}s{n}", url, outlet, title, None, "mention", [], 1)
            cites = True
        needs_page = summary_only or cites
        # Every article has its page; only a summary-only item's or a citing item's page must be fetched.
        write(out, f"files/{host}/story-{n}.html", page_html(host, outlet, title, author, body, canonical, published))
        routes.append({"path": path, "file": f"files/{host}/story-{n}.html", "contentType": "text/html; charset=utf-8"})
        if round_no == 1 and needs_page:
            must_fetch.append("{{BASE}}" + path)
        summary = t.sentence(20)
        return {"title": title, "link": "{{BASE}}" + path, "id": f"{host}-{n}", "published": published, "author": author,
                "summary": summary, "content": None if summary_only else body}

    def render(feed, fmt, entries):
        host, name = f"outlet{feed}.example", f"Outlet {feed}"
        if fmt == "json":
            items = [{k: v for k, v in {"id": e["id"], "url": e["link"], "title": e["title"], "date_published": e["published"],
                                        "authors": [{"name": e["author"]}] if e["author"] else None,
                                        "summary": e["summary"], "content_html": e["content"]}.items() if v is not None} for e in entries]
            return "application/feed+json", json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": name,
                                                         "home_page_url": f"https://{host}/", "items": items})
        if fmt == "atom":
            body = "".join(
                f"<entry><title>{escape(e['title'])}</title><link href=\"{e['link']}\"/><id>tag:{host},2026:{e['id']}</id>"
                f"<updated>{e['published']}</updated>" + (f"<author><name>{escape(e['author'])}</name></author>" if e["author"] else "")
                + f"<summary>{escape(e['summary'])}</summary>"
                + (f"<content type=\"html\">{escape(e['content'])}</content>" if e["content"] else "") + "</entry>" for e in entries)
            return "application/atom+xml", (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{name}</title>'
                                            f'<id>https://{host}/</id><updated>2026-10-20T12:00:00Z</updated>{body}</feed>')
        if fmt == "rdf":
            body = "".join(
                f"<item rdf:about=\"{e['link']}\"><title>{escape(e['title'])}</title><link>{e['link']}</link><dc:date>{e['published']}</dc:date>"
                + (f"<dc:creator>{escape(e['author'])}</dc:creator>" if e["author"] else "") + f"<description>{escape(e['summary'])}</description>"
                + (f"<content:encoded><![CDATA[{e['content']}]]></content:encoded>" if e["content"] else "") + "</item>" for e in entries)
            return "application/rdf+xml", ('<?xml version="1.0" encoding="utf-8"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                                           'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
                                           'xmlns:content="http://purl.org/rss/1.0/modules/content/">'
                                           f'<channel rdf:about="https://{host}/"><title>{name}</title><link>https://{host}/</link></channel>{body}</rdf:RDF>')
        body = "".join(
            f"<item><title>{escape(e['title'])}</title><link>{e['link']}</link><guid isPermaLink=\"false\">{e['id']}</guid>"
            f"<pubDate>{rfc822(e['published'])}</pubDate>" + (f"<dc:creator>{escape(e['author'])}</dc:creator>" if e["author"] else "")
            + f"<description><![CDATA[{e['summary']}]]></description>"
            + (f"<content:encoded><![CDATA[{e['content']}]]></content:encoded>" if e["content"] else "") + "</item>" for e in entries)
        return "application/rss+xml", ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                                       f'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>{name}</title><link>https://{host}/</link>{body}</channel></rss>')

    for feed in range(args.feeds):
        host = f"outlet{feed}.example"
        fmt = FORMATS[feed % len(FORMATS)]
        summary_only = feed % 10 in (1, 4, 8)
        feeds.append({"name": f"Outlet {feed}", "url": f"{{{{BASE}}}}/{host}/feed"})
        first = [entry(feed, n, 1, fmt, summary_only) for n in range(args.items)]
        ctype, text = render(feed, fmt, first)
        write(out, f"files/{host}/feed-r1", text)
        must_fetch.insert(0, "{{BASE}}" + f"/{host}/feed")
        route = {"path": f"/{host}/feed", "file": f"files/{host}/feed-r1", "contentType": ctype + "; charset=utf-8", "etag": f'"r1-{feed}"'}
        if feed % 20 == 0:
            route["rounds"] = [1]
            new = [entry(feed, n, 2, fmt, summary_only) for n in range(args.items, args.items + 5)]
            ctype2, text2 = render(feed, fmt, new + first[: args.items - 5])
            write(out, f"files/{host}/feed-r2", text2)
            routes.append({"path": f"/{host}/feed", "file": f"files/{host}/feed-r2", "contentType": ctype2 + "; charset=utf-8",
                           "etag": f'"r2-{feed}"', "rounds": [2]})
        routes.append(route)

    corpus = {"essays": [{"id": "signal-horizon", "title": TITLE, "author": AUTHOR, "publication": PUBLICATION,
                          "urls": [ESSAY_URL], "fetchUrl": "{{BASE}}/horizon.example/p/the-signal-horizon",
                          "keywords": [TITLE], "publishedAt": "2026-10-14T00:00:00Z"}],
              "feeds": feeds, "social": []}
    write(out, "corpus.json", json.dumps(corpus, indent=1))
    write(out, "routes.json", json.dumps({"routes": routes}))
    write(out, "truth.json", json.dumps({"essayId": "signal-horizon", "coverage": list(truth.values()), "negatives": negatives,
                                         "checks": {"mustNotContain": []}}))
    write(out, "must-fetch.txt", "\n".join(must_fetch) + "\n")
    write(out, "README.md", f"Generated scale corpus (bench/scale/generate.py): {args.feeds} feeds x {args.items} items.\n")
    print(f"{args.feeds} feeds, {args.feeds * args.items} items, {len(truth)} citing items, {len(negatives)} negatives, "
          f"{len(must_fetch)} must-fetch requests -> {out}")


BOILERPLATE = " ".join(
    ("The Institute is an independent research organisation founded in 2019 that works with universities, civil society "
     "and industry to make advanced computing accountable. Its programmes cover evaluation, governance, compute policy "
     "and public engagement, and its researchers advise parliaments and standards bodies in twelve countries. For media "
     "enquiries contact the press office on weekdays; interviews with our researchers can be arranged at short notice, "
     "and embargoed briefings are available to accredited journalists on request.").split())


def rfc822(iso):
    from datetime import datetime
    return datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").strftime("%a, %d %b %Y %H:%M:%S GMT")


def write(root, rel, content):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(content)


if __name__ == "__main__":
    main()
