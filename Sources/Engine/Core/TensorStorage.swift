/// A fixed-size block of `Float`s: the one place where tensor memory is allocated and handed out.
///
/// The elements live in the same heap object as the count (one allocation per tensor), so their
/// address never changes while the storage is alive. Memory is reached through three doors:
/// - `base`, the address the SIMD and matrix kernels take: an operation computes it and passes it
///   to a kernel within one call, and a backward rule captures the storage (never the address)
///   and takes the address when it runs;
/// - `withElements`, a buffer valid only inside its closure, for code outside the kernels;
/// - the subscript, one element at a time, its index checked in debug builds.
package final class TensorStorage: ManagedBuffer<Int, Float> {
  /// A new storage of `count` elements whose values are not yet set.
  package static func uninitialized(count: Int) -> TensorStorage {
    let buffer = TensorStorage.create(minimumCapacity: max(count, 1)) { _ in count }
    let storage = unsafeDowncast(buffer, to: TensorStorage.self)
    return storage
  }

  /// A new storage of `count` zeros.
  package static func zeros(count: Int) -> TensorStorage {
    let storage = uninitialized(count: count)
    storage.base.initialize(repeating: 0, count: count)
    return storage
  }

  /// A new storage holding `values`.
  package static func copying(_ values: [Float]) -> TensorStorage {
    let storage = uninitialized(count: values.count)
    values.withUnsafeBufferPointer { source in
      guard let address = source.baseAddress else { return }
      storage.base.initialize(from: address, count: values.count)
    }
    return storage
  }

  /// The number of elements.
  package var count: Int { header }

  /// The address of the first element, for the kernels; valid while this storage is alive.
  package var base: UnsafeMutablePointer<Float> {
    withUnsafeMutablePointerToElements { $0 }
  }

  /// Runs `body` with the elements as a buffer, valid only inside `body`.
  package func withElements<Result>(
    _ body: (UnsafeMutableBufferPointer<Float>) throws -> Result
  ) rethrows -> Result {
    try withUnsafeMutablePointerToElements { address in
      try body(UnsafeMutableBufferPointer(start: address, count: count))
    }
  }

  /// The element at `index`, which must be in `0..<count` (checked in debug builds).
  package subscript(index: Int) -> Float {
    get {
      assert(index >= 0 && index < count, "element \(index) of a storage of \(count)")
      return withUnsafeMutablePointerToElements { $0[index] }
    }
    set {
      assert(index >= 0 && index < count, "element \(index) of a storage of \(count)")
      withUnsafeMutablePointerToElements { $0[index] = newValue }
    }
  }

  /// A copy of the elements.
  package var array: [Float] { withElements { Array($0) } }

  /// A new storage with the same elements.
  package func copy() -> TensorStorage {
    let result = TensorStorage.uninitialized(count: count)
    result.base.initialize(from: base, count: count)
    return result
  }

  /// Sets every element to zero.
  package func zero() {
    base.update(repeating: 0, count: count)
  }
}
