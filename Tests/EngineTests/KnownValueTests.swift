import Engine
import TestSupport
import Testing

/// Values computed independently in float64 by References/make_known_values.py. Float32 carries
/// about 7 significant digits and each value here takes only a few roundings, so rtol 1e-5 with
/// atol 1e-6 (for values near zero) is tight enough to catch any wrong formula.
@Suite struct KnownValueTests {
  let x: Tensor

  init() throws {
    x = try Tensor(
      shape: [3, 4], values: [0.5, -1.2, 2.0, 0.1, 1.5, 0.3, -0.7, -2.2, 0.0, 0.9, -0.4, 1.1])
  }

  func check(
    _ tensor: Tensor, _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    expectClose(tensor.values.map(Double.init), expected, sourceLocation: sourceLocation)
  }

  func check(
    _ gradient: [Float]?, _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    expectClose((gradient ?? []).map(Double.init), expected, sourceLocation: sourceLocation)
  }

  @Test func activationsAndSoftmax() throws {
    check(try x.softmax(), Reference.softmaxLastAxis)
    check(try x.logSoftmax(alongAxis: 0), Reference.logSoftmaxFirstAxis)
    check(x.gelu(), Reference.gelu)
    check(x.softplus(), Reference.softplus)
    check(x.elu(), Reference.elu)
    check(x.sigmoid(), Reference.sigmoid)
    check(x.tanh(), Reference.tanh)
    check(x.leakyRelu(), Reference.leakyRelu)
  }

  @Test func reductionsAndProducts() throws {
    check(try x.sum(alongAxis: 0), Reference.sumFirstAxis)
    check(try x.mean(alongAxis: 1), Reference.meanLastAxis)
    check(try x.max(alongAxis: -1), Reference.maxLastAxis)
    check(try x.variance(alongAxis: 0), Reference.varianceFirstAxis)
    check(x.variance(unbiased: true), Reference.unbiasedVariance)
    check(try x.matmul(x.transposed()), Reference.productWithTranspose)
  }

  @Test func lossesAndTheirGradients() throws {
    let logits = x.copy(requiresGradient: true)
    let crossEntropy = try softmaxCrossEntropy(logits: logits, labels: [2, 0, 3])
    check(crossEntropy, Reference.crossEntropy)
    try crossEntropy.backward()
    check(logits.gradient, Reference.crossEntropyGradient)

    let column = x.values.enumerated().filter { $0.offset % 4 == 0 }.map(\.element)
    let z = try Tensor(shape: [3, 1], values: column, requiresGradient: true)
    let targets = try Tensor(shape: [3, 1], values: [1, 0, 0.5])
    let binary = try binaryCrossEntropyWithLogits(logits: z, targets: targets)
    check(binary, Reference.binaryCrossEntropy)
    try binary.backward()
    check(z.gradient, Reference.binaryCrossEntropyGradient)
  }

  @Test func linearLayerAndItsGradients() throws {
    let input = x.copy(requiresGradient: true)
    let weight = try Tensor(
      shape: [2, 4], values: [0.2, -0.3, 0.5, 0.1, -0.4, 0.6, 0.0, 0.3], requiresGradient: true)
    let bias = try Tensor(shape: [2], values: [0.1, -0.2], requiresGradient: true)
    let y = try linear(input, weight: weight, bias: bias, activation: .relu)
    check(y, Reference.linearOutput)
    let c = try Tensor(shape: [3, 2], values: [1, 2, 3, 4, 5, 6])
    try (y * c).sum().backward()
    check(input.gradient, Reference.linearInputGradient)
    check(weight.gradient, Reference.linearWeightGradient)
    check(bias.gradient, Reference.linearBiasGradient)
  }
}

/// Printed by References/make_known_values.py.
private enum Reference {
  static let softmaxLastAxis: [Double] = [
    0.157860856, 0.0288385774, 0.707483271, 0.105817296, 0.696029411, 0.20964003, 0.0771222571,
    0.0172083016, 0.140172063, 0.344767643, 0.0939601439, 0.42110015,
  ]
  static let logSoftmaxFirstAxis: [Double] = [
    -1.46436878, -2.61358266, -0.146628285, -1.33986833, -0.464368784, -1.11358266, -2.84662829,
    -3.63986833, -1.96436878, -0.513582658, -2.54662829, -0.339868327,
  ]
  static let gelu: [Double] = [
    0.345731231, -0.138083604, 1.95449974, 0.0539827837, 1.3997892, 0.185373427, -0.169374557,
    -0.0305875845, 0, 0.734345887, -0.137831303, 0.950767333,
  ]
  static let softplus: [Double] = [
    0.974076984, 0.263282467, 2.12692801, 0.74439666, 1.70141328, 0.854355244, 0.403186049,
    0.10508332, 0.693147181, 1.24115387, 0.513015252, 1.38733533,
  ]
  static let elu: [Double] = [
    0.5, -0.698805788, 2, 0.1, 1.5, 0.3, -0.503414696, -0.889196842, 0, 0.9, -0.329679954, 1.1,
  ]
  static let sigmoid: [Double] = [
    0.622459331, 0.231475217, 0.880797078, 0.524979187, 0.817574476, 0.574442517, 0.331812228,
    0.0997504891, 0.5, 0.710949503, 0.40131234, 0.750260106,
  ]
  static let tanh: [Double] = [
    0.462117157, -0.833654607, 0.96402758, 0.0996679946, 0.905148254, 0.291312612, -0.604367777,
    -0.97574313, 0, 0.71629787, -0.379948962, 0.800499022,
  ]
  static let leakyRelu: [Double] = [
    0.5, -0.012, 2, 0.1, 1.5, 0.3, -0.007, -0.022, 0, 0.9, -0.004, 1.1,
  ]
  static let sumFirstAxis: [Double] = [2, 1.11022302e-16, 0.9, -1]
  static let meanLastAxis: [Double] = [0.35, -0.275, 0.4]
  static let maxLastAxis: [Double] = [2, 1.5, 1.1]
  static let varianceFirstAxis: [Double] = [0.388888889, 0.78, 1.46, 1.90888889]
  static let unbiasedVariance: [Double] = [1.38628788]
  static let productWithTranspose: [Double] = [
    5.7, -1.23, -1.77, -1.23, 7.67, -1.87, -1.77, -1.87, 2.18,
  ]
  static let crossEntropy: [Double] = [0.524429748]
  static let crossEntropyGradient: [Double] = [
    0.0526202852, 0.00961285914, -0.0975055763, 0.035272432, -0.10132353, 0.06988001, 0.025707419,
    0.00573610053, 0.0467240211, 0.114922548, 0.031320048, -0.192966617,
  ]
  static let binaryCrossEntropy: [Double] = [0.956212481]
  static let binaryCrossEntropyGradient: [Double] = [-0.12584689, 0.272524825, 0]
  static let linearOutput: [Double] = [1.57, 0, 0, 0, 0, 0.67]
  static let linearInputGradient: [Double] = [0.2, -0.3, 0.5, 0.1, 0, 0, 0, 0, -2.4, 3.6, 0, 1.8]
  static let linearWeightGradient: [Double] = [0.5, -1.2, 2, 0.1, 0, 5.4, -2.4, 6.6]
  static let linearBiasGradient: [Double] = [1, 6]
}
