/// Limits on gradients applied before an update, as PyTorch's `clip_grad_norm_` and
/// `clip_grad_value_`.
///
/// - `norm(m)`: with the global norm N = √(Σ g²) over all parameters, every gradient is scaled by
///   min(1, m / (N + 1e-6)).
/// - `value(c)`: every gradient value is clamped to [−c, c].
public enum GradientClipping: Sendable, Equatable {
  case norm(Float)
  case value(Float)

  /// Clips the gradients of `parameters` in place and returns the global norm before clipping.
  @discardableResult
  public func apply(to parameters: [Parameter]) -> Float {
    var squares: Double = 0
    for parameter in parameters {
      parameter.tensor.updateInPlace { _, gradient in
        for g in gradient { squares += Double(g * g) }
      }
    }
    let norm = Float(squares.squareRoot())
    switch self {
    case .norm(let limit):
      let scale = min(1, limit / (norm + 1e-6))
      guard scale < 1 else { return norm }
      transformGradients(of: parameters) { $0 * scale }
    case .value(let limit):
      transformGradients(of: parameters) { min(max($0, -limit), limit) }
    }
    return norm
  }

  /// Replaces every gradient value g of `parameters` by `transform(g)`.
  private func transformGradients(of parameters: [Parameter], _ transform: (Float) -> Float) {
    for parameter in parameters {
      parameter.tensor.updateInPlace { _, gradient in
        for i in gradient.indices { gradient[i] = transform(gradient[i]) }
      }
    }
  }
}
