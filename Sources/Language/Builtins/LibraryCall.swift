import Datasets
import Learning

/// Runs library code, turning its errors into a `CallError`: a `DataError`'s message keeps its
/// file and line and its hint moves to the diagnostic's hint; a `ModelError` or `MetricError` keeps
/// its message; a `SafetensorsError` keeps its titled description and hint.
/// `argument` names the argument the diagnostic points at.
func libraryCall<Result>(argument: String? = nil, _ body: () throws -> Result) throws -> Result {
  do {
    return try body()
  } catch let error as DataError {
    var place = [error.file, error.line.map(String.init), error.column.map(String.init)]
      .compactMap { $0 }.joined(separator: ":")
    if !place.isEmpty { place += ": " }
    throw CallError(place + error.message, hint: error.hint, argument: argument)
  } catch let error as ModelError {
    throw CallError(error.message, argument: argument)
  } catch let error as MetricError {
    throw CallError(error.description, argument: argument)
  } catch let error as SafetensorsError {
    throw CallError(error.description, hint: error.hint, argument: argument)
  }
}
