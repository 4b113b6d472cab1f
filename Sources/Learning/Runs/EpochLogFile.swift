import Foundation
import Support

/// Appends one line per epoch to a CSV or JSON-lines file while training runs, so a crash or an
/// interruption leaves every finished epoch on disk (Keras' `CSVLogger`).
///
/// CSV: a header `epoch,loss,val_loss,…` fixed by the first row's keys (keys that appear later
/// are not written: use JSON lines for them), then one row per epoch, empty for a missing value.
/// JSON lines: one object per line, `{"epoch":1,"loss":0.5,…}`, non-finite numbers as the
/// strings "nan", "inf", "-inf" (as run files store them).
public struct EpochLogFile: Sendable {
  /// The file formats.
  public enum Format: String, Sendable {
    /// Comma-separated values with a header row.
    case csv
    /// One JSON object per line.
    case jsonLines
  }

  /// The file being written.
  public let url: URL
  /// Its format.
  public let format: Format
  /// The CSV columns after `epoch`, fixed by the first row.
  private var columns: [String]?

  /// A logger that writes to `url`, replacing whatever file is there.
  public init(url: URL, format: Format) throws {
    self.url = url
    self.format = format
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try writeAtomically([], to: url.path)
  }

  /// Appends the row of `epoch` (1-based) with `values` by series name.
  public mutating func append(epoch: Int, values: [String: Double]) throws {
    var text: String
    switch format {
    case .csv:
      let columns = self.columns ?? historyColumns(values.keys)
      text = self.columns == nil ? csvLine(["epoch"] + columns) : ""
      self.columns = columns
      text += csvLine(["\(epoch)"] + columns.map { values[$0].map(numberText) ?? "" })
    case .jsonLines:
      let fields = historyColumns(values.keys).map { key in
        let number = values[key].map(numberText) ?? "nan"
        let value = values[key]?.isFinite == true ? number : jsonQuoted(number)
        return "\(jsonQuoted(key)):\(value)"
      }
      text = "{" + ([#""epoch":\#(epoch)"#] + fields).joined(separator: ",") + "}\n"
    }
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
  }
}
