/// Where the prompt keeps its history between runs.
public enum HistoryFile {
  /// The environment variable that names another history file.
  public static let environmentVariable = "TRAINBOOK_HISTORY"
  /// The file's name in the home folder when the environment does not name one.
  public static let defaultName = ".trainbook_history"

  /// `$TRAINBOOK_HISTORY` if set and non-empty, else `~/.trainbook_history`, else `nil` (no
  /// home folder: history is kept for this run only).
  public static func path(environment: [String: String]) -> String? {
    if let path = environment[environmentVariable], !path.isEmpty { return path }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home.hasSuffix("/") ? home + defaultName : home + "/" + defaultName
  }
}
