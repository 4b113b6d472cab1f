extension Shape {
  #if DEBUG
    /// Stops with a message if this shape breaks a rule that its other code relies on (debug
    /// builds only; release builds check nothing).
    ///
    /// A shape of rank four or less keeps its dimensions in `leading`, zero past the rank (so that
    /// equal shapes compare and hash alike) and no array; a longer one keeps them in the array and
    /// `leading` zero. No dimension is negative, and `elementCount` is their product.
    @inline(never)
    func checkInvariants() {
      if let all {
        precondition(rank > 4 && all.count == rank, "a shape of rank \(rank) keeps \(all.count)")
        precondition(leading == SIMD4(), "a long shape keeps leading dimensions \(leading)")
      } else {
        precondition(rank >= 0 && rank <= 4, "a short shape of rank \(rank)")
        for lane in rank..<4 {
          precondition(leading[lane] == 0, "lane \(lane) past rank \(rank) is \(leading[lane])")
        }
      }
      precondition(dimensions.allSatisfy { $0 >= 0 }, "a negative dimension in \(dimensions)")
      precondition(
        elementCount == dimensions.reduce(1, *), "\(self) does not have \(elementCount) elements")
    }
  #else
    /// Checks nothing in release builds (debug builds check the shape's rules).
    @inline(__always)
    func checkInvariants() {}
  #endif
}
