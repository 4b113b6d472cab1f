extension RunRecord {
  /// How a run whose training stopped for `reason` ended: its status and, unless it simply
  /// finished, what happened in words. Every recorded fit reads its `StopReason` here, so a run
  /// means the same thing whoever trained it.
  ///
  /// | reason | status | message |
  /// | --- | --- | --- |
  /// | `.completed` (or none) | finished | none |
  /// | `.earlyStopping(epoch:)` | stopped early | "early stopping after epoch N" |
  /// | `.requested(reason:)` | stopped early | the callback's reason |
  /// | `.nonFinite(message:)` | diverged | the explanation, e.g. the rate is likely too large |
  /// | `.cancelled` | interrupted | the model keeps its last completed step |
  public static func ending(_ reason: StopReason?) -> (status: RunStatus, message: String?) {
    switch reason {
    case .completed, nil: (.finished, nil)
    case .earlyStopping(let epoch): (.stoppedEarly, "early stopping after epoch \(epoch)")
    case .requested(let reason): (.stoppedEarly, reason)
    case .nonFinite(let message): (.diverged, message)
    case .cancelled: (.interrupted, "interrupted; the model keeps its last completed step")
    }
  }
}
