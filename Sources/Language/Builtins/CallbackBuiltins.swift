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
    let wholeState = Declared.bool(
      "state", default: false,
      "Save the whole training state (for resume(…, from:)) instead of the weights.")
    let every = Declared.integer("every", default: 1, "Save every this many epochs.")
      .valid(.atLeast(1))
    let keep = Declared.integer(
      "keep", default: 1,
      "With state: true, how many saves stay (as NAME-epoch-N.safetensors beside path)."
    ).valid(.atLeast(1))
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
          "Saves the weights after each epoch: the best so far (by `monitor`) or the latest; "
          + "with state: true, the whole training state, to resume from after a crash.",
        parameters: [checkpointPath, decider, bestOnly, wholeState, every, keep],
        example: "save = checkpoint(\"best.safetensors\")"
      ) { arguments, context in
        let url = try context.url(for: arguments[checkpointPath], argument: checkpointPath.label)
        let (monitor, keepsBest) = (arguments[decider], arguments[bestOnly])
        let (period, kept) = (arguments[every], arguments[keep])
        try refuseAbove(Limits.epochs, period, argument: every.label)
        try refuseAbove(1000, kept, argument: keep.label)
        if arguments[wholeState] {
          for given in [decider.parameter, bestOnly.parameter] where arguments.isGiven(given) {
            throw CallError(
              "`\(given.label)` chooses which weights to keep; a state checkpoint keeps the latest",
              hint: "leave out `\(given.label)`, or save weights with state: false",
              argument: given.label)
          }
          return .host(
            CallbackObject(call: arguments.call()) {
              TrainingStateCheckpoint(url: url, every: period, keep: kept)
            })
        }
        if kept != 1 {
          throw CallError(
            "`keep` counts saves of the training state", hint: "add state: true",
            argument: keep.label)
        }
        if period != 1 {
          throw CallError(
            "`every` is for saves of the training state; weights are saved after each epoch",
            hint: "add state: true", argument: every.label)
        }
        return .host(
          CallbackObject(call: arguments.call()) {
            keepsBest
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
