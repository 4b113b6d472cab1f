import Foundation
import Language
import Testing

/// docs/reference.md is generated from the built-ins' declarations (`trainbook reference`); this
/// test fails when a built-in changes and the document was not regenerated with `make docs`.
@Test func referenceDocumentMatchesTheBuiltins() throws {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  let document = try String(
    contentsOf: root.appendingPathComponent("docs/reference.md"), encoding: .utf8)
  #expect(
    document == BuiltinRegistry.standard.markdownReference,
    "docs/reference.md is out of date: run `make docs`")
}
