/// Loading and storing eight floats at a time, the unit of every SIMD kernel (AVX2 registers).
@usableFromInline typealias Vector = SIMD8<Float>

extension UnsafePointer<Float> {
  /// The eight floats starting at `index`.
  @inlinable @inline(__always) func vector(at index: Int) -> Vector {
    UnsafeRawPointer(self + index).loadUnaligned(as: Vector.self)
  }

  /// The `count` (< 8) floats starting at `index`, the other lanes set to `padding`.
  @inlinable @inline(__always) func partialVector(at index: Int, count: Int, padding: Float = 0)
    -> Vector
  {
    var result = Vector(repeating: padding)
    for lane in 0..<count { result[lane] = self[index + lane] }
    return result
  }
}

extension UnsafeMutablePointer<Float> {
  /// Stores eight floats starting at `index`.
  @inlinable @inline(__always) func store(_ vector: Vector, at index: Int) {
    UnsafeMutableRawPointer(self + index).storeBytes(of: vector, as: Vector.self)
  }

  /// Stores the first `count` (< 8) lanes of `vector` starting at `index`.
  @inlinable @inline(__always) func storePartial(_ vector: Vector, at index: Int, count: Int) {
    for lane in 0..<count { self[index + lane] = vector[lane] }
  }

  /// The eight floats starting at `index`.
  @inlinable @inline(__always) func vector(at index: Int) -> Vector {
    UnsafePointer(self).vector(at: index)
  }
}

/// Applies `operation` to `count` elements of `a`, eight at a time, writing `out`.
@inline(__always)
func mapVectors(
  _ count: Int, _ a: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>,
  _ operation: (Vector) -> Vector
) {
  var i = 0
  while i + 8 <= count {
    out.store(operation(a.vector(at: i)), at: i)
    i += 8
  }
  if i < count {
    out.storePartial(operation(a.partialVector(at: i, count: count - i)), at: i, count: count - i)
  }
}

/// Applies `operation` to `count` pairs from `a` and `b`, eight at a time, writing `out`.
@inline(__always)
func mapVectors(
  _ count: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
  _ out: UnsafeMutablePointer<Float>, _ operation: (Vector, Vector) -> Vector
) {
  var i = 0
  while i + 8 <= count {
    out.store(operation(a.vector(at: i), b.vector(at: i)), at: i)
    i += 8
  }
  if i < count {
    let rest = count - i
    let result = operation(a.partialVector(at: i, count: rest), b.partialVector(at: i, count: rest))
    out.storePartial(result, at: i, count: rest)
  }
}

/// Applies `operation` to `count` triples from `a`, `b` and `c`, eight at a time, writing `out`.
@inline(__always)
func mapVectors(
  _ count: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafePointer<Float>,
  _ out: UnsafeMutablePointer<Float>, _ operation: (Vector, Vector, Vector) -> Vector
) {
  var i = 0
  while i + 8 <= count {
    out.store(operation(a.vector(at: i), b.vector(at: i), c.vector(at: i)), at: i)
    i += 8
  }
  if i < count {
    let rest = count - i
    let result = operation(
      a.partialVector(at: i, count: rest), b.partialVector(at: i, count: rest),
      c.partialVector(at: i, count: rest))
    out.storePartial(result, at: i, count: rest)
  }
}

/// The sum of `count` floats, with four vector accumulators so the adds overlap.
func sumOfElements(_ count: Int, _ a: UnsafePointer<Float>) -> Float {
  var s0 = Vector()
  var s1 = Vector()
  var s2 = Vector()
  var s3 = Vector()
  var i = 0
  while i + 32 <= count {
    s0 += a.vector(at: i)
    s1 += a.vector(at: i + 8)
    s2 += a.vector(at: i + 16)
    s3 += a.vector(at: i + 24)
    i += 32
  }
  while i + 8 <= count {
    s0 += a.vector(at: i)
    i += 8
  }
  if i < count { s1 += a.partialVector(at: i, count: count - i) }
  return ((s0 + s1) + (s2 + s3)).sum()
}

/// `target[i] += source[i]` for `count` elements.
func addInPlace(
  _ count: Int, _ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>
) {
  mapVectors(count, UnsafePointer(target), source, target) { $0 + $1 }
}

/// `target[j] += Σ_i source[i, j]` for a row-major `rows × columns` matrix, adding the rows in
/// order: eight columns at a time, each kept in a register while the rows run, and the last
/// columns (under eight) one at a time.
func addColumnSums(
  _ rows: Int, _ columns: Int, _ source: UnsafePointer<Float>,
  into target: UnsafeMutablePointer<Float>
) {
  var j = 0
  while j + 8 <= columns {
    var total = target.vector(at: j)
    var row = source + j
    for _ in 0..<rows {
      total += row.vector(at: 0)
      row += columns
    }
    target.store(total, at: j)
    j += 8
  }
  while j < columns {
    var total = target[j]
    var element = source + j
    for _ in 0..<rows {
      total += element.pointee
      element += columns
    }
    target[j] = total
    j += 1
  }
}

/// An optimizer's update of eight values at a time: a parameter's values, their gradient, and
/// two state buffers such as Adam's moments.
@usableFromInline package protocol EightLaneUpdate {
  /// Updates `value`, `first` and `second` from `gradient`, lane by lane.
  func update(
    value: inout SIMD8<Float>, gradient: SIMD8<Float>, first: inout SIMD8<Float>,
    second: inout SIMD8<Float>)
}

/// Runs `step` over `count` elements of a parameter's `value`, its `gradient` and two state
/// buffers (`first` and `second`), eight lanes at a time, the last group padded with zeros, and
/// stores back the value and the state it changes. A large parameter is shared among the
/// engine's threads (each element's update is the same, whichever thread makes it).
///
/// Inlinable and generic, so that the step is specialised and inlined into the loop: called
/// through a closure, the update of a large layer costs several times its memory traffic.
@inlinable
package func updateEightAtATime<Step: EightLaneUpdate>(
  _ count: Int, value: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>,
  first: UnsafeMutablePointer<Float>, second: UnsafeMutablePointer<Float>, _ step: Step
) {
  shareElements(count) { range in
    var i = range.lowerBound
    while i + 8 <= range.upperBound {
      var p = value.vector(at: i)
      var m = first.vector(at: i)
      var v = second.vector(at: i)
      step.update(
        value: &p, gradient: UnsafePointer(gradient).vector(at: i), first: &m, second: &v)
      value.store(p, at: i)
      first.store(m, at: i)
      second.store(v, at: i)
      i += 8
    }
    let lanes = range.upperBound - i
    guard lanes > 0 else { return }
    var p = UnsafePointer(value).partialVector(at: i, count: lanes)
    var m = UnsafePointer(first).partialVector(at: i, count: lanes)
    var v = UnsafePointer(second).partialVector(at: i, count: lanes)
    step.update(
      value: &p, gradient: gradient.partialVector(at: i, count: lanes), first: &m, second: &v)
    value.storePartial(p, at: i, count: lanes)
    first.storePartial(m, at: i, count: lanes)
    second.storePartial(v, at: i, count: lanes)
  }
}

/// Runs `body` over `0..<count` elements, cut at multiples of 8 into one range per thread of the
/// shared pool when there are at least `sharedElements` of them, else whole on the calling thread.
@usableFromInline
func shareElements(_ count: Int, _ body: (Range<Int>) -> Void) {
  let pool = WorkerPool.shared
  let parts = min(pool.threadCount, count / sharedElements)
  guard parts > 1 else {
    body(0..<count)
    return
  }
  let groups = (count + 7) / 8
  pool.run(parts: parts, wakingSleepers: count >= 4 * sharedElements) { part in
    body((groups * part / parts * 8)..<min(groups * (part + 1) / parts * 8, count))
  }
}

/// The fewest elements of an update worth a thread that is watching for work: about 30 µs of
/// Adam's work; four times as many are worth waking a sleeping one.
private let sharedElements = 1 << 16
