import Support
import Testing

@Suite struct ClosestNameTests {
  @Test func allowsATypoPerThreeLetters() {
    #expect(closestName(to: "hlep", in: ["help", "history"]) == "help")
    #expect(closestName(to: "histroy", in: ["help", "history"]) == "history")
    #expect(closestName(to: "adma", in: ["sgd", "adam", "adamw"]) == "adam")
    #expect(closestName(to: "IRSI", in: ["iris", "wine"]) == "iris")
    #expect(closestName(to: "zzz", in: ["help", "history"]) == nil)
    #expect(closestName(to: "", in: ["a"]) == "a")
    #expect(closestName(to: "sin", in: ["min", "max", "sine"]) == "sine")
  }

  @Test func countsSwapsOfNeighboursAsOneEdit() {
    #expect(editDistance("adma", "adam") == 1)
    #expect(editDistance("kitten", "sitting") == 3)
    #expect(editDistance("", "abc") == 3)
  }
}
