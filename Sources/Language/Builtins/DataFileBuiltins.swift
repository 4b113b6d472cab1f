import Datasets
import Foundation

/// Reading and writing data files: CSV (a header row, one sample per row) and IDX (MNIST's
/// format). Every path goes through the session's `resolvePath` hook.
extension Builtin {
  static var dataFiles: [Builtin] {
    let file = Declared.string("file", "The file's path, relative to the working folder.")
    let targetColumn = Declared.value(
      "target", .either(.string, .integer, .none), default: Value.none,
      "The target column: its name, its position from 0, or none for the last one."
    ).valid(ValidRange.atLeast(0).saying("counts from 0"), as: "a column position")
    let task = Declared.choice(
      "task", "task", ["auto", "classification", "regression"], default: "auto",
      "Whether the target is a class or a number; auto decides from the values.")
    let delimiter = Declared.string(
      "delimiter", default: ",", "The character between cells, e.g. \";\" or \"\\t\".")
    let images = Declared.string("images", "The images file's path.")
    let labels = Declared.string("labels", "The labels file's path.")
    let name = Declared.string("name", default: "images", "A name for the dataset.")
    let written = Declared<DatasetObject>.object("data", "dataset", "The dataset to write.")
    let classified = Declared<DatasetObject>.object(
      "data", "dataset", "The dataset to write (with classes).")
    let features = Declared.string("images", "The path of the features file (32-bit floats).")
    let classes = Declared.string(
      "labels", "The path of the labels file (one byte per sample).")
    return [
      Builtin(
        "load_csv", topic: .data,
        summary: "Loads a CSV file with a header row: one sample per row, numbers except the "
          + "target.",
        parameters: [file, targetColumn, task, delimiter],
        example:
          "save_csv(moons(n: 20, seed: 1), \"moons.csv\")\n"
          + "data = load_csv(\"moons.csv\", target: \"label\")"
      ) { arguments, context in
        let path = try context.resolve(arguments[file], for: .read, argument: file.label)
        let delimiter = arguments[delimiter]
        guard delimiter.count == 1, let character = delimiter.first else {
          throw CallError(
            "the delimiter must be one character, got \(Value.string(delimiter).summary)",
            argument: "delimiter")
        }
        let target: CSVOptions.Target
        switch arguments[targetColumn] {
        case .string(let name): target = .named(name)
        case .number(let position): target = .position(Int(position))
        default: target = .last
        }
        let kinds: [String: CSVOptions.TargetKind] = [
          "classification": .classification, "regression": .regression,
        ]
        let options = CSVOptions(
          target: target, targetKind: kinds[arguments[task]] ?? .automatic,
          delimiter: character)
        return .host(
          DatasetObject(
            try libraryCall(argument: "file") {
              try Dataset.csv(contentsOf: path, options: options)
            }))
      },
      Builtin(
        "load_idx", topic: .data,
        summary: "Loads images and labels from IDX files, as MNIST ships them (pixels scaled "
          + "to 0…1).",
        parameters: [images, labels, name],
        example:
          "save_idx(blobs(n: 30, seed: 1), images: \"blobs-x.idx\", labels: \"blobs-y.idx\")\n"
          + "data = load_idx(images: \"blobs-x.idx\", labels: \"blobs-y.idx\")"
      ) { arguments, context in
        let imagesPath = try context.resolve(arguments[images], for: .read, argument: images.label)
        let labelsPath = try context.resolve(arguments[labels], for: .read, argument: labels.label)
        let name = arguments[name]
        return .host(
          DatasetObject(
            try libraryCall(argument: images.label) {
              try Dataset.idx(images: imagesPath, labels: labelsPath, name: name)
            }))
      },
      Builtin(
        "save_csv", topic: .data,
        summary: "Writes a dataset to a CSV file: a header row, then one sample per row.",
        parameters: [written, file],
        example: "save_csv(moons(n: 20, seed: 1), \"moons.csv\")"
      ) { arguments, context in
        try context.write(
          Array(csvText(arguments[written].dataset).utf8), to: arguments[file],
          argument: file.label)
        return .none
      },
      Builtin(
        "save_idx", topic: .data,
        summary: "Writes a classification dataset as two IDX files (features, labels).",
        parameters: [classified, features, classes],
        example: "save_idx(blobs(n: 30, seed: 1), images: \"blobs-x.idx\", labels: \"blobs-y.idx\")"
      ) { arguments, context in
        let dataset = arguments[classified].dataset
        guard dataset.task != .regression, dataset.task.classCount <= 256 else {
          throw CallError(
            "IDX labels are classes from 0 to 255; this dataset has "
              + (dataset.task == .regression ? "a regression target" : dataset.task.summary),
            hint: "use save_csv for it", argument: "data")
        }
        try context.write(idxImages(dataset), to: arguments[features], argument: features.label)
        try context.write(idxLabels(dataset), to: arguments[classes], argument: classes.label)
        return .none
      },
    ]
  }

  /// The dataset as CSV: feature names and `label` (or `target`), class labels by name.
  static func csvText(_ dataset: Dataset) -> String {
    let target = dataset.task == .regression ? "target" : "label"
    var lines = [(dataset.featureNames + [target]).map(csvCell).joined(separator: ",")]
    for row in 0..<dataset.count {
      let start = row * dataset.featureCount
      var cells = dataset.features[start..<(start + dataset.featureCount)].map { "\($0)" }
      let value = dataset.targets[row]
      if dataset.task != .regression, let index = Int(exactly: value),
        dataset.classNames.indices.contains(index)
      {
        cells.append(csvCell(dataset.classNames[index]))
      } else {
        cells.append("\(value)")
      }
      lines.append(cells.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A cell quoted when it holds a comma, a quote or a line break.
  private static func csvCell(_ text: String) -> String {
    guard text.contains(where: { ",\"\n\r".contains($0) }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// An IDX file of 32-bit floats, samples × features.
  private static func idxImages(_ dataset: Dataset) -> [UInt8] {
    var bytes: [UInt8] = [0, 0, 0x0D, 2]
    bytes += bigEndian(UInt32(dataset.count)) + bigEndian(UInt32(dataset.featureCount))
    for value in dataset.features { bytes += bigEndian(value.bitPattern) }
    return bytes
  }

  /// An IDX file of unsigned bytes, one class per sample.
  private static func idxLabels(_ dataset: Dataset) -> [UInt8] {
    [0, 0, 0x08, 1] + bigEndian(UInt32(dataset.count)) + dataset.classLabels.map { UInt8($0) }
  }

  private static func bigEndian(_ word: UInt32) -> [UInt8] {
    [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> $0) }
  }
}
