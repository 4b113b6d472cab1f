/// A Keras-style table of a model: each layer, its output shape and its parameter count.
///
/// ```
/// Layer (type)        Output shape   Param #
/// ────────────────────────────────────────────
/// 0 (Linear)          (None, 16)          48
/// 1 (ReLU)            (None, 16)           0
/// ────────────────────────────────────────────
/// Total params: 48
/// Trainable params: 48
/// Non-trainable params: 0
/// ```
public struct ModelSummary: Sendable, Equatable, CustomStringConvertible {
  /// One row of the table.
  public struct Row: Sendable, Equatable {
    /// The layer's index and kind, e.g. `0 (Linear)`.
    public var layer: String
    /// The number of output features.
    public var outputFeatures: Int
    /// The number of values in its parameters.
    public var parameters: Int
  }

  /// The rows, one per layer.
  public var rows: [Row]
  /// The total number of parameter values.
  public var totalParameters: Int
  /// The number of values in unfrozen parameters.
  public var trainableParameters: Int

  /// Summarises `model`.
  public init(_ model: Sequential) {
    var features = model.inputFeatures
    rows = model.layers.enumerated().map { index, layer in
      features = (try? layer.outputFeatures(forInputs: features)) ?? features
      return Row(
        layer: "\(index) (\(layer.kind))", outputFeatures: features,
        parameters: layer.parameterCount)
    }
    totalParameters = model.parameterCount
    trainableParameters = model.trainableParameters.reduce(0) { $0 + $1.count }
  }

  /// The table as text.
  public var description: String {
    let shapes = rows.map { "(None, \($0.outputFeatures))" }
    let counts = rows.map { String($0.parameters) }
    let first = max(20, (rows.map(\.layer.count).max() ?? 0) + 2)
    let second = max(14, (shapes.map(\.count).max() ?? 0) + 2)
    let third = max(8, counts.map(\.count).max() ?? 0)
    func pad(_ text: String, _ width: Int) -> String {
      text + String(repeating: " ", count: max(0, width - text.count))
    }
    func padLeft(_ text: String, _ width: Int) -> String {
      String(repeating: " ", count: max(0, width - text.count)) + text
    }
    let rule = String(repeating: "─", count: first + second + third)
    var lines = [
      pad("Layer (type)", first) + pad("Output shape", second) + padLeft("Param #", third)
    ]
    lines.append(rule)
    for (index, row) in rows.enumerated() {
      lines.append(
        pad(row.layer, first) + pad(shapes[index], second) + padLeft(counts[index], third))
    }
    lines.append(rule)
    lines.append("Total params: \(totalParameters)")
    lines.append("Trainable params: \(trainableParameters)")
    lines.append("Non-trainable params: \(totalParameters - trainableParameters)")
    return lines.joined(separator: "\n")
  }
}

extension Sequential {
  /// The model's Keras-style summary.
  public var summary: ModelSummary { ModelSummary(self) }
}
