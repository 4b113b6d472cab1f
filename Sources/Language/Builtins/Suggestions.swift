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
