import Datasets
import TestSupport
import Testing

/// A 3×3 image with distinct pixel values 1...9, row-major.
private let square: [Float] = (1...9).map(Float.init)

@Suite struct AugmentationTests {
  @Test func shiftsMoveTheImageAndFillWithZero() {
    var output = [Float](repeating: -1, count: 9)
    shiftImage(square, width: 3, height: 3, dx: 1, dy: 0, into: &output, at: 0)
    #expect(output == [0, 1, 2, 0, 4, 5, 0, 7, 8])
    shiftImage(square, width: 3, height: 3, dx: -1, dy: -1, into: &output, at: 0)
    #expect(output == [5, 6, 0, 8, 9, 0, 0, 0, 0])
  }

  @Test func rotationsTurnAboutTheCentre() {
    var output = [Float](repeating: -1, count: 9)
    rotateImage(square, width: 3, height: 3, angle: 0, into: &output, at: 0)
    expectClose(output, square)
    // A quarter turn counter-clockwise moves the right column to the top row.
    rotateImage(square, width: 3, height: 3, angle: Double.pi / 2, into: &output, at: 0)
    expectClose(output, [3, 6, 9, 2, 5, 8, 1, 4, 7], atol: 1e-5)
    // A small turn interpolates between neighbours and keeps the centre.
    rotateImage(square, width: 3, height: 3, angle: 0.2, into: &output, at: 0)
    #expect(abs(output[4] - 5) < 1e-6)
    #expect(output[1] > 2 && output[1] < 3)
  }

  @Test func digitShiftsReachEveryOffsetAndKeepTheInk() throws {
    // A single lit pixel in the middle of an 8×8 image shows where each shift put it.
    var image = [Float](repeating: 0, count: 64)
    image[3 * 8 + 4] = 1
    var augmenter = try Augmenter([.digitShift], featureCount: 64, seed: 5)
    var batch = Array([[Float]](repeating: image, count: 200).joined())
    augmenter.apply(to: &batch)
    var offsets = Set<Int>()
    for sample in 0..<200 {
      let pixels = batch[sample * 64..<(sample + 1) * 64]
      #expect(pixels.reduce(0, +) == 1)
      let lit = pixels.firstIndex(of: 1)! - sample * 64
      offsets.insert(lit - (3 * 8 + 4))
    }
    #expect(offsets == [-9, -8, -7, -1, 0, 1, 7, 8, 9])
  }

  @Test func augmentersAreSeededAndResumable() throws {
    let digits = try BundledDataset.digits.load()
    let batch = Array(digits.features.prefix(64 * 16))
    let steps: [Augmentation] = [.digitShift, .digitRotation(), .gaussianNoise(deviation: 0.5)]
    var a = try Augmenter(steps, featureCount: 64, seed: 1)
    var b = try Augmenter(steps, featureCount: 64, seed: 1)
    var c = try Augmenter(steps, featureCount: 64, seed: 2)
    var (x, y, z) = (batch, batch, batch)
    a.apply(to: &x)
    b.apply(to: &y)
    c.apply(to: &z)
    #expect(x == y && x != z && x != batch)
    let saved = a.generatorState
    var first = batch
    a.apply(to: &first)
    a.generatorState = saved
    var again = batch
    a.apply(to: &again)
    #expect(first == again)
  }

  @Test func noiseHasTheRequestedDeviation() throws {
    var augmenter = try Augmenter([.gaussianNoise(deviation: 0.2)], featureCount: 4, seed: 3)
    var values = [Float](repeating: 1, count: 40_000)
    augmenter.apply(to: &values)
    let mean = values.map(Double.init).reduce(0, +) / 40_000
    let variance = values.map { (Double($0) - mean) * (Double($0) - mean) }.reduce(0, +) / 40_000
    #expect(abs(mean - 1) < 0.005)
    #expect(abs(variance.squareRoot() - 0.2) < 0.005)
  }

  @Test func imageStepsMustFitTheSamples() {
    #expect {
      try Augmenter([.digitShift], featureCount: 4, seed: 0)
    } throws: { error in
      (error as? DataError)?.description == """
        8×8 images need 64 features, but the samples have 4
          hint: image augmentations fit image data such as digits (8×8)
        """
    }
    #expect(throws: DataError.self) {
      try Augmenter([.digitRotation(degrees: 400)], featureCount: 64, seed: 0)
    }
  }
}

extension Augmentation {
  /// Shifts of up to one pixel for the 8×8 bundled digits.
  fileprivate static let digitShift = Augmentation.shift(pixels: 1, width: 8, height: 8)

  /// Rotations of up to `degrees` (10 by default) for the 8×8 bundled digits.
  fileprivate static func digitRotation(degrees: Double = 10) -> Augmentation {
    .rotation(degrees: degrees, width: 8, height: 8)
  }
}
