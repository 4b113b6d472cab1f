import Learning

extension Builtin {
  /// The callbacks, passed to `fit(…, callbacks: [...])`.
  static var callbacks: [Builtin] {
    let watched = Declared.string("monitor", default: "val_loss", "The value watched.")
    let patience = Declared.integer("patience", default: 5, "Epochs without improvement.")
      .valid(.atLeast(0))
    let minDelta = Declared.number("min_delta", default: 0, "The smallest change that counts.")
    let restoreBest = Declared.bool(
      "restore_best", default: true, "Restore the best epoch's weights.")
    let checkpointPath = Declared.string("path", "The safetensors file to write.")
    let decider = Declared.string(
      "monitor", default: "val_loss", "The value that decides the best.")
    let bestOnly = Declared.bool("best_only", default: true, "Keep the best epoch, not the latest.")
    let logPath = Declared.string("path", "The file: .csv, or .jsonl for JSON lines.")
    return [
      Builtin(
        "early_stopping", topic: .training,
        summary: "Stops when `monitor` has not improved for `patience` epochs; puts back the best "
          + "weights.",
        parameters: [watched, patience, minDelta, restoreBest],
        example: "stop = early_stopping(patience: 10)"
      ) { arguments, _ in
        let (monitor, patience) = (arguments[watched], arguments[patience])
        let (delta, restore) = (arguments[minDelta], arguments[restoreBest])
        return .host(
          CallbackObject(call: arguments.call()) {
            EarlyStopping(
              monitor: monitor, patience: patience, minDelta: delta, restoreBestWeights: restore)
          })
      },
      Builtin(
        "checkpoint", topic: .training,
        summary:
          "Saves the weights after each epoch: the best so far (by `monitor`) or the latest.",
        parameters: [checkpointPath, decider, bestOnly],
        example: "save = checkpoint(\"best.safetensors\")"
      ) { arguments, context in
        let url = try context.url(for: arguments[checkpointPath], argument: checkpointPath.label)
        let (monitor, bestOnly) = (arguments[decider], arguments[bestOnly])
        return .host(
          CallbackObject(call: arguments.call()) {
            bestOnly
              ? ModelCheckpoint(best: url, monitor: monitor)
              : ModelCheckpoint(last: url, monitor: monitor)
          })
      },
      Builtin(
        "log_epochs", topic: .training,
        summary: "Writes each epoch's loss, metrics, rate and seconds to a CSV or JSON-lines file.",
        parameters: [logPath],
        example: "logger = log_epochs(\"epochs.csv\")"
      ) { arguments, context in
        let path = arguments[logPath]
        let url = try context.url(for: path, argument: logPath.label)
        let format: EpochLogFile.Format = path.hasSuffix(".jsonl") ? .jsonLines : .csv
        return .host(
          CallbackObject(call: arguments.call()) { LogEachEpoch(url: url, format: format) })
      },
    ]
  }
}
