import Datasets
import Engine
import Learning
import TestSupport
import Testing

/// Finite-difference checks of the gradients back-propagated through every layer and loss (the
/// engine's graph of their operations), and the layers' modes.
@Suite struct LayerTests {
  static let middles: [String] = [
    "relu", "leakyReLU", "elu", "sigmoid", "tanh", "gelu", "softplus", "dropout", "batchNorm",
  ]

  static func middle(_ name: String) throws -> any Layer {
    switch name {
    case "relu": ActivationLayer(.relu)
    case "leakyReLU": ActivationLayer(.leakyReLU(slope: 0.1))
    case "elu": ActivationLayer(.elu(alpha: 1))
    case "sigmoid": ActivationLayer(.sigmoid)
    case "tanh": ActivationLayer(.tanh)
    case "gelu": ActivationLayer(.gelu)
    case "softplus": ActivationLayer(.softplus)
    case "dropout": try Dropout(probability: 0.3)
    default: try BatchNorm(features: 5)
    }
  }

  /// Dense(3, 5), the layer, Dense(5, 2) under cross-entropy: the parameter gradients from
  /// `backward()` match central differences of the loss.
  @Test(arguments: middles)
  func backwardMatchesFiniteDifferences(_ name: String) throws {
    var generator = RandomGenerator(seed: 7)
    let model = try Sequential(
      inputFeatures: 3,
      layers: [
        try Dense(
          inputSize: 3, outputSize: 5, initialization: .xavierNormal, generator: &generator),
        try Self.middle(name),
        try Dense(
          inputSize: 5, outputSize: 2, initialization: .xavierNormal, generator: &generator),
      ])
    let input = Matrix(rows: 6, columns: 3, values: (0..<18).map { _ in Float(generator.normal()) })
    let targets: [Float] = [0, 1, 1, 0, 1, 0]
    let loss = Loss.crossEntropy()
    let parameters = model.parameters
    func lossAt(_ flat: [Float]) throws -> Float {
      var offset = 0
      for parameter in parameters {
        parameter.value = Array(flat[offset..<(offset + parameter.count)])
        offset += parameter.count
      }
      var pass = ForwardPass(isTraining: true, generator: RandomGenerator(seed: 3))
      return try loss.value(model.forward(input, pass: &pass), targets: targets)
    }
    let point = parameters.flatMap(\.value)
    model.zeroGradients()
    var pass = ForwardPass(isTraining: true, generator: RandomGenerator(seed: 3))
    try loss.loss(model.forward(input.tensor, pass: &pass), targets: targets).backward()
    let analytic = parameters.flatMap(\.gradient)
    try gradCheck(lossAt, at: point, analytic: analytic, step: 1e-2, rtol: 2e-2, atol: 2e-3)
  }

  /// A model fuses a dense layer with the relu, sigmoid or tanh after it into one engine
  /// operation; its outputs equal those of the layers run one after the other.
  @Test(arguments: [Activation.relu, .sigmoid, .tanh, .gelu])
  func fusedLayersGiveTheSameOutputs(_ activation: Activation) throws {
    var generator = RandomGenerator(seed: 11)
    let dense = try Dense(inputSize: 3, outputSize: 9, generator: &generator)
    let layer = ActivationLayer(activation)
    let model = try Sequential(inputFeatures: 3, layers: [dense, layer])
    let input = Matrix(rows: 5, columns: 3, values: (0..<15).map { _ in Float(generator.normal()) })
    var pass = ForwardPass.evaluation
    let separate = try layer.forward(dense.forward(input.tensor, pass: &pass), pass: &pass)
    #expect(try model.predict(input).values == separate.values)
  }

  static let losses: [Loss] = [
    .meanSquaredError, .meanAbsoluteError, .huber(delta: 0.7), .binaryCrossEntropy,
  ]

  /// Each loss's gradient matches central differences (points kept away from kinks).
  @Test(arguments: losses)
  func lossGradientMatchesFiniteDifferences(_ loss: Loss) throws {
    let predictions: [Float] = [0.3, -1.2, 2.5, 0.05, -0.4]
    let targets: [Float] = [0, 1, 1, 0, 1]
    let function = { (values: [Float]) in
      try loss.value(Matrix(rows: 5, columns: 1, values: values), targets: targets)
    }
    let analytic = try gradient(of: loss, at: predictions, rows: 5, targets: targets)
    try gradCheck(function, at: predictions, analytic: analytic, step: 1e-2)
  }

  /// Cross-entropy with label smoothing: gradient and stability at logits of ±1000.
  @Test func crossEntropyGradientAndStability() throws {
    let loss = Loss.crossEntropy(labelSmoothing: 0.2)
    let logits: [Float] = [0.5, -1, 2, 1.5, 0.2, -0.3]
    let function = { (values: [Float]) in
      try loss.value(Matrix(rows: 2, columns: 3, values: values), targets: [2, 0])
    }
    let analytic = try gradient(of: loss, at: logits, rows: 2, targets: [2, 0])
    try gradCheck(function, at: logits, analytic: analytic)
    let extreme = try Tensor(shape: [1, 2], values: [1000, -1000], requiresGradient: true)
    let extremeLoss = try loss.loss(extreme, targets: [1])
    try extremeLoss.backward()
    #expect(extremeLoss.scalar.isFinite && (extreme.gradient ?? []).allSatisfy(\.isFinite))
    let bce = try Loss.binaryCrossEntropy.value(
      Matrix(rows: 2, columns: 1, values: [1000, -1000]), targets: [0, 1])
    #expect(bce == 1000)
  }

  /// Dropout zeroes about p of the values while training, scales survivors by 1/(1 − p), and
  /// passes everything through in evaluation.
  @Test func dropoutModes() throws {
    let layer = try Dropout(probability: 0.25)
    let input = Matrix(rows: 100, columns: 40, values: .init(repeating: 1, count: 4000))
    var pass = ForwardPass(isTraining: true, generator: RandomGenerator(seed: 1))
    let output = try layer.forward(input.tensor, pass: &pass)
    let zeros = output.values.count { $0 == 0 }
    #expect(abs(Double(zeros) / 4000 - 0.25) < 0.03)
    #expect(output.values.allSatisfy { $0 == 0 || $0 == Float(1) / 0.75 })
    var evaluation = ForwardPass.evaluation
    #expect(try layer.forward(input.tensor, pass: &evaluation).values == input.values)
  }

  /// Batch norm's running statistics follow PyTorch's update (momentum 0.1, unbiased variance),
  /// and evaluation uses them.
  @Test func batchNormRunningStatistics() throws {
    let layer = try BatchNorm(features: 1)
    let input = Matrix(rows: 4, columns: 1, values: [1, 2, 3, 6])
    var pass = ForwardPass(isTraining: true)
    let output = try layer.forward(input.tensor, pass: &pass)
    // mean 3, biased variance 3.5, unbiased 14/3.
    expectClose(layer.runningMean, [0.3])
    expectClose(layer.runningVariance, [0.9 + 0.1 * 14 / 3])
    expectClose(output.values, [1, 2, 3, 6].map { (Float($0) - 3) / (3.5 + 1e-5).squareRoot() })
    let evaluated = try layer.predictOne(3)
    expectClose([evaluated], [(3 - 0.3) / (layer.runningVariance[0] + 1e-5).squareRoot()])
    #expect(layer.buffers.map(\.name) == ["running_mean", "running_var", "num_batches_tracked"])
    #expect(layer.buffers[2].values == [1])
  }

  /// The summary lists every layer with its output shape and parameter count.
  @Test func summary() throws {
    let model = try Sequential.mlp(inputs: 2, hidden: [16], outputs: 1)
    model.freeze(layers: [0])
    let text = model.summary.description
    #expect(text.contains("0 (Linear)          (None, 16)          48"))
    #expect(text.contains("1 (ReLU)            (None, 16)           0"))
    #expect(text.contains("2 (Linear)          (None, 1)           17"))
    #expect(text.contains("Total params: 65"))
    #expect(text.contains("Trainable params: 17"))
    #expect(text.contains("Non-trainable params: 48"))
  }

  /// A layer that cannot take the previous one's output is named at construction.
  @Test func mismatchedLayersAreNamed() throws {
    var generator = RandomGenerator(seed: 0)
    #expect(
      throws: ModelError(
        "layer 1 (Linear): a dense layer made for 3 inputs cannot take data with 4 features")
    ) {
      try Sequential(
        inputFeatures: 2,
        layers: [
          try Dense(inputSize: 2, outputSize: 4, generator: &generator),
          try Dense(inputSize: 3, outputSize: 1, generator: &generator),
        ])
    }
  }
}

/// What a learner can get wrong reaches them as an error, never a crash.
@Suite struct UserMistakeTests {
  @Test func mistakesAreErrorsWithExplanations() throws {
    var generator = RandomGenerator(seed: 0)
    #expect(throws: ModelError.self) {
      try Dense(inputSize: 0, outputSize: 3, generator: &generator)
    }
    #expect(throws: ModelError.self) { try Dropout(probability: 1) }
    #expect(throws: ModelError.self) { try BatchNorm(features: 0) }
    let model = try Sequential.mlp(inputs: 2, hidden: [4], outputs: 1)
    #expect(throws: ModelError("the model takes 2 features, not 3")) {
      try model.predict(Matrix(rows: 1, columns: 3, values: [1, 2, 3]))
    }
    #expect(
      throws: ModelError(
        "the model has 2 outputs but the data has classes up to 2: cross_entropy needs one "
          + "output per class; build the model with outputs: 3")
    ) {
      try Loss.crossEntropy().value(Matrix(rows: 1, columns: 2, values: [0, 1]), targets: [2])
    }
    #expect(
      throws: ModelError(
        "the model has 1 output but the data has classes up to 2: cross_entropy needs one "
          + "output per class; build the model with outputs: 3")
    ) {
      try Loss.crossEntropy().check(outputs: 1, targets: [0, 2, 1])
    }
    #expect(
      throws: ModelError(
        "cross_entropy needs class indices 0, 1, 2, …, got the target 0.5; for numbers to "
          + "predict use mse")
    ) { try Loss.crossEntropy().check(outputs: 3, targets: [0, 0.5]) }
    #expect(
      throws: ModelError(
        "bce needs targets from 0 to 1, got the target 2.0; for several classes use "
          + "cross_entropy with one output per class")
    ) {
      try Loss.binaryCrossEntropy.value(
        Matrix(rows: 2, columns: 1, values: [0, 1]), targets: [1, 2])
    }
    #expect(throws: Never.self) {
      try Loss.binaryCrossEntropy.value(
        Matrix(rows: 2, columns: 1, values: [0, 1]), targets: [0, 0.5])
    }
    let data = try Dataset.moons(count: 33, seed: 1)
    var options = FitOptions(batchSize: 0)
    #expect(throws: ModelError.self) {
      try Trainer(
        model: model, loss: .binaryCrossEntropy, optimizer: Optimizer(Adam()), options: options
      )
      .fit(data)
    }
    let normed = try Sequential(
      inputFeatures: 2,
      layers: [
        try Dense(inputSize: 2, outputSize: 3, generator: &generator), try BatchNorm(features: 3),
      ])
    options.batchSize = 32
    #expect(throws: ModelError.self) {
      try Trainer(
        model: normed, loss: .crossEntropy(), optimizer: Optimizer(Adam()), options: options
      ).fit(
        data)
    }
  }
}

extension BatchNorm {
  /// The evaluation-mode output for a single one-feature sample.
  fileprivate func predictOne(_ value: Float) throws -> Float {
    var pass = ForwardPass.evaluation
    return try forward(Tensor(shape: [1, 1], values: [value]), pass: &pass).scalar
  }
}

/// The gradient of `loss` with respect to predictions `values` ([rows, values.count / rows]),
/// by `backward()`.
private func gradient(of loss: Loss, at values: [Float], rows: Int, targets: [Float]) throws
  -> [Float]
{
  let predictions = try Tensor(
    shape: [rows, values.count / rows], values: values, requiresGradient: true)
  try loss.loss(predictions, targets: targets).backward()
  return predictions.gradient ?? []
}
