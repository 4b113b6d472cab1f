import Datasets
import Engine
import Foundation
import Learning
import Support
import TestSupport
import Testing

// What export_pytorch writes. scripts/check-pytorch.sh runs the exported scripts with PyTorch
// itself and compares their losses and weights with trainbook's; these tests check the files.

/// A trainer of a small model on moons, with validation data.
private func moonsTrainer(
  _ optimizer: Optimizer, loss: Loss = .binaryCrossEntropy, outputs: Int = 1,
  schedule: Schedule? = nil, callbacks: [any Callback] = [StopOnNonFinite()]
) throws -> (Trainer, Dataset) {
  let split = try Dataset.moons(count: 60, noise: 0.2, seed: 1).split(train: 0.5, validation: 0.5)
  let model = try Sequential.mlp(inputs: 2, hidden: [8], outputs: outputs, seed: 2)
  let options = FitOptions(
    epochs: 3, batchSize: 8, seed: 5, validation: split.validation, metrics: [.accuracy],
    schedule: schedule, callbacks: callbacks)
  return (Trainer(model: model, loss: loss, optimizer: optimizer, options: options), split.train)
}

/// Exports a fresh fit of `trainer` on `data` into a temporary folder and hands `body` the folder.
private func exported(
  _ trainer: Trainer, _ data: Dataset, _ body: (URL, RunRecord) throws -> Void
) throws {
  let run = try trainer.fitRecordingRun(data, name: #"exported """run""" \ 1"#, id: "run-1")
  let experiment = try #require(trainer.experiment)
  try withTemporaryFolder("pytorch-export") { folder in
    let target = folder.appendingPathComponent("out")
    try PyTorchExport.write(run, from: experiment, to: target)
    try body(target, run)
  }
}

private func text(_ folder: URL, _ name: String) throws -> String {
  try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
}

@Suite struct PyTorchExportTests {
  @Test func writesTheInitialWeightsTheDataAndTheHistory() throws {
    let (trainer, data) = try moonsTrainer(Optimizer(Adam(), learningRate: 0.01))
    let before = trainer.model.stateDict()
    try exported(trainer, data) { folder, run in
      #expect(
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
          == PyTorchExport.fileNames.sorted())
      let initial = try SafetensorsFile.read(
        from: folder.appendingPathComponent("initial.safetensors"))
      #expect(initial.tensors == before)
      #expect(initial.tensors != trainer.model.stateDict())
      let file = try SafetensorsFile.read(from: folder.appendingPathComponent("data.safetensors"))
      let validation = try #require(trainer.options.validation)
      #expect(file["train.features"]?.values == data.features)
      #expect(file["train.features"]?.shape == [data.count, 2])
      #expect(file["train.targets"]?.shape == [data.count, 1])
      #expect(file["train.targets"]?.values == data.targets)
      #expect(file["validation.features"]?.values == validation.features)
      #expect(file["validation.targets"]?.elementType == .float32)
      #expect(try text(folder, "trainbook-history.csv") == run.historyCSV)
    }
  }

  @Test func scriptStatesTheModelOptimizerAndSettings() throws {
    let (trainer, data) = try moonsTrainer(Optimizer(Adam(), learningRate: 0.01))
    try exported(trainer, data) { folder, _ in
      let script = try text(folder, "train.py")
      for line in [
        #"# trainbook run "exported """run""" \ 1" (run-1) as a PyTorch script."#,
        "        nn.Linear(2, 8),  # 0", "        nn.ReLU(),  # 1", "        nn.Linear(8, 1),  # 2",
        "    return torch.optim.Adam(parameters, lr=0.01, betas=(0.9, 0.999), eps=1e-08, "
          + "weight_decay=0.0)",
        "loss_sum = nn.BCEWithLogitsLoss(reduction=\"sum\")",
        "EPOCHS = 3", "BATCH_SIZE = 8", "SEED = 5",
        "COLUMNS = [\"loss\", \"val_loss\", \"accuracy\", \"val_accuracy\", \"lr\", \"seconds\"]"
          + "  # history.csv's columns after epoch",
        "METRICS = {\"accuracy\": accuracy}  # recorded each epoch, as val_… too",
        "SCHEDULER_STEPS = None",
        "FROZEN = []  # parameters frozen in trainbook: they keep their initial values",
        "#   torchrun --nproc_per_node 2 train.py  two processes on this machine, with",
      ] {
        #expect(script.contains(line + "\n"), "train.py lacks: \(line)")
      }
      #expect(!script.contains("/tmp") && !script.contains(folder.path))
      #expect(try text(folder, "trainbook_order.py").contains("def batch_orders(count, seed"))
    }
  }

  @Test func crossEntropyTargetsAreClassIndices() throws {
    let (trainer, data) = try moonsTrainer(
      Optimizer(SGD(momentum: 0.9), learningRate: 0.1), loss: .crossEntropy(labelSmoothing: 0.1),
      outputs: 2)
    try exported(trainer, data) { folder, _ in
      let file = try SafetensorsFile.read(from: folder.appendingPathComponent("data.safetensors"))
      #expect(file["train.targets"]?.elementType == .int64)
      #expect(file["train.targets"]?.shape == [data.count])
      let script = try text(folder, "train.py")
      #expect(script.contains("nn.CrossEntropyLoss(reduction=\"sum\", label_smoothing=0.1)"))
      #expect(
        script.contains(
          "torch.optim.SGD(parameters, lr=0.1, momentum=0.9, dampening=0.0, nesterov=False, "
            + "weight_decay=0.0)"))
    }
  }

  @Test(arguments: [
    (
      Schedule.step(try! StepDecay(initialRate: 0.1, stepSize: 2, gamma: 0.5)),
      "StepLR(optimizer, step_size=2, gamma=0.5)", "\"epoch\""
    ),
    (
      .exponential(ExponentialDecay(initialRate: 0.1, gamma: 0.9)),
      "ExponentialLR(optimizer, gamma=0.9)", "\"epoch\""
    ),
    (
      .warmupCosine(try! WarmupCosine(peakRate: 0.1, warmupSteps: 4, totalSteps: 12)),
      "LinearLR(optimizer, start_factor=0.3333333333333333, end_factor=1.0, total_iters=4)",
      "\"step\""
    ),
    (.oneCycle(try! OneCycle(maxRate: 0.1, totalSteps: 12)), "max_lr=0.1,", "\"step\""),
  ])
  func schedulesBecomePyTorchSchedulers(schedule: Schedule, scheduler: String, steps: String)
    throws
  {
    let (trainer, data) = try moonsTrainer(Optimizer(SGD(), learningRate: 0.1), schedule: schedule)
    try exported(trainer, data) { folder, _ in
      let script = try text(folder, "train.py")
      #expect(script.contains(scheduler))
      #expect(script.contains("SCHEDULER_STEPS = \(steps)\n"))
    }
  }

  @Test func plateauAndCallbacksBecomeTheirPythonCounterparts() throws {
    let best = FileManager.default.temporaryDirectory
      .appendingPathComponent("pytorch-export-\(UUID().uuidString)-best.safetensors")
    defer { try? FileManager.default.removeItem(at: best) }
    let callbacks: [any Callback] = [
      StopOnNonFinite(), ReduceLearningRateOnPlateau(factor: 0.5, patience: 2),
      EarlyStopping(patience: 4, minDelta: 0.01), ModelCheckpoint(best: best),
    ]
    let (trainer, data) = try moonsTrainer(
      Optimizer(SGD(), learningRate: 0.1), callbacks: callbacks)
    try exported(trainer, data) { folder, _ in
      let script = try text(folder, "train.py")
      #expect(script.contains("ReduceLROnPlateau(\n        optimizer,\n        mode=\"min\""))
      #expect(script.contains("SCHEDULER_STEPS = \"plateau\"\nPLATEAU_MONITOR = \"val_loss\""))
      #expect(
        script.contains(
          "EarlyStopping(monitor=\"val_loss\", patience=4, min_delta=0.01, restore_best=True),"))
      #expect(
        script.contains(
          "Checkpoint(best=\"\(best.lastPathComponent)\", last=None, monitor=\"val_loss\", "
            + "min_delta=0.0),"))
      #expect(!script.contains(best.deletingLastPathComponent().path))
    }
  }

  @Test func frozenLayersAndDropoutAreNamed() throws {
    let model = try Sequential.mlp(inputs: 2, hidden: [8], outputs: 1, dropout: 0.25, seed: 2)
    model.freeze(layers: [0])
    let data = try Dataset.moons(count: 40, seed: 1)
    let trainer = Trainer(
      model: model, loss: .binaryCrossEntropy, optimizer: Optimizer(Adam()),
      options: FitOptions(epochs: 1, batchSize: 8, seed: 1))
    let run = try trainer.fitRecordingRun(data, name: "dropout", id: "run-2")
    let experiment = try #require(trainer.experiment)
    #expect(experiment.frozen == ["0.weight", "0.bias"])
    try withTemporaryFolder("pytorch-export") { folder in
      let notes = try PyTorchExport.write(run, from: experiment, to: folder)
      #expect(notes.count == 1 && notes[0].hasPrefix("Dropout masks come from PyTorch's generator"))
      let script = try text(folder, "train.py")
      #expect(script.contains("FROZEN = [\"0.weight\", \"0.bias\"]"))
      #expect(script.contains("        nn.Dropout(p=0.25),  # 2\n"))
    }
  }

  @Test func aContinuedFitHasNoExperiment() throws {
    let (trainer, data) = try moonsTrainer(Optimizer(Adam()))
    _ = try trainer.fitRecordingRun(data, name: "first", id: "run-1")
    #expect(trainer.experiment != nil)
    trainer.options.epochs = 5
    _ = try trainer.fitRecordingRun(data, name: "first", id: "run-2")
    #expect(trainer.experiment == nil)
  }

  @Test func aLinkInPlaceOfTheFolderIsRefused() throws {
    let (trainer, data) = try moonsTrainer(Optimizer(Adam()))
    let run = try trainer.fitRecordingRun(data, name: "linked", id: "run-1")
    let experiment = try #require(trainer.experiment)
    try withTemporaryFolder("pytorch-export") { folder in
      let elsewhere = folder.appendingPathComponent("elsewhere")
      try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: false)
      let link = folder.appendingPathComponent("out")
      try FileManager.default.createSymbolicLink(at: link, withDestinationURL: elsewhere)
      #expect(throws: FileWriteError.self) {
        try PyTorchExport.write(run, from: experiment, to: link)
      }
      #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }
  }

  /// The orders printed by References/batch_order_reference.py with an exported
  /// trainbook_order.py: the Python port draws the loader's permutations.
  @Test(arguments: [
    (
      10, UInt64(1),
      [
        [3, 6, 1, 5, 0, 9, 2, 8, 4, 7], [1, 9, 0, 3, 2, 4, 6, 7, 8, 5],
        [5, 2, 8, 4, 1, 6, 7, 3, 9, 0],
      ]
    ),
    (7, UInt64.max, [[0, 6, 1, 5, 2, 4, 3], [1, 5, 0, 6, 3, 4, 2], [5, 1, 4, 6, 0, 2, 3]]),
    (
      1000, UInt64(42),
      [
        [904, 125, 916, 256, 881, 584, 665, 223],
        [587, 60, 532, 267, 117, 787, 309, 459], [61, 847, 65, 833, 738, 337, 997, 207],
      ]
    ),
  ])
  func batchOrderPortDrawsTheLoadersOrders(count: Int, seed: UInt64, expected: [[Int]]) throws {
    var loader = try BatchLoader(count: count, batchSize: count, seed: seed)
    for order in expected {
      let batch = loader.nextBatch().map(Array.init) ?? []
      #expect(Array(batch.prefix(order.count)) == order)
      #expect(loader.nextBatch() == nil)
    }
  }
}
