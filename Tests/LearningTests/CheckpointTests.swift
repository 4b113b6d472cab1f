import Datasets
import Engine
import Foundation
import Learning
import TestSupport
import Testing

/// Weights in safetensors with PyTorch's state_dict names, in both directions.
@Suite struct CheckpointTests {
  /// nn.Sequential(Linear(3, 4), BatchNorm1d(4), ReLU(), Linear(4, 2)) after three SGD steps,
  /// from References/make_checkpoint_reference.py, and its evaluation-mode predictions.
  static let pytorchFile =
    ""
    + "UAIAAAAAAAB7IjAud2VpZ2h0Ijp7ImR0eXBlIjoiRjMyIiwic2hhcGUiOls0LDNdLCJkYXRhX29mZnNldHMiOlsw"
    + "LDQ4XX0sIjAuYmlhcyI6eyJkdHlwZSI6IkYzMiIsInNoYXBlIjpbNF0sImRhdGFfb2Zmc2V0cyI6WzQ4LDY0XX0s"
    + "IjEud2VpZ2h0Ijp7ImR0eXBlIjoiRjMyIiwic2hhcGUiOls0XSwiZGF0YV9vZmZzZXRzIjpbNjQsODBdfSwiMS5i"
    + "aWFzIjp7ImR0eXBlIjoiRjMyIiwic2hhcGUiOls0XSwiZGF0YV9vZmZzZXRzIjpbODAsOTZdfSwiMS5ydW5uaW5n"
    + "X21lYW4iOnsiZHR5cGUiOiJGMzIiLCJzaGFwZSI6WzRdLCJkYXRhX29mZnNldHMiOls5NiwxMTJdfSwiMS5ydW5u"
    + "aW5nX3ZhciI6eyJkdHlwZSI6IkYzMiIsInNoYXBlIjpbNF0sImRhdGFfb2Zmc2V0cyI6WzExMiwxMjhdfSwiMS5u"
    + "dW1fYmF0Y2hlc190cmFja2VkIjp7ImR0eXBlIjoiRjMyIiwic2hhcGUiOltdLCJkYXRhX29mZnNldHMiOlsxMjgs"
    + "MTMyXX0sIjMud2VpZ2h0Ijp7ImR0eXBlIjoiRjMyIiwic2hhcGUiOlsyLDRdLCJkYXRhX29mZnNldHMiOlsxMzIs"
    + "MTY0XX0sIjMuYmlhcyI6eyJkdHlwZSI6IkYzMiIsInNoYXBlIjpbMl0sImRhdGFfb2Zmc2V0cyI6WzE2NCwxNzJd"
    + "fX0gICAg7FWKOwoFpT7nD+++jaPbvnzzRL6dCzw+iKPWvBxe6D4hYaK9oNkWPgHsM76i0/S9vTMNv9bFw76EtXO+"
    + "CjSvPGCCfj+49XU/JQR9P7aweD/ED0C7zXvhvAasZ7uwNvi8N6lMvjr65L1yIqS9weYOPFWsTj/5UE8/mPlJPxY6"
    + "QD8AAEBAbT1RPmNfjD4225m+m2pNvnKUDj5W2qs+aHjlvagUnD7n12O9oGlUvQ=="
  static let pytorchNames = [
    "0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
    "1.num_batches_tracked", "3.weight", "3.bias",
  ]
  static let pytorchPredictions: [Float] = [
    -0.0413486995, -0.0343796015, -0.0539592281, -0.039343141, -0.0945820138, 0.0440033972,
  ]
  static let inputs = Matrix(
    rows: 3, columns: 3, values: [0.5, -1, 2, 0, 0.3, -0.7, 1.5, 1.5, -1.5])

  static func model(hidden: Int = 4) throws -> Sequential {
    var generator = RandomGenerator(seed: 1)
    return try Sequential(
      inputFeatures: 3,
      layers: [
        try Dense(inputSize: 3, outputSize: hidden, generator: &generator),
        try BatchNorm(features: hidden),
        ActivationLayer(.relu), try Dense(inputSize: hidden, outputSize: 2, generator: &generator),
      ])
  }

  static func temporaryURL() -> URL {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("trainbook-\(UUID().uuidString).safetensors")
  }

  /// A state_dict written by PyTorch loads into the equivalent model, which predicts the same.
  @Test func pytorchWeightsLoadAndPredictTheSame() throws {
    let bytes = try #require(Data(base64Encoded: Self.pytorchFile))
    let file = try SafetensorsFile(decoding: [UInt8](bytes))
    let model = try Self.model()
    #expect(model.stateDict().map(\.name) == Self.pytorchNames)
    try model.load(stateDict: file.tensors)
    expectClose(
      try model.predict(Self.inputs).values, Self.pytorchPredictions, rtol: 1e-5, atol: 1e-7)
  }

  /// Weights saved and read back are identical, bit for bit, buffers included.
  @Test func savedWeightsReadBackIdentical() throws {
    var generator = RandomGenerator(seed: 4)
    let data = Dataset(
      name: "noise", features: (0..<180).map { _ in Float(generator.normal()) }, featureCount: 3,
      targets: (0..<60).map { Float($0 % 2) }, task: .multiclass(classes: 2),
      provenance: .generated(generator: "normal", parameters: [:], seed: 4))
    let model = try Self.model()
    try Trainer(
      model: model, loss: .crossEntropy(), optimizer: Optimizer(Adam()),
      options: FitOptions(epochs: 2)
    )
    .fit(data)
    let url = Self.temporaryURL()
    defer { try? FileManager.default.removeItem(at: url) }
    try model.saveWeights(to: url)
    let copy = try Self.model()
    try copy.loadWeights(from: url)
    #expect(copy.stateDict() == model.stateDict())
    #expect(try copy.predict(Self.inputs) == model.predict(Self.inputs))
  }

  /// Weights for a different shape are refused, naming the tensor, and change nothing.
  @Test func differentShapeNamesTheTensor() throws {
    let url = Self.temporaryURL()
    defer { try? FileManager.default.removeItem(at: url) }
    try Self.model().saveWeights(to: url)
    let wider = try Self.model(hidden: 5)
    let before = wider.stateDict()
    #expect(
      throws: ModelError(
        "shape mismatch: tensor 0.weight has shape [4, 3] in the weights but [5, 3] in the model")
    ) {
      try wider.loadWeights(from: url)
    }
    #expect(wider.stateDict() == before)
    let plain = try Sequential.mlp(inputs: 3, hidden: [4], outputs: 2)
    #expect(
      throws: ModelError(
        "missing tensor: the weights have no tensor 2.weight, which the model needs")
    ) {
      try plain.load(stateDict: try Self.model().stateDict())
    }
    let extra = plain.stateDict() + [NamedTensor(name: "9.bias", shape: [1], values: [0])]
    #expect(
      throws: ModelError(
        "unexpected tensor: the weights have a tensor 9.bias that the model does not have")
    ) {
      try plain.load(stateDict: extra)
    }
  }

  /// A batch count that is not a whole number ≥ 0 is refused, naming the tensor, and the model
  /// keeps its weights (PyTorch's count is an int64).
  @Test func aBrokenBatchCountIsRefused() throws {
    let model = try Self.model()
    let before = model.stateDict()
    for count: Float in [.nan, .infinity, -1, 2.5, 1e30] {
      let tensors = before.map { tensor in
        tensor.name == "1.num_batches_tracked"
          ? NamedTensor(name: tensor.name, shape: tensor.shape, values: [count]) : tensor
      }
      #expect(
        throws: ModelError(
          "tensor 1.num_batches_tracked must hold a whole number of batches from 0 to 2⁵³, "
            + "got \(count)")
      ) { try model.load(stateDict: tensors) }
    }
    #expect(model.stateDict() == before)
  }

  /// A damaged file is rejected with a reason, never a crash, and the model keeps its weights.
  @Test func damagedFilesAreRejected() throws {
    let url = Self.temporaryURL()
    defer { try? FileManager.default.removeItem(at: url) }
    let model = try Self.model()
    try model.saveWeights(to: url)
    let bytes = try Data(contentsOf: url)
    let before = model.stateDict()
    for damaged in [bytes.prefix(bytes.count - 4), bytes.prefix(6), Data("not a file".utf8)] {
      try damaged.write(to: url)
      #expect(throws: (any Error).self) { try model.loadWeights(from: url) }
    }
    #expect(model.stateDict() == before)
  }

  /// The checkpoint callback keeps the last epoch's weights and the best epoch's.
  @Test func checkpointCallbackWritesBestAndLast() throws {
    let data = try Dataset.moons(count: 200, noise: 0.3, seed: 1).split(train: 0.5, validation: 0.5)
    let (best, last) = (Self.temporaryURL(), Self.temporaryURL())
    defer { for url in [best, last] { try? FileManager.default.removeItem(at: url) } }
    let checkpoint = ModelCheckpoint(best: best, last: last)
    let probe = ModelCheckpointProbe()
    let model = try Sequential.mlp(inputs: 2, hidden: [64, 64], outputs: 1, seed: 3)
    try Trainer(
      model: model, loss: .binaryCrossEntropy, optimizer: Optimizer(Adam(), learningRate: 0.05),
      options: FitOptions(
        epochs: 30, batchSize: 16, validation: data.validation, callbacks: [probe, checkpoint])
    ).fit(data.train)
    let bestEpoch = try #require(checkpoint.bestSoFar?.epoch)
    #expect(try SafetensorsFile.read(from: best).tensors == probe.weights[bestEpoch - 1])
    #expect(try SafetensorsFile.read(from: last).tensors == probe.weights.last)
  }
}
