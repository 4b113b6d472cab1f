import Datasets

/// A dataset as the language shows it: one line of what it is
/// (`400 samples × 2 features, binary (moons, noise 0.25, seed 1)`), a preview table of its first
/// rows, and fields for what a learner asks about it (`data.samples`, `data.class_counts`,
/// `data.x`…).
///
/// Datasets are values: every operation on one (`split`, `standardize`, `take`) makes a new one.
public final class DatasetObject: HostObject {
  /// The wrapped dataset.
  public let dataset: Dataset
  /// Random changes `fit` applies to training batches of this data (`augment(…)`), in order.
  public let augmentation: [Augmentation]

  /// How many rows the display shows.
  static let previewRows = 5

  /// Wraps `dataset`, with `augmentation` for training on it.
  public init(_ dataset: Dataset, augmentation: [Augmentation] = []) {
    self.dataset = dataset
    self.augmentation = augmentation
  }

  public var typeName: String { "dataset" }

  /// `400 samples × 2 features, binary (moons, noise 0.25, seed 1)`, noting augmentation.
  public var summary: String {
    let augmented = augmentation.isEmpty ? "" : ", augmented"
    return dataset.summary + augmented
  }

  /// The summary, a table of the first rows, and the class counts.
  public var display: String {
    var lines = [summary]
    lines += DatasetPreview(dataset, rows: Self.previewRows).lines
    if dataset.task != .regression {
      lines.append("classes: " + classCountText)
    }
    return lines.joined(separator: "\n")
  }

  /// `setosa 50, versicolor 50, virginica 50`.
  var classCountText: String {
    zip(className, dataset.classCounts).map { "\($0) \($1)" }.joined(separator: ", ")
  }

  /// The name of each class, falling back to its number.
  var className: [String] {
    (0..<dataset.task.classCount).map {
      $0 < dataset.classNames.count ? dataset.classNames[$0] : String($0)
    }
  }

  public var fieldNames: [String] {
    [
      "samples", "features", "task", "classes", "class_names", "class_counts", "feature_names",
      "x", "y", "name", "source", "part",
    ]
  }

  public func field(named name: String) throws -> Value? {
    switch name {
    case "samples": return .number(Double(dataset.count))
    case "features": return .number(Double(dataset.featureCount))
    case "task": return .string(taskName)
    case "classes": return .number(Double(dataset.task.classCount))
    case "class_names": return .list(className.map { .string($0) })
    case "class_counts": return .list(dataset.classCounts.map { .number(Double($0)) })
    case "feature_names": return .list(dataset.featureNames.map { .string($0) })
    case "x":
      return .host(
        TensorObject(
          name: "x", shape: [dataset.count, dataset.featureCount], values: dataset.features))
    case "y": return .host(TensorObject(name: "y", shape: [dataset.count], values: dataset.targets))
    case "name": return .string(dataset.name)
    case "source": return .string(dataset.provenance.summary)
    case "part": return dataset.provenance.splitRole.map { .string($0.rawValue) } ?? Value.none
    default: return nil
    }
  }

  /// `binary`, `multiclass` or `regression`.
  var taskName: String {
    switch dataset.task {
    case .binary: "binary"
    case .multiclass: "multiclass"
    case .regression: "regression"
    }
  }

  /// `data[i]` is sample `i` as `[[features…], target]`.
  public var elementCount: Int? { dataset.count }

  public func element(at index: Int) throws -> Value {
    let start = index * dataset.featureCount
    let row = dataset.features[start..<(start + dataset.featureCount)]
    return .list([.list(row.map { .number(Double($0)) }), .number(Double(dataset.targets[index]))])
  }
}

/// The first rows of a dataset as a right-aligned table with the feature names and the target.
struct DatasetPreview {
  var lines: [String] = []

  /// At most this many feature columns are shown.
  static let columns = 6

  init(_ dataset: Dataset, rows: Int) {
    let shownFeatures = min(dataset.featureCount, Self.columns)
    let target = dataset.task == .regression ? "target" : "label"
    var table = [Array(dataset.featureNames.prefix(shownFeatures)) + [target]]
    for row in 0..<min(rows, dataset.count) {
      let start = row * dataset.featureCount
      let features = dataset.features[start..<(start + shownFeatures)]
      var cells = features.map { NumberFormat.format(Double($0)) }
      let label = Double(dataset.targets[row])
      let names = dataset.classNames
      if dataset.task != .regression, let index = Int(exactly: label),
        names.indices.contains(index),
        names[index] != String(index)
      {
        cells.append(names[index])
      } else {
        cells.append(NumberFormat.format(label))
      }
      table.append(cells)
    }
    let widths = (0..<(shownFeatures + 1)).map { column in
      table.map { $0[column].count }.max() ?? 0
    }
    for cells in table {
      let padded = zip(cells, widths).map { cell, width in
        String(repeating: " ", count: max(0, width - cell.count)) + cell
      }
      var line = "  " + padded.joined(separator: "  ")
      if dataset.featureCount > shownFeatures {
        line += cells == table[0] ? "  (\(dataset.featureCount) features)" : ""
      }
      lines.append(line)
    }
    if dataset.count > rows { lines.append("  … \(dataset.count - rows) more rows") }
  }
}
