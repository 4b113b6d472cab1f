/// The benchmark workloads of `trainbook bench`, matching the PyTorch reference script.
public enum BenchmarksModule {}
