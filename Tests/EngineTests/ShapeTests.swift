import Engine
import Testing

/// Shapes of every rank, whether their dimensions are kept inline (rank four or less) or in an
/// array: the same dimensions give equal, equally hashed shapes, however they were made.
@Suite struct ShapeTests {
  @Test(arguments: [
    [], [7], [32, 16], [2, 3, 4], [2, 3, 4, 5], [2, 3, 4, 5, 6], [1, 2, 1, 2, 1, 2],
  ])
  func dimensionsRoundTrip(_ dimensions: [Int]) {
    let shape = Shape(dimensions)
    #expect(shape.dimensions == dimensions)
    #expect(shape.rank == dimensions.count)
    #expect(shape.elementCount == dimensions.reduce(1, *))
    for axis in dimensions.indices { #expect(shape[axis] == dimensions[axis]) }
    #expect(Shape(dimensions) == shape && Shape(dimensions).hashValue == shape.hashValue)
    #expect(shape.description == "[" + dimensions.map(String.init).joined(separator: ", ") + "]")
  }

  @Test func matrixShapesEqualTheirLiterals() {
    #expect(Shape(rows: 32, columns: 16) == [32, 16])
    #expect(Shape(rows: 0, columns: 3).elementCount == 0)
    #expect(Shape([2, 3]) != Shape([2, 3, 1]) && Shape([4]) != Shape([4, 0]))
    #expect(Shape([1, 2, 3, 4, 5]) != Shape([1, 2, 3, 4, 6]))
  }
}
