import Datasets
import Engine
import Foundation
import Support

/// Saving and restoring everything a fit loop needs to continue exactly where it stopped.
///
/// The file is safetensors: the model's `state_dict`, the optimizer's slots and step counts
/// (`optimizer.<parameter>.<slot>`), and the batch loader's order for the current epoch
/// (`trainer.permutation`); its `__metadata__` holds the position (epoch, batch, step), the states
/// of the random generators (the loader's, dropout's and augmentation's), the learning rate, the
/// epoch's running loss, the history so far, the schedule (with the step count it was resolved
/// for, so a new process resumes it exactly) and how many parameters have optimizer state.
/// A file that is refused changes nothing. Training resumed from it
/// produces the same weights, bit for bit, as training that never stopped (on the same binary and
/// machine). Each callback's state (`savedState()`) is saved too, under `callback.<index>.`, so the
/// trainer that restores it must have the same callbacks in the same order.
extension Trainer {
  /// Writes the training state to `url`, atomically.
  public func saveState(to url: URL) throws {
    let named = model.namedParameters
    let order = loader?.position.permutation ?? []
    let tensors =
      model.stateDict() + optimizer.stateTensors(for: named)
      + [
        NamedTensor(
          name: "trainer.permutation", shape: [order.count], values: order.map(Float.init))
      ]
    let encoder = JSONEncoder()
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let history = String(decoding: try encoder.encode(history.epochs), as: UTF8.self)
    let metadata = [
      "trainbook": Trainbook.version, "kind": "training state", "optimizer": optimizer.rule.name,
      "epoch": "\(epoch)", "batch": "\(batchIndex)", "global_step": "\(globalStep)",
      "loader_epoch": "\(loader?.position.epoch ?? 0)",
      "loader_generator": words(loader?.position.generatorState ?? []),
      "generator": words(generator.state),
      "augmenter_generator": words(augmenter?.generatorState ?? []),
      "learning_rate": "\(optimizer.learningRate)", "epoch_loss_sum": "\(epochLossSum)",
      "epoch_samples": "\(epochSamples)", "updates": "\(model.updatesApplied)", "history": history,
      "optimizer_states":
        "\(named.filter { optimizer.states[ObjectIdentifier($0.parameter)] != nil }.count)",
      "schedule": try options.schedule.map {
        String(decoding: try encoder.encode($0), as: UTF8.self)
      } ?? "none",
    ]
    var callbackTensors: [NamedTensor] = []
    var callbackValues: [String: String] = [:]
    for (index, callback) in options.callbacks.enumerated() {
      let state = callback.savedState()
      for (key, value) in state.values { callbackValues["callback.\(index).\(key)"] = value }
      callbackTensors += state.tensors.map {
        NamedTensor(name: "callback.\(index).\($0.name)", shape: $0.shape, values: $0.values)
      }
    }
    try SafetensorsFile(
      tensors: tensors + callbackTensors,
      metadata: metadata.merging(callbackValues) { kept, _ in kept }
    ).write(to: url)
  }

  /// Restores the training state saved at `url` into this trainer, whose model, loss and
  /// optimizer must be built as they were when it was saved; then `fit` continues from there.
  /// Throws, naming what differs, if the file does not belong to such a trainer.
  public func restoreState(from url: URL) throws {
    let file = try SafetensorsFile.read(from: url)
    let meta = file.metadata
    guard meta["kind"] == "training state" else {
      throw ModelError("\(url.lastPathComponent) is not a training state (maybe model weights?)")
    }
    guard meta["optimizer"] == optimizer.rule.name else {
      throw ModelError(
        "the training state was saved with \(meta["optimizer"] ?? "no optimizer"), "
          + "not \(optimizer.rule.name)")
    }
    func number<T: LosslessStringConvertible>(_ key: String) throws(ModelError) -> T {
      guard let text = meta[key], let value = T(text) else {
        throw ModelError("the training state's \(key) is missing or malformed")
      }
      return value
    }
    func count(_ key: String) throws(ModelError) -> Int {
      let value: Int = try number(key)
      guard (0...largestSavedCount).contains(value) else {
        throw ModelError("the training state's \(key) \(value) is not a count from 0 to 2⁵³")
      }
      return value
    }
    func generatorState(_ key: String) -> [UInt64] {
      (meta[key] ?? "").split(separator: " ").compactMap { UInt64($0) }
    }
    guard let restoredGenerator = RandomGenerator(state: generatorState("generator")) else {
      throw ModelError("the training state's random generator state is malformed")
    }
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let historyText = Data((meta["history"] ?? "[]").utf8)
    guard let epochs = try? decoder.decode([EpochRecord].self, from: historyText) else {
      throw ModelError("the training state's history is malformed")
    }
    let tensors = Dictionary(file.tensors.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let orderValues = tensors["trainer.permutation"]?.values ?? []
    guard orderValues.allSatisfy({ $0 >= 0 && $0 < 16_777_216 && $0 == $0.rounded() }) else {
      throw ModelError("the training state's sample order is malformed")
    }
    let order = orderValues.map { Int($0) }
    let (epoch, batch, step) = (try count("epoch"), try count("batch"), try count("global_step"))
    let loaderEpoch = try count("loader_epoch")
    let augmenterState = generatorState("augmenter_generator")
    let (rate, lossSum, samples, updates): (Float, Double, Int, Int) = (
      try number("learning_rate"), try number("epoch_loss_sum"), try count("epoch_samples"),
      try count("updates")
    )
    guard rate.isFinite, rate >= 0 else {
      throw ModelError("the training state's learning rate \(rate) is not a finite rate ≥ 0")
    }
    var schedule = options.schedule
    if let text = meta["schedule"], text != "none" {
      guard let decoded = try? decoder.decode(Schedule.self, from: Data(text.utf8)) else {
        throw ModelError("the training state's schedule is malformed")
      }
      schedule = decoded
    } else if meta["schedule"] == "none" {
      schedule = nil
    }
    let named = model.namedParameters
    let expectedStates: Int? = try meta["optimizer_states"].map { _ in try count("optimizer_states")
    }
    let states = try optimizer.decodedStates(tensors, for: named, expectedCount: expectedStates)
    if expectedStates == nil, states.isEmpty, updates > 0, !named.isEmpty {
      throw ModelError(
        "the training state holds no optimizer state (optimizer.\(named[0].name).step is "
          + "missing) though it was saved after \(updates) updates")
    }
    // Nothing has changed so far. Callbacks and weights are checked as they are put back; if
    // either is refused, the callbacks get their own state back, and the trainer is as it was.
    let callbackStates = options.callbacks.map { $0.savedState() }
    do {
      for (index, callback) in options.callbacks.enumerated() {
        let prefix = "callback.\(index)."
        var state = CallbackState()
        for (key, value) in meta where key.hasPrefix(prefix) {
          state.values[String(key.dropFirst(prefix.count))] = value
        }
        for tensor in file.tensors where tensor.name.hasPrefix(prefix) {
          state.tensors.append(
            NamedTensor(
              name: String(tensor.name.dropFirst(prefix.count)), shape: tensor.shape,
              values: tensor.values))
        }
        if !state.isEmpty { try callback.restore(state) }
      }
      let modelNames = Set(model.stateDict().map(\.name))
      try model.load(stateDict: file.tensors.filter { modelNames.contains($0.name) })
    } catch {
      for (callback, state) in zip(options.callbacks, callbackStates) {
        try? callback.restore(state)
      }
      throw error
    }
    optimizer.states = states
    options.schedule = schedule
    self.epoch = epoch
    globalStep = step
    loader = nil
    pendingLoaderPosition =
      order.isEmpty
      ? nil
      : BatchLoader.Position(
        epoch: loaderEpoch, batch: batch, permutation: order,
        generatorState: generatorState("loader_generator"))
    augmenter = nil
    pendingAugmenterState = augmenterState.isEmpty ? nil : augmenterState
    generator = restoredGenerator
    optimizer.learningRate = rate
    epochLossSum = lossSum
    epochSamples = samples
    model.updatesApplied = updates
    history = History()
    history.epochs = epochs
  }
}

/// The largest count (of epochs, steps, samples, epochs without improvement) a training state may
/// hold: 2⁵³, the largest whole number a trainbook script holds exactly and far beyond any run, so
/// counting on from a restored count cannot overflow.
let largestSavedCount = 1 << 53

/// A generator state as text: its words separated by spaces.
private func words(_ state: [UInt64]) -> String {
  state.map(String.init).joined(separator: " ")
}
