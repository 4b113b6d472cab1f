import Engine

/// `overhead`: the cost of recording and running one small operation and its backward rule.
///
/// Each repetition adds two 32×16 tensors that require gradients, sums the result and runs
/// `backward()`: three operations (add, sum, and the gradient seed and graph walk). The rate is
/// microseconds per operation, the figure that decides the speed of small networks.
struct OperationOverheadWorkload: SingleResultWorkload {
  let name = "overhead"
  let repetitions = 100_000

  func run() throws -> BenchmarkResult {
    var generator = RandomGenerator(seed: 0)
    let a = Tensor(normalShape: [32, 16], generator: &generator, requiresGradient: true)
    let b = Tensor(normalShape: [32, 16], generator: &generator, requiresGradient: true)
    for _ in 0..<1000 { try (a + b).sum().backward() }
    let seconds = try measureSeconds {
      for _ in 0..<repetitions { try (a + b).sum().backward() }
    }
    let perOperation = seconds / Double(repetitions * 2) * 1e6
    return BenchmarkResult(
      workload: name, seconds: seconds, rate: ("microseconds_per_op", perOperation))
  }
}
