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

/// `out = f(a + bias)` for a row-major `rows × columns` matrix `a` and a row `bias` added to each
/// of its rows, eight elements at a time (`out` may be `a`): a dense layer's bias and activation.
///
/// Rows of eight or more columns go one at a time; narrower ones (a layer with a few outputs)
/// run as one flat array against `bias` repeated to a whole number of vectors, so that the eight
/// lanes span several rows instead of one row and padding.
@inline(__always)
func addBias<Operation: UnaryOperation>(
  _ rows: Int, _ columns: Int, _ a: UnsafePointer<Float>, _ bias: UnsafePointer<Float>,
  into out: UnsafeMutablePointer<Float>, then operation: Operation
) {
  guard columns < 8 else {
    for row in 0..<rows {
      let (rowIn, rowOut) = (a + row * columns, out + row * columns)
      var i = 0
      while i + 8 <= columns {
        rowOut.store(operation.apply(rowIn.vector(at: i) + bias.vector(at: i)), at: i)
        i += 8
      }
      if i < columns {
        let rest = columns - i
        let sum = rowIn.partialVector(at: i, count: rest) + bias.partialVector(at: i, count: rest)
        rowOut.storePartial(operation.apply(sum), at: i, count: rest)
      }
    }
    return
  }
  var period = columns
  while period % 8 != 0 { period += columns }
  withUnsafeTemporaryAllocation(of: Float.self, capacity: period) { repeated in
    guard let repeated = repeated.baseAddress else { return }
    for i in 0..<period { repeated[i] = bias[i % columns] }
    let count = rows * columns
    var i = 0
    while i + 8 <= count {
      out.store(operation.apply(a.vector(at: i) + repeated.vector(at: i % period)), at: i)
      i += 8
    }
    if i < count {
      let rest = count - i
      let sum = a.partialVector(at: i, count: rest) + repeated.vector(at: i % period)
      out.storePartial(operation.apply(sum), at: i, count: rest)
    }
  }
}

/// An operation whose derivative can be written with its output alone, so that a fused layer
/// need not keep its inputs: g · f′(x) is `gradient(g, input: y, output: y)`.
protocol OutputDifferentiable: UnaryOperation {}

/// `g = g · f′` over `count` elements, f′ written with the output `y` alone (a fused layer keeps
/// no input): `operation.gradient(g, input: y, output: y)`.
@inline(__always)
func multiplyBySlopeAtOutput<Operation: OutputDifferentiable>(
  _ operation: Operation, _ count: Int, output y: UnsafePointer<Float>,
  gradient g: UnsafeMutablePointer<Float>
) {
  var i = 0
  while i + 8 <= count {
    let output = y.vector(at: i)
    g.store(operation.gradient(g.vector(at: i), input: output, output: output), at: i)
    i += 8
  }
  if i < count {
    let rest = count - i
    let output = y.partialVector(at: i, count: rest)
    let change = operation.gradient(
      UnsafePointer(g).partialVector(at: i, count: rest), input: output, output: output)
    g.storePartial(change, at: i, count: rest)
  }
}
