import Datasets
import Foundation
import Language

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

/// A new empty folder for files a test writes, and a session whose paths resolve inside it.
func sessionInTemporaryFolder() throws -> (Session, String) {
  let folder = NSTemporaryDirectory() + "trainbook-language-" + UUID().uuidString
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  let session = Session()
  session.resolvePath = { path, _ in path.hasPrefix("/") ? path : folder + "/" + path }
  return (session, folder)
}

/// A folder for the files examples and fuzzed programs write, made once per test process.
let scratchFolder: String = {
  let folder = NSTemporaryDirectory() + "trainbook-language-scratch-" + UUID().uuidString
  try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  return folder
}()

/// `session` with every path it opens flattened into one file name inside `scratchFolder`, so
/// tests (and mutated programs) never write into the package or anywhere else.
func confinedToScratchFolder(_ session: Session) -> Session {
  session.resolvePath = { path, _ in
    scratchFolder + "/" + path.replacingOccurrences(of: "/", with: "_")
  }
  return session
}
