/// An elementwise operation of two operands: its value and its two partial derivatives, on eight
/// lanes at a time. `Tensor.combine` broadcasts it and records its backward rule.
protocol BinaryOperation {
  /// The operation's name in error messages.
  static var name: String { get }
  /// f(a, b).
  static func apply(_ a: Vector, _ b: Vector) -> Vector
  /// g · ∂f/∂a, given the output's gradient g.
  static func gradientA(_ g: Vector, _ a: Vector, _ b: Vector) -> Vector
  /// g · ∂f/∂b, given the output's gradient g.
  static func gradientB(_ g: Vector, _ a: Vector, _ b: Vector) -> Vector
}

/// `out = f(a, b)` over the rows of `plan`.
func broadcastApply<Operation: BinaryOperation>(
  _: Operation.Type, _ plan: BroadcastPlan, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
  _ out: UnsafeMutablePointer<Float>
) {
  let length = plan.rowLength
  switch (plan.rowStrideA, plan.rowStrideB) {
  case (1, 1):
    plan.forEachRow { o, oa, ob in mapVectors(length, a + oa, b + ob, out + o, Operation.apply) }
  case (1, _):
    plan.forEachRow { o, oa, ob in
      let repeated = Vector(repeating: b[ob])
      mapVectors(length, a + oa, out + o) { Operation.apply($0, repeated) }
    }
  case (_, 1):
    plan.forEachRow { o, oa, ob in
      let repeated = Vector(repeating: a[oa])
      mapVectors(length, b + ob, out + o) { Operation.apply(repeated, $0) }
    }
  default:
    plan.forEachRow { o, oa, ob in
      let value = Operation.apply(Vector(repeating: a[oa]), Vector(repeating: b[ob]))[0]
      (out + o).update(repeating: value, count: length)
    }
  }
}

/// Adds `contribution(g, a, b)` to `target`, the gradient of one operand, summing over the
/// positions where that operand was repeated by broadcasting.
@inline(__always)
func broadcastAccumulate(
  _ plan: BroadcastPlan, gradient g: UnsafePointer<Float>, _ a: UnsafePointer<Float>,
  _ b: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, targetIsA: Bool,
  _ contribution: (Vector, Vector, Vector) -> Vector
) {
  let length = plan.rowLength
  let strideA = plan.rowStrideA
  let strideB = plan.rowStrideB
  let targetStride = targetIsA ? strideA : strideB
  plan.forEachRow { o, oa, ob in
    let t = targetIsA ? oa : ob
    let repeatedA = Vector(repeating: a[oa])
    let repeatedB = Vector(repeating: b[ob])
    var total = Vector()
    var i = 0
    while i + 8 <= length {
      let av = strideA == 1 ? a.vector(at: oa + i) : repeatedA
      let bv = strideB == 1 ? b.vector(at: ob + i) : repeatedB
      let c = contribution(g.vector(at: o + i), av, bv)
      if targetStride == 1 {
        target.store(target.vector(at: t + i) + c, at: t + i)
      } else {
        total += c
      }
      i += 8
    }
    var tail: Float = 0
    if i < length {
      let rest = length - i
      let av = strideA == 1 ? a.partialVector(at: oa + i, count: rest, padding: 1) : repeatedA
      let bv = strideB == 1 ? b.partialVector(at: ob + i, count: rest, padding: 1) : repeatedB
      let c = contribution(g.partialVector(at: o + i, count: rest), av, bv)
      for lane in 0..<rest {
        if targetStride == 1 { target[t + i + lane] += c[lane] } else { tail += c[lane] }
      }
    }
    if targetStride == 0 { target[t] += total.sum() + tail }
  }
}

/// Adds the gradients of `a` and `b` for `out = f(a, b)` (nil targets are skipped).
func broadcastBackward<Operation: BinaryOperation>(
  _: Operation.Type, _ plan: BroadcastPlan, gradient g: UnsafePointer<Float>,
  _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
  gradientA: UnsafeMutablePointer<Float>?, gradientB: UnsafeMutablePointer<Float>?
) {
  if let gradientA {
    broadcastAccumulate(plan, gradient: g, a, b, into: gradientA, targetIsA: true) {
      Operation.gradientA($0, $1, $2)
    }
  }
  if let gradientB {
    broadcastAccumulate(plan, gradient: g, a, b, into: gradientB, targetIsA: false) {
      Operation.gradientB($0, $1, $2)
    }
  }
}
