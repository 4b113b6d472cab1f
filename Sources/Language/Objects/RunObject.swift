import Learning

/// A training run as a value of the language: its record (settings, per-epoch history, final
/// metrics, status) and, while the session lasts, the trainer that can continue it.
public final class RunObject: HostObject {
  /// What was recorded.
  public internal(set) var record: RunRecord
  /// The trainer, kept so `resume` and `save_checkpoint` can continue the run.
  let trainer: Trainer?
  /// How the run was trained: its data, validation data, model, optimizer and schedule; `nil`
  /// for a run kept by an earlier session.
  let route: RunRoute?
  /// What the run started from, for `export_pytorch`; `nil` for a run kept by an earlier
  /// session or one that continued an earlier fit.
  public let experiment: Experiment?

  init(
    _ record: RunRecord, trainer: Trainer?, route: RunRoute? = nil,
    experiment: Experiment? = nil
  ) {
    self.record = record
    self.trainer = trainer
    self.route = route
    self.experiment = experiment
  }

  public var typeName: String { "run" }

  /// `run "lr 0.01": 200 epochs, best val_loss 0.2412 at epoch 87, finished in 1.2 s`.
  public var summary: String {
    var parts = ["\(record.epochCount) \(record.epochCount == 1 ? "epoch" : "epochs")"]
    if let best = bestLoss {
      parts.append("best \(best.key) \(NumberFormat.format(best.value)) at epoch \(best.epoch)")
    }
    for (name, value) in finalValues where !name.hasSuffix("loss") {
      parts.append("\(name) \(NumberFormat.format(value))")
    }
    parts.append("\(record.status) in \(seconds(record.duration))")
    return "run \"\(record.name)\": " + parts.joined(separator: ", ")
  }

  /// The lowest validation loss (or training loss without validation), with its epoch.
  var bestLoss: (key: String, epoch: Int, value: Double)? { record.best }

  /// The final loss, validation loss and metrics, in that order.
  var finalValues: [(name: String, value: Double)] {
    historyColumns(record.finalMetrics.keys).map { ($0, record.finalMetrics[$0] ?? .nan) }
  }

  public var fieldNames: [String] {
    [
      "name", "id", "status", "epochs", "best_epoch", "best_val_loss", "time", "lr", "history",
      "settings", "message", "verdict",
    ] + (route == nil ? [] : RunRoute.fieldNames) + finalValues.map(\.name)
  }

  public func field(named name: String) throws -> Value? {
    switch name {
    case "name": return .string(record.name)
    case "id": return .string(record.id)
    case "status": return .string(record.status.rawValue)
    case "epochs": return .number(Double(record.epochCount))
    case "best_epoch": return record.bestEpoch.map { .number(Double($0)) } ?? Value.none
    case "best_val_loss":
      return record.lowest(RunRecord.Series.validationLoss).map { .number($0.value) } ?? Value.none
    case "time": return .number(record.duration)
    case "lr":
      return (record.history[RunRecord.Series.learningRate]?.last).map { .number($0) } ?? Value.none
    case "history": return .host(HistoryObject(record.history))
    case "settings": return record.settings.map { .host(SettingsObject($0)) } ?? Value.none
    case "message": return record.message.map { .string($0) } ?? Value.none
    case "verdict": return .string(Diagnosis(of: record).verdict.rawValue)
    default:
      return route?.field(named: name)
        ?? finalValues.first { $0.name == name }.map { .number($0.value) }
    }
  }
}

/// The per-epoch series of a run, each a list: `run.history.val_loss`.
final class HistoryObject: HostObject {
  let series: [String: [Double]]

  init(_ series: [String: [Double]]) { self.series = series }

  var typeName: String { "history" }
  var summary: String {
    "history of \(series.values.map(\.count).max() ?? 0) epochs: "
      + fieldNames.joined(separator: ", ")
  }
  var fieldNames: [String] { series.keys.sorted() }

  func field(named name: String) throws -> Value? {
    series[name].map { .list($0.map { .number($0) }) }
  }
}

/// The settings a run trained with, each a field: `run.settings.lr`, `run.settings.batch_size`;
/// a component's own settings are fields of its name: `run.settings.early_stopping.patience`.
final class SettingsObject: HostObject {
  /// The settings shown, a component's named without its prefix (`patience`).
  let settings: [(name: String, value: SettingValue)]
  /// The component these settings belong to (`early_stopping`), or nil for a whole run's.
  let component: String?

  /// The settings, then the trainbook version that trained the run (`settings.version`).
  init(_ settings: RunSettings) {
    self.settings = settings.flattened + [("version", .text(settings.version))]
    component = nil
  }

  private init(component: String, of settings: [(name: String, value: SettingValue)]) {
    self.settings = settings.compactMap { setting in
      setting.name.hasPrefix(component + ".")
        ? (String(setting.name.dropFirst(component.count + 1)), setting.value) : nil
    }
    self.component = component
  }

  var typeName: String { "settings" }
  var summary: String {
    (component ?? "settings") + ": "
      + settings.map { "\($0.name) \($0.value)" }.joined(separator: ", ")
  }
  var fieldNames: [String] {
    var names: [String] = []
    for setting in settings {
      let name = String(setting.name.prefix { $0 != "." })
      if !names.contains(name) { names.append(name) }
    }
    return names
  }

  func field(named name: String) throws -> Value? {
    if settings.contains(where: { $0.name.hasPrefix(name + ".") }) {
      return .host(SettingsObject(component: name, of: settings))
    }
    return switch settings.first(where: { $0.name == name })?.value {
    case .number(let number): .number(number)
    case .flag(let flag): .bool(flag)
    case .text(let text): .string(text)
    case nil: nil
    }
  }
}

/// A duration as `0.42 s`, `12.3 s` or `2 min 5 s`.
func seconds(_ duration: Double) -> String {
  if duration < 60 { return NumberFormat.format((duration * 100).rounded() / 100) + " s" }
  let whole = Int(duration.rounded())
  return "\(whole / 60) min \(whole % 60) s"
}
