import Synchronization

/// Whether operations record the graph that `backward()` needs.
///
/// Evaluation and inference run inside `Tensor.withoutGradients { ... }`: no graph is recorded, so
/// nothing is kept alive and each operation costs only its computation.
public enum GradientMode {
  @TaskLocal static var isDisabled = false

  /// Whether operations currently record the graph.
  public static var isEnabled: Bool { !isDisabled }
}

extension Tensor {
  /// Runs `body` without recording any graph (for evaluation and inference); returns its result.
  public static func withoutGradients<Result>(_ body: () throws -> Result) rethrows -> Result {
    try GradientMode.$isDisabled.withValue(true) { try body() }
  }

  /// Computes the gradient of this scalar with respect to every tensor it was computed from that
  /// requires a gradient, adding it to their `gradient`.
  ///
  /// Reverse-mode automatic differentiation: the graph is put in topological order by an iterative
  /// depth-first search (deep graphs cannot overflow the stack), then each operation, from the
  /// last to the first, applies the chain rule: it adds its output's gradient times its local
  /// derivative to its inputs' gradients. Afterwards the graph is freed: the intermediate results'
  /// gradients and their links to their inputs are dropped, and leaves keep their gradients
  /// (which accumulate across calls until `zeroGradient()`).
  ///
  /// Throws if this tensor is not a single number.
  public func backward() throws {
    guard elementCount == 1 else {
      throw ShapeError("backward", "needs a scalar (one element) to start from, not \(shape)")
    }
    guard requiresGradient else { return }
    let order = topologicalOrder()
    gradientAccumulator[0] += 1
    for node in order.reversed() {
      guard let rule = node.backwardRule else { continue }
      node.checkInvariants()
      rule(node)
      node.backwardRule = nil
      node.inputs = []
      node.gradientStorage = nil
    }
  }

  /// Every tensor this one depends on that requires a gradient, each after all of its inputs.
  private func topologicalOrder() -> [Tensor] {
    let mark = nextVisitMark()
    var order: [Tensor] = []
    var stack: [Tensor] = []
    var nextInputs: [Int] = []
    order.reserveCapacity(32)
    stack.reserveCapacity(32)
    nextInputs.reserveCapacity(32)
    stack.append(self)
    nextInputs.append(0)
    visitMark = mark
    while let node = stack.last {
      let next = nextInputs[nextInputs.count - 1]
      if next < node.inputs.count {
        nextInputs[nextInputs.count - 1] = next + 1
        let input = node.inputs[next]
        if input.requiresGradient && input.visitMark != mark {
          input.visitMark = mark
          stack.append(input)
          nextInputs.append(0)
        }
      } else {
        stack.removeLast()
        nextInputs.removeLast()
        order.append(node)
      }
    }
    return order
  }
}

private let visitCounter = Atomic<UInt64>(0)

/// A number not used by any earlier graph walk.
private func nextVisitMark() -> UInt64 {
  visitCounter.wrappingAdd(1, ordering: .relaxed).newValue
}
