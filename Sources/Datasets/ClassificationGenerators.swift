import Engine
import Foundation

/// Seeded two-dimensional classification problems whose difficulty a learner controls (in the
/// spirit of TensorFlow Playground): every generator takes the number of samples, the standard
/// deviation of Gaussian noise added to each coordinate, and a seed. The same arguments give the
/// same bits; samples come shuffled, so a split without shuffling still sees every class.
extension Dataset {
  /// Two interleaving half circles (scikit-learn's `make_moons`): class 0 is the upper arc
  /// `(cos t, sin t)`, class 1 the lower arc `(1 − cos t, 0.5 − sin t)`, `t` evenly spaced in
  /// [0, π]; `count / 2` samples (rounded down) in class 0.
  public static func moons(count: Int = 200, noise: Double = 0.1, seed: UInt64 = 0)
    throws(DataError) -> Dataset
  {
    try checkSize(count, noise: noise)
    var generator = RandomGenerator(seed: seed)
    let upper = count / 2
    let lower = count - upper
    var points: [(Double, Double, Int)] = []
    for (size, label) in [(upper, 0), (lower, 1)] {
      for i in 0..<size {
        let t = size > 1 ? Double.pi * Double(i) / Double(size - 1) : 0
        let point = label == 0 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
        points.append((point.0, point.1, label))
      }
    }
    return try planar(
      "moons", points, classes: 2, noise: noise, parameters: [:], generator: &generator,
      seed: seed)
  }

  /// Two concentric circles (scikit-learn's `make_circles`): class 0 on the unit circle, class 1
  /// on a circle of radius `factor` (0 < factor < 1), angles evenly spaced.
  public static func circles(
    count: Int = 200, noise: Double = 0.1, factor: Double = 0.5, seed: UInt64 = 0
  ) throws(DataError) -> Dataset {
    try checkSize(count, noise: noise)
    try require(factor > 0 && factor < 1, "circles needs a factor between 0 and 1, got \(factor)")
    var generator = RandomGenerator(seed: seed)
    let outer = count / 2
    var points: [(Double, Double, Int)] = []
    for (size, radius, label) in [(outer, 1.0, 0), (count - outer, factor, 1)] {
      for i in 0..<size {
        let angle = 2 * Double.pi * Double(i) / Double(size)
        points.append((radius * cos(angle), radius * sin(angle), label))
      }
    }
    return try planar(
      "circles", points, classes: 2, noise: noise, parameters: ["factor": knob(factor)],
      generator: &generator, seed: seed)
  }

  /// Interleaved spirals, one class per arm: arm `k` of `arms` holds the points at radius `r` and
  /// angle `2πk / arms + 2π · turns · r` for `r` evenly spaced in [0.05, 1].
  public static func spirals(
    count: Int = 300, arms: Int = 2, noise: Double = 0.05, turns: Double = 1, seed: UInt64 = 0
  ) throws(DataError) -> Dataset {
    try checkSize(count, noise: noise)
    try require(arms, in: spiralArms, "spirals", "arms")
    try require(turns.isFinite && abs(turns) <= 100, "spirals needs turns between -100 and 100")
    var generator = RandomGenerator(seed: seed)
    var points: [(Double, Double, Int)] = []
    for arm in 0..<arms {
      let size = count / arms + (arm < count % arms ? 1 : 0)
      for i in 0..<size {
        let radius = 0.05 + 0.95 * (size > 1 ? Double(i) / Double(size - 1) : 0)
        let angle = 2 * Double.pi * (Double(arm) / Double(arms) + turns * radius)
        points.append((radius * cos(angle), radius * sin(angle), arm))
      }
    }
    return try planar(
      "spirals", points, classes: arms, noise: noise,
      parameters: ["arms": "\(arms)", "turns": knob(turns)], generator: &generator, seed: seed)
  }

  /// Gaussian blobs: `centers` class centres evenly spaced on a circle of radius `radius`, each
  /// sample its centre plus Gaussian noise of deviation `noise` in each coordinate; classes as
  /// equal in size as `count` allows.
  public static func blobs(
    count: Int = 300, centers: Int = 3, noise: Double = 0.5, radius: Double = 2, seed: UInt64 = 0
  ) throws(DataError) -> Dataset {
    try checkSize(count, noise: noise)
    try require(centers, in: blobCenters, "blobs", "centers")
    try require(radius.isFinite && radius >= 0, "blobs needs a radius ≥ 0, got \(radius)")
    var generator = RandomGenerator(seed: seed)
    var points: [(Double, Double, Int)] = []
    for i in 0..<count {
      let label = i % centers
      let angle = 2 * Double.pi * Double(label) / Double(centers)
      points.append((radius * cos(angle), radius * sin(angle), label))
    }
    return try planar(
      "blobs", points, classes: centers, noise: noise,
      parameters: ["centers": "\(centers)", "radius": knob(radius)], generator: &generator,
      seed: seed)
  }

  /// The XOR pattern: points uniform in the square [−1, 1]², class 1 where exactly one
  /// coordinate is negative (the signs differ), class 0 where they agree; noise is added after
  /// labelling, so it blurs the boundary at the axes.
  public static func xor(count: Int = 200, noise: Double = 0.1, seed: UInt64 = 0)
    throws(DataError) -> Dataset
  {
    try checkSize(count, noise: noise)
    var generator = RandomGenerator(seed: seed)
    var points: [(Double, Double, Int)] = []
    for _ in 0..<count {
      let x = generator.uniform(-1, 1)
      let y = generator.uniform(-1, 1)
      points.append((x, y, (x < 0) != (y < 0) ? 1 : 0))
    }
    return try planar(
      "xor", points, classes: 2, noise: noise, parameters: [:], generator: &generator, seed: seed)
  }

  /// A 2-D classification dataset from labelled points: adds noise to each coordinate, shuffles,
  /// and records the generator with its knobs.
  private static func planar(
    _ generatorName: String, _ points: [(Double, Double, Int)], classes: Int, noise: Double,
    parameters: [String: String], generator: inout RandomGenerator, seed: UInt64
  ) throws(DataError) -> Dataset {
    var features: [Float] = []
    var targets: [Float] = []
    features.reserveCapacity(points.count * 2)
    targets.reserveCapacity(points.count)
    for (position, index) in generator.permutation(points.count).enumerated() {
      if position % 65536 == 0 { try stopIfInterrupted() }
      let (x, y, label) = points[index]
      features.append(Float(x + generator.normal(deviation: noise)))
      features.append(Float(y + generator.normal(deviation: noise)))
      targets.append(Float(label))
    }
    var knobs = parameters
    knobs["noise"] = knob(noise)
    return Dataset(
      name: generatorName, features: features, featureCount: 2, targets: targets,
      featureNames: ["x", "y"], task: classes == 2 ? .binary : .multiclass(classes: classes),
      classNames: (0..<classes).map(String.init),
      provenance: .generated(generator: generatorName, parameters: knobs, seed: seed))
  }
}
