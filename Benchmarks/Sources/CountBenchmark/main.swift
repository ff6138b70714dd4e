print("CountBenchmark: not written yet")
