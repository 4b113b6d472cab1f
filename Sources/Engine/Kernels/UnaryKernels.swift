/// An elementwise operation of one operand: its value and its derivative, on eight lanes at a
/// time. `Tensor.map` applies it and records its backward rule.
protocol UnaryOperation {
  /// y = f(x).
  func apply(_ x: Vector) -> Vector
  /// g · f′(x), given the output's gradient g, the input x and the output y (whichever is handier).
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector
}

/// `out = f(x)` over `count` elements.
func unaryApply<Operation: UnaryOperation>(
  _ operation: Operation, _ count: Int, _ x: UnsafePointer<Float>,
  _ out: UnsafeMutablePointer<Float>
) {
  mapVectors(count, x, out, operation.apply)
}

/// `target += g · f′(x)` over `count` elements.
func unaryBackward<Operation: UnaryOperation>(
  _ operation: Operation, _ count: Int, gradient g: UnsafePointer<Float>,
  input x: UnsafePointer<Float>,
  output y: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>
) {
  var i = 0
  while i + 8 <= count {
    let change = operation.gradient(
      g.vector(at: i), input: x.vector(at: i), output: y.vector(at: i))
    target.store(target.vector(at: i) + change, at: i)
    i += 8
  }
  if i < count {
    let rest = count - i
    let change = operation.gradient(
      g.partialVector(at: i, count: rest), input: x.partialVector(at: i, count: rest, padding: 1),
      output: y.partialVector(at: i, count: rest, padding: 1))
    for lane in 0..<rest { target[i + lane] += change[lane] }
  }
}
