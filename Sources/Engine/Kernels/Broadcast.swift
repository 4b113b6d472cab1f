/// How two operands line up with the result of a broadcasting elementwise operation.
///
/// Dimensions are aligned NumPy-style, then neighbouring dimensions that broadcast the same way
/// are merged, so most cases become a few long rows: equal shapes are one row, a matrix plus a row
/// vector is `rows` rows whose second operand restarts each time. Kernels run along the last
/// (merged) dimension, where each operand's stride is 0 (repeated) or 1 (contiguous).
struct BroadcastPlan {
  /// The length of each row (the last merged dimension).
  private(set) var rowLength = 1
  /// The first operand's stride along a row: 1 (contiguous) or 0 (one value repeated).
  private(set) var rowStrideA = 1
  /// The second operand's stride along a row: 1 (contiguous) or 0 (one value repeated).
  private(set) var rowStrideB = 1
  /// The merged dimensions before the last, outermost first (empty for a single row).
  private var outerDimensions: [Int] = []
  /// The first operand's strides along the outer dimensions (0 where it is repeated).
  private var outerStridesA: [Int] = []
  /// The second operand's strides along the outer dimensions (0 where it is repeated).
  private var outerStridesB: [Int] = []

  /// Plans `a op b` with result shape `out` (which must be their broadcast shape).
  init(_ a: Shape, _ b: Shape, _ out: Shape) {
    if a == b {
      rowLength = out.elementCount  // the common case: one row, no arrays to build
      return
    }
    let rank = out.rank
    var merged: [(size: Int, aFull: Bool, bFull: Bool)] = []
    for axis in 0..<rank {
      let size = out[axis]
      if size == 1 { continue }
      let aAxis = axis - (rank - a.rank)
      let bAxis = axis - (rank - b.rank)
      let aFull = aAxis >= 0 && a[aAxis] == size
      let bFull = bAxis >= 0 && b[bAxis] == size
      if let last = merged.last, last.aFull == aFull, last.bFull == bFull {
        merged[merged.count - 1].size *= size
      } else {
        merged.append((size, aFull, bFull))
      }
    }
    guard let last = merged.popLast() else { return }
    rowLength = last.size
    rowStrideA = last.aFull ? 1 : 0
    rowStrideB = last.bFull ? 1 : 0
    var strideA = last.aFull ? last.size : 1
    var strideB = last.bFull ? last.size : 1
    outerDimensions = merged.map(\.size)
    outerStridesA = [Int](repeating: 0, count: merged.count)
    outerStridesB = [Int](repeating: 0, count: merged.count)
    for axis in stride(from: merged.count - 1, through: 0, by: -1) {
      if merged[axis].aFull {
        outerStridesA[axis] = strideA
        strideA *= merged[axis].size
      }
      if merged[axis].bFull {
        outerStridesB[axis] = strideB
        strideB *= merged[axis].size
      }
    }
  }

  /// Calls `body(out, a, b)` with the starting offsets of each row, in row-major order.
  @inline(__always)
  func forEachRow(_ body: (_ out: Int, _ a: Int, _ b: Int) -> Void) {
    let outer = outerDimensions.count
    if outer == 0 {
      body(0, 0, 0)
      return
    }
    if outer == 1 {
      for row in 0..<outerDimensions[0] {
        body(row * rowLength, row * outerStridesA[0], row * outerStridesB[0])
      }
      return
    }
    var index = [Int](repeating: 0, count: outer)
    var offsetA = 0
    var offsetB = 0
    var offsetOut = 0
    while true {
      body(offsetOut, offsetA, offsetB)
      offsetOut += rowLength
      var axis = outer - 1
      while axis >= 0 {
        index[axis] += 1
        offsetA += outerStridesA[axis]
        offsetB += outerStridesB[axis]
        if index[axis] < outerDimensions[axis] { break }
        offsetA -= outerStridesA[axis] * outerDimensions[axis]
        offsetB -= outerStridesB[axis] * outerDimensions[axis]
        index[axis] = 0
        axis -= 1
      }
      if axis < 0 { return }
    }
  }
}
