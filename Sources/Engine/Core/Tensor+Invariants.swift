extension Tensor {
  #if DEBUG
    /// Stops with a message if this tensor breaks a rule that the kernels and `backward()` rely on
    /// (debug builds only; release builds check nothing).
    ///
    /// The values and the gradient, if any, hold exactly one element per element of the shape (so
    /// every range an operation derives from shapes lies inside its storages). A leaf records no
    /// inputs and no rule; an operation's result records a rule exactly while it records inputs,
    /// and only if one of them requires a gradient.
    @inline(never)
    func checkInvariants() {
      shape.checkInvariants()
      precondition(
        storage.count == shape.elementCount,
        "a tensor of shape \(shape) over a storage of \(storage.count)")
      if let gradientStorage {
        precondition(
          gradientStorage.count == shape.elementCount,
          "a tensor of shape \(shape) with a gradient of \(gradientStorage.count)")
      }
      precondition(
        (backwardRule == nil) == inputs.isEmpty, "a rule without inputs, or inputs without one")
      precondition(!isLeaf || inputs.isEmpty, "a leaf that records inputs")
      precondition(
        inputs.isEmpty || (requiresGradient && inputs.contains { $0.requiresGradient }),
        "a recorded operation that no gradient flows through")
    }
  #else
    /// Checks nothing in release builds (debug builds check the tensor's rules).
    @inline(__always)
    func checkInvariants() {}
  #endif
}
