import Datasets
import Engine

/// Changing data: scalers fitted on the training part (`standardize`, `minmax`),
/// `polynomial_features`, choosing samples (`keep_classes`, `take`) and `augment`.
extension Builtin {
  static var dataTransforms: [Builtin] {
    let range = Declared.list(
      "range", .list(of: .number), default: [.number(0), .number(1)],
      "The range [low, high] the features of the first dataset are mapped to.")
    let sources = Declared.variadic(
      "data", .host("dataset"), "One or more datasets with the same features.")
    let degree = Declared.integer(
      "degree", default: 2,
      "The highest degree, \(PolynomialFeatures.degrees.lowerBound) to "
        + "\(PolynomialFeatures.degrees.upperBound).")
    let classified = Declared<DatasetObject>.object(
      "data", "dataset", "A classification dataset.")
    let classes = Declared.list(
      "classes", .list(of: .either(.integer, .string)),
      "The classes to keep, by number or by name.")
    let source = Declared<DatasetObject>.object("data", "dataset", "The dataset.")
    let n = Declared.integerOrNone("n", "How many samples in all.").valid(.atLeast(1))
    let perClass = Declared.integerOrNone(
      "per_class", "How many samples of each class (classification only).")
    let training = Declared<DatasetObject>.object("data", "dataset", "The training data.")
    return [
      scaler(
        "standardize",
        summary: "Scales each feature to mean 0 and deviation 1, fitted on the training data "
          + "only.",
        example: "train, val = split(moons(n: 100, seed: 1), [0.8, 0.2], seed: 1)\n"
          + "train, val = standardize(train, val)"
      ) { data, _ in try Standardizer(fittedOn: data) },
      scaler(
        "minmax",
        summary: "Scales each feature to a range (0 to 1 by default), fitted on the training "
          + "data only.",
        extra: [range],
        example: "train, test = split(load(\"iris\"), [0.8, 0.2], seed: 1)\n"
          + "train, test = minmax(train, test, range: [-1, 1])"
      ) { data, arguments in
        let ends = arguments[range].compactMap { value -> Float? in
          if case .number(let number) = value { Float(number) } else { nil }
        }
        guard ends.count == 2, ends[0] < ends[1], ends.allSatisfy(\.isFinite) else {
          throw CallError(
            "`range` must be two numbers [low, high] with low < high", argument: "range")
        }
        return try MinMaxScaler(fittedOn: data, range: ends[0]...ends[1])
      },
      Builtin(
        "polynomial_features", topic: .data,
        summary: "Adds every product of the features up to a degree (x, y → x, y, x², xy, y²), "
          + "so a linear model can fit curves.",
        parameters: [sources, degree],
        example: "curvy = polynomial_features(sine(n: 30, seed: 1), degree: 3)"
      ) { arguments, _ in
        let datasets = try datasetsArgument(arguments[sources])
        let transform = try libraryCall(argument: degree.label) {
          try PolynomialFeatures(degree: arguments[degree], featureCount: datasets[0].featureCount)
        }
        return try applying(transform, to: datasets)
      },
      Builtin(
        "keep_classes", topic: .data,
        summary: "Only the samples of some classes, renumbered from 0 in the order given.",
        parameters: [classified, classes],
        example: "small = keep_classes(load(\"digits\"), [5, 6, 7, 8, 9])"
      ) { arguments, _ in
        let object = arguments[classified]
        let names = object.className
        let classes = try arguments[classes].map { value -> Int in
          switch value {
          case .string(let name):
            guard let index = names.firstIndex(of: name) else {
              throw CallError(
                "there is no class \"\(name)\"" + suggestion(for: name, among: names),
                hint: "the classes are " + names.joined(separator: ", "), argument: "classes")
            }
            return index
          case .number(let number): return Int(number)
          default: return -1
          }
        }
        return .host(
          DatasetObject(
            try libraryCall(argument: "classes") {
              try object.dataset.keepingClasses(classes)
            }, augmentation: object.augmentation))
      },
      Builtin(
        "take", topic: .data,
        summary: "A random subset: n samples, or at most per_class samples of each class.",
        parameters: [source, n, perClass, .seed],
        example: "few = take(load(\"digits\"), per_class: 10, seed: 1)"
      ) { arguments, context in
        let object = arguments[source]
        let dataset = object.dataset
        let seed = arguments.seed(in: context)
        let taken: Dataset
        switch (arguments[n], arguments[perClass]) {
        case (let n?, nil):
          guard n <= dataset.count else {
            throw CallError(
              "cannot take \(n) samples from \(dataset.count)", argument: "n")
          }
          var generator = RandomGenerator(seed: seed)
          let chosen = generator.permutation(dataset.count).prefix(n).sorted()
          taken = dataset.subset(chosen, how: "\(n) samples, seed \(seed)")
        case (nil, let perClass?):
          taken = try libraryCall(argument: "per_class") {
            try dataset.limitingSamples(perClass: perClass, seed: seed)
          }
        default:
          throw CallError(
            "give either n: or per_class:", hint: "take(data, n: 100) or take(data, per_class: 10)")
        }
        return .host(DatasetObject(taken, augmentation: object.augmentation))
      },
      Builtin(
        "augment", topic: .data,
        summary: "The same data, with random changes that fit applies to each training batch: "
          + "noise, image shifts, rotations.",
        parameters: [training, Changes.noise, Changes.shift, Changes.rotate, Changes.width],
        example: "train = augment(load(\"digits\"), shift: 1, rotate: 10)"
      ) { arguments, _ in
        let object = arguments[training]
        let steps = try augmentations(arguments, featureCount: object.dataset.featureCount)
        guard !steps.isEmpty else {
          throw CallError(
            "nothing to augment with", hint: "give noise:, shift: or rotate:, e.g. noise: 0.1")
        }
        _ = try libraryCall {
          try Augmenter(steps, featureCount: object.dataset.featureCount, seed: 0)
        }
        return .host(DatasetObject(object.dataset, augmentation: object.augmentation + steps))
      },
    ]
  }

  /// A scaler built-in: fitted on the first dataset, applied to every one.
  private static func scaler(
    _ name: String, summary: String, extra: [any DeclaredParameter] = [], example: String,
    fit: @escaping (Dataset, Arguments) throws -> any FeatureTransform
  ) -> Builtin {
    let parts = Declared.variadic(
      "data", .host("dataset"),
      "The training data first, then the other parts, transformed with the training data's "
        + "numbers: fitting on validation or test data would leak into training what the model "
        + "is judged on.")
    return Builtin(
      name, topic: .data, summary: summary, parameters: [parts] + extra, example: example
    ) { arguments, _ in
      let datasets = try datasetsArgument(arguments[parts])
      let transform = try libraryCall(argument: "data") { try fit(datasets[0], arguments) }
      return try applying(transform, to: datasets)
    }
  }

  /// The datasets of a variadic `data` argument, at least one.
  private static func datasetsArgument(_ values: [Value]) throws -> [Dataset] {
    let datasets = values.compactMap { value -> Dataset? in
      if case .host(let object as DatasetObject) = value { object.dataset } else { nil }
    }
    guard !datasets.isEmpty else {
      throw CallError("give at least one dataset", hint: "put the training data first")
    }
    return datasets
  }

  /// `transform` applied to each dataset: one dataset back for one given, else a list.
  private static func applying(_ transform: any FeatureTransform, to datasets: [Dataset]) throws
    -> Value
  {
    let results = try datasets.map { dataset in
      Value.host(
        DatasetObject(try libraryCall(argument: "data") { try transform.apply(to: dataset) }))
    }
    return results.count == 1 ? results[0] : .list(results)
  }

  /// The augmentation steps asked for, checked.
  private static func augmentations(_ arguments: Arguments, featureCount: Int) throws
    -> [Augmentation]
  {
    var steps: [Augmentation] = []
    let noise = arguments[Changes.noise]
    if noise > 0 { steps.append(.gaussianNoise(deviation: noise)) }
    let shift = arguments[Changes.shift]
    let rotate = arguments[Changes.rotate]
    guard shift > 0 || rotate != 0 else { return steps }
    let width: Int
    if let given = arguments[Changes.width] {
      width = given
      guard featureCount % width == 0 else {
        throw CallError(
          "\(featureCount) features are not rows of \(width) pixels", argument: "width")
      }
    } else {
      let side = Int(Double(featureCount).squareRoot().rounded())
      guard side * side == featureCount else {
        throw CallError(
          "\(featureCount) features are not a square image",
          hint: "give the image's width with width:", argument: "shift")
      }
      width = side
    }
    let height = featureCount / width
    if shift != 0 { steps.append(.shift(pixels: shift, width: width, height: height)) }
    if rotate != 0 { steps.append(.rotation(degrees: rotate, width: width, height: height)) }
    return steps
  }
}

/// The changes `augment` declares.
private enum Changes {
  static var noise: Declared<Double> {
    Declared.number(
      "noise", default: 0, "The deviation of Gaussian noise added to every feature (0 for none)."
    ).valid(
      ValidRange.atLeast(Dataset.noiseDeviations.lowerBound)
        .saying("must be a deviation ≥ \(Value.number(Dataset.noiseDeviations.lowerBound).summary)")
    )
  }
  static var shift: Declared<Int> {
    Declared.integer(
      "shift", default: 0,
      "For images: the most pixels an image moves along each axis (0 for none).")
  }
  static var rotate: Declared<Double> {
    Declared.number(
      "rotate", default: 0, "For images: the largest rotation in degrees (0 for none).")
  }
  static var width: Declared<Int?> {
    Declared.integerOrNone("width", "For images: the width in pixels; none for square images.")
      .valid(.atLeast(1))
  }
}
