/// The dimensions of a tensor, outermost first (row-major: the last dimension is contiguous).
///
/// A scalar has the shape `[]` and one element; a batch of 32 rows of 16 features is `[32, 16]`.
public struct Shape: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
  /// The first four dimensions, zero past the rank: a shape of rank four or less allocates
  /// nothing, which matters because every operation makes one.
  let leading: SIMD4<Int>
  /// Every dimension, for a shape of rank five or more; nil otherwise.
  let all: [Int]?
  /// The number of dimensions.
  public let rank: Int
  /// The number of elements: the product of the dimensions (1 for a scalar).
  public let elementCount: Int

  /// Creates a shape; every dimension must be zero or more.
  public init(_ dimensions: [Int]) {
    precondition(dimensions.allSatisfy { $0 >= 0 }, "a shape's dimensions are never negative")
    rank = dimensions.count
    elementCount = dimensions.reduce(1, *)
    if dimensions.count <= 4 {
      var leading = SIMD4<Int>()
      for (axis, size) in dimensions.enumerated() { leading[axis] = size }
      self.leading = leading
      all = nil
    } else {
      leading = SIMD4<Int>()
      all = dimensions
    }
    checkInvariants()
  }

  /// The shape of a matrix of `rows` × `columns` (both zero or more), made without an array.
  public init(rows: Int, columns: Int) {
    precondition(rows >= 0 && columns >= 0, "a shape's dimensions are never negative")
    leading = SIMD4(rows, columns, 0, 0)
    all = nil
    rank = 2
    elementCount = rows * columns
    checkInvariants()
  }

  /// Creates a shape from dimensions a user gave; throws if one is negative.
  public init(checking dimensions: [Int]) throws {
    guard dimensions.allSatisfy({ $0 >= 0 }) else {
      throw ShapeError("shape", "dimensions cannot be negative: \(dimensions)")
    }
    self.init(dimensions)
  }

  /// Creates a shape from a literal such as `[32, 16]`.
  public init(arrayLiteral dimensions: Int...) {
    self.init(dimensions)
  }

  /// The shape of a single number.
  public static let scalar = Shape([])

  /// The size of each dimension, outermost first.
  public var dimensions: [Int] { all ?? (0..<rank).map { leading[$0] } }

  /// The size of dimension `axis` (0 ..< rank).
  public subscript(axis: Int) -> Int {
    if let all { return all[axis] }
    precondition(axis >= 0 && axis < rank, "axis \(axis) is outside a shape of rank \(rank)")
    return leading[axis]
  }

  /// The distance in elements between neighbours along each dimension (row-major).
  public var strides: [Int] {
    var strides = [Int](repeating: 1, count: rank)
    var step = 1
    for axis in stride(from: rank - 1, through: 0, by: -1) {
      strides[axis] = step
      step *= dimensions[axis]
    }
    return strides
  }

  /// The shape written as `[32, 16]`.
  public var description: String { "[" + dimensions.map(String.init).joined(separator: ", ") + "]" }

  /// The shape that NumPy's broadcasting gives `self` and `other`, or nil if they are incompatible.
  ///
  /// Shapes are aligned at their last dimension; each pair of sizes must be equal or one of them 1,
  /// and a missing leading dimension counts as 1 (NumPy's broadcasting rules).
  public func broadcast(with other: Shape) -> Shape? {
    if self == other { return self }
    let rank = max(self.rank, other.rank)
    var result = [Int](repeating: 1, count: rank)
    for axis in 0..<rank {
      let a = axis - (rank - self.rank) >= 0 ? dimensions[axis - (rank - self.rank)] : 1
      let b = axis - (rank - other.rank) >= 0 ? other.dimensions[axis - (rank - other.rank)] : 1
      guard a == b || a == 1 || b == 1 else { return nil }
      result[axis] = a == 1 ? b : a
    }
    return Shape(result)
  }
}
