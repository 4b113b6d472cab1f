import Datasets
import Engine
import Testing

/// Ctrl-C stops a loader reading a large file: each one polls `Interruption` as it goes, so a
/// cell interrupted while loading ends at once instead of after the whole file.
@Suite struct LoaderInterruptionTests {
  /// A CSV of `rows` rows of two features and a class.
  static func csvText(rows: Int) -> String {
    "a,b,label\n" + (0..<rows).map { "\($0 % 7).5,\($0 % 3),\($0 % 2)" }.joined(separator: "\n")
  }

  @Test func aCSVLoadStopsWhenInterruptedAndLoadsOtherwise() throws {
    let text = Self.csvText(rows: 20_000)
    let load = { try Dataset.csv(text: text, file: "big.csv", name: "big") }
    #expect(throws: DataError.self) { try Interruption.whileRunning(checking: { true }, load) }
    #expect(try Interruption.whileRunning(checking: { false }, load).count == 20_000)
  }

  @Test func anIDXArrayStopsWhenInterruptedAndReadsOtherwise() throws {
    let count = 200_000
    var bytes: [UInt8] = [0, 0, 0x08, 1]
    bytes += withUnsafeBytes(of: UInt32(count).bigEndian, Array.init)
    bytes += [UInt8](repeating: 7, count: count)
    let read = { try IDXArray(bytes: bytes, file: "big.idx") }
    #expect(throws: DataError.self) { try Interruption.whileRunning(checking: { true }, read) }
    #expect(try Interruption.whileRunning(checking: { false }, read).values.count == count)
  }
}
