/// How two operands line up with the result of a broadcasting elementwise operation.
///
/// Dimensions are aligned NumPy-style, then neighbouring dimensions that broadcast the same way
/// are merged, so most cases become a few long rows: equal shapes are one row, a matrix plus a row
/// vector is `rows` rows whose second operand restarts each time. Kernels run along the last
/// (merged) dimension, where each operand's stride is 0 (repeated) or 1 (contiguous).
struct BroadcastPlan {
  /// The merged dimensions, outermost first; the last is the row length.
  private(set) var dimensions: [Int] = []
  /// The first operand's strides along the merged dimensions (0 where it is repeated).
  private(set) var stridesA: [Int] = []
  /// The second operand's strides along the merged dimensions (0 where it is repeated).
  private(set) var stridesB: [Int] = []

  /// Plans `a op b` with result shape `out` (which must be their broadcast shape).
  init(_ a: Shape, _ b: Shape, _ out: Shape) {
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
    if merged.isEmpty { merged = [(1, true, true)] }
    dimensions = merged.map(\.size)
    var strideA = 1
    var strideB = 1
    stridesA = [Int](repeating: 0, count: merged.count)
    stridesB = [Int](repeating: 0, count: merged.count)
    for axis in stride(from: merged.count - 1, through: 0, by: -1) {
      if merged[axis].aFull {
        stridesA[axis] = strideA
        strideA *= merged[axis].size
      }
      if merged[axis].bFull {
        stridesB[axis] = strideB
        strideB *= merged[axis].size
      }
    }
  }

  /// The length of each row.
  var rowLength: Int { dimensions[dimensions.count - 1] }
  /// Whether the first operand is contiguous (stride 1) along a row, rather than repeated.
  var rowStrideA: Int { stridesA[stridesA.count - 1] }
  /// Whether the second operand is contiguous (stride 1) along a row, rather than repeated.
  var rowStrideB: Int { stridesB[stridesB.count - 1] }

  /// Calls `body(out, a, b)` with the starting offsets of each row, in row-major order.
  @inline(__always)
  func forEachRow(_ body: (_ out: Int, _ a: Int, _ b: Int) -> Void) {
    let outer = dimensions.count - 1
    if outer == 0 {
      body(0, 0, 0)
      return
    }
    if outer == 1 {
      for row in 0..<dimensions[0] {
        body(row * rowLength, row * stridesA[0], row * stridesB[0])
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
        offsetA += stridesA[axis]
        offsetB += stridesB[axis]
        if index[axis] < dimensions[axis] { break }
        offsetA -= stridesA[axis] * dimensions[axis]
        offsetB -= stridesB[axis] * dimensions[axis]
        index[axis] = 0
        axis -= 1
      }
      if axis < 0 { return }
    }
  }
}
