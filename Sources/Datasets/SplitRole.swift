/// The part of a split a dataset is: what it may honestly be used for.
///
/// A model learns from the train part; the validation part chooses settings and when to stop;
/// the test part is looked at once, at the end. Data made from a part (standardized, a few
/// samples per class taken from it) keeps the part's role.
public enum SplitRole: String, Sendable, Equatable {
  /// The part a model learns from (also the training folds of k-fold).
  case train
  /// The part for choosing settings and stopping (also the held-out fold of k-fold).
  case validation
  /// The part looked at once, at the end.
  case test
}

extension Provenance {
  /// The role of the nearest split part this data comes from; `nil` for data that is not (and
  /// was not made from) a part of a split.
  public var splitRole: SplitRole? {
    guard case .derived(let source, let how) = self else { return nil }
    return Self.role(written: how) ?? source.splitRole
  }

  /// The role a `how` of `Dataset.split` (`validation part, seed 1`) or of k-fold
  /// (`fold 2 of 5, seed 1, train`) names.
  private static func role(written how: String) -> SplitRole? {
    for role in [SplitRole.train, .validation, .test] {
      if how.hasPrefix(role.rawValue + " part") { return role }
      if how.hasPrefix("fold "), how.hasSuffix(", " + role.rawValue) { return role }
    }
    return nil
  }
}
