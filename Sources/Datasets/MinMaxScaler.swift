/// Min-max scaling: each feature mapped linearly so that its smallest value in the fitting data
/// (the training part) becomes `range.lowerBound` and its largest `range.upperBound`:
/// `x′ = lower + (x − min) · (upper − lower) / (max − min)`.
///
/// Other data may fall outside the range; that is expected. A constant feature is scaled as if
/// its range were 1, as in scikit-learn's `MinMaxScaler`.
public struct MinMaxScaler: FeatureTransform, Equatable {
  /// The smallest value of each feature in the fitting data.
  public let minimums: [Float]
  /// The largest value of each feature in the fitting data.
  public let maximums: [Float]
  /// The interval the fitting data is mapped onto.
  public let range: ClosedRange<Float>

  /// Measures the smallest and largest value of each feature of `dataset`.
  public init(fittedOn dataset: Dataset, range: ClosedRange<Float> = 0...1) throws(DataError) {
    try requireSamples(dataset, for: "a min-max scaler")
    try require(
      range.lowerBound.isFinite && range.upperBound.isFinite && range.lowerBound < range.upperBound,
      "the target range must be finite and not a single point, got \(range)")
    let width = dataset.featureCount
    var low = [Float](repeating: .infinity, count: width)
    var high = [Float](repeating: -.infinity, count: width)
    for (position, value) in dataset.features.enumerated() {
      low[position % width] = min(low[position % width], value)
      high[position % width] = max(high[position % width], value)
    }
    minimums = low
    maximums = high
    self.range = range
  }

  /// The number of features it was fitted on.
  public var inputFeatureCount: Int { minimums.count }

  /// `scaled to lower...upper`.
  public var summary: String { "scaled to \(range.lowerBound)...\(range.upperBound)" }

  /// The names, unchanged.
  public func outputFeatureNames(_ names: [String]) -> [String] { names }

  /// `lower + (x − min) · (upper − lower) / (max − min)` per feature.
  public func transform(features: [Float]) -> [Float] {
    let width = range.upperBound - range.lowerBound
    let scale = zip(minimums, maximums).map { low, high in width / (high > low ? high - low : 1) }
    return affine(features, shift: minimums, scale: scale).map { $0 + range.lowerBound }
  }
}
