import Foundation
import Language
import Notebook
import TestSupport
import Testing

/// Runs `body` with a temporary folder `root` holding a notebook folder `book` (with a
/// subfolder and a data file) and a sibling folder outside it; removes them all afterwards.
func withSandboxFolders(_ body: (_ root: String, _ book: String) throws -> Void) throws {
  try withTemporaryFolder("notebook-sandbox") { url in
    let root = url.path
    let book = root + "/book"
    try FileManager.default.createDirectory(
      atPath: book + "/runs", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: root + "/secret", withIntermediateDirectories: true)
    try Data("x".utf8).write(to: URL(fileURLWithPath: book + "/data.csv"))
    try Data("s".utf8).write(to: URL(fileURLWithPath: root + "/secret/key"))
    try body(root, book)
  }
}

@Test func pathsInsideTheFolderResolve() throws {
  try withSandboxFolders { root, book in
    let sandbox = try FileSandbox(notebookAt: book + "/lesson.md")
    let real = sandbox.folder
    #expect(try sandbox.resolve("data.csv", for: .read) == real + "/data.csv")
    #expect(try sandbox.resolve("./runs/../data.csv", for: .read) == real + "/data.csv")
    #expect(
      try sandbox.resolve("runs/new/weights.safetensors", for: .write)
        == real + "/runs/new/weights.safetensors")
    #expect(try sandbox.resolve(real + "/runs/w.bin", for: .write) == real + "/runs/w.bin")
  }
}

@Test func escapesAreRefused() throws {
  try withSandboxFolders { root, book in
    let sandbox = try FileSandbox(folder: book)
    try FileManager.default.createSymbolicLink(
      atPath: book + "/out", withDestinationPath: root + "/secret")
    try FileManager.default.createSymbolicLink(
      atPath: book + "/key", withDestinationPath: root + "/secret/key")
    try FileManager.default.createSymbolicLink(
      atPath: book + "/dangling", withDestinationPath: root + "/secret/new")
    try FileManager.default.createSymbolicLink(
      atPath: book + "/inside", withDestinationPath: book + "/runs")
    let refused: [(String, FileUse, String)] = [
      ("../secret/key", .read, "outside the session's folder"),
      ("runs/../../secret/key", .write, "outside the session's folder"),
      ("/etc/passwd", .read, "outside the session's folder"),
      (root + "/secret/key", .write, "outside the session's folder"),
      ("../../../../../../..", .read, "outside the session's folder"),
      ("out/key", .read, "symbolic link that leads out"),
      ("out/new.bin", .write, "symbolic link that leads out"),
      ("key", .write, "symbolic link that leads out"),
      ("dangling", .write, "symbolic link that points nowhere"),
      ("missing.csv", .read, "no such file"),
      ("", .write, "empty"),
    ]
    for (path, access, reason) in refused {
      #expect(throws: SandboxError.self, "\(path)") { try sandbox.resolve(path, for: access) }
      do {
        _ = try sandbox.resolve(path, for: access)
      } catch let error as SandboxError {
        #expect(error.reason.contains(reason), "\(path): \(error)")
        #expect(error.description.hasPrefix("cannot use \"\(path)\": "))
      }
    }
    #expect(try sandbox.resolve("inside/w.bin", for: .write) == sandbox.folder + "/runs/w.bin")
  }
}

@Test func aMissingFolderIsAnError() {
  #expect(throws: SandboxError.self) { try FileSandbox(folder: "/no/such/folder/anywhere") }
}
