#!/usr/bin/env python3
"""The bare-fetch floor: fetches every URL of must-fetch.txt (the feeds and the pages that must be fetched, written by
generate.py) with a small concurrent client, reads each body whole, and prints the wall time in seconds.

usage: floor.py CORPUS_DIR BASE [--concurrency 16]
"""
import argparse, time, urllib.request
from concurrent.futures import ThreadPoolExecutor


def fetch(url):
    for attempt in range(3):  # the fixture server drops a few connections; a dropped one is asked again
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                response.read()
                return True
        except OSError:
            time.sleep(0.05 * (attempt + 1))
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("base")
    ap.add_argument("--concurrency", type=int, default=16)
    args = ap.parse_args()
    with open(f"{args.corpus}/must-fetch.txt", encoding="utf-8") as f:
        urls = [line.strip().replace("{{BASE}}", args.base) for line in f if line.strip()]
    start = time.monotonic()
    with ThreadPoolExecutor(args.concurrency) as pool:
        ok = sum(pool.map(fetch, urls))
    elapsed = time.monotonic() - start
    print(f"{elapsed:.2f} {len(urls)} {ok}")


if __name__ == "__main__":
    main()
