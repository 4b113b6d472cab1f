import Engine
import Foundation

/// A random change of training inputs that keeps their label, so a model sees more variety than
/// the data holds. Apply it to training batches only, never to validation or test data.
public enum Augmentation: Sendable, Equatable {
  /// Adds Gaussian noise of standard deviation `deviation` to every feature.
  case gaussianNoise(deviation: Double)
  /// Moves each `width × height` image (row-major) by a random whole number of pixels between
  /// `-pixels` and `pixels` along each axis, filling the uncovered border with 0.
  case shift(pixels: Int, width: Int, height: Int)
  /// Rotates each `width × height` image about its centre by a random angle uniform in
  /// `[-degrees, degrees]`, with bilinear interpolation and 0 outside the image.
  case rotation(degrees: Double, width: Int, height: Int)
}

/// Applies a list of augmentations to batches of features, drawing from its own seeded generator.
///
/// Its `generatorState` can be saved with a checkpoint and assigned back to resume exactly.
public struct Augmenter: Sendable {
  /// The augmentations, applied in order.
  public let steps: [Augmentation]
  /// The number of features per sample.
  public let featureCount: Int
  /// The state of the generator; assign a saved state to resume its sequence.
  public var generatorState: [UInt64] {
    get { generator.state }
    set { generator.state = newValue }
  }

  private var generator: RandomGenerator
  private var scratch: [Float] = []

  /// Creates an augmenter for samples of `featureCount` features; throws if an image step does
  /// not match that size or a knob is out of range.
  public init(_ steps: [Augmentation], featureCount: Int, seed: UInt64) throws(DataError) {
    for step in steps {
      switch step {
      case .gaussianNoise(let deviation):
        try require(
          deviation.isFinite && Dataset.noiseDeviations.contains(deviation),
          "the noise deviation must be ≥ \(knob(Dataset.noiseDeviations.lowerBound)), got "
            + "\(deviation)")
      case .shift(let pixels, let width, let height):
        try checkImage(width: width, height: height, featureCount: featureCount)
        try require(
          pixels >= 0 && pixels < max(width, height),
          "a shift must be between 0 and \(max(width, height) - 1) pixels, got \(pixels)")
      case .rotation(let degrees, let width, let height):
        try checkImage(width: width, height: height, featureCount: featureCount)
        try require(
          degrees.isFinite && degrees >= 0 && degrees <= 180,
          "a rotation must be between 0 and 180 degrees, got \(degrees)")
      }
    }
    self.steps = steps
    self.featureCount = featureCount
    generator = RandomGenerator(seed: seed)
  }

  /// Augments a row-major batch of samples in place.
  public mutating func apply(to features: inout [Float]) {
    precondition(
      features.count % featureCount == 0,
      "a batch of \(featureCount)-feature samples cannot hold \(features.count) values")
    for step in steps {
      switch step {
      case .gaussianNoise(let deviation):
        for index in features.indices {
          features[index] += Float(generator.normal(deviation: deviation))
        }
      case .shift(let pixels, let width, let height):
        for start in stride(from: 0, to: features.count, by: featureCount) {
          let dx = generator.int(below: 2 * pixels + 1) - pixels
          let dy = generator.int(below: 2 * pixels + 1) - pixels
          scratch.removeAll(keepingCapacity: true)
          scratch.append(contentsOf: features[start..<start + featureCount])
          shiftImage(
            scratch, width: width, height: height, dx: dx, dy: dy, into: &features, at: start)
        }
      case .rotation(let degrees, let width, let height):
        for start in stride(from: 0, to: features.count, by: featureCount) {
          let angle = generator.uniform(-degrees, degrees) * Double.pi / 180
          scratch.removeAll(keepingCapacity: true)
          scratch.append(contentsOf: features[start..<start + featureCount])
          rotateImage(
            scratch, width: width, height: height, angle: angle, into: &features, at: start)
        }
      }
    }
  }
}

/// Throws unless a `width × height` image fills exactly `featureCount` features.
private func checkImage(width: Int, height: Int, featureCount: Int) throws(DataError) {
  try require(
    width >= 1 && height >= 1 && width * height == featureCount,
    "\(width)×\(height) images need \(width * height) features, but the samples have "
      + "\(featureCount)", hint: "image augmentations fit image data such as digits (8×8)")
}

/// Writes `image` moved right by `dx` and down by `dy` pixels into `output[start...]`, with 0
/// where no pixel moves in.
package func shiftImage(
  _ image: [Float], width: Int, height: Int, dx: Int, dy: Int, into output: inout [Float],
  at start: Int
) {
  for row in 0..<height {
    for column in 0..<width {
      let sourceRow = row - dy
      let sourceColumn = column - dx
      let inside = (0..<height).contains(sourceRow) && (0..<width).contains(sourceColumn)
      output[start + row * width + column] = inside ? image[sourceRow * width + sourceColumn] : 0
    }
  }
}

/// Writes `image` rotated counter-clockwise (as displayed, rows going down) by `angle` radians
/// about its centre into `output[start...]`: each output pixel takes the bilinear interpolation of
/// the source at the inversely rotated position, with 0 outside the image.
package func rotateImage(
  _ image: [Float], width: Int, height: Int, angle: Double, into output: inout [Float],
  at start: Int
) {
  let centerX = Double(width - 1) / 2
  let centerY = Double(height - 1) / 2
  let (sine, cosine) = (sin(angle), cos(angle))
  func pixel(_ row: Int, _ column: Int) -> Double {
    guard (0..<height).contains(row), (0..<width).contains(column) else { return 0 }
    return Double(image[row * width + column])
  }
  for row in 0..<height {
    for column in 0..<width {
      // Rows grow downwards, so a counter-clockwise turn on screen uses y = centerY − row.
      let x = Double(column) - centerX
      let y = centerY - Double(row)
      let sourceX = cosine * x + sine * y + centerX
      let sourceRow = centerY - (-sine * x + cosine * y)
      let left = Int(sourceX.rounded(.down))
      let top = Int(sourceRow.rounded(.down))
      let (fx, fy) = (sourceX - Double(left), sourceRow - Double(top))
      let value =
        (1 - fy) * ((1 - fx) * pixel(top, left) + fx * pixel(top, left + 1))
        + fy * ((1 - fx) * pixel(top + 1, left) + fx * pixel(top + 1, left + 1))
      output[start + row * width + column] = Float(value)
    }
  }
}
