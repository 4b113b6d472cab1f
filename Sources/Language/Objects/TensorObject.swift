import Foundation
import Learning

/// A tensor as the language shows it: a named block of numbers with a shape, printed as a short
/// preview with its statistics (shape, mean, standard deviation, min, max, L2 norm).
///
/// A tensor read from a parameter (`net.layers[0].weight`) or from its gradient (`.grad`) is
/// live, as in PyTorch: it shows the parameter's values at the moment it is printed, so a name
/// bound before training shows the trained values afterwards. Other tensors (a model's outputs, a
/// dataset's features) hold fixed values.
public final class TensorObject: HostObject {
  /// Where the numbers come from.
  public enum Contents {
    /// Values computed once.
    case fixed([Float])
    /// The current values of a parameter.
    case values(of: Parameter)
    /// The current gradient of a parameter.
    case gradient(of: Parameter)
  }

  /// The name shown in the display: `0.weight`, `0.weight.grad`, `x`.
  public let name: String
  /// The shape, outermost dimension first (`[]` for a single number).
  public let shape: [Int]
  /// Where the numbers come from.
  public let contents: Contents

  /// How many rows, and numbers per row, the display shows before eliding the rest.
  static let previewRows = 6
  static let previewColumns = 6

  /// A tensor of fixed values; `values` must hold the product of `shape` numbers.
  public init(name: String, shape: [Int], values: [Float]) {
    precondition(shape.reduce(1, *) == values.count, "tensor \(name) of shape \(shape)")
    self.name = name
    self.shape = shape
    self.contents = .fixed(values)
  }

  /// The live values of `parameter`, named `name` (`0.weight`).
  public init(name: String, parameter: Parameter) {
    self.name = name
    self.shape = parameter.shape
    self.contents = .values(of: parameter)
  }

  /// The live gradient of `parameter`, named `name` (`0.weight.grad`).
  public init(name: String, gradientOf parameter: Parameter) {
    self.name = name
    self.shape = parameter.shape
    self.contents = .gradient(of: parameter)
  }

  /// The numbers now, row-major.
  public var values: [Float] {
    switch contents {
    case .fixed(let values): values
    case .values(let parameter): parameter.value
    case .gradient(let parameter): parameter.gradient
    }
  }

  /// The parameter whose values this tensor shows, if it shows one's values.
  public var parameter: Parameter? {
    if case .values(let parameter) = contents { parameter } else { nil }
  }

  public var typeName: String { "tensor" }

  /// `tensor 0.weight [16, 2]: mean 0.01, std 0.4, min -0.7, max 0.69, norm 2.3`.
  public var summary: String {
    "tensor \(name) \(shapeText): " + TensorStatistics(values).text
  }

  /// The name and shape, the first rows and columns, then the statistics.
  public var display: String {
    var lines = ["\(name): tensor \(shapeText)" + (parameter.map(Self.state) ?? "")]
    lines += preview
    lines.append(TensorStatistics(values).text)
    return lines.joined(separator: "\n")
  }

  private static func state(_ parameter: Parameter) -> String {
    parameter.isFrozen ? " (frozen)" : " (trainable)"
  }

  private var shapeText: String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }

  /// The values as rows of a table, long rows and columns elided.
  private var preview: [String] {
    let values = values
    let columns = shape.count >= 2 ? shape[shape.count - 1] : max(values.count, 1)
    let rows = columns == 0 ? 0 : values.count / columns
    func row(_ index: Int) -> String {
      let start = index * columns
      let shown = Array(values[start..<(start + min(columns, Self.previewColumns))])
      var cells = shown.map { Self.cell(Double($0)) }
      if columns > Self.previewColumns { cells.append("… (\(columns) in all)") }
      return "  " + cells.joined(separator: " ")
    }
    guard rows > 0 else { return ["  (empty)"] }
    var lines = (0..<min(rows, Self.previewRows)).map(row)
    if rows > Self.previewRows {
      lines.append("  … \(rows - Self.previewRows) more rows")
    }
    return lines
  }

  /// One number right-aligned in a column of 9 characters.
  static func cell(_ value: Double) -> String {
    let text = NumberFormat.format(value)
    return String(repeating: " ", count: max(0, 9 - text.count)) + text
  }

  public var fieldNames: [String] {
    ["shape", "count", "mean", "std", "min", "max", "norm", "values"]
      + (parameter == nil ? [] : ["grad", "frozen"])
  }

  public func field(named name: String) throws -> Value? {
    let statistics = TensorStatistics(values)
    switch name {
    case "shape": return .list(shape.map { .number(Double($0)) })
    case "count": return .number(Double(values.count))
    case "mean": return .number(statistics.mean)
    case "std": return .number(statistics.deviation)
    case "min": return .number(statistics.minimum)
    case "max": return .number(statistics.maximum)
    case "norm": return .number(statistics.norm)
    case "values": return nestedValues
    case "grad":
      guard let parameter else { return nil }
      return .host(TensorObject(name: self.name + ".grad", gradientOf: parameter))
    case "frozen":
      guard let parameter else { return nil }
      return .bool(parameter.isFrozen)
    default: return nil
    }
  }

  /// The values as a list (rank 1), a list of rows (rank 2 and up, rows of the last axis), or a
  /// number (rank 0).
  private var nestedValues: Value {
    let values = values.map { Value.number(Double($0)) }
    if shape.isEmpty { return values.first ?? .none }
    guard shape.count >= 2, let columns = shape.last, columns > 0 else { return .list(values) }
    return .list(
      stride(from: 0, to: values.count, by: columns).map {
        .list(Array(values[$0..<($0 + columns)]))
      })
  }

  /// Rank-1 tensors index to numbers, higher ranks to their rows along the first axis.
  public var elementCount: Int? { shape.first }

  public func element(at index: Int) throws -> Value {
    let values = values
    guard shape.count >= 2 else { return .number(Double(values[index])) }
    let size = shape.dropFirst().reduce(1, *)
    let row = Array(values[(index * size)..<((index + 1) * size)])
    return .host(
      TensorObject(name: "\(name)[\(index)]", shape: Array(shape.dropFirst()), values: row))
  }
}

/// The summary statistics of a block of numbers, computed in double precision.
struct TensorStatistics {
  var mean = Double.nan
  /// The population standard deviation (divided by n), as NumPy's default.
  var deviation = Double.nan
  var minimum = Double.nan
  var maximum = Double.nan
  /// The L2 norm, √Σx².
  var norm = 0.0

  init(_ values: [Float]) {
    guard !values.isEmpty else { return }
    var sum = 0.0
    var squares = 0.0
    minimum = Double(values[0])
    maximum = Double(values[0])
    for value in values {
      let x = Double(value)
      sum += x
      squares += x * x
      if x < minimum || x.isNaN { minimum = x.isNaN ? .nan : x }
      if x > maximum || x.isNaN { maximum = x.isNaN ? .nan : x }
    }
    let count = Double(values.count)
    mean = sum / count
    let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / count
    deviation = variance.squareRoot()
    norm = squares.squareRoot()
  }

  /// `mean 0.01, std 0.4, min -0.7, max 0.69, norm 2.3`.
  var text: String {
    [("mean", mean), ("std", deviation), ("min", minimum), ("max", maximum), ("norm", norm)]
      .map { "\($0.0) \(NumberFormat.format($0.1))" }.joined(separator: ", ")
  }
}
