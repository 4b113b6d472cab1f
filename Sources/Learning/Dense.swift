import Engine

/// A fully connected layer: `y = x·Wᵀ + b`, PyTorch's `nn.Linear`.
///
/// The weight `W` is `[outputs, inputs]` and the bias `b` is `[outputs]`, as in PyTorch. Backward,
/// with `G` = ∂loss/∂y (one row per sample): ∂W += Gᵀ·x, ∂b += Σ_rows G, ∂x = G·W.
public final class Dense: Layer {
  /// The number of input features.
  public let inputSize: Int
  /// The number of output features.
  public let outputSize: Int
  /// The weight, `[outputSize, inputSize]`.
  public let weight: Parameter
  /// The bias, `[outputSize]`.
  public let bias: Parameter
  private var lastInput = Matrix(zerosWithRows: 0, columns: 0)

  /// Creates a layer with weights drawn by `initialization` from `generator`; both sizes must be
  /// positive.
  public init(
    inputSize: Int, outputSize: Int, initialization: Initialization = .kaimingUniform,
    generator: inout RandomGenerator
  ) throws(ModelError) {
    guard inputSize > 0, outputSize > 0 else {
      throw ModelError(
        "a dense layer needs at least one input and one output, got \(inputSize) → \(outputSize)")
    }
    self.inputSize = inputSize
    self.outputSize = outputSize
    let weights = initialization.weights(fanIn: inputSize, fanOut: outputSize, generator: &generator)
    let biases = initialization.biases(fanIn: inputSize, fanOut: outputSize, generator: &generator)
    weight = Parameter(name: "weight", shape: [outputSize, inputSize], value: weights)
    bias = Parameter(name: "bias", shape: [outputSize], value: biases)
  }

  /// Creates a layer with weights drawn by `initialization` from a generator seeded with `seed`.
  public convenience init(
    inputSize: Int, outputSize: Int, initialization: Initialization = .kaimingUniform,
    seed: UInt64
  ) throws(ModelError) {
    var generator = RandomGenerator(seed: seed)
    try self.init(
      inputSize: inputSize, outputSize: outputSize, initialization: initialization,
      generator: &generator)
  }

  /// "Linear", PyTorch's name.
  public var kind: String { "Linear" }
  /// The weight and the bias.
  public var parameters: [Parameter] { [weight, bias] }

  /// `outputSize`, if `inputs` is `inputSize`.
  public func outputFeatures(forInputs inputs: Int) throws(ModelError) -> Int {
    guard inputs == inputSize else {
      throw ModelError(
        "a dense layer made for \(inputSize) inputs cannot take data with \(inputs) features")
    }
    return outputSize
  }

  /// `x·Wᵀ + b`.
  public func forward(_ input: Matrix, pass: inout ForwardPass) -> Matrix {
    precondition(input.columns == inputSize, "dense layer expects \(inputSize) features")
    lastInput = input
    let rows = input.rows
    var output = [Float](repeating: 0, count: rows * outputSize)
    bias.value.withUnsafeBufferPointer { bias in
      output.withUnsafeMutableBufferPointer { output in
        for row in 0..<rows {
          for j in 0..<bias.count { output[row * bias.count + j] = bias[j] }
        }
      }
    }
    multiply(
      input.values, transposeA: false, weight.value, transposeB: true,
      m: rows, n: outputSize, k: inputSize, into: &output, accumulate: true)
    return Matrix(rows: rows, columns: outputSize, values: output)
  }

  /// ∂W += Gᵀ·x, ∂b += Σ_rows G, and ∂x = G·W when asked.
  public func backward(_ outputGradient: Matrix, needsInputGradient: Bool) -> Matrix? {
    let rows = outputGradient.rows
    if !weight.isFrozen {
      multiply(
        outputGradient.values, transposeA: true, lastInput.values, transposeB: false,
        m: outputSize, n: inputSize, k: rows, into: &weight.gradient, accumulate: true)
    }
    if !bias.isFrozen {
      let width = outputSize
      outputGradient.values.withUnsafeBufferPointer { g in
        bias.gradient.withUnsafeMutableBufferPointer { b in
          for row in 0..<rows {
            for j in 0..<width { b[j] += g[row * width + j] }
          }
        }
      }
    }
    guard needsInputGradient else { return nil }
    var inputGradient = [Float](repeating: 0, count: rows * inputSize)
    multiply(
      outputGradient.values, transposeA: false, weight.value, transposeB: false,
      m: rows, n: inputSize, k: outputSize, into: &inputGradient, accumulate: false)
    return Matrix(rows: rows, columns: inputSize, values: inputGradient)
  }
}

/// `c = op(a) · op(b) + (accumulate ? c : 0)` for row-major buffers, through the engine's matrix
/// kernel, where `op(a)` is `m × k` and `op(b)` is `k × n`; `transposeA` means `a` is stored
/// `k × m`, and likewise for `b`.
private func multiply(
  _ a: [Float], transposeA: Bool, _ b: [Float], transposeB: Bool,
  m: Int, n: Int, k: Int, into c: inout [Float], accumulate: Bool
) {
  precondition(a.count >= m * k && b.count >= k * n && c.count >= m * n, "gemm sizes differ")
  guard m > 0, n > 0 else { return }
  guard k > 0 else {
    if !accumulate { c.withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
    return
  }
  a.withUnsafeBufferPointer { a in
    b.withUnsafeBufferPointer { b in
      c.withUnsafeMutableBufferPointer { c in
        guard let aBase = a.baseAddress, let bBase = b.baseAddress, let cBase = c.baseAddress
        else { return }
        multiplyMatrices(
          MatrixOperand(
            base: aBase, rows: transposeA ? k : m, columns: transposeA ? m : k,
            transposed: transposeA),
          MatrixOperand(
            base: bBase, rows: transposeB ? n : k, columns: transposeB ? k : n,
            transposed: transposeB),
          into: cBase, accumulate: accumulate)
      }
    }
  }
}
