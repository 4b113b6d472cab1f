/// The content of TensorBoard's HParams summaries (tensorboard/plugins/hparams/plugin_data.proto
/// and api.proto), encoded by hand: a `HParamsPluginData` message at version 0 holding a
/// session's start (its hyperparameters) or end (its status). TensorBoard infers the experiment
/// from the sessions and takes each metric's value from the session's scalar series.
enum HParamsPluginData {
  /// The plugin the summaries are for.
  static let plugin = "hparams"
  /// The tag of a session's start summary.
  static let sessionStartTag = "_hparams_/session_start_info"
  /// The tag of a session's end summary.
  static let sessionEndTag = "_hparams_/session_end_info"

  /// `{session_start_info: 3 {hparams: 1 (map<string, google.protobuf.Value>), group_name: 4,
  /// start_time_secs: 5}}`; a value is `{number_value: 2 | string_value: 3 | bool_value: 4}`.
  static func sessionStart(
    hparams: [(name: String, value: SettingValue)], group: String, startTime: Double
  ) -> [UInt8] {
    var info = ProtobufWriter()
    for (name, value) in hparams {
      var encoded = ProtobufWriter()
      switch value {
      case .number(let number): encoded.appendDouble(field: 2, number)
      case .text(let text): encoded.appendBytes(field: 3, Array(text.utf8))
      case .flag(let flag): encoded.appendVarint(field: 4, flag ? 1 : 0)
      }
      var entry = ProtobufWriter()
      entry.appendBytes(field: 1, Array(name.utf8))
      entry.appendBytes(field: 2, encoded.bytes)
      info.appendBytes(field: 1, entry.bytes)
    }
    info.appendBytes(field: 4, Array(group.utf8))
    info.appendDouble(field: 5, startTime)
    var data = ProtobufWriter()
    data.appendBytes(field: 3, info.bytes)
    return data.bytes
  }

  /// `{session_end_info: 4 {status: 1, end_time_secs: 2}}`: STATUS_SUCCESS (1) for a run that
  /// finished or stopped early, STATUS_FAILURE (2) for one that diverged or was interrupted.
  static func sessionEnd(status: RunStatus, endTime: Double) -> [UInt8] {
    var info = ProtobufWriter()
    let succeeded = status == .finished || status == .stoppedEarly
    info.appendVarint(field: 1, succeeded ? 1 : 2)
    info.appendDouble(field: 2, endTime)
    var data = ProtobufWriter()
    data.appendBytes(field: 4, info.bytes)
    return data.bytes
  }
}
