import Engine
import Testing

/// `linear` adds the bias and applies the activation row by row for layers of eight or more
/// outputs, and as one flat array against the bias repeated for narrower ones. Every width and
/// batch here is checked bit for bit against each element worked out alone: its product as one
/// chain of fused multiply-adds in order (the engine's promise), plus its bias, then the
/// activation applied by the engine's own element-wise operation on that single value.
@Suite struct LinearWidthTests {
  @Test(arguments: FusedActivation.allCases)
  func everyWidthMatchesEachElementWorkedOutAlone(activation: FusedActivation) throws {
    var generator = RandomGenerator(seed: 5)
    for outputs in [1, 2, 3, 5, 6, 7, 8, 9, 17] {
      for batch in [1, 3, 8, 13] {
        let inputs = 4
        let x = Tensor(normalShape: [batch, inputs], generator: &generator)
        let weight = Tensor(normalShape: [outputs, inputs], generator: &generator)
        let bias = Tensor(normalShape: [outputs], generator: &generator)
        let result = try linear(x, weight: weight, bias: bias, activation: activation).values
        let (xs, ws, bs) = (x.values, weight.values, bias.values)
        for row in 0..<batch {
          for column in 0..<outputs {
            var total: Float = 0
            for p in 0..<inputs {
              total = total.addingProduct(xs[row * inputs + p], ws[column * inputs + p])
            }
            let expected = try activated(total + bs[column], activation)
            let actual = result[row * outputs + column]
            #expect(
              actual.bitPattern == expected.bitPattern,
              "\(activation), \(batch) × \(outputs), element (\(row), \(column))")
          }
        }
      }
    }
  }

  /// `value` through the engine's element-wise activation (not `linear`'s fused one).
  private func activated(_ value: Float, _ activation: FusedActivation) throws -> Float {
    let single = Tensor(scalar: value)
    switch activation {
    case .identity: return value
    case .relu: return single.relu().scalar
    case .sigmoid: return single.sigmoid().scalar
    case .tanh: return single.tanh().scalar
    }
  }
}
