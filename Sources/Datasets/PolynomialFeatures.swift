/// Polynomial features: every product of the inputs of degree 1 up to `degree`, so a linear model
/// can fit curves (with features x, y and degree 2: x, y, x², x·y, y²).
///
/// The order is scikit-learn's `PolynomialFeatures(include_bias=False)`: by degree, then by
/// combinations with replacement of the feature indices in lexicographic order.
public struct PolynomialFeatures: FeatureTransform, Equatable {
  /// The largest number of features it makes, so a large degree cannot exhaust memory.
  public static let largestOutput = 10_000
  /// The degrees it accepts.
  public static let degrees = 1...20

  /// The highest degree of the products.
  public let degree: Int
  /// The number of input features.
  public let inputFeatureCount: Int
  /// Each output feature as the indices of the inputs it multiplies (an index may repeat).
  public let products: [[Int]]

  /// Plans the products of degree 1 to `degree` of `featureCount` features.
  public init(degree: Int, featureCount: Int) throws(DataError) {
    try require(
      Self.degrees.contains(degree),
      "the polynomial degree must be between \(Self.degrees.lowerBound) and "
        + "\(Self.degrees.upperBound), got \(degree)")
    try require(featureCount >= 1, "polynomial features need at least one input feature")
    var products: [[Int]] = []
    var current: [[Int]] = [[]]
    for _ in 1...degree {
      var next: [[Int]] = []
      for product in current {
        for index in (product.last ?? 0)..<featureCount {
          next.append(product + [index])
        }
        try require(
          products.count + next.count <= Self.largestOutput,
          "degree \(degree) of \(featureCount) features makes more than \(Self.largestOutput) "
            + "features", hint: "use a lower degree or fewer features")
      }
      products += next
      current = next
    }
    self.degree = degree
    self.inputFeatureCount = featureCount
    self.products = products
  }

  /// `degree-N polynomial features`.
  public var summary: String { "degree-\(degree) polynomial features" }

  /// Names like `x`, `x^2`, `x y`.
  public func outputFeatureNames(_ names: [String]) -> [String] {
    products.map { product in
      var parts: [String] = []
      var position = 0
      while position < product.count {
        let index = product[position]
        var power = 0
        while position < product.count, product[position] == index {
          power += 1
          position += 1
        }
        parts.append(power == 1 ? names[index] : "\(names[index])^\(power)")
      }
      return parts.joined(separator: " ")
    }
  }

  /// Every planned product for every sample.
  public func transform(features: [Float]) -> [Float] {
    let samples = features.count / inputFeatureCount
    var result: [Float] = []
    result.reserveCapacity(samples * products.count)
    for sample in 0..<samples {
      let row = sample * inputFeatureCount
      for product in products {
        result.append(product.reduce(1) { $0 * features[row + $1] })
      }
    }
    return result
  }
}
