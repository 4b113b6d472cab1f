import Foundation

/// How data values map to positions along an axis.
public enum AxisScale: Sendable, Equatable {
  /// Equal distances for equal differences.
  case linear
  /// Equal distances for equal ratios (base 10): for learning rates and losses that span decades.
  /// Values that are zero or negative cannot be shown and are left out with a note.
  case log

  /// Whether `value` can be placed on this scale (finite, and positive on a log scale).
  package func canShow(_ value: Double) -> Bool {
    value.isFinite && (self == .linear || value > 0)
  }

  /// The position of `value` along the axis, before scaling to the chart's size.
  package func position(_ value: Double) -> Double {
    self == .linear ? value : log10(value)
  }
}
