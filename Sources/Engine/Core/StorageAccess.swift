// Opening several storages at once for one kernel call, so that an operation's call site stays
// one closure deep. Each storage is opened with `withUnsafeMutablePointerToElements`, so every
// address is valid only inside `body`; the closures inline, and release builds pay nothing for
// them. Debug builds check that no storage is both read and written in one call (a kernel reads
// its `UnsafePointer` operands as unchanging).

/// Runs `body` with the addresses of the elements of `a` (read) and `out` (written), valid only
/// inside `body`.
@inline(__always)
func withAddresses<Result>(
  reading a: TensorStorage, writing out: TensorStorage,
  _ body: (UnsafePointer<Float>, UnsafeMutablePointer<Float>) throws -> Result
) rethrows -> Result {
  assert(readsAreNotWritten([a], [out]), aliasMessage)
  return try a.withAddress { a in try out.withAddress { out in try body(a, out) } }
}

/// Runs `body` with the addresses of the elements of `a` and `b` (read) and `out` (written),
/// valid only inside `body`.
@inline(__always)
func withAddresses<Result>(
  reading a: TensorStorage, _ b: TensorStorage, writing out: TensorStorage,
  _ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>) throws ->
    Result
) rethrows -> Result {
  assert(readsAreNotWritten([a, b], [out]), aliasMessage)
  return try a.withAddress { a in
    try b.withAddress { b in try out.withAddress { out in try body(a, b, out) } }
  }
}

/// Runs `body` with the addresses of the elements of `a`, `b` and `c` (read) and `out`
/// (written), valid only inside `body`.
@inline(__always)
func withAddresses<Result>(
  reading a: TensorStorage, _ b: TensorStorage, _ c: TensorStorage, writing out: TensorStorage,
  _ body: (
    UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>
  ) throws -> Result
) rethrows -> Result {
  assert(readsAreNotWritten([a, b, c], [out]), aliasMessage)
  return try a.withAddress { a in
    try b.withAddress { b in
      try c.withAddress { c in try out.withAddress { out in try body(a, b, c, out) } }
    }
  }
}

/// Runs `body` with the addresses of the elements of `a`, `b` and `c` (read) and of `first` and
/// `second` (written; nil where the storage is nil), valid only inside `body`.
@inline(__always)
func withAddresses<Result>(
  reading a: TensorStorage, _ b: TensorStorage, _ c: TensorStorage,
  writing first: TensorStorage?, _ second: TensorStorage?,
  _ body: (
    UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>,
    UnsafeMutablePointer<Float>?, UnsafeMutablePointer<Float>?
  ) throws -> Result
) rethrows -> Result {
  assert(readsAreNotWritten([a, b, c], [first, second]), aliasMessage)
  return try a.withAddress { a in
    try b.withAddress { b in
      try c.withAddress { c in
        try first.withAddress { first in
          try second.withAddress { second in try body(a, b, c, first, second) }
        }
      }
    }
  }
}

extension TensorStorage? {
  /// Runs `body` with the address of the storage's elements, or nil when there is no storage;
  /// the address is valid only inside `body`.
  @inline(__always)
  func withAddress<Result>(
    _ body: (UnsafeMutablePointer<Float>?) throws -> Result
  ) rethrows -> Result {
    guard let storage = self else { return try body(nil) }
    return try storage.withAddress { try body($0) }
  }
}

/// Whether no storage in `written` is also in `read` (the check behind the debug assertions).
private func readsAreNotWritten(_ read: [TensorStorage], _ written: [TensorStorage?]) -> Bool {
  written.allSatisfy { target in read.allSatisfy { $0 !== target } }
}

/// What a debug build says when one call would read and write the same storage.
private let aliasMessage = "a kernel call reads a storage that it also writes"
