import Foundation

extension RunRecord {
  /// The run as a TensorBoard event file: each history series as a scalar tag over epochs
  /// 1, 2, …, and each final metric as `final/<name>` at the last epoch. Wall times are the
  /// start time plus the cumulative `seconds` series (or the duration spread evenly).
  public func tensorBoardEvents() -> TensorBoardEventFile {
    let start = created.timeIntervalSince1970
    let epochs = epochCount
    var elapsed: [Double] = []
    var total = 0.0
    for epoch in 0..<epochs {
      let seconds = history[Series.seconds] ?? []
      total += epoch < seconds.count ? seconds[epoch] : duration / Double(epochs)
      elapsed.append(total)
    }
    var file = TensorBoardEventFile(wallTime: start)
    for key in historyColumns(history.keys) {
      for (epoch, value) in (history[key] ?? []).enumerated() {
        file.appendScalar(tag: key, step: epoch + 1, value: value, wallTime: start + elapsed[epoch])
      }
    }
    for (name, value) in finalMetrics.sorted(by: { $0.key < $1.key }) {
      file.appendScalar(
        tag: "final/\(name)", step: epochs, value: value, wallTime: start + duration)
    }
    return file
  }

  /// The folder name TensorBoard shows for the run: `<name>_<id>`, with characters other than
  /// letters, digits, `-` and `_` replaced by `-`.
  public var tensorBoardFolderName: String {
    let safeName = String(
      name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "-" })
    return safeName.isEmpty ? id : "\(safeName)_\(id)"
  }
}

/// Exports runs for TensorBoard: `tensorboard --logdir <folder>` shows each run's curves.
public enum TensorBoardExport {
  /// Writes each run's event file into `folder/<run.tensorBoardFolderName>/`; returns the files.
  @discardableResult
  public static func write(_ runs: [RunRecord], to folder: URL) throws -> [URL] {
    try runs.map { run in
      let runFolder = folder.appendingPathComponent(run.tensorBoardFolderName)
      let wallTime = run.created.timeIntervalSince1970
      try run.tensorBoardEvents().write(into: runFolder, wallTime: wallTime)
      return runFolder.appendingPathComponent(TensorBoardEventFile.fileName(wallTime: wallTime))
    }
  }
}
