import Datasets

/// Loading the bundled datasets and dividing data (`split`, `kfold`).
extension Builtin {
  static var data: [Builtin] {
    let name = Declared.string("name", "The dataset's name, e.g. \"iris\".")
    let divided = Declared<DatasetObject>.object("data", "dataset", "The dataset to divide.")
    let fractions = Declared.list(
      "fractions", .list(of: .number), default: [.number(0.8), .number(0.2)],
      "The parts' fractions, adding up to 1: [train, validation] or [train, validation, test].")
    let stratifyParts = Declared.bool(
      "stratify", default: false,
      "Keep each class's share the same in every part (classification only).")
    let shuffle = Declared.bool(
      "shuffle", default: true,
      "Shuffle before dividing; false keeps the order (for data ordered in time).")
    let k = Declared.integer("k", default: 5, "How many folds.")
    let stratifyFolds = Declared.bool(
      "stratify", default: false, "Keep each class's share the same in every fold.")
    return [
      Builtin(
        "load", topic: .data,
        summary: "Loads a bundled real dataset: iris, wine, breast_cancer, digits or diabetes.",
        parameters: [name], example: "iris = load(\"iris\")"
      ) { arguments, _ in
        let name = arguments[name]
        let bundled = BundledDataset.allCases.map(\.name)
        let known = "the bundled datasets are " + bundled.joined(separator: ", ")
        guard bundled.contains(name) else {
          if Builtin.dataGenerators.contains(where: { $0.name == name }) {
            throw CallError(
              "\(name) is made by a generator, not loaded", hint: "call it: \(name)(n: 200)",
              argument: "name")
          }
          throw CallError(
            "there is no bundled dataset \"\(name)\"" + suggestion(for: name, among: bundled),
            hint: known, argument: "name")
        }
        return .host(
          DatasetObject(
            try libraryCall(argument: "name") {
              try Dataset.bundled(named: name)
            }))
      },
      Builtin(
        "split", topic: .data,
        summary: "Divides a dataset at random into parts, e.g. train, validation and test.",
        parameters: [divided, fractions, .seed, stratifyParts, shuffle],
        example: "train, val, test = split(moons(n: 100, seed: 1), [0.6, 0.2, 0.2], seed: 1)"
      ) { arguments, context in
        let dataset = arguments[divided].dataset
        let fractions = arguments[fractions].compactMap { value -> Double? in
          if case .number(let number) = value { number } else { nil }
        }
        guard (2...3).contains(fractions.count) else {
          throw CallError(
            "give 2 or 3 fractions, got \(fractions.count)",
            hint: "[0.8, 0.2] for train and validation; [0.6, 0.2, 0.2] adds a test part",
            argument: "fractions")
        }
        let seed = arguments.seed(in: context)
        let parts = try libraryCall(argument: "fractions") {
          try dataset.split(
            train: fractions[0], validation: fractions[1],
            test: fractions.count == 3 ? fractions[2] : 0, seed: seed,
            shuffled: arguments[shuffle], stratified: arguments[stratifyParts])
        }
        let datasets = [parts.train, parts.validation, parts.test].prefix(fractions.count)
        return .list(datasets.map { .host(DatasetObject($0)) })
      },
      Builtin(
        "kfold", topic: .data,
        summary: "The k rounds of k-fold cross-validation: a list of [train, validation] pairs.",
        parameters: [divided, k, .seed, stratifyFolds],
        example: "for fold in kfold(moons(n: 100, seed: 1), k: 5, seed: 1) {\n"
          + "  train, val = fold\n  print(train.samples, val.samples)\n}"
      ) { arguments, context in
        let dataset = arguments[divided].dataset
        let k = arguments[k]
        let seed = arguments.seed(in: context)
        // Every fold holds a copy of all the data, and each sample's index twice.
        let sampleBytes = (dataset.featureCount + 1) * MemoryLayout<Float>.stride + 16
        let (perFold, overflow) = dataset.count.multipliedReportingOverflow(by: sampleBytes)
        try context.reserve(overflow ? Int.max : max(k, 0), of: perFold, argument: "k")
        let folds = try libraryCall(argument: "k") {
          try dataset.kFolds(k, seed: seed, stratified: arguments[stratifyFolds])
        }
        var pairs: [Value] = []
        for (index, fold) in folds.enumerated() {
          try context.checkCancellation()
          let how = "fold \(index + 1) of \(k), seed \(seed)"
          pairs.append(
            .list([
              .host(DatasetObject(dataset.subset(fold.train, how: how + ", train"))),
              .host(DatasetObject(dataset.subset(fold.validation, how: how + ", validation"))),
            ]))
        }
        return .list(pairs)
      },
    ]
  }
}
