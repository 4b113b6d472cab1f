/// A matrix kept in a tensor storage: `rows × columns` values from element `offset`, row-major,
/// used transposed if asked.
///
/// Unlike the kernels' `MatrixOperand`, it holds the storage, not an address, so an operation may
/// keep one (a backward rule captures it); `withOperand` lends the address to a kernel.
struct StoredMatrix {
  /// The storage holding the matrix.
  let storage: TensorStorage
  /// The element of `storage` where the matrix starts.
  let offset: Int
  /// The number of rows as stored.
  let rows: Int
  /// The number of columns as stored.
  let columns: Int
  /// Whether a product uses the transpose of the stored matrix.
  let isTransposed: Bool

  /// The `rows × columns` matrix at element `offset` of `storage`, used transposed if
  /// `transposed`.
  @inline(__always)
  init(
    _ storage: TensorStorage, offset: Int = 0, rows: Int, columns: Int, transposed: Bool = false
  ) {
    self.storage = storage
    self.offset = offset
    self.rows = rows
    self.columns = columns
    isTransposed = transposed
  }

  /// The same stored matrix, used transposed.
  @inline(__always)
  var transposed: StoredMatrix {
    StoredMatrix(storage, offset: offset, rows: rows, columns: columns, transposed: !isTransposed)
  }

  /// Whether every element of the matrix is an element of its storage.
  var liesInsideStorage: Bool {
    offset >= 0 && rows >= 0 && columns >= 0 && offset + rows * columns <= storage.count
  }

  /// Runs `body` with this matrix as a kernel operand, valid only inside `body`; debug builds check
  /// that the matrix lies inside its storage.
  @inline(__always)
  func withOperand<Result>(_ body: (MatrixOperand) throws -> Result) rethrows -> Result {
    assert(liesInsideStorage, "\(self)")
    return try storage.withAddress { address in
      try body(
        MatrixOperand(
          base: address + offset, rows: rows, columns: columns, transposed: isTransposed))
    }
  }
}

extension Tensor {
  /// This 2-D tensor's values as a matrix, used transposed if `transposed`.
  @inline(__always)
  func matrix(transposed: Bool = false) -> StoredMatrix {
    StoredMatrix(storage, rows: shape[0], columns: shape[1], transposed: transposed)
  }

  /// This 2-D tensor's gradient as a matrix (created as zeros if there is none yet).
  @inline(__always)
  var gradientMatrix: StoredMatrix {
    StoredMatrix(gradientAccumulator, rows: shape[0], columns: shape[1])
  }
}

/// `c = a · b`, or `c += a · b` when `accumulate`, by `multiplyMatrices` (each operand
/// transposed if it says so; `c` is used as stored). Debug builds check that the sizes agree and
/// that `c` shares no storage with `a` or `b`.
@inline(__always)
func multiply(_ a: StoredMatrix, _ b: StoredMatrix, into c: StoredMatrix, accumulate: Bool) {
  assert(!c.isTransposed && c.liesInsideStorage, "the product \(c)")
  assert(c.storage !== a.storage && c.storage !== b.storage, "a product written over its operand")
  a.withOperand { a in
    b.withOperand { b in
      assert(a.usedRows == c.rows && b.usedColumns == c.columns, "the product \(c) of \(a), \(b)")
      c.storage.withAddress { address in
        multiplyMatrices(a, b, into: address + c.offset, accumulate: accumulate)
      }
    }
  }
}
