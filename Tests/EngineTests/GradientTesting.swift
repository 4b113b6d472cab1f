import Engine
import TestSupport
import Testing

/// Checks the gradients that `backward()` gives every input of `operation` against central
/// differences of the same computation.
///
/// The output is reduced to a scalar as Σ wᵢ yᵢ with fixed random weights w, so that every
/// output element's gradient is distinct and a transposed or misplaced gradient shows.
/// Float32 rounding in a sum of n terms of size s is about √n·s·6e-8, which the central difference
/// divides by 2h: large outputs need a larger `step`, which is exact for (bi)linear operations.
func checkGradients(
  _ shapes: [Shape], seed: UInt64 = 1, avoidingKinks: Bool = false, positive: Bool = false,
  step: Float = 1e-2, rtol: Double = 1e-2, atol: Double = 1e-3,
  sourceLocation: SourceLocation = #_sourceLocation,
  _ operation: ([Tensor]) throws -> Tensor
) throws {
  var generator = RandomGenerator(seed: seed)
  let points: [[Float]] = shapes.map { shape in
    (0..<shape.elementCount).map { _ in
      var value = Float(generator.uniform(-2, 2))
      if avoidingKinks { value = value < 0 ? value - 0.1 : value + 0.1 }
      return positive ? abs(value) + 0.2 : value
    }
  }
  let inputs = try zip(shapes, points).map {
    try Tensor(shape: $0, values: $1, requiresGradient: true)
  }
  let output = try operation(inputs)
  let weights = Tensor(uniformShape: output.shape, low: -1, high: 1, generator: &generator)
  try (output * weights).sum().backward()
  for (index, input) in inputs.enumerated() {
    let analytic = input.gradient ?? [Float](repeating: 0, count: input.elementCount)
    try gradCheck(
      { values in
        var changed = points
        changed[index] = values
        let arguments = try zip(shapes, changed).map { try Tensor(shape: $0, values: $1) }
        return try Tensor.withoutGradients { try (operation(arguments) * weights).sum().scalar }
      }, at: points[index], analytic: analytic, step: step, rtol: rtol, atol: atol,
      sourceLocation: sourceLocation)
  }
}
