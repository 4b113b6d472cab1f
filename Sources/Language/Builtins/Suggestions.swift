import Datasets
import Support

/// The candidate closest to `name`, if it is close enough to be a likely typo; names shorter than
/// 3 characters get no suggestion (too many names are one edit away from them).
func closest(to name: String, among candidates: [String]) -> String? {
  guard name.count >= 3 else { return nil }
  return closestName(to: name, in: candidates)
}

/// `; did you mean `x`?` when a close candidate exists, else the empty string.
func suggestion(for name: String, among candidates: [String]) -> String {
  closest(to: name, among: candidates).map { "; did you mean `\($0)`?" } ?? ""
}

/// Where an optimizer's setting given to a training built-in belongs: `fit(net, data, lr: 0.1)`
/// means `optimizer: adam(lr: 0.1)`. Nil unless `label` is one and the built-in takes
/// `optimizer:`.
func optimizerSettingHint(_ label: String, value: Value, labels: [String]) -> String? {
  let settings = ["lr", "learning_rate", "momentum", "weight_decay", "beta1", "beta2"]
  guard labels.contains("optimizer"), settings.contains(label) else { return nil }
  let setting = label == "learning_rate" ? "lr" : label
  return "the \(label == "lr" || label == "learning_rate" ? "learning rate" : "`\(label)`") "
    + "belongs to the optimizer: `optimizer: adam(\(setting): \(value.summary))` "
    + "(or sgd, rmsprop, …)"
}
