print("FeedImportBenchmark: not written yet")
