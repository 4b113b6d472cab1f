import Foundation

/// The interactive prompt.
public enum REPLModule {
  /// Reads lines at a plain `trainbook>` prompt until end of input or `:quit`.
  public static func start() {
    print("trainbook \(versionString) — type :quit to leave")
    while true {
      print("trainbook> ", terminator: "")
      fflush(nil)
      guard let line = readLine() else {
        print()
        return
      }
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed == ":quit" || trimmed == ":q" { return }
      if !trimmed.isEmpty { print("the language is not built yet") }
    }
  }

  private static let versionString = "0.1.0"
}
