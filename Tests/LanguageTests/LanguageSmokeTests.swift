import Language
import Testing

@Test func outputPiecesCompareByKind() {
  #expect(OutputPiece.text("1") != OutputPiece.timing("1"))
}
