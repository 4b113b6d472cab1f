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
    let columns = Declared.value(
      "columns", .either(.list(of: .string), .none), default: Value.none,
      "The feature columns by name; none uses every column but the target and ignore:.")
    let ignore = Declared.list(
      "ignore", .list(of: .string), default: [],
      "Columns that are not features: an ID, pandas' unnamed index \"\".")
    let naValues = Declared.value(
      "na_values", .either(.list(of: .string), .none), default: Value.none,
      "Cells that mean a missing value; none means pandas' (NA, nan, null, …). An empty cell "
        + "is always missing.")
    let dropMissing = Declared.bool(
      "drop_missing", default: false,
      "Whether rows with a missing value are left out (with a note) instead of refused.")
    let decimal = Declared.string(
      "decimal", default: ".",
      "The decimal separator: \".\", or \",\" as in 1,5 (then delimiter: \";\").")
    let thousands = Declared.value(
      "thousands", .either(.string, .none), default: Value.none,
      "The thousands separator, as \",\" in 1,234.5, or none.")
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
        parameters: [
          file, targetColumn, task, delimiter, columns, ignore, naValues, dropMissing, decimal,
          thousands,
        ],
        example:
          "save_csv(moons(n: 20, seed: 1), \"moons.csv\")\n"
          + "data = load_csv(\"moons.csv\", target: \"label\", columns: [\"x\", \"y\"])"
      ) { arguments, context in
        let path = try context.resolve(arguments[file], for: .read, argument: file.label)
        let character = try oneCharacter(arguments[delimiter], "delimiter", "the delimiter")
        let target: CSVOptions.Target
        switch arguments[targetColumn] {
        case .string(let name): target = .named(name)
        case .number(let position): target = .position(Int(position))
        default: target = .last
        }
        let kinds: [String: CSVOptions.TargetKind] = [
          "classification": .classification, "regression": .regression,
        ]
        let strings = { (value: Value) -> [String]? in
          if case .list(let items) = value { items.map(\.text) } else { nil }
        }
        var thousandsCharacter: Character?
        if case .string(let text) = arguments[thousands] {
          thousandsCharacter = try oneCharacter(text, "thousands", "the thousands separator")
        }
        let options = CSVOptions(
          target: target, targetKind: kinds[arguments[task]] ?? .automatic,
          delimiter: character,
          missingValues: strings(arguments[naValues]).map(Set.init)
            ?? CSVOptions.pandasMissingValues,
          dropMissing: arguments[dropMissing], columns: strings(arguments[columns]),
          ignored: arguments[ignore].map(\.text),
          decimal: try oneCharacter(arguments[decimal], "decimal", "the decimal separator"),
          thousands: thousandsCharacter)
        let reading = try libraryCall(argument: "file") {
          try Dataset.readCSV(contentsOf: path, options: options)
        }
        for note in reading.notes { context.print("note: " + note) }
        return .host(DatasetObject(reading.dataset))
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
        summary: "Writes a dataset to a CSV file (a header row, then one sample per row; classes "
          + "as numbers, their names in NAME.classes.csv beside it).",
        parameters: [written, file],
        example: "save_csv(moons(n: 20, seed: 1), \"moons.csv\")"
      ) { arguments, context in
        let dataset = arguments[written].dataset
        try context.write(Array(dataset.csvText().utf8), to: arguments[file], argument: file.label)
        if let names = dataset.classNamesText() {
          try context.write(
            Array(names.utf8), to: classNamesPath(for: arguments[file]), argument: file.label)
        }
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

  /// `text` as one character, or an error at the argument `label` saying what it is.
  private static func oneCharacter(_ text: String, _ label: String, _ what: String) throws
    -> Character
  {
    guard text.count == 1, let character = text.first else {
      throw CallError(
        "\(what) must be one character, got \(Value.string(text).summary)", argument: label)
    }
    return character
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
