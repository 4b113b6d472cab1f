import Engine
import Testing

/// `linear` adds the bias and applies the activation row by row for layers of eight or more
/// outputs, and as one flat array against the bias repeated for narrower ones; its backward pass
/// sums the bias's gradient eight columns at a time, and the last few one by one. Every width and
/// batch here is checked bit for bit against each element worked out alone: its product as one
/// chain of fused multiply-adds in order (the engine's promise), plus its bias, then the
/// activation applied by the engine's own element-wise operation on that single value.
@Suite struct LinearWidthTests {
  @Test(arguments: FusedActivation.allCases)
  func everyWidthMatchesEachElementWorkedOutAlone(activation: FusedActivation) throws {
    var generator = RandomGenerator(seed: 5)
    for outputs in [1, 2, 3, 4, 5, 6, 7, 8, 9, 17] {
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

  /// The backward pass of every width, bit for bit: with the loss Σ y ⊙ c, the gradient at the
  /// layer is c where the activation passes it (relu: where y > 0), and each gradient is worked
  /// out alone in the engine's order: the bias's as the rows added in order, the weight's and the
  /// input's as chains of fused multiply-adds over the batch and over the outputs.
  @Test(arguments: [FusedActivation.identity, .relu])
  func everyWidthsGradientsMatchEachElementWorkedOutAlone(activation: FusedActivation) throws {
    var generator = RandomGenerator(seed: 6)
    for outputs in [1, 2, 3, 4, 5, 6, 7, 8, 9, 17] {
      for batch in [1, 3, 8, 13] {
        let inputs = 4
        let x = Tensor(normalShape: [batch, inputs], generator: &generator, requiresGradient: true)
        let weight = Tensor(
          normalShape: [outputs, inputs], generator: &generator, requiresGradient: true)
        let bias = Tensor(normalShape: [outputs], generator: &generator, requiresGradient: true)
        let c = Tensor(normalShape: [batch, outputs], generator: &generator)
        let y = try linear(x, weight: weight, bias: bias, activation: activation)
        try (y * c).sum().backward()
        let (xs, ws, ys, cs) = (x.values, weight.values, y.values, c.values)
        let gz = (0..<(batch * outputs)).map { activation == .relu && !(ys[$0] > 0) ? 0 : cs[$0] }
        var biasGradient = [Float](repeating: 0, count: outputs)
        var weightGradient = [Float](repeating: 0, count: outputs * inputs)
        var inputGradient = [Float](repeating: 0, count: batch * inputs)
        for column in 0..<outputs {
          for row in 0..<batch { biasGradient[column] += gz[row * outputs + column] }
          for p in 0..<inputs {
            var total: Float = 0
            for row in 0..<batch {
              total = total.addingProduct(gz[row * outputs + column], xs[row * inputs + p])
            }
            weightGradient[column * inputs + p] = total
          }
        }
        for row in 0..<batch {
          for p in 0..<inputs {
            var total: Float = 0
            for column in 0..<outputs {
              total = total.addingProduct(gz[row * outputs + column], ws[column * inputs + p])
            }
            inputGradient[row * inputs + p] = total
          }
        }
        let shape = "\(activation), \(batch) × \(outputs)"
        #expect(bias.gradient?.map(\.bitPattern) == biasGradient.map(\.bitPattern), "\(shape)")
        #expect(
          weight.gradient?.map(\.bitPattern) == weightGradient.map(\.bitPattern), "\(shape)")
        #expect(x.gradient?.map(\.bitPattern) == inputGradient.map(\.bitPattern), "\(shape)")
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
