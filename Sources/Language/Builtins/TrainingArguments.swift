import Datasets
import Learning

extension DeclaredParameter where Self == Declared<LossObject?> {
  /// The `loss:` parameter of the training built-ins: a loss, a loss's name (`loss: bce` means
  /// `bce()`), or none for the loss that suits the data's task.
  static var loss: Self {
    .namingACall(
      "loss", LossObject.type,
      "The loss; none picks bce, cross_entropy or mse from the data's task.")
  }
}

extension DeclaredParameter where Self == Declared<OptimizerObject?> {
  /// The `optimizer:` parameter of the training built-ins: an optimizer, an optimizer's name
  /// (`optimizer: adam` means `adam()`), or none for `adam(lr: 0.001)`.
  static var optimizer: Self {
    .namingACall("optimizer", OptimizerObject.type, "The optimizer; none is adam(lr: 0.001).")
  }
}

extension Declared {
  /// An optional parameter taking an object of type `Object`, the name of a built-in that
  /// makes one (standing for its call with defaults), or none (the default).
  fileprivate static func namingACall<Object: HostObject>(
    _ label: String, _ type: ValueType, _ doc: String
  ) -> Declared<Object?> {
    var parameter: BuiltinParameter = .optional(label, .either(type, .none), default: .none, doc)
    parameter.namesACall = true
    return Declared<Object?>(parameter) { value in
      if case .host(let object as Object) = value { object } else { nil }
    }
  }
}

extension DeclaredParameter where Self == Declared<OptimizerObject> {
  /// A required `optimizer:` parameter: an optimizer, or an optimizer's name standing for it
  /// called with its defaults.
  static func optimizer(_ doc: String) -> Self {
    var parameter: BuiltinParameter = .required("optimizer", OptimizerObject.type, doc)
    parameter.namesACall = true
    return Declared(parameter) { value in
      guard case .host(let object as OptimizerObject) = value else {
        preconditionFailure("`optimizer` is not an optimizer")
      }
      return object
    }
  }
}

extension Arguments {
  /// The loss passed as `loss`, or the one that suits `data`'s task when it is `none`.
  func loss(for data: Dataset) -> Loss {
    self[Declared<LossObject?>.loss]?.loss ?? RunRecording.defaultLoss(for: data.task)
  }

  /// The optimizer passed as `optimizer`, or `adam(lr: 0.001)` when it is `none`.
  var optimizer: OptimizerObject { self[Declared<OptimizerObject?>.optimizer] ?? .standard }
}

extension Declared where Wrapped == Int {
  /// The `batch:` parameter: samples per step, at least 1.
  static var batchSize: Declared {
    .integer("batch", default: 32, "Samples per step.").valid(.atLeast(1), as: "the batch size")
  }
}

extension Declared where Wrapped == [Metric] {
  /// A `metrics:` parameter: a list of metric names, read as the metrics.
  static func metrics(_ doc: String) -> Declared {
    let names = Declared<[Value]>.list(
      "metrics", .list(of: .choice("metric", Metric.allCases.map(\.rawValue))), default: [], doc)
    return Declared(names.parameter) { value in
      names.read(value).compactMap { item in
        switch item {
        case .string(let name): Metric(rawValue: name)
        case .function(let builtin): Metric(rawValue: builtin.name)
        default: nil
        }
      }
    }
  }
}
