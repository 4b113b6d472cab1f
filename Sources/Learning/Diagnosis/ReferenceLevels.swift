import Datasets
import Foundation

/// The loss levels a run's losses are read against: what a model that learned nothing scores,
/// and the lowest loss the data allows when the data says so.
///
/// | task and loss | chance loss (a model that learned nothing) | noise floor |
/// | --- | --- | --- |
/// | classes, `bce` or `cross_entropy` | the entropy of the training class frequencies, −Σ pₖ ln pₖ (0.693 for two balanced classes) | — |
/// | regression, `mse` | the variance of the training targets (predicting their mean) | σ² for a generator made with `noise: σ` |
/// | regression, `mae` | the mean distance to the median target | σ·√(2/π) for `noise: σ` |
/// | regression, `huber` | the loss of predicting the median target | — |
///
/// Chance accuracy is the share of the most frequent class.
public struct ReferenceLevels: Codable, Sendable, Equatable {
  /// The training loss of the best constant prediction (the class frequencies, or the mean or
  /// median target).
  public var chanceLoss: Double
  /// The accuracy of always predicting the most frequent class; nil for regression.
  public var chanceAccuracy: Double?
  /// The lowest expected loss the generator's noise allows; nil when the data does not say.
  public var noiseFloor: Double?
  /// The generator's `noise:` deviation that the floor comes from.
  public var noise: Double?

  /// Reference levels given directly.
  public init(
    chanceLoss: Double, chanceAccuracy: Double? = nil, noiseFloor: Double? = nil,
    noise: Double? = nil
  ) {
    self.chanceLoss = chanceLoss
    self.chanceAccuracy = chanceAccuracy
    self.noiseFloor = noiseFloor
    self.noise = noise
  }

  /// The reference levels of training `loss` on `data`.
  public init(data: Dataset, loss: Loss) {
    let targets = data.targets.map(Double.init)
    if data.task != .regression {
      let classes = max(data.task.classCount, Int(targets.max() ?? 0) + 1)
      var counts = [Double](repeating: 0, count: classes)
      for target in targets where Int(exactly: target).map(counts.indices.contains) == true {
        counts[Int(target)] += 1
      }
      let total = max(1, Double(targets.count))
      let frequencies = counts.map { $0 / total }
      chanceAccuracy = frequencies.max()
      switch loss {
      case .binaryCrossEntropy, .crossEntropy:
        var smoothing = 0.0
        if case .crossEntropy(let labelSmoothing) = loss { smoothing = Double(labelSmoothing) }
        let mixed = frequencies.map { (1 - smoothing) * $0 + smoothing / Double(classes) }
        chanceLoss = -mixed.filter { $0 > 0 }.reduce(0) { $0 + $1 * log($1) }
        return
      default: break
      }
    }
    chanceLoss = Self.constantPredictionLoss(targets, loss)
    if data.task == .regression, let deviation = Self.generatorNoise(data.provenance) {
      noise = deviation
      switch loss {
      case .meanSquaredError: noiseFloor = deviation * deviation
      case .meanAbsoluteError: noiseFloor = deviation * (2 / Double.pi).squareRoot()
      default: break
      }
    }
  }

  /// The loss of the best constant prediction of `targets`: their mean for squared error, their
  /// median otherwise.
  private static func constantPredictionLoss(_ targets: [Double], _ loss: Loss) -> Double {
    guard !targets.isEmpty else { return 0 }
    let count = Double(targets.count)
    if case .meanSquaredError = loss {
      let mean = targets.reduce(0, +) / count
      return targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count
    }
    let sorted = targets.sorted()
    let median = sorted[sorted.count / 2]
    switch loss {
    case .huber(let delta):
      let limit = Double(delta)
      return targets.reduce(0) { total, target in
        let distance = abs(target - median)
        return total
          + (distance <= limit ? 0.5 * distance * distance : limit * (distance - 0.5 * limit))
      } / count
    default:
      return targets.reduce(0) { $0 + abs($1 - median) } / count
    }
  }

  /// The `noise:` of the seeded generator that `provenance` goes back to, through splits and
  /// feature transforms (which keep the targets).
  private static func generatorNoise(_ provenance: Provenance) -> Double? {
    switch provenance {
    case .generated(_, let parameters, _): parameters["noise"].flatMap(Double.init)
    case .derived(let source, _): generatorNoise(source)
    case .bundled, .file: nil
    }
  }
}
