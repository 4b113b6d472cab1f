/// The packed matrix product for large operands: blocks of op(a) and op(b) are copied into
/// contiguous panels in the order the register tile reads them, so the tile streams through L1
/// and L2 at the machine's peak (the layout of Goto and van de Geijn 2008, as in BLIS).
///
/// Each element of c is still the one chain of fused multiply-adds of `multiplyMatrices`'s
/// contract: a tile loads its partial sums from c between blocks of the inner dimension and
/// continues the same chain, and padding rows and columns only feed results that are discarded.

/// Rows of a register tile: 6 rows × 16 columns are twelve 8-lane accumulators, which with two
/// vectors of b and one broadcast of a fill the sixteen AVX2 registers.
let tileRows = 6
/// Columns of a register tile.
let tileColumns = 16
/// The depth of a packed block: a 256 × 16 panel of b (16 KB) stays in L1 while a tile runs.
private let blockDepth = 256
/// Rows of a packed block of a: 120 × 256 floats (120 KB) stay in L2.
private let blockRows = 120
/// Columns of a packed block of b: 256 × 2048 floats (2 MB) stay in the L3 cache.
private let blockColumns = 2048

/// Buffers for one thread's packed blocks, reused across products.
final class PackingBuffers: @unchecked Sendable {
  /// Room for a block of a: `blockRows × blockDepth` floats, and the lanes `packRows` spills
  /// past its last step.
  let a = UnsafeMutablePointer<Float>.allocate(capacity: blockRows * blockDepth + 8)
  /// Room for a block of b: `blockDepth × blockColumns` floats.
  let b = UnsafeMutablePointer<Float>.allocate(capacity: blockDepth * blockColumns)

  deinit {
    a.deallocate()
    b.deallocate()
  }
}

/// Rows `rows` × columns `columns` of `c = op(a) · op(b) + (accumulate ? c : 0)`, where c has
/// op(b)'s column count as its row length.
func multiplyPacked(
  _ a: MatrixOperand, _ b: MatrixOperand, into c: UnsafeMutablePointer<Float>, accumulate: Bool,
  rows: Range<Int>, columns: Range<Int>, buffers: PackingBuffers
) {
  let (k, n) = (a.usedColumns, b.usedColumns)
  for firstColumn in stride(from: columns.lowerBound, to: columns.upperBound, by: blockColumns) {
    let width = min(blockColumns, columns.upperBound - firstColumn)
    for firstDepth in stride(from: 0, to: k, by: blockDepth) {
      let depth = min(blockDepth, k - firstDepth)
      packColumns(b, depth: firstDepth..<(firstDepth + depth), firstColumn, width, into: buffers.b)
      let loading = accumulate || firstDepth > 0
      for firstRow in stride(from: rows.lowerBound, to: rows.upperBound, by: blockRows) {
        let height = min(blockRows, rows.upperBound - firstRow)
        packRows(a, firstRow, height, depth: firstDepth..<(firstDepth + depth), into: buffers.a)
        multiplyBlock(
          depth, buffers.a, height, buffers.b, width, into: c + firstRow * n + firstColumn,
          rowLength: n, loading: loading)
      }
    }
  }
}

/// Multiplies a packed `height × depth` block of a by a packed `depth × width` block of b into
/// c (rows `rowLength` apart), tile by tile.
private func multiplyBlock(
  _ depth: Int, _ a: UnsafePointer<Float>, _ height: Int, _ b: UnsafePointer<Float>, _ width: Int,
  into c: UnsafeMutablePointer<Float>, rowLength: Int, loading: Bool
) {
  for column in stride(from: 0, to: width, by: tileColumns) {
    let tileWidth = min(tileColumns, width - column)
    for row in stride(from: 0, to: height, by: tileRows) {
      let tileHeight = min(tileRows, height - row)
      let aPanel = a + row * depth
      let bPanel = b + column * depth
      let target = c + row * rowLength + column
      if tileWidth == tileColumns && tileHeight == tileRows {
        multiplyTile(depth, aPanel, bPanel, into: target, rowLength: rowLength, loading: loading)
      } else {
        // An edge tile runs in a full-size scratch tile; only its valid part is copied back.
        withUnsafeTemporaryAllocation(of: Float.self, capacity: tileRows * tileColumns) {
          scratch in
          guard let tile = scratch.baseAddress else { return }
          for r in 0..<tileHeight where loading {
            tile.advanced(by: r * tileColumns)
              .update(from: target + r * rowLength, count: tileWidth)
          }
          multiplyTile(depth, aPanel, bPanel, into: tile, rowLength: tileColumns, loading: loading)
          for r in 0..<tileHeight {
            (target + r * rowLength).update(from: tile + r * tileColumns, count: tileWidth)
          }
        }
      }
    }
  }
}

/// Copies rows `first ..< first + count` × the columns `depth` of op(a) into panels of
/// `tileRows` rows, each stored column by column (`tileRows` values per step of the inner
/// dimension), padding the last panel with zero rows.
///
/// When op(a)'s rows are contiguous, a full panel is read eight steps at a time, six rows
/// transposed in registers (`packSteps`).
private func packRows(
  _ a: MatrixOperand, _ first: Int, _ count: Int, depth: Range<Int>,
  into panel: UnsafeMutablePointer<Float>
) {
  let (rowStep, columnStep) = a.steps
  var target = panel
  for panelRow in stride(from: first, to: first + count, by: tileRows) {
    let rows = min(tileRows, first + count - panelRow)
    var p = depth.lowerBound
    if columnStep == 1 && rows == tileRows {
      // Rows 6 and 7 of the transpose repeat row 5; their lanes are overwritten or unused.
      let row = a.base + panelRow * rowStep
      p = packSteps(depth, into: &target, width: tileRows) { step in
        transposed(
          row.vector(at: step), (row + rowStep).vector(at: step),
          (row + 2 * rowStep).vector(at: step), (row + 3 * rowStep).vector(at: step),
          (row + 4 * rowStep).vector(at: step), (row + 5 * rowStep).vector(at: step),
          (row + 5 * rowStep).vector(at: step), (row + 5 * rowStep).vector(at: step))
      }
    }
    for p in p..<depth.upperBound {
      let source = a.base + panelRow * rowStep + p * columnStep
      for r in 0..<rows { target[r] = source[r * rowStep] }
      for r in rows..<tileRows { target[r] = 0 }
      target += tileRows
    }
  }
}

/// Copies the rows `depth` × columns `first ..< first + count` of op(b) into panels of
/// `tileColumns` columns, each stored row by row, padding the last panel with zero columns.
///
/// When op(b) is a transposed matrix, its columns are the stored rows: a full panel is read
/// eight steps at a time, sixteen stored rows transposed in registers as two blocks of eight.
private func packColumns(
  _ b: MatrixOperand, depth: Range<Int>, _ first: Int, _ count: Int,
  into panel: UnsafeMutablePointer<Float>
) {
  let (rowStep, columnStep) = b.steps
  var target = panel
  for panelColumn in stride(from: first, to: first + count, by: tileColumns) {
    let columns = min(tileColumns, first + count - panelColumn)
    var p = depth.lowerBound
    if rowStep == 1 && columns == tileColumns {
      let low = b.base + panelColumn * columnStep
      let high = low + 8 * columnStep
      @inline(__always) func eightRows(_ start: UnsafePointer<Float>, _ step: Int) -> EightVectors {
        transposed(
          start.vector(at: step), (start + columnStep).vector(at: step),
          (start + 2 * columnStep).vector(at: step), (start + 3 * columnStep).vector(at: step),
          (start + 4 * columnStep).vector(at: step), (start + 5 * columnStep).vector(at: step),
          (start + 6 * columnStep).vector(at: step), (start + 7 * columnStep).vector(at: step))
      }
      while p + 8 <= depth.upperBound {
        store(eightRows(low, p), at: target, rowLength: tileColumns)
        store(eightRows(high, p), at: target + 8, rowLength: tileColumns)
        target += 8 * tileColumns
        p += 8
      }
    }
    for p in p..<depth.upperBound {
      let source = b.base + p * rowStep + panelColumn * columnStep
      if columns == tileColumns && columnStep == 1 {
        target.store(source.vector(at: 0), at: 0)
        target.store(source.vector(at: 8), at: 8)
      } else {
        for j in 0..<columns { target[j] = source[j * columnStep] }
        for j in columns..<tileColumns { target[j] = 0 }
      }
      target += tileColumns
    }
  }
}

/// Stores eight steps of a panel `width` (< 8) values wide at a time, from the transposes
/// `columns(p)` returns for the steps `p ..< p + 8`, while eight steps of `depth` remain; returns
/// the first step not stored. Each vector is stored whole, so its lanes past `width` spill into
/// the next step's place and are overwritten by it (the buffer has room for the last spill).
@inline(__always)
private func packSteps(
  _ depth: Range<Int>, into target: inout UnsafeMutablePointer<Float>, width: Int,
  _ columns: (Int) -> EightVectors
) -> Int {
  var p = depth.lowerBound
  while p + 8 <= depth.upperBound {
    store(columns(p), at: target, rowLength: width)
    target += 8 * width
    p += 8
  }
  return p
}

/// The register tile: c[0..<6, 0..<16] (rows `rowLength` apart) = (loading ? c : 0) +
/// Σₚ a[p, r] · b[p, j], one fused multiply-add per step of p, in order, from packed panels.
@inline(__always)
private func multiplyTile(
  _ depth: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
  into c: UnsafeMutablePointer<Float>, rowLength: Int, loading: Bool
) {
  @inline(__always) func start(_ row: Int, _ half: Int) -> Vector {
    loading ? c.vector(at: row * rowLength + half) : Vector()
  }
  var c00 = start(0, 0)
  var c01 = start(0, 8)
  var c10 = start(1, 0)
  var c11 = start(1, 8)
  var c20 = start(2, 0)
  var c21 = start(2, 8)
  var c30 = start(3, 0)
  var c31 = start(3, 8)
  var c40 = start(4, 0)
  var c41 = start(4, 8)
  var c50 = start(5, 0)
  var c51 = start(5, 8)
  var aStep = a
  var bStep = b
  for _ in 0..<depth {
    let b0 = bStep.vector(at: 0)
    let b1 = bStep.vector(at: 8)
    var x = Vector(repeating: aStep[0])
    c00 = c00.addingProduct(x, b0)
    c01 = c01.addingProduct(x, b1)
    x = Vector(repeating: aStep[1])
    c10 = c10.addingProduct(x, b0)
    c11 = c11.addingProduct(x, b1)
    x = Vector(repeating: aStep[2])
    c20 = c20.addingProduct(x, b0)
    c21 = c21.addingProduct(x, b1)
    x = Vector(repeating: aStep[3])
    c30 = c30.addingProduct(x, b0)
    c31 = c31.addingProduct(x, b1)
    x = Vector(repeating: aStep[4])
    c40 = c40.addingProduct(x, b0)
    c41 = c41.addingProduct(x, b1)
    x = Vector(repeating: aStep[5])
    c50 = c50.addingProduct(x, b0)
    c51 = c51.addingProduct(x, b1)
    aStep += tileRows
    bStep += tileColumns
  }
  c.store(c00, at: 0)
  c.store(c01, at: 8)
  c.store(c10, at: rowLength)
  c.store(c11, at: rowLength + 8)
  c.store(c20, at: 2 * rowLength)
  c.store(c21, at: 2 * rowLength + 8)
  c.store(c30, at: 3 * rowLength)
  c.store(c31, at: 3 * rowLength + 8)
  c.store(c40, at: 4 * rowLength)
  c.store(c41, at: 4 * rowLength + 8)
  c.store(c50, at: 5 * rowLength)
  c.store(c51, at: 5 * rowLength + 8)
}
