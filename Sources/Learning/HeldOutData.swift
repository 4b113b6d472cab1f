import Datasets

/// Why training or validating on the wrong part of a split misleads, said from the data's
/// provenance: the checks of a lesson refuse such runs, and `fit` warns once at the prompt.
public enum HeldOutData {
  /// A warning when `data`, about to be trained on, is a validation or test part; `nil` for
  /// training data or data that is not part of a split.
  public static func trainingWarning(_ data: Dataset) -> String? {
    trainsOnHeldOut(data, subject: "this")
  }

  /// What is wrong with training on `training` and validating on `validation`, or `nil` when
  /// the parts are used as they are meant: the model learns from a train part (or whole data)
  /// and is judged on other data.
  public static func problem(training: Dataset, validation: Dataset?) -> String? {
    if let problem = trainsOnHeldOut(training, subject: "the run") { return problem }
    guard let validation else { return nil }
    let shared = sharedSamples(training, validation)
    if shared * 2 > validation.count {
      let which =
        shared == validation.count
        ? "every sample of \(validation.name) is"
        : "\(shared) of \(validation.count) samples of \(validation.name) are"
      return "the run is validated on the data it trains on: \(which) also in "
        + "\(training.name). A model can learn its training samples by heart, so their loss "
        + "says nothing about new data and cannot show overfitting; validate on a part the "
        + "model never trains on."
    }
    if validation.provenance.splitRole == .train {
      return "the run is validated on \(validation.name), a train part of a split. The model "
        + "(or one like it) learns from that part, so its score there flatters the model; "
        + "validate on the validation part."
    }
    return nil
  }

  /// How many samples of `validation` (features and target, bit for bit) are also in `training`.
  private static func sharedSamples(_ training: Dataset, _ validation: Dataset) -> Int {
    guard training.featureCount == validation.featureCount else { return 0 }
    func rows(_ data: Dataset) -> [[UInt32]] {
      let width = data.featureCount
      return (0..<data.count).map { row in
        data.features[row * width..<(row + 1) * width].map(\.bitPattern)
          + [data.targets[row].bitPattern]
      }
    }
    let seen = Set(rows(training))
    return rows(validation).filter { seen.contains($0) }.count
  }

  private static func trainsOnHeldOut(_ data: Dataset, subject: String) -> String? {
    guard let role = data.provenance.splitRole, role != .train else { return nil }
    return "\(subject) trains on \(data.name), the \(role.rawValue) part of a split. "
      + reason(for: role)
  }

  private static func reason(for role: SplitRole) -> String {
    switch role {
    case .validation:
      "A model trained on its validation data is then judged on samples it has learned: the "
        + "validation loss falls with the training loss, hides overfitting, and early stopping "
        + "or any choice made with it is steered by data the model has seen. Train on the "
        + "train part."
    case .test, .train:
      "The test part stands for new data and is looked at once, at the end; a model trained "
        + "on it scores as if it knew the answers, and that score says nothing about new data. "
        + "Train on the train part."
    }
  }
}
