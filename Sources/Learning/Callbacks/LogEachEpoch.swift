import Foundation

/// Writes each epoch's record to a CSV or JSON-lines file as training runs (an `EpochLogFile`), so
/// an interrupted run leaves every finished epoch on disk.
public final class LogEachEpoch: Callback {
  private var logger: EpochLogFile?
  let url: URL
  let format: EpochLogFile.Format

  /// Creates the callback; the file is replaced when training begins.
  public init(url: URL, format: EpochLogFile.Format = .csv) {
    self.url = url
    self.format = format
  }

  /// Opens the file, unless the trainer is resuming into one already open.
  public func trainingBegan(_ trainer: Trainer) throws {
    if logger == nil || (trainer.epoch == 0 && trainer.batchIndex == 0) {
      logger = try EpochLogFile(url: url, format: format)
    }
  }

  /// Appends the epoch: loss, val_loss, metrics, lr and seconds.
  public func epochEnded(_ record: EpochRecord, trainer: Trainer) throws -> CallbackDecision {
    var values = record.metrics
    values[RunRecord.Series.loss] = record.trainLoss
    values[RunRecord.Series.validationLoss] = record.validationLoss
    values[RunRecord.Series.learningRate] = record.learningRate
    values[RunRecord.Series.seconds] = record.seconds
    try logger?.append(epoch: record.epoch, values: values)
    return .proceed
  }
}
