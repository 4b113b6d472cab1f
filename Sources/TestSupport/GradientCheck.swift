import Testing

/// The central-difference estimate of the gradient of `function` at `point`:
/// ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h, whose error is O(h²) plus rounding of order
/// ulp(f)/h.
public func numericalGradient<Scalar: BinaryFloatingPoint>(
  of function: ([Scalar]) throws -> Scalar, at point: [Scalar], step: Scalar
) rethrows -> [Double] {
  var shifted = point
  var gradient: [Double] = []
  gradient.reserveCapacity(point.count)
  for index in point.indices {
    shifted[index] = point[index] + step
    let above = Double(try function(shifted))
    shifted[index] = point[index] - step
    let below = Double(try function(shifted))
    shifted[index] = point[index]
    gradient.append((above - below) / (2 * Double(step)))
  }
  return gradient
}

/// Records an issue unless `analytic` matches the central-difference gradient of `function` at
/// `point` within `atol + rtol · |numerical|` per element.
///
/// For Float32 functions of values near 1, a step of 1e-2 balances truncation (~1e-4) against
/// rounding (~6e-8 · |f| / 1e-2 ≈ 1e-5 · |f|), so rtol 1e-2 and atol 1e-3 catch any wrong rule
/// while tolerating arithmetic noise. Keep the point a step or more away from kinks (relu at 0).
public func gradCheck<Scalar: BinaryFloatingPoint>(
  _ function: ([Scalar]) throws -> Scalar, at point: [Scalar], analytic: [Scalar],
  step: Scalar = 1e-2, rtol: Double = 1e-2, atol: Double = 1e-3,
  sourceLocation: SourceLocation = #_sourceLocation
) rethrows {
  let numerical = try numericalGradient(of: function, at: point, step: step)
  expectClose(
    analytic.map { Double($0) }, numerical, rtol: rtol, atol: atol, sourceLocation: sourceLocation)
}
