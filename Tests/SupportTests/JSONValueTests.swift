import Foundation
import Support
import Testing

@Test func writtenFractionsAreFoundWithTheirKeysOutsideStrings() {
  let text = #"{"a\"1.5":{"shape":[2, -3.0e1],"x":"4.5"},"b":[{"c":7E2}],"d":-0,"e":[0.5]}"#
  #expect(
    JSONValue.writtenFractions(in: text) == [
      WrittenFraction(path: ["a\"1.5", "shape"], literal: "-3.0e1"),
      WrittenFraction(path: ["b", "c"], literal: "7E2"),
      WrittenFraction(path: ["e"], literal: "0.5"),
    ])
}

@Test func parsedObjectsKeepEveryMemberSortedByKey() throws {
  let value = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"b":[1,2.5],"a":null}"#.utf8))
  #expect(value == .object([("a", .null), ("b", .array([.integer(1), .number(2.5)]))]))
  #expect(value.members?["b"] == .array([.integer(1), .number(2.5)]))
}

@Test func writtenTextIsIndentedOneSpaceALevelWithStringsEscaped() {
  let value = JSONValue.object([
    ("cells", .array([.string("a\"b\n"), .integer(3)])), ("empty", .object([])),
    ("on", .bool(true)),
  ])
  #expect(
    value.text()
      == "{\n \"cells\": [\n  \"a\\\"b\\n\",\n  3\n ],\n \"empty\": {},\n \"on\": true\n}")
  #expect(JSONValue.lines("one\ntwo\n") == .array([.string("one\n"), .string("two\n")]))
  #expect(JSONValue.lines("one\ntwo") == .array([.string("one\n"), .string("two")]))
}

@Test func parsedTextIsReadByKeyWithTheLastOfARepeatedKeyWinning() throws {
  let value = try JSONValue.parse(#"{"a": {"b": [true]}, "c": 2}"#)
  #expect(value["a"]?["b"] == .array([.bool(true)]))
  #expect(value["c"] == .integer(2))
  #expect(value["missing"] == nil)
  #expect(JSONValue.array([.integer(1)])["a"] == nil)
  #expect(JSONValue.object([("x", .null), ("x", .bool(false))])["x"] == .bool(false))
  #expect(throws: (any Error).self) { try JSONValue.parse("{") }
}
