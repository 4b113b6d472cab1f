import Foundation

/// An error's message in plain words: trainbook's own errors as they describe themselves, and a
/// system error (Foundation's `Error Domain=NSCocoaErrorDomain Code=260 …`) as its sentence.
func plainDescription(of error: any Error) -> String {
  if let error = error as? CocoaError { return error.localizedDescription }
  return "\(error)"
}
