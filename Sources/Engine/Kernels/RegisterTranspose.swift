/// Transposing 8 × 8 floats in registers, with the shuffles AVX provides: how the kernels read
/// eight rows of a matrix as eight of its columns.

/// Eight vectors: the rows of an 8 × 8 block.
typealias EightVectors = (Vector, Vector, Vector, Vector, Vector, Vector, Vector, Vector)

/// The transpose of the 8 × 8 matrix whose rows are `r0` … `r7`: its columns, as rows.
@inline(__always)
func transposed(
  _ r0: Vector, _ r1: Vector, _ r2: Vector, _ r3: Vector, _ r4: Vector, _ r5: Vector,
  _ r6: Vector, _ r7: Vector
) -> EightVectors {
  // Pairs of rows interleaved, then pairs of pairs: lanes 0–3 and 4–7 hold columns p and p + 4
  // of four rows each; the halves are then joined across the two groups of four rows.
  let (t0, t1) = (interleaved(r0, r1, from: 0), interleaved(r0, r1, from: 2))
  let (t2, t3) = (interleaved(r2, r3, from: 0), interleaved(r2, r3, from: 2))
  let (t4, t5) = (interleaved(r4, r5, from: 0), interleaved(r4, r5, from: 2))
  let (t6, t7) = (interleaved(r6, r7, from: 0), interleaved(r6, r7, from: 2))
  let (s0, s1) = (pairs(t0, t2, from: 0), pairs(t0, t2, from: 2))
  let (s2, s3) = (pairs(t1, t3, from: 0), pairs(t1, t3, from: 2))
  let (s4, s5) = (pairs(t4, t6, from: 0), pairs(t4, t6, from: 2))
  let (s6, s7) = (pairs(t5, t7, from: 0), pairs(t5, t7, from: 2))
  return (
    Vector(lowHalf: s0.lowHalf, highHalf: s4.lowHalf),
    Vector(lowHalf: s1.lowHalf, highHalf: s5.lowHalf),
    Vector(lowHalf: s2.lowHalf, highHalf: s6.lowHalf),
    Vector(lowHalf: s3.lowHalf, highHalf: s7.lowHalf),
    Vector(lowHalf: s0.highHalf, highHalf: s4.highHalf),
    Vector(lowHalf: s1.highHalf, highHalf: s5.highHalf),
    Vector(lowHalf: s2.highHalf, highHalf: s6.highHalf),
    Vector(lowHalf: s3.highHalf, highHalf: s7.highHalf)
  )
}

/// Lanes `first`, `first + 1`, `first + 4` and `first + 5` of `a` and `b`, alternating (AVX's
/// `unpcklps` for `first` 0 and `unpckhps` for 2).
@inline(__always)
private func interleaved(_ a: Vector, _ b: Vector, from first: Int) -> Vector {
  let f = first
  return Vector(a[f], b[f], a[f + 1], b[f + 1], a[f + 4], b[f + 4], a[f + 5], b[f + 5])
}

/// Lanes `first` and `first + 1` of each half of `a`, then of `b` (AVX's `shufps` with 0x44 for
/// `first` 0 and 0xEE for 2).
@inline(__always)
private func pairs(_ a: Vector, _ b: Vector, from first: Int) -> Vector {
  let f = first
  return Vector(a[f], a[f + 1], b[f], b[f + 1], a[f + 4], a[f + 5], b[f + 4], b[f + 5])
}

/// Stores the eight `rows` at `target`, `rowLength` apart, in order, each whole: with a
/// `rowLength` under 8, each row's last lanes are overwritten by the next row.
@inline(__always)
func store(_ rows: EightVectors, at target: UnsafeMutablePointer<Float>, rowLength: Int) {
  target.store(rows.0, at: 0)
  target.store(rows.1, at: rowLength)
  target.store(rows.2, at: 2 * rowLength)
  target.store(rows.3, at: 3 * rowLength)
  target.store(rows.4, at: 4 * rowLength)
  target.store(rows.5, at: 5 * rowLength)
  target.store(rows.6, at: 6 * rowLength)
  target.store(rows.7, at: 7 * rowLength)
}
