import Foundation

extension RunRecord {
  /// The run as TensorBoard event files, laid out as Keras' TensorBoard callback lays them out,
  /// by subfolder of the run's folder:
  ///
  /// - `train`: each training series over epochs 1, 2, … (`loss`, `accuracy`, `lr`, `seconds`);
  /// - `validation`: each validation series under the same tag without `val_` (`loss`,
  ///   `accuracy`), so TensorBoard overlays the training and validation curves in one chart;
  /// - `""` (the run's folder itself): the HParams session, its settings
  ///   (`RunSettings.flattened`) at the start and its status at the end. The HParams dashboard
  ///   shows the settings beside each series' last value, the run's final metrics.
  ///
  /// Wall times are the start time plus the cumulative `seconds` series (or the duration spread
  /// evenly).
  public func tensorBoardFiles() -> [String: TensorBoardEventFile] {
    let start = created.timeIntervalSince1970
    let epochs = epochCount
    let seconds = history[Series.seconds] ?? []
    var elapsed: [Double] = []
    var total = 0.0
    for epoch in 0..<epochs {
      let spent = epoch < seconds.count ? seconds[epoch] : duration / Double(epochs)
      total += spent.isFinite ? spent : 0
      elapsed.append(total)
    }
    var files: [String: TensorBoardEventFile] = [:]
    for key in historyColumns(history.keys) {
      let isValidation = key.hasPrefix("val_")
      let folder = isValidation ? "validation" : "train"
      let tag = isValidation ? String(key.dropFirst(4)) : key
      var file = files[folder] ?? TensorBoardEventFile(wallTime: start)
      for (epoch, value) in (history[key] ?? []).enumerated() {
        file.appendScalar(tag: tag, step: epoch + 1, value: value, wallTime: start + elapsed[epoch])
      }
      files[folder] = file
    }
    var session = TensorBoardEventFile(wallTime: start)
    session.appendPluginSummary(
      tag: HParamsPluginData.sessionStartTag, plugin: HParamsPluginData.plugin,
      content: HParamsPluginData.sessionStart(
        hparams: settings?.flattened ?? [], group: tensorBoardFolderName, startTime: start),
      wallTime: start)
    session.appendPluginSummary(
      tag: HParamsPluginData.sessionEndTag, plugin: HParamsPluginData.plugin,
      content: HParamsPluginData.sessionEnd(status: status, endTime: start + duration),
      wallTime: start + duration)
    files[""] = session
    return files
  }

  /// The folder name TensorBoard shows for the run: `<name>_<id>`, with characters other than
  /// letters, digits, `-` and `_` replaced by `-`.
  public var tensorBoardFolderName: String {
    let safeName = String(
      name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "-" })
    return safeName.isEmpty ? id : "\(safeName)_\(id)"
  }
}

/// Exports runs for TensorBoard: `tensorboard --logdir <folder>` shows each run's training and
/// validation curves together and, in the HParams dashboard, the runs' settings side by side.
public enum TensorBoardExport {
  /// Writes each run's event files into `folder/<run.tensorBoardFolderName>/` and its `train`
  /// and `validation` subfolders; returns the files written.
  @discardableResult
  public static func write(_ runs: [RunRecord], to folder: URL) throws -> [URL] {
    var written: [URL] = []
    for run in runs {
      let runFolder = folder.appendingPathComponent(run.tensorBoardFolderName)
      let wallTime = run.created.timeIntervalSince1970
      for (subfolder, file) in run.tensorBoardFiles().sorted(by: { $0.key < $1.key }) {
        let target = subfolder.isEmpty ? runFolder : runFolder.appendingPathComponent(subfolder)
        try file.write(into: target, below: folder, wallTime: wallTime)
        written.append(
          target.appendingPathComponent(TensorBoardEventFile.fileName(wallTime: wallTime)))
      }
    }
    return written
  }
}
