#!/usr/bin/env python3
"""Times feedparser.parse(path) on one feed and prints one JSON line like FeedImportBenchmark's.

Usage: feedparser-bench.py FEED
"""
import json
import os
import resource
import sys
import time

import feedparser


def main():
    path = sys.argv[1]
    size = os.path.getsize(path)
    start = time.perf_counter()
    result = feedparser.parse(path)
    seconds = time.perf_counter() - start
    items = len(result.entries)
    print(json.dumps({
        "file": os.path.basename(path),
        "items": items,
        "bytes": size,
        "seconds": seconds,
        "items_per_s": items / seconds,
        "mb_per_s": size / 1e6 / seconds,
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "bozo": bool(result.bozo),
        "feedparser": feedparser.__version__,
    }, sort_keys=True))


if __name__ == "__main__":
    main()
