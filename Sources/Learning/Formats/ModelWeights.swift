import Engine
import Foundation
import Support

extension Sequential {
  /// Writes the model's weights to a safetensors file at `url`, atomically, named and shaped as
  /// PyTorch's `state_dict` of the equivalent `nn.Sequential`, so that
  /// `model.load_state_dict(safetensors.torch.load_file(path), strict=True)` accepts it.
  public func saveWeights(to url: URL) throws {
    try SafetensorsFile(
      tensors: stateDict(), metadata: ["format": "pt", "trainbook": Trainbook.version]
    ).write(to: url)
  }

  /// Replaces the model's weights with those of the safetensors file at `url`, and returns what
  /// reading converted with a loss of precision (see `SafetensorsFile.conversionNotes`). A
  /// malformed file is rejected with the reason; a file for a different model names the tensor
  /// that differs.
  @discardableResult
  public func loadWeights(from url: URL) throws -> [String] {
    let file = try SafetensorsFile.read(from: url)
    try load(stateDict: file.tensors)
    return file.conversionNotes
  }
}
