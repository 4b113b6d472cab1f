import Datasets
import Foundation

/// Reading and writing data files: CSV (a header row, one sample per row) and IDX (MNIST's
/// format). Every path goes through the session's `resolvePath` hook.
extension Builtin {
  static var dataFiles: [Builtin] {
    [
      Builtin(
        "load_csv", topic: .data,
        summary: "Loads a CSV file with a header row: one sample per row, numbers except the "
          + "target.",
        parameters: [
          .required("file", .string, "The file's path, relative to the working folder."),
          .optional(
            "target", .either(.string, .integer, .none), default: .none,
            "The target column: its name, its position from 0, or none for the last one."),
          .optional(
            "task", .choice("task", ["auto", "classification", "regression"]),
            default: .string("auto"),
            "Whether the target is a class or a number; auto decides from the values."),
          .optional(
            "delimiter", .string, default: .string(","),
            "The character between cells, e.g. \";\" or \"\\t\"."),
          .optional(
            "columns", .either(.list(of: .string), .none), default: .none,
            "The feature columns by name; none uses every column but the target and ignore:."),
          .optional(
            "ignore", .list(of: .string), default: .list([]),
            "Columns that are not features: an ID, pandas' unnamed index \"\"."),
          .optional(
            "na_values", .either(.list(of: .string), .none), default: .none,
            "Cells that mean a missing value; none means pandas' (NA, nan, null, …). "
              + "An empty cell is always missing."),
          .optional(
            "drop_missing", .bool, default: .bool(false),
            "Whether rows with a missing value are left out (with a note) instead of refused."),
          .optional(
            "decimal", .string, default: .string("."),
            "The decimal separator: \".\", or \",\" as in 1,5 (then delimiter: \";\")."),
          .optional(
            "thousands", .either(.string, .none), default: .none,
            "The thousands separator, as \",\" in 1,234.5, or none."),
        ],
        example:
          "save_csv(moons(n: 20, seed: 1), \"moons.csv\")\n"
          + "data = load_csv(\"moons.csv\", target: \"label\", columns: [\"x\", \"y\"])"
      ) { arguments, context in
        let path = try context.resolve(arguments.string("file"), for: .read, argument: "file")
        let character = try arguments.character("delimiter", what: "the delimiter")
        let target: CSVOptions.Target
        switch arguments["target"] {
        case .string(let name): target = .named(name)
        case .number(let position):
          guard position >= 0 else {
            throw CallError(
              "a column position counts from 0, got \(Int(position))",
              argument: "target")
          }
          target = .position(Int(position))
        default: target = .last
        }
        let kinds: [String: CSVOptions.TargetKind] = [
          "classification": .classification, "regression": .regression,
        ]
        let strings = { (label: String) in arguments.list(label).map(\.text) }
        let options = CSVOptions(
          target: target, targetKind: kinds[arguments.choice("task")] ?? .automatic,
          delimiter: character,
          missingValues: arguments.isNone("na_values")
            ? CSVOptions.pandasMissingValues : Set(strings("na_values")),
          dropMissing: arguments.bool("drop_missing"),
          columns: arguments.isNone("columns") ? nil : strings("columns"),
          ignored: strings("ignore"),
          decimal: try arguments.character("decimal", what: "the decimal separator"),
          thousands: arguments.isNone("thousands")
            ? nil : try arguments.character("thousands", what: "the thousands separator"))
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
        parameters: [
          .required("images", .string, "The images file's path."),
          .required("labels", .string, "The labels file's path."),
          .optional("name", .string, default: .string("images"), "A name for the dataset."),
        ],
        example:
          "save_idx(blobs(n: 30, seed: 1), images: \"blobs-x.idx\", labels: \"blobs-y.idx\")\n"
          + "data = load_idx(images: \"blobs-x.idx\", labels: \"blobs-y.idx\")"
      ) { arguments, context in
        let images = try context.resolve(arguments.string("images"), for: .read, argument: "images")
        let labels = try context.resolve(arguments.string("labels"), for: .read, argument: "labels")
        return .host(
          DatasetObject(
            try libraryCall(argument: "images") {
              try Dataset.idx(images: images, labels: labels, name: arguments.string("name"))
            }))
      },
      Builtin(
        "save_csv", topic: .data,
        summary: "Writes a dataset to a CSV file (a header row, then one sample per row; classes "
          + "as numbers, their names in NAME.classes.csv beside it).",
        parameters: [
          .required("data", .host("dataset"), "The dataset to write."),
          .required("file", .string, "The file's path, relative to the working folder."),
        ],
        example: "save_csv(moons(n: 20, seed: 1), \"moons.csv\")"
      ) { arguments, context in
        let dataset = arguments.dataset("data")
        let file = arguments.string("file")
        try context.write(Array(dataset.csvText().utf8), to: file, argument: "file")
        if let classes = dataset.classNamesText() {
          try context.write(Array(classes.utf8), to: classNamesPath(for: file), argument: "file")
        }
        return .none
      },
      Builtin(
        "save_idx", topic: .data,
        summary: "Writes a classification dataset as two IDX files (features, labels).",
        parameters: [
          .required("data", .host("dataset"), "The dataset to write (with classes)."),
          .required("images", .string, "The path of the features file (32-bit floats)."),
          .required("labels", .string, "The path of the labels file (one byte per sample)."),
        ],
        example: "save_idx(blobs(n: 30, seed: 1), images: \"blobs-x.idx\", labels: \"blobs-y.idx\")"
      ) { arguments, context in
        let dataset = arguments.dataset("data")
        guard dataset.task != .regression, dataset.task.classCount <= 256 else {
          throw CallError(
            "IDX labels are classes from 0 to 255; this dataset has "
              + (dataset.task == .regression ? "a regression target" : dataset.task.summary),
            hint: "use save_csv for it", argument: "data")
        }
        try context.write(idxImages(dataset), to: arguments.string("images"), argument: "images")
        try context.write(idxLabels(dataset), to: arguments.string("labels"), argument: "labels")
        return .none
      },
    ]
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

extension Arguments {
  /// The single character passed as the string `label`, or an error at that argument.
  fileprivate func character(_ label: String, what: String) throws -> Character {
    let text = string(label)
    guard text.count == 1, let character = text.first else {
      throw CallError(
        "\(what) must be one character, got \(Value.string(text).summary)", argument: label)
    }
    return character
  }
}
