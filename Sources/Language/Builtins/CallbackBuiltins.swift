import Learning

extension Builtin {
  /// The callbacks, passed to `fit(…, callbacks: [...])`.
  static var callbacks: [Builtin] {
    [
      Builtin(
        "early_stopping", topic: .training,
        summary: "Stops when `monitor` has not improved for `patience` epochs; puts back the best "
          + "weights.",
        parameters: [
          .optional("monitor", .string, default: .string("val_loss"), "The value watched."),
          .optional("patience", .integer, default: .number(5), "Epochs without improvement."),
          .optional("min_delta", .number, default: .number(0), "The smallest change that counts."),
          .optional(
            "restore_best", .bool, default: .bool(true), "Restore the best epoch's weights."),
        ],
        example: "stop = early_stopping(patience: 10)"
      ) { arguments, _ in
        let patience = arguments.integer("patience")
        guard patience >= 0 else {
          throw CallError("`patience` cannot be negative, got \(patience)", argument: "patience")
        }
        let monitor = arguments.string("monitor")
        let delta = arguments.number("min_delta")
        let restore = arguments.bool("restore_best")
        return .host(
          CallbackObject(
            call: call(
              "early_stopping", arguments, ["monitor", "patience", "min_delta", "restore_best"])
          ) {
            EarlyStopping(
              monitor: monitor, patience: patience, minDelta: delta, restoreBestWeights: restore)
          })
      },
      Builtin(
        "checkpoint", topic: .training,
        summary:
          "Saves the weights after each epoch: the best so far (by `monitor`) or the latest.",
        parameters: [
          .required("path", .string, "The safetensors file to write."),
          .optional(
            "monitor", .string, default: .string("val_loss"), "The value that decides the best."),
          .optional(
            "best_only", .bool, default: .bool(true), "Keep the best epoch, not the latest."),
        ],
        example: "save = checkpoint(\"best.safetensors\")"
      ) { arguments, context in
        let url = try context.url(for: arguments.string("path"), argument: "path")
        let monitor = arguments.string("monitor")
        let bestOnly = arguments.bool("best_only")
        return .host(
          CallbackObject(call: call("checkpoint", arguments, ["path", "monitor", "best_only"])) {
            bestOnly
              ? ModelCheckpoint(best: url, monitor: monitor)
              : ModelCheckpoint(last: url, monitor: monitor)
          })
      },
      Builtin(
        "log_epochs", topic: .training,
        summary: "Writes each epoch's loss, metrics and rate to a CSV or JSON-lines file.",
        parameters: [
          .required("path", .string, "The file: .csv, or .jsonl for JSON lines.")
        ],
        example: "logger = log_epochs(\"epochs.csv\")"
      ) { arguments, context in
        let path = arguments.string("path")
        let url = try context.url(for: path, argument: "path")
        let format: EpochLogFile.Format = path.hasSuffix(".jsonl") ? .jsonLines : .csv
        return .host(
          CallbackObject(call: call("log_epochs", arguments, ["path"])) {
            LogEachEpoch(url: url, format: format)
          })
      },
    ]
  }

  /// The call as written, with the arguments given: `early_stopping(patience: 10)`.
  static func call(_ name: String, _ arguments: Arguments, _ labels: [String]) -> String {
    let given = labels.filter(arguments.isGiven).map { "\($0): \(arguments[$0].summary)" }
    return name + "(" + given.joined(separator: ", ") + ")"
  }
}
