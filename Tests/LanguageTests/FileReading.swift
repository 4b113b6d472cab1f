import Foundation

/// The names of the files in `folder`.
func listFiles(in folder: String) throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: folder)
}

/// The text of the file at `path`.
func readFile(_ path: String) throws -> String {
  try String(contentsOfFile: path, encoding: .utf8)
}
