/// Loading and storing eight floats at a time, the unit of every SIMD kernel (AVX2 registers).
typealias Vector = SIMD8<Float>

extension UnsafePointer<Float> {
  /// The eight floats starting at `index`.
  @inline(__always) func vector(at index: Int) -> Vector {
    UnsafeRawPointer(self + index).loadUnaligned(as: Vector.self)
  }

  /// The `count` (< 8) floats starting at `index`, the other lanes set to `padding`.
  @inline(__always) func partialVector(at index: Int, count: Int, padding: Float = 0) -> Vector {
    var result = Vector(repeating: padding)
    for lane in 0..<count { result[lane] = self[index + lane] }
    return result
  }
}

extension UnsafeMutablePointer<Float> {
  /// Stores eight floats starting at `index`.
  @inline(__always) func store(_ vector: Vector, at index: Int) {
    UnsafeMutableRawPointer(self + index).storeBytes(of: vector, as: Vector.self)
  }

  /// Stores the first `count` (< 8) lanes of `vector` starting at `index`.
  @inline(__always) func storePartial(_ vector: Vector, at index: Int, count: Int) {
    for lane in 0..<count { self[index + lane] = vector[lane] }
  }

  /// The eight floats starting at `index`.
  @inline(__always) func vector(at index: Int) -> Vector {
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

/// `target[j] += Σ_i source[i, j]` for a row-major `rows × columns` matrix: the column sums, eight
/// columns at a time, each kept in a register while the rows run.
func addColumnSums(
  _ rows: Int, _ columns: Int, _ source: UnsafePointer<Float>,
  into target: UnsafeMutablePointer<Float>
) {
  var j = 0
  while j < columns {
    let width = min(8, columns - j)
    var total =
      width == 8 ? target.vector(at: j) : UnsafePointer(target).partialVector(at: j, count: width)
    var row = source + j
    for _ in 0..<rows {
      total += width == 8 ? row.vector(at: 0) : row.partialVector(at: 0, count: width)
      row += columns
    }
    if width == 8 {
      target.store(total, at: j)
    } else {
      target.storePartial(total, at: j, count: width)
    }
    j += 8
  }
}

/// Runs an optimizer's `step` over `count` elements of a parameter's `value`, its `gradient` and
/// two state buffers (`first` and `second`, such as Adam's moments), eight lanes at a time, the
/// last group padded with zeros, and stores back the value and the state it changes.
package func updateEightAtATime(
  _ count: Int, value: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>,
  first: UnsafeMutablePointer<Float>, second: UnsafeMutablePointer<Float>,
  _ step: (
    _ value: inout SIMD8<Float>, _ gradient: SIMD8<Float>, _ first: inout SIMD8<Float>,
    _ second: inout SIMD8<Float>
  ) -> Void
) {
  var i = 0
  while i < count {
    let lanes = min(8, count - i)
    let load = { (source: UnsafePointer<Float>) in
      lanes == 8 ? source.vector(at: i) : source.partialVector(at: i, count: lanes)
    }
    var p = load(value)
    var m = load(first)
    var v = load(second)
    step(&p, load(gradient), &m, &v)
    for (target, result) in [(value, p), (first, m), (second, v)] {
      if lanes == 8 {
        target.store(result, at: i)
      } else {
        target.storePartial(result, at: i, count: lanes)
      }
    }
    i += 8
  }
}
