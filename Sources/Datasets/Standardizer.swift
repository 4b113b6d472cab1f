/// Standardisation: each feature shifted by its mean and divided by its standard deviation,
/// `x′ = (x − μ) / σ`, with μ and σ measured on the data it was fitted on (the training part).
///
/// σ is the population deviation `sqrt(Σ(x − μ)² / n)`, as in scikit-learn's `StandardScaler`;
/// a constant feature (σ = 0) is only shifted.
public struct Standardizer: FeatureTransform, Equatable {
  /// The mean of each feature in the fitting data.
  public let means: [Float]
  /// The standard deviation of each feature in the fitting data (1 where it was 0).
  public let deviations: [Float]

  /// Measures the mean and deviation of each feature of `dataset`, summing in `Double`.
  public init(fittedOn dataset: Dataset) throws(DataError) {
    try requireSamples(dataset, for: "a standardiser")
    let width = dataset.featureCount
    var sums = [Double](repeating: 0, count: width)
    for (position, value) in dataset.features.enumerated() {
      sums[position % width] += Double(value)
    }
    let mean = sums.map { $0 / Double(dataset.count) }
    var squares = [Double](repeating: 0, count: width)
    for (position, value) in dataset.features.enumerated() {
      let difference = Double(value) - mean[position % width]
      squares[position % width] += difference * difference
    }
    means = mean.map { Float($0) }
    deviations = squares.map {
      let deviation = ($0 / Double(dataset.count)).squareRoot()
      return deviation > 0 ? Float(deviation) : 1
    }
  }

  /// The number of features it was fitted on.
  public var inputFeatureCount: Int { means.count }

  /// `standardised`.
  public var summary: String { "standardised" }

  /// The names, unchanged.
  public func outputFeatureNames(_ names: [String]) -> [String] { names }

  /// `(x − μ) / σ` per feature.
  public func transform(features: [Float]) -> [Float] {
    affine(features, shift: means, scale: deviations.map { 1 / $0 })
  }
}
