import Engine
import Foundation
import Learning
import TestSupport
import Testing

/// Files written by PyTorch itself (References/pytorch/make_pytorch_files.py, which also printed
/// the expected numbers): a BatchNorm model's state_dict through `safetensors.torch.save_file`,
/// the same through `torch.save`, and one tensor of each dtype trainbook converts.
@Suite struct PyTorchFilesTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("References/pytorch")

  /// The script's `probes` and the outputs PyTorch printed for them in evaluation mode.
  static let probes = Matrix(
    rows: 3, columns: 3, values: [1, 2, 3, -1, 0.5, -0.25, 2, -1.5, 0.75])
  static let pytorchOutputs: [Float] = [
    -0.0419199988, -0.00612670928, 0.128275096, 0.0653996244, 0.0293530151, 0.193440706,
  ]

  /// A model built like the script's.
  static func model() throws -> Sequential {
    var generator = RandomGenerator(seed: 1)
    return try Sequential(
      inputFeatures: 3,
      layers: [
        try Dense(inputSize: 3, outputSize: 4, generator: &generator), try BatchNorm(features: 4),
        ActivationLayer(.relu), try Dense(inputSize: 4, outputSize: 2, generator: &generator),
      ])
  }

  @Test func batchNormSequentialSavedBySafetensorsLoadsAndPredictsTheSame() throws {
    let url = Self.folder.appendingPathComponent("batchnorm.safetensors")
    let file = try SafetensorsFile.read(from: url)
    #expect(file["1.num_batches_tracked"]?.elementType == .int64)
    #expect(file["1.num_batches_tracked"]?.values == [3])
    let model = try Self.model()
    let notes = try model.loadWeights(from: url)
    #expect(notes.isEmpty)
    expectClose(try model.predict(Self.probes).values, Self.pytorchOutputs, rtol: 1e-5, atol: 1e-7)
  }

  /// Written back, the count is an I64 again and every other tensor the same F32 bytes, so the
  /// file PyTorch wrote and the file trainbook writes hold the same tensors.
  @Test func countsAreWrittenBackAsInt64LikePyTorch() throws {
    let url = Self.folder.appendingPathComponent("batchnorm.safetensors")
    let model = try Self.model()
    try model.loadWeights(from: url)
    let written = try SafetensorsFile(
      decoding: SafetensorsFile(tensors: model.stateDict()).encoded())
    let original = try SafetensorsFile.read(from: url)
    for tensor in original.tensors {
      #expect(written[tensor.name] == tensor, "\(tensor.name)")
    }
    let bytes = try SafetensorsFile(tensors: model.stateDict()).encoded()
    let header = String(decoding: bytes[8..<min(bytes.count, 1000)], as: UTF8.self)
    #expect(header.contains("\"1.num_batches_tracked\":{\"dtype\":\"I64\",\"shape\":[]"))
  }

  @Test func aTorchSavePickleIsNamedForWhatItIs() throws {
    let url = Self.folder.appendingPathComponent("batchnorm.pt")
    #expect {
      try SafetensorsFile.read(from: url)
    } throws: { error in
      let error = error as? SafetensorsError
      return error?.kind == .notSafetensors
        && error?.description
          == "not a safetensors file: this is a PyTorch pickle file (a zip archive, as "
          + "torch.save writes), not safetensors"
        && error?.hint?.hasPrefix("save with safetensors: ") == true
    }
  }

  @Test func otherDtypesAreConvertedWithANoteWherePrecisionIsLost() throws {
    let file = try SafetensorsFile.read(
      from: Self.folder.appendingPathComponent("dtypes.safetensors"))
    #expect(file["f64"]?.values == [Float(0.1 as Double), -2.5, 0])
    #expect(file["f16"]?.values == [0.5, -1.25, 65504])
    #expect(file["bf16"]?.values == [1, -3, Float(bitPattern: 0x3DCD_0000)])
    #expect(file["i32"]?.values == [7, -8, 16_777_216])
    #expect(file["i32"]?.elementType == .int64)
    #expect(file["i64"]?.shape == [])
    #expect(file["i64"]?.values == [Float(123_456_789_012 as Int64)])
    #expect(
      file.conversionNotes.sorted() == [
        "tensor 'f64' is stored as F64: 2 of its 3 values were rounded to 32-bit floats",
        "tensor 'i32' is stored as I32: 1 of its 3 values was beyond 2²⁴, rounded to the "
          + "nearest 32-bit float",
        "tensor 'i64' is stored as I64: 1 of its 1 values was beyond 2²⁴, rounded to the "
          + "nearest 32-bit float",
      ])
  }

  @Test func refusalsAreTitledByWhatIsWrong() throws {
    let url = Self.folder.appendingPathComponent("batchnorm.safetensors")
    let missing = Self.folder.appendingPathComponent("nope.safetensors")
    #expect(throws: SafetensorsError(.unreadable, "there is no file at \(missing.path)")) {
      try SafetensorsFile.read(from: missing)
    }
    let file = try SafetensorsFile.read(from: url)
    #expect(
      throws: ModelError(
        "missing tensor: the weights have no tensor 1.running_var, which the model needs")
    ) {
      try Self.model().load(stateDict: file.tensors.filter { $0.name != "1.running_var" })
    }
    var generator = RandomGenerator(seed: 1)
    let wider = try Sequential(
      inputFeatures: 3,
      layers: [
        try Dense(inputSize: 3, outputSize: 5, generator: &generator), try BatchNorm(features: 5),
        ActivationLayer(.relu), try Dense(inputSize: 5, outputSize: 2, generator: &generator),
      ])
    #expect(
      throws: ModelError(
        "shape mismatch: tensor 0.weight has shape [4, 3] in the weights but [5, 3] in the model")
    ) { try wider.load(stateDict: file.tensors) }
  }
}
