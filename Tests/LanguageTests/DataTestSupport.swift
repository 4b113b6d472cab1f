import Datasets
import Foundation
import Language
import TestSupport

/// Runs `source` in `session` and returns its text output, failing pieces as `ERROR: …` lines.
func outputs(_ source: String, in session: Session) -> String {
  session.run(source, origin: nil).map { piece -> String in
    switch piece {
    case .text(let text): text
    case .error(let text): "ERROR: " + text
    case .chart(let terminal, _): terminal
    case .progress(let text), .timing(let text): text
    }
  }.joined(separator: "\n")
}

/// The dataset bound to `name` in `session`.
func dataset(_ name: String, in session: Session) -> Dataset? {
  guard case .host(let object as DatasetObject) = session.value(of: name) else { return nil }
  return object.dataset
}

/// The model bound to `name` in `session`.
func model(_ name: String, in session: Session) -> ModelObject? {
  guard case .host(let object as ModelObject) = session.value(of: name) else { return nil }
  return object
}

/// The number bound to `name` in `session`.
func number(_ name: String, in session: Session) -> Double? {
  guard case .number(let value) = session.value(of: name) else { return nil }
  return value
}

/// Runs `body` with a session whose relative paths resolve inside a new empty folder, and the
/// folder's path; the folder is removed afterwards.
func withSessionInTemporaryFolder(_ body: (Session, String) throws -> Void) throws {
  try withTemporaryFolder("trainbook-language") { url in
    let folder = url.path
    let session = Session()
    session.resolvePath = { path, _ in path.hasPrefix("/") ? path : folder + "/" + path }
    try body(session, folder)
  }
}

/// `session` with every path it opens flattened into one file name inside `folder`, so tests
/// (and mutated programs) never write into the package or anywhere else.
func confined(_ session: Session, to folder: String) -> Session {
  session.resolvePath = { path, _ in folder + "/" + path.replacingOccurrences(of: "/", with: "_") }
  return session
}

/// Why a test session refuses to open a file.
struct FilesAreRefused: Error, CustomStringConvertible {
  var description: String { "this test session opens no files" }
}

/// `session` refusing every file, for fuzzed programs that must not write anywhere.
func refusingFiles(_ session: Session) -> Session {
  session.resolvePath = { _, _ in throw FilesAreRefused() }
  return session
}
