"""Times brevity.shorten(text, permalink=url, target_length=280) over the posts ComposeBenchmark
wrote (JSON lines: text, url): the shortener behind Bridgy Publish, for X alone."""
import json
import sys
import time

import brevity

path = sys.argv[1]
posts = [json.loads(line) for line in open(path, encoding="utf-8")]
for post in posts[:200]:  # warm up
    brevity.shorten(post["text"], permalink=post["url"], target_length=280)
start = time.perf_counter()
total = 0
for post in posts:
    total += len(brevity.shorten(post["text"], permalink=post["url"], target_length=280))
elapsed = time.perf_counter() - start
print(f"brevity {brevity.__version__ if hasattr(brevity, '__version__') else ''} shorten for X: "
      f"{len(posts) / elapsed:10.0f} posts/s  {elapsed / len(posts) * 1e6:9.2f} µs/post  (checksum {total & 0xFFFF})")
print(f"BREVITY_X_US={elapsed / len(posts) * 1e6:.3f}")
