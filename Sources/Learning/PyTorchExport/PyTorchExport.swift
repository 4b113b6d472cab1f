import Datasets
import Foundation
import Support

/// Exports a run as a folder that PyTorch trains the same way (`train.py`, see `PyTorchScript`):
/// the script, trainbook's batch order in Python, the data as the run saw it, the initial
/// weights and the run's own history to compare with.
public enum PyTorchExport {
  /// The files written into the folder, in order.
  public static let fileNames = [
    "train.py", "trainbook_order.py", "data.safetensors", "initial.safetensors",
    "trainbook-history.csv",
  ]

  /// Writes the export of `run`, which started as `experiment`, into `folder` (created if
  /// missing; a symbolic link in its place is refused), each file atomically; returns what
  /// PyTorch cannot match because of this run's settings (dropout, augmentation, batch
  /// normalisation across processes), one sentence each. Throws before writing anything if
  /// a part of the run has no PyTorch counterpart.
  @discardableResult
  public static func write(
    _ run: RunRecord, from experiment: Experiment, to folder: URL
  ) throws -> [String] {
    let script = PyTorchScript(run: run, experiment: experiment)
    let contents: [[UInt8]] = [
      Array(try script.text().utf8), Array(PyTorchBatchOrder.module.utf8),
      try dataFile(experiment).encoded(),
      try SafetensorsFile(
        tensors: experiment.initialWeights, metadata: ["run": run.name, "id": run.id]
      ).encoded(),
      Array(run.historyCSV.utf8),
    ]
    try createFolder(folder)
    for (name, bytes) in zip(fileNames, contents) {
      try writeAtomically(bytes, to: folder.appendingPathComponent(name).path)
    }
    return script.differences
  }

  /// The training and validation data: `train.features` ([samples, features], F32) and
  /// `train.targets` (class indices as I64 for cross-entropy, else [samples, 1] F32), and the
  /// same for `validation`.
  static func dataFile(_ experiment: Experiment) -> SafetensorsFile {
    var tensors: [NamedTensor] = []
    var metadata: [String: String] = [:]
    let parts =
      [("train", experiment.data)] + (experiment.validation.map { [("validation", $0)] } ?? [])
    for (name, data) in parts {
      tensors.append(
        NamedTensor(
          name: "\(name).features", shape: [data.count, data.featureCount], values: data.features))
      if case .crossEntropy = experiment.loss {
        tensors.append(
          NamedTensor(
            name: "\(name).targets", shape: [data.count], values: data.targets,
            elementType: .int64))
      } else {
        tensors.append(
          NamedTensor(name: "\(name).targets", shape: [data.count, 1], values: data.targets))
      }
      metadata[name] = "\(data.name): \(data.count) samples × \(data.featureCount) features"
    }
    metadata["feature_names"] = experiment.data.featureNames.joined(separator: ",")
    return SafetensorsFile(tensors: tensors, metadata: metadata)
  }
}
