import Datasets
import Foundation
import Learning
import Testing

/// Resuming is exact and safe: a refused training state changes nothing; missing or non-finite
/// optimizer slots are refused naming the tensor; schedules that depend on the run's length
/// (cosine, one-cycle) resume bit for bit in a trainer built for another length, as a new process
/// builds it; and `TrainingStateCheckpoint` keeps the last saves.
@Suite struct SafeResumeTests {
  private func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("trainbook-resume-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  private func trainer(
    epochs: Int, schedule: Schedule? = nil, callbacks: [any Callback] = []
  ) throws -> Trainer {
    Trainer(
      model: try .mlp(inputs: 2, hidden: [6], outputs: 1, seed: 3), loss: .binaryCrossEntropy,
      optimizer: Optimizer(Adam(), learningRate: 0.02),
      options: FitOptions(
        epochs: epochs, batchSize: 16, seed: 5, schedule: schedule, callbacks: callbacks))
  }

  /// A trainer after two epochs, saved; returns the file's contents.
  private func savedState() throws -> SafetensorsFile {
    let trained = try trainer(epochs: 2)
    try trained.fit(Dataset.moons(count: 64, seed: 2))
    let url = try folder().appendingPathComponent("state.safetensors")
    try trained.saveState(to: url)
    return try SafetensorsFile.read(from: url)
  }

  /// Restores `file` into a fresh trainer; returns the error and whether the weights changed.
  private func restore(_ file: SafetensorsFile) throws -> (error: String?, changed: Bool) {
    let url = try folder().appendingPathComponent("tampered.safetensors")
    try file.write(to: url)
    let fresh = try trainer(epochs: 2)
    let before = fresh.model.stateDict()
    do {
      try fresh.restoreState(from: url)
      return (nil, fresh.model.stateDict() != before)
    } catch {
      return ("\(error)", fresh.model.stateDict() != before)
    }
  }

  @Test func stateAsSavedIsAccepted() throws {
    let (error, changed) = try restore(try savedState())
    #expect(error == nil)
    #expect(changed)
  }

  @Test func refusedStateLeavesTheWeightsAsTheyWere() throws {
    var file = try savedState()
    let index = try #require(file.tensors.firstIndex { $0.name == "optimizer.0.weight.exp_avg" })
    file.tensors[index] = NamedTensor(name: file.tensors[index].name, shape: [1], values: [0])
    let (error, changed) = try restore(file)
    #expect(error?.contains("optimizer.0.weight.exp_avg") == true)
    #expect(!changed)
  }

  @Test func stateWithoutOptimizerSlotsIsRefused() throws {
    var file = try savedState()
    file.tensors.removeAll { $0.name.hasPrefix("optimizer.") }
    let (error, changed) = try restore(file)
    #expect(error?.contains("optimizer.0.weight.step") == true, "\(error ?? "accepted")")
    #expect(!changed)
    // Also when the count of parameters with optimizer state is removed with them.
    file.metadata["optimizer_states"] = nil
    #expect(try restore(file).error?.contains("optimizer.0.weight.step") == true)
  }

  @Test(arguments: [Float.nan, -Float.infinity, Float.infinity])
  func nonFiniteMomentsAreRefused(value: Float) throws {
    var file = try savedState()
    let index = try #require(file.tensors.firstIndex { $0.name == "optimizer.2.bias.exp_avg_sq" })
    var values = file.tensors[index].values
    values[0] = value
    file.tensors[index] = NamedTensor(
      name: file.tensors[index].name, shape: file.tensors[index].shape, values: values)
    let (error, changed) = try restore(file)
    #expect(error?.contains("optimizer.2.bias.exp_avg_sq") == true, "\(error ?? "accepted")")
    #expect(!changed)
  }

  /// A run with `schedule` checkpointed every epoch; another process resumes it from the save
  /// after epoch 3 in a trainer whose schedule was resolved for another run length.
  @Test(arguments: ["cosine", "one_cycle"])
  func scheduleResumesBitForBitInANewTrainer(kind: String) throws {
    /// The schedule of kind `kind` resolved for a run of `steps` steps.
    func schedule(steps: Int) throws -> Schedule {
      kind == "cosine"
        ? .warmupCosine(
          try WarmupCosine(peakRate: 0.05, warmupSteps: min(4, steps - 1), totalSteps: steps))
        : .oneCycle(try OneCycle(maxRate: 0.05, totalSteps: steps))
    }
    let data = try Dataset.moons(count: 64, seed: 2)
    let place = try folder()
    let saves = TrainingStateCheckpoint(
      url: place.appendingPathComponent("state.safetensors"), every: 1, keep: 6)
    let uninterrupted = try trainer(
      epochs: 6, schedule: try schedule(steps: 24), callbacks: [saves])
    try uninterrupted.fit(data)

    let other = try schedule(steps: 2)
    let resumed = try trainer(
      epochs: 0, schedule: other,
      callbacks: [TrainingStateCheckpoint(url: place.appendingPathComponent("again"))])
    try resumed.restoreState(from: saves.numberedURL(epoch: 3))
    resumed.options.epochs = 6
    try resumed.fit(data)
    #expect(resumed.model.stateDict() == uninterrupted.model.stateDict())
  }

  @Test func stateCheckpointKeepsTheLastSaves() throws {
    let place = try folder()
    let saves = TrainingStateCheckpoint(
      url: place.appendingPathComponent("state.safetensors"), every: 2, keep: 2)
    try trainer(epochs: 7, callbacks: [saves]).fit(Dataset.moons(count: 32, seed: 1))
    let names = try FileManager.default.contentsOfDirectory(atPath: place.path).sorted()
    #expect(
      names == ["state-epoch-4.safetensors", "state-epoch-6.safetensors", "state.safetensors"])
    let latest = try SafetensorsFile.read(from: place.appendingPathComponent("state.safetensors"))
    #expect(latest.metadata["epoch"] == "6")
  }
}

/// Headers and names from a hostile file: a byte-order mark is refused as the reference reader
/// refuses it, and a huge tensor name is shortened in the message.
@Suite struct HostileSafetensorsTests {
  /// A file whose header is `header` and whose data is `data`.
  private func file(header: [UInt8], data: [UInt8]) throws -> URL {
    var length = UInt64(header.count).littleEndian
    let bytes = withUnsafeBytes(of: &length) { Array($0) } + header + data
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("trainbook-hostile-\(UUID().uuidString).safetensors")
    try Data(bytes).write(to: url)
    return url
  }

  @Test func aByteOrderMarkIsRefused() throws {
    let header = Array(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#.utf8)
    _ = try SafetensorsFile.read(from: try file(header: header, data: [0, 0, 0, 0]))
    #expect(throws: SafetensorsError.self) {
      try SafetensorsFile.read(
        from: try file(header: [0xEF, 0xBB, 0xBF] + header, data: [0, 0, 0, 0]))
    }
  }

  @Test func aHugeTensorNameIsShortenedInTheMessage() throws {
    let name = String(repeating: "n", count: 1_000_000)
    let header = Array(#"{"\#(name)":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#.utf8)
    do {
      _ = try SafetensorsFile.read(from: try file(header: header, data: [0, 0, 0, 0]))
      Issue.record("a span that does not match the shape was accepted")
    } catch {
      #expect("\(error)".count < 2000, "the message has \("\(error)".count) characters")
    }
  }
}
