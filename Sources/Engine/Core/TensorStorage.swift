/// A fixed-size block of `Float`s: the one place where tensor memory is allocated and handed out.
///
/// The elements live in the same heap object as the count (one allocation per tensor). Kernels get
/// the memory as pointers through `base`, valid while the storage is alive; everything else reads
/// and writes through the bounds-checked accessors below.
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

  /// The address of the first element; valid while this storage is alive.
  package var base: UnsafeMutablePointer<Float> {
    withUnsafeMutablePointerToElements { $0 }
  }

  /// The elements as a buffer; valid while this storage is alive.
  package var buffer: UnsafeMutableBufferPointer<Float> {
    UnsafeMutableBufferPointer(start: base, count: count)
  }

  /// A copy of the elements.
  package var array: [Float] { Array(buffer) }

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
