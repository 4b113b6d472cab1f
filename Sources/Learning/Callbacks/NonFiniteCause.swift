/// Why a loss became NaN or infinite, as `StopOnNonFinite` tells it in its stop message. A
/// `Diagnosis` reads the cause back from a run's message, so its advice follows the message.
enum NonFiniteCause: CaseIterable {
  /// The batch itself held NaN or infinite inputs.
  case nonFiniteInputs
  /// Weights and inputs were finite at the first step, but the forward pass overflowed.
  case overflow
  /// The weights were NaN or huge before any update of the run.
  case brokenWeights
  /// The loss blew up during training: the steps were too large.
  case largeRate

  /// The words of the stop message that name the cause.
  var phrase: String {
    switch self {
    case .nonFiniteInputs: "the batch contains NaN or infinite inputs"
    case .overflow: "the forward pass overflows"
    case .brokenWeights: "weights are already broken"
    case .largeRate: "is likely too large"
    }
  }

  /// The cause a stop message names, if it names one.
  init?(message: String) {
    guard let cause = Self.allCases.first(where: { message.contains($0.phrase) }) else {
      return nil
    }
    self = cause
  }
}
