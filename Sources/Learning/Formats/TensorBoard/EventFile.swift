import Foundation
import Support

/// A TensorBoard event file of scalar series, built in memory and written atomically.
///
/// The file is a TFRecord stream of `Event` protobufs (tensorflow/core/util/event.proto): first
/// `{wall_time: 1, file_version: 3 = "brain.Event:2"}`, then one event per point,
/// `{wall_time: 1 (double), step: 2 (int64), summary: 5 {value: 1 {tag: 1, simple_value: 2
/// (float)}}}`. The protobuf is encoded by hand; TensorBoard's `EventAccumulator` reads it.
public struct TensorBoardEventFile: Sendable {
  /// The framed records so far.
  public private(set) var bytes: [UInt8]

  /// A file whose first event, the version record, is stamped `wallTime` (seconds since 1970).
  public init(wallTime: Double) {
    var event = ProtobufWriter()
    event.appendDouble(field: 1, wallTime)
    event.appendBytes(field: 3, Array("brain.Event:2".utf8))
    bytes = TFRecord.framed(event.bytes)
  }

  /// Appends the point (`step`, `value`) of the series `tag`, logged at `wallTime`.
  public mutating func appendScalar(tag: String, step: Int, value: Double, wallTime: Double) {
    var summaryValue = ProtobufWriter()
    summaryValue.appendBytes(field: 1, Array(tag.utf8))
    summaryValue.appendFloat(field: 2, Float(value))
    appendEvent(summaryValue, step: step, wallTime: wallTime)
  }

  /// Appends a plugin's summary `tag` at `step`: TensorBoard hands `content` (the plugin's own
  /// protobuf) to the plugin named `plugin`, as `Summary.Value {tag: 1, metadata: 9
  /// {plugin_data: 1 {plugin_name: 1, content: 2}}, tensor: 8}` with an empty float tensor,
  /// as TensorBoard's own `hparams` summaries carry.
  public mutating func appendPluginSummary(
    tag: String, plugin: String, content: [UInt8], step: Int = 0, wallTime: Double
  ) {
    var pluginData = ProtobufWriter()
    pluginData.appendBytes(field: 1, Array(plugin.utf8))
    pluginData.appendBytes(field: 2, content)
    var metadata = ProtobufWriter()
    metadata.appendBytes(field: 1, pluginData.bytes)
    // TensorProto {dtype: DT_FLOAT, tensor_shape: {dim: {size: 0}}}.
    let emptyTensor: [UInt8] = [0x08, 0x01, 0x12, 0x02, 0x12, 0x00]
    var summaryValue = ProtobufWriter()
    summaryValue.appendBytes(field: 1, Array(tag.utf8))
    summaryValue.appendBytes(field: 9, metadata.bytes)
    summaryValue.appendBytes(field: 8, emptyTensor)
    appendEvent(summaryValue, step: step, wallTime: wallTime)
  }

  /// Appends an event `{wall_time: 1, step: 2, summary: 5 {value: 1}}` holding `value`.
  private mutating func appendEvent(_ value: ProtobufWriter, step: Int, wallTime: Double) {
    var summary = ProtobufWriter()
    summary.appendBytes(field: 1, value.bytes)
    var event = ProtobufWriter()
    event.appendDouble(field: 1, wallTime)
    event.appendVarint(field: 2, UInt64(bitPattern: Int64(step)))
    event.appendBytes(field: 5, summary.bytes)
    bytes += TFRecord.framed(event.bytes)
  }

  /// A file name TensorBoard recognises: `events.out.tfevents.<seconds>.<host>`.
  public static func fileName(wallTime: Double, host: String = "trainbook") -> String {
    "events.out.tfevents.\(Int(wallTime)).\(host)"
  }

  /// Writes the file atomically as `folder/fileName(wallTime:)`, creating the folder and
  /// refusing a symbolic link in its place or, with `root`, anywhere between `root` and it.
  public func write(into folder: URL, below root: URL? = nil, wallTime: Double) throws {
    try createFolder(folder, below: root)
    let url = folder.appendingPathComponent(Self.fileName(wallTime: wallTime))
    try writeAtomically(bytes, to: url.path)
  }
}

/// The protobuf wire format, just the field kinds an event needs
/// (protobuf.dev/programming-guides/encoding).
struct ProtobufWriter {
  /// The encoded message so far.
  private(set) var bytes: [UInt8] = []

  /// Appends a varint (wire type 0) field.
  mutating func appendVarint(field: Int, _ value: UInt64) {
    appendKey(field: field, wireType: 0)
    appendVarint(value)
  }

  /// Appends a 64-bit (wire type 1) `double` field.
  mutating func appendDouble(field: Int, _ value: Double) {
    appendKey(field: field, wireType: 1)
    appendLittleEndian(value.bitPattern, to: &bytes)
  }

  /// Appends a length-delimited (wire type 2) field: a string, bytes or an embedded message.
  mutating func appendBytes(field: Int, _ value: [UInt8]) {
    appendKey(field: field, wireType: 2)
    appendVarint(UInt64(value.count))
    bytes += value
  }

  /// Appends a 32-bit (wire type 5) `float` field.
  mutating func appendFloat(field: Int, _ value: Float) {
    appendKey(field: field, wireType: 5)
    appendLittleEndian(value.bitPattern, to: &bytes)
  }

  private mutating func appendKey(field: Int, wireType: UInt64) {
    appendVarint(UInt64(field) << 3 | wireType)
  }

  /// Seven bits per byte, least significant first, the high bit set on all but the last.
  private mutating func appendVarint(_ value: UInt64) {
    var remaining = value
    while remaining >= 0x80 {
      bytes.append(UInt8(remaining & 0x7F) | 0x80)
      remaining >>= 7
    }
    bytes.append(UInt8(remaining))
  }
}
