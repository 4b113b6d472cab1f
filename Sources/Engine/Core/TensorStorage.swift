/// A fixed-size block of `Float`s: the one place where tensor memory is allocated and handed out.
///
/// The elements live in the same heap object as the count (one allocation per tensor), so their
/// address never changes while the storage is alive. The address is never handed out to keep:
/// - `withAddress` and `withAddresses(reading:writing:)` (in `StorageAccess.swift`) give the
///   addresses the SIMD kernels take, valid only inside their closure; storages read are lent as
///   `UnsafePointer`s, and debug builds check that none of them is also written in the same call;
/// - `StoredMatrix.withOperand` gives a matrix kernel its operand the same way, its range checked
///   in debug builds;
/// - `withElements`, a buffer valid only inside its closure, for code outside the kernels;
/// - the subscript, one element at a time, its index checked in debug builds.
///
/// Backward rules capture storages (never addresses) and open them when they run.
package final class TensorStorage: ManagedBuffer<Int, Float> {
  /// A new storage of `count` elements whose values are not yet set.
  ///
  /// Debug builds set them to NaN, so that an element an operation forgets to write shows up in
  /// its result instead of passing for whatever the memory held.
  package static func uninitialized(count: Int) -> TensorStorage {
    let buffer = TensorStorage.create(minimumCapacity: max(count, 1)) { _ in count }
    let storage = unsafeDowncast(buffer, to: TensorStorage.self)
    #if DEBUG
      storage.withElements { $0.initialize(repeating: .nan) }
    #endif
    return storage
  }

  /// A new storage of `count` zeros.
  package static func zeros(count: Int) -> TensorStorage {
    let storage = uninitialized(count: count)
    storage.withElements { $0.initialize(repeating: 0) }
    return storage
  }

  /// A new storage holding `values`.
  package static func copying(_ values: [Float]) -> TensorStorage {
    let storage = uninitialized(count: values.count)
    storage.withElements { _ = $0.initialize(fromContentsOf: values) }
    return storage
  }

  /// The number of elements.
  package var count: Int { header }

  /// Runs `body` with the address of the first element, valid only inside `body`; for the
  /// engine's own kernel calls, so no other target can reach an address.
  @inline(__always)
  func withAddress<Result>(
    _ body: (UnsafeMutablePointer<Float>) throws -> Result
  ) rethrows -> Result {
    try withUnsafeMutablePointerToElements(body)
  }

  /// Runs `body` with the elements as a buffer, valid only inside `body`.
  @inline(__always)
  package func withElements<Result>(
    _ body: (UnsafeMutableBufferPointer<Float>) throws -> Result
  ) rethrows -> Result {
    try withUnsafeMutablePointerToElements { address in
      try body(UnsafeMutableBufferPointer(start: address, count: count))
    }
  }

  /// The element at `index`, which must be in `0..<count` (checked in debug builds).
  package subscript(index: Int) -> Float {
    @inline(__always) get {
      assert(index >= 0 && index < count, "element \(index) of a storage of \(count)")
      return withUnsafeMutablePointerToElements { $0[index] }
    }
    @inline(__always) set {
      assert(index >= 0 && index < count, "element \(index) of a storage of \(count)")
      withUnsafeMutablePointerToElements { $0[index] = newValue }
    }
  }

  /// A copy of the elements.
  package var array: [Float] { withElements { Array($0) } }

  /// A new storage with the same elements.
  package func copy() -> TensorStorage {
    let result = TensorStorage.uninitialized(count: count)
    withAddresses(reading: self, writing: result) { source, target in
      target.initialize(from: source, count: count)
    }
    return result
  }

  /// Sets every element to zero.
  package func zero() {
    withElements { $0.update(repeating: 0) }
  }
}
