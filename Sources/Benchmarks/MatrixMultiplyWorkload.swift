import Engine

/// `gemm`: a 1024×1024 by 1024×1024 Float32 matrix product, median of 20 after 3 warm-ups,
/// as in the PyTorch reference; the rate is 2n³ / seconds in GFLOP/s.
struct MatrixMultiplyWorkload: SingleResultWorkload {
  let name = "gemm"
  let size = 1024

  func run() throws -> BenchmarkResult {
    var generator = RandomGenerator(seed: 0)
    let a = Tensor(normalShape: [size, size], generator: &generator)
    let b = Tensor(normalShape: [size, size], generator: &generator)
    for _ in 0..<3 { _ = try a.matmul(b) }
    var times: [Double] = []
    for _ in 0..<20 { times.append(try measureSeconds { _ = try a.matmul(b) }) }
    let median = times.sorted()[10]
    let operations = 2 * Double(size) * Double(size) * Double(size)
    return BenchmarkResult(
      workload: name, seconds: median, rate: ("gflops", operations / median / 1e9))
  }
}
