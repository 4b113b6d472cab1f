extension RunRecord {
  /// How a run whose training stopped for `reason` ended: its status and, unless it simply
  /// finished, what happened in words. Every recorded fit reads its `StopReason` here, so a run
  /// means the same thing whoever trained it. When early stopping gave the model back the
  /// weights of an earlier epoch (`restoredEpoch`), the message says which.
  ///
  /// | reason | status | message |
  /// | --- | --- | --- |
  /// | `.completed` (or none) | finished | none, or "the model holds the weights of epoch R, …" |
  /// | `.earlyStopping(epoch:)` | stopped early | "early stopping after epoch N" (and epoch R) |
  /// | `.requested(reason:)` | stopped early | the callback's reason |
  /// | `.nonFinite(message:)` | diverged | the explanation, e.g. the rate is likely too large |
  /// | `.cancelled` | interrupted | the model keeps its last completed step |
  public static func ending(_ reason: StopReason?, restoredEpoch: Int? = nil) -> (
    status: RunStatus, message: String?
  ) {
    let restored = restoredEpoch.map { "the model holds the weights of epoch \($0), the best" }
    return switch reason {
    case .completed, nil: (.finished, restored.map { $0 + " by early stopping" })
    case .earlyStopping(let epoch):
      (.stoppedEarly, "early stopping after epoch \(epoch)" + (restored.map { "; " + $0 } ?? ""))
    case .requested(let reason): (.stoppedEarly, reason)
    case .nonFinite(let message): (.diverged, message)
    case .cancelled: (.interrupted, "interrupted; the model keeps its last completed step")
    }
  }
}
