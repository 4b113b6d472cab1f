import Foundation
import Learning
import Support

extension Builtin {
  /// Graduating to PyTorch: `export_pytorch`.
  static var pytorch: [Builtin] {
    let exported = Declared<RunObject>.object("run", "run", "The run to export.")
    let folder = Declared.string("to", default: "pytorch", "The folder to write into.")
    return [
      Builtin(
        "export_pytorch", topic: .evaluation,
        summary: "Writes a run as a PyTorch script (train.py) with its data, initial weights and "
          + "batch order, which trains the same way on one process or many (torchrun).",
        parameters: [exported, folder],
        example: """
          data = moons(n: 100, seed: 1)
          run = fit(mlp(inputs: 2, hidden: [8], seed: 1), data, epochs: 3, seed: 1)
          export_pytorch(run, "moons-pytorch")
          """
      ) { arguments, context in
        let run = arguments[exported]
        let experiment = try run.exportableExperiment(argument: exported.label)
        let path = arguments[folder]
        let url = try context.folderURL(for: path, argument: folder.label)
        let differences: [String]
        do {
          differences = try libraryCall(argument: folder.label) {
            try PyTorchExport.write(run.record, from: experiment, to: url)
          }
        } catch let error as FileWriteError {
          throw CallError(
            "cannot write into \(Value.string(path).summary): \(error.reason)",
            hint: "name a new folder, or one an earlier export wrote", argument: folder.label)
        }
        var lines = [
          "wrote \(path)/: " + PyTorchExport.fileNames.joined(separator: ", "),
          "train it with PyTorch: cd \(path) && python train.py "
            + "(or torchrun --nproc_per_node 2 train.py)",
        ]
        if run.record.status == .interrupted {
          lines.append(
            "note: the run was interrupted after \(run.record.epochCount) of "
              + "\(experiment.epochs) epochs; train.py trains all \(experiment.epochs)")
        }
        lines += differences.map { "note: " + $0 }
        context.print(lines.joined(separator: "\n"))
        return .none
      }
    ]
  }
}

extension RunObject {
  /// What the run started from, or an error saying why it cannot be exported.
  func exportableExperiment(argument: String) throws -> Experiment {
    if let experiment { return experiment }
    if trainer == nil {
      throw CallError(
        "run \"\(record.name)\" was kept by an earlier session, which took its data and first "
          + "weights with it",
        hint: "export it in the session that trains it, or replay that notebook with "
          + "`trainbook export-pytorch NOTEBOOK --run \"\(record.name)\"`",
        argument: argument)
    }
    throw CallError(
      "run \"\(record.name)\" continues an earlier fit (resume), so it did not start from the "
        + "model's first weights",
      hint: "export the run of the fit it continues, which PyTorch trains for all its epochs",
      argument: argument)
  }
}
