import Datasets
import Foundation
import Support

/// `train.py` of an exported run: plain PyTorch that trains the run's model from its initial
/// weights on its data, in its batch order, with its loss, optimizer, schedule, callbacks and
/// metrics, logs each epoch as trainbook does, and writes `history.csv` and
/// `final.safetensors`; on one process, or on many with `torchrun` and DistributedDataParallel.
///
/// The run's settings are constants and small functions at the top, where a learner changes
/// them; the loop below them is the same for every run (`PyTorchTrainingLoop`).
struct PyTorchScript {
  /// The run exported.
  let run: RunRecord
  /// What it started from.
  let experiment: Experiment

  /// The script's text; throws if a part of the run has no PyTorch counterpart.
  func text() throws(ModelError) -> String {
    let sections = [
      header, imports, try settings(), try model(), try training(), metrics(), callbacks(),
      PyTorchTrainingLoop.helpers, PyTorchTrainingLoop.main,
    ]
    return sections.joined(separator: "\n\n\n")
  }

  /// What differs from trainbook for every run, one sentence each.
  static let generalDifferences = [
    "PyTorch's kernels add in another order than trainbook's: losses and weights agree to "
      + "about 1e-5 (relative), not bit for bit, and may drift further apart over very long "
      + "runs or after a loss spike.",
    "On a GPU, cuBLAS and cuDNN compute in their own order (and may use TF32): expect "
      + "differences around 1e-3.",
  ]

  /// What differs from trainbook because of this run's settings, one sentence each.
  var differences: [String] {
    var notes: [String] = []
    if experiment.hasDropout {
      notes.append(
        "Dropout masks come from PyTorch's generator (seeded with the run's seed), not "
          + "trainbook's: the losses follow their own path and do not match the run's.")
    }
    if !experiment.augmentation.isEmpty {
      let kinds = experiment.augmentation.map { "\($0)" }.joined(separator: ", ")
      notes.append(
        "The run augmented its training batches (\(kinds)); this script trains on the data "
          + "without augmentation (add a torchvision transform to train_x[share]), so its "
          + "losses do not match the run's.")
    }
    if experiment.hasBatchNorm {
      notes.append(
        "BatchNorm1d normalises each process's share of a batch with that share's statistics: "
          + "under torchrun the losses differ from the run's (SyncBatchNorm, which shares them, "
          + "needs GPUs); on one process they match.")
    }
    if experiment.callbacks.contains(where: { $0 is TrainingStateCheckpoint }) {
      notes.append(
        "Training states are saved with torch.save (PyTorch's format), not as trainbook's "
          + "training-state safetensors.")
    }
    return notes
  }

  private var header: String {
    let settings = run.settings
    var lines = [
      "trainbook run \"\(run.name)\" (\(run.id)) as a PyTorch script.",
      "",
    ]
    lines += wrapped(
      "Exported by trainbook \(settings?.version ?? Trainbook.version). It trains the run's model "
        + "from the run's initial weights on the run's data, in the run's batch order, with the "
        + "same loss, optimizer, schedule, callbacks and metrics, prints a line per epoch as "
        + "trainbook does, and writes history.csv (the columns of trainbook's run CSV) and "
        + "final.safetensors beside this file. Compare history.csv with trainbook-history.csv.",
      indent: "")
    lines += [
      "",
      "  model      \(experiment.model.shortDescription)",
      "  data       \(dataLine(experiment.data, settings?.data))",
    ]
    if let validation = experiment.validation {
      lines.append("  validation \(dataLine(validation, settings?.validation))")
    }
    let order = experiment.shuffle ? "shuffled with seed \(experiment.seed)" : "in data order"
    lines.append("  loss       \(experiment.loss.name)")
    lines.append("  optimizer  \(optimizerLine)")
    lines.append("  schedule   \(experiment.schedule?.description ?? "none")")
    lines.append(
      "  training   \(experiment.epochs) epochs, batches of \(experiment.batchSize), \(order)")
    lines += PyTorchScript.usage
    lines.append("Where this differs from trainbook:")
    for note in Self.generalDifferences + differences {
      lines += wrapped("- " + note, indent: "  ")
    }
    // A comment line per line: names (of the run, a file) cannot end it, whatever they hold.
    return
      lines
      .flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }
      .map { $0.isEmpty ? "#" : "# " + $0 }
      .joined(separator: "\n")
  }

  /// How to run the script, and the files beside it.
  private static let usage = [
    "",
    "Run it (pip install torch safetensors):",
    "",
    "  python train.py                       one process, on the CPU",
    "  python train.py --device cuda         one process, on a GPU",
    "  torchrun --nproc_per_node 2 train.py  two processes on this machine, with",
    "                                        DistributedDataParallel over gloo: each process",
    "                                        takes its share of every batch",
    "  torchrun --nnodes 2 --nproc_per_node 4 --rdzv-backend c10d \\",
    "      --rdzv-endpoint HOST:29500 train.py --device cuda",
    "                                        two machines with 4 GPUs each (NCCL): run the same",
    "                                        command on each machine, HOST being the first one's",
    "                                        address; every machine needs this folder",
    "",
    "Files beside it: data.safetensors (the training and validation data as the run saw them,",
    "after scaling), initial.safetensors (the weights before the first step, PyTorch state_dict",
    "names), trainbook_order.py (trainbook's seeded batch order), trainbook-history.csv (the",
    "run's own history).",
    "",
  ]

  private var imports: String {
    """
    import argparse
    import csv
    import json
    import math
    import os
    import time

    import torch
    import torch.distributed as dist
    from safetensors.torch import load_file, save_file
    from torch import nn

    from trainbook_order import batch_orders

    HERE = os.path.dirname(os.path.abspath(__file__))
    """
  }

  private func settings() throws(ModelError) -> String {
    let columns = historyColumns(run.history.keys).map(python).joined(separator: ", ")
    return """
      EPOCHS = \(experiment.epochs)
      BATCH_SIZE = \(experiment.batchSize)
      SHUFFLE = \(python(experiment.shuffle))  # a new order each epoch, by trainbook_order.py
      SEED = \(experiment.seed)
      COLUMNS = [\(columns)]  # history.csv's columns after epoch
      """
  }

  private func model() throws(ModelError) -> String {
    var lines = [
      "def build_model():",
      "    \"\"\"The run's model; its state_dict names (0.weight, …) are trainbook's.\"\"\"",
      "    return nn.Sequential(",
    ]
    for (index, layer) in experiment.model.layers.enumerated() {
      lines.append("        \(try PyTorchTranslation.module(layer)),  # \(index)")
    }
    lines.append("    )")
    let frozen = experiment.frozen.map(python).joined(separator: ", ")
    lines += [
      "", "",
      "FROZEN = [\(frozen)]  # parameters frozen in trainbook: they keep their initial values",
    ]
    return lines.joined(separator: "\n")
  }

  private func training() throws(ModelError) -> String {
    let loss = experiment.loss
    let targets =
      if case .crossEntropy = loss { "class indices (int64)" } else { "[n, 1] float32" }
    var text = """
      # \(loss.name), summed over the samples: each step divides by the batch's size, so the mean
      # is the whole batch's also when processes share it. Targets: \(targets).
      loss_sum = \(PyTorchTranslation.summedLoss(loss))


      def make_optimizer(parameters):
          return \(try PyTorchTranslation.optimizer(experiment.rule, rate: experiment.learningRate))


      """
    text += gradientAdjustments + "\n\n\n" + (try scheduler())
    return text
  }

  /// The L1 penalty and clipping, which PyTorch's optimizers do not do themselves.
  private var gradientAdjustments: String {
    var body: [String] = []
    if experiment.l1Penalty != 0 {
      body += [
        "    # trainbook's l1: the gradient of l1·Σ|p| joins each gradient (not the loss shown).",
        "    for parameter in parameters:",
        "        penalty = torch.sign(parameter.detach())",
        "        parameter.grad.add_(penalty, alpha=\(python(experiment.l1Penalty)))",
      ]
    }
    switch experiment.clipping {
    case .norm(let limit):
      body.append("    torch.nn.utils.clip_grad_norm_(parameters, max_norm=\(python(limit)))")
    case .value(let limit):
      body.append("    torch.nn.utils.clip_grad_value_(parameters, clip_value=\(python(limit)))")
    case nil: break
    }
    return
      ([
        "def adjust_gradients(parameters):",
        "    \"\"\"What happens to the gradients "
          + "between backward() and the optimizer's step.\"\"\"",
      ]
      + (body.isEmpty ? ["    pass"] : body)).joined(separator: "\n")
  }

  private func scheduler() throws(ModelError) -> String {
    let plateau = experiment.callbacks.compactMap { $0 as? ReduceLearningRateOnPlateau }
    var code = "None"
    var steps = "None"
    var monitor = ""
    if let schedule = experiment.schedule {
      guard plateau.isEmpty else {
        throw ModelError(
          "the run has both a schedule and reduce-on-plateau, which PyTorch cannot step together")
      }
      let cycles = experiment.rule.settingMomentum(0.9) != nil
      if let made = PyTorchTranslation.scheduler(schedule, cyclesMomentum: cycles) {
        (code, steps) = (made.code, python(made.steps))
      }
    } else if let reducer = plateau.first {
      code = PyTorchTranslation.plateauScheduler(reducer)
      steps = python("plateau")
      monitor = "\nPLATEAU_MONITOR = \(python(reducer.monitor.name))"
    }
    let described =
      experiment.schedule?.description ?? (plateau.isEmpty ? "none" : "reduce on plateau")
    return """
      def make_scheduler(optimizer):
          \"\"\"trainbook's schedule: \(described).\"\"\"
          return \(code)


      # When the scheduler steps: after every batch ("step"), after every epoch ("epoch"), or after
      # every epoch with the monitored value ("plateau").
      SCHEDULER_STEPS = \(steps)\(monitor)
      """
  }

  private func metrics() -> String {
    var helpers: [String] = []
    var functions: [String] = []
    for metric in experiment.metrics {
      let made = PyTorchMetrics.function(metric)
      for helper in made.helpers where !helpers.contains(helper) { helpers.append(helper) }
      functions.append(made.code)
    }
    let table = experiment.metrics.map { "\(python($0.rawValue)): \($0.rawValue)" }
      .joined(separator: ", ")
    return (helpers + functions + ["METRICS = {\(table)}  # recorded each epoch, as val_… too"])
      .joined(separator: "\n\n\n")
  }

  private func callbacks() -> String {
    let made = experiment.callbacks.compactMap(PyTorchCallbacks.translation)
    var classes: [String] = []
    for callback in made where !classes.contains(callback.class) { classes.append(callback.class) }
    let list = made.map { "        \($0.code)," }
    let maker = (["def make_callbacks():", "    return ["] + list + ["    ]"])
      .joined(separator: "\n")
    return (classes + [maker]).joined(separator: "\n\n\n")
  }

  private func dataLine(_ data: Dataset, _ recorded: RunData?) -> String {
    var text = "\(data.count) samples × \(data.featureCount) features, \(data.task.summary)"
    if let recorded { text += " (\(recorded.source.summary))" }
    return text
  }

  /// The optimizer as it began: `adam, lr 0.01, beta1 0.9, …`.
  private var optimizerLine: String {
    var settings = experiment.rule.settings
    settings["lr"] = .decimal(experiment.learningRate)
    if experiment.l1Penalty != 0 { settings["l1"] = .decimal(experiment.l1Penalty) }
    let listed = settings.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
    return ([experiment.rule.name.lowercased()] + listed).joined(separator: ", ")
  }
}

/// `text` wrapped at 96 columns, the lines after the first indented by `indent`.
private func wrapped(_ text: String, indent: String) -> [String] {
  var lines: [String] = []
  var line = ""
  for word in text.split(separator: " ") {
    if !line.isEmpty, line.count + 1 + word.count > 96 {
      lines.append(line)
      line = indent + word
    } else {
      line += (line.isEmpty ? "" : " ") + word
    }
  }
  return lines + [line]
}
