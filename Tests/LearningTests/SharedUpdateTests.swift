import Engine
import Learning
import Testing

/// A large parameter's Adam update is shared among the engine's threads: it must give the bits of
/// the update made on one thread, and of the formula in `Adam`'s documentation applied to each
/// value alone.
@Suite struct SharedUpdateTests {
  /// More values than one thread's share, and not a multiple of 8 (the last group is partial).
  static let count = 300_003

  @Test func aSharedAdamUpdateEqualsTheFormulaValueByValue() {
    var generator = RandomGenerator(seed: 5)
    let values = (0..<Self.count).map { _ in Float(generator.normal()) }
    let gradients = (0..<Self.count).map { _ in Float(generator.normal()) }
    let adam = Adam()
    let learningRate: Float = 0.01

    let shared = Self.updated(values, gradients, adam, learningRate)
    let alone = EngineThreads.computingAlone { Self.updated(values, gradients, adam, learningRate) }
    #expect(shared.map(\.bitPattern) == alone.map(\.bitPattern))

    // The first step from zero moments, value by value.
    let stepSize = Float(Double(learningRate) / (1 - Double(adam.beta1)))
    let correction2 = Float((1 - Double(adam.beta2)).squareRoot())
    var wrong = 0
    for i in 0..<Self.count {
      let g = gradients[i]
      let first = (1 - adam.beta1) * g
      let second = (1 - adam.beta2) * g * g
      let expected =
        values[i] - stepSize * (first / (second.squareRoot() / correction2 + adam.epsilon))
      if expected.bitPattern != shared[i].bitPattern { wrong += 1 }
    }
    #expect(wrong == 0, "\(wrong) of \(Self.count) values differ from the formula")
  }

  /// `values` after one Adam step with `gradients`, from zero moments.
  static func updated(
    _ values: [Float], _ gradients: [Float], _ adam: Adam, _ learningRate: Float
  ) -> [Float] {
    var value = values
    var slots = [Float](repeating: 0, count: 2 * values.count)
    value.withUnsafeMutableBufferPointer { value in
      gradients.withUnsafeBufferPointer { gradient in
        slots.withUnsafeMutableBufferPointer { slots in
          adam.update(
            value: value, gradient: gradient, slots: slots, step: 1, learningRate: learningRate)
        }
      }
    }
    return value
  }
}
