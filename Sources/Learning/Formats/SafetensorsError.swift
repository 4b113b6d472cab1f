import Support

/// Why a safetensors file was rejected; the description is titled by what is wrong and names the
/// tensor where one is at fault.
public struct SafetensorsError: Error, Equatable, CustomStringConvertible {
  /// The kinds of malformation, following the reference reader's checks.
  public enum Kind: String, Equatable, Sendable {
    /// The file cannot be read: missing, a folder, or not permitted.
    case unreadable
    /// The file is of another format (a PyTorch pickle, HDF5, NumPy), named in the detail.
    case notSafetensors
    /// The file is shorter than the 8-byte header length.
    case tooShort
    /// The header length is over 100 MB.
    case headerTooLarge
    /// The header length runs past the end of the file.
    case headerBeyondFile
    /// The header is not valid UTF-8.
    case invalidUTF8
    /// The header is not valid JSON.
    case invalidJSON
    /// The header is JSON of the wrong shape (types, missing fields).
    case invalidHeader
    /// A tensor's dtype is not a safetensors dtype.
    case unknownDtype
    /// A valid safetensors dtype that trainbook does not read (see `readableDtypes`).
    case unsupportedDtype
    /// A tensor's byte span does not equal its element count times the dtype's size.
    case spanMismatch
    /// A tensor starts after the previous one ends: bytes in between belong to no tensor.
    case gap
    /// A tensor starts before the previous one ends.
    case overlap
    /// The data is shorter than the tensors need.
    case missingBytes
    /// The data is longer than the tensors cover.
    case trailingBytes
    /// Two tensors to write share a name, or a tensor is named `__metadata__`.
    case duplicateName
  }

  /// What is wrong.
  public var kind: Kind
  /// The tensor at fault, if the problem belongs to one.
  public var tensor: String?
  /// A sentence saying what was found.
  public var detail: String
  /// What to do instead, where one helps.
  public var hint: String?

  /// Makes an error of `kind` about `tensor`.
  public init(_ kind: Kind, tensor: String? = nil, _ detail: String, hint: String? = nil) {
    self.kind = kind
    self.tensor = tensor
    self.detail = detail
    self.hint = hint
  }

  /// What is wrong in a few words: "not a safetensors file", "unsupported dtype",
  /// "malformed safetensors file".
  public var title: String {
    switch kind {
    case .unreadable: "cannot read the weights"
    case .notSafetensors, .tooShort, .headerTooLarge, .headerBeyondFile, .invalidUTF8,
      .invalidJSON:
      "not a safetensors file"
    case .unknownDtype, .unsupportedDtype: "unsupported dtype"
    case .duplicateName: "cannot write safetensors"
    case .invalidHeader, .spanMismatch, .gap, .overlap, .missingBytes, .trailingBytes:
      "malformed safetensors file"
    }
  }

  /// "malformed safetensors file: tensor '0.weight': …" (without the hint).
  public var description: String {
    let subject = tensor.map { "tensor '\(abbreviated($0))': " } ?? ""
    return "\(title): \(subject)\(abbreviated(detail, limit: 1000))"
  }
}
