/// A change of the features fitted once (on the training part) and then applied unchanged to
/// every part, so no statistic of the validation or test data leaks into training.
public protocol FeatureTransform: Sendable {
  /// The number of features the transform was fitted on and accepts.
  var inputFeatureCount: Int { get }
  /// A few words for the provenance: `standardised`, `degree-2 polynomial features`.
  var summary: String { get }
  /// The names of the features it produces, given the names of the features it takes.
  func outputFeatureNames(_ names: [String]) -> [String]
  /// Transforms a row-major feature matrix of `inputFeatureCount` columns.
  func transform(features: [Float]) -> [Float]
}

extension FeatureTransform {
  /// `dataset` with its features transformed and the transform recorded in its provenance;
  /// throws if the dataset does not have the features the transform was fitted on.
  public func apply(to dataset: Dataset) throws(DataError) -> Dataset {
    try require(
      dataset.featureCount == inputFeatureCount,
      "this transform was fitted on \(inputFeatureCount) features, but \(dataset.name) has "
        + "\(dataset.featureCount)")
    let names = outputFeatureNames(dataset.featureNames)
    return Dataset(
      name: dataset.name, features: transform(features: dataset.features),
      featureCount: names.count, targets: dataset.targets, featureNames: names,
      task: dataset.task, classNames: dataset.classNames,
      targetName: dataset.targetName, provenance: .derived(from: dataset.provenance, how: summary))
  }
}

/// Applies an affine map `x′ = (x − shift) · scale` per feature to a row-major matrix.
func affine(_ features: [Float], shift: [Float], scale: [Float]) -> [Float] {
  var result = features
  let width = shift.count
  for start in stride(from: 0, to: result.count, by: width) {
    for j in 0..<width {
      result[start + j] = (result[start + j] - shift[j]) * scale[j]
    }
  }
  return result
}

/// Checks that a transform is fitted on at least one sample.
func requireSamples(_ dataset: Dataset, for what: String) throws(DataError) {
  try require(dataset.count > 0, "\(what) must be fitted on at least one sample")
}
