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
    order.reserveCapacity(32)
    // A depth-first walk: each entry is a node, its inputs and the index of the next one to
    // visit. The first node is `self`, which the caller holds; every other is an input of the
    // entry below it, whose array holds it, so the stack need not hold the nodes too.
    var stack: [WalkStep] = []
    stack.reserveCapacity(32)
    stack.append(WalkStep(node: self, inputs: inputs))
    visitMark = mark
    while !stack.isEmpty {
      let top = stack.count - 1
      let next = stack[top].nextInput
      if next < stack[top].inputs.count {
        stack[top].nextInput = next + 1
        unowned(unsafe) let input = stack[top].inputs[next]
        if input.requiresGradient && input.visitMark != mark {
          input.visitMark = mark
          stack.append(WalkStep(node: input, inputs: input.inputs))
        }
      } else {
        order.append(stack.removeLast().node)
      }
    }
    return order
  }
}

/// A node on the stack of `topologicalOrder`'s walk, its inputs, and the index of the next one
/// to visit.
private struct WalkStep {
  /// The node, kept alive by the caller (the first) or by the entry below's `inputs`.
  unowned(unsafe) let node: Tensor
  /// The node's inputs, read once.
  let inputs: [Tensor]
  var nextInput = 0
}

private let visitCounter = Atomic<UInt64>(0)

/// A number not used by any earlier graph walk.
private func nextVisitMark() -> UInt64 {
  visitCounter.wrappingAdd(1, ordering: .relaxed).newValue
}
