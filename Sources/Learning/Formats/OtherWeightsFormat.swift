/// A weights file of another format, recognised by its first bytes, so that reading it as
/// safetensors can say what it is instead of complaining about a huge header length.
enum OtherWeightsFormat {
  /// What `torch.save` writes since PyTorch 1.6: a zip archive of pickles.
  case torchZip
  /// What `torch.save` wrote before PyTorch 1.6, and `pickle.dump`: a bare pickle.
  case pickle
  /// Keras' and h5py's HDF5 (`.h5`, `.keras` weights).
  case hdf5
  /// NumPy's `.npy` (`numpy.save`).
  case numpy

  /// The format of `bytes`, when they begin with another format's signature and cannot be
  /// safetensors (whose JSON header starts at byte 8 with `{`).
  init?(recognizing bytes: [UInt8]) {
    guard bytes.count < 9 || bytes[8] != UInt8(ascii: "{") else { return nil }
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      self = .torchZip
    } else if bytes.count >= 2, bytes[0] == 0x80, (2...5).contains(bytes[1]) {
      self = .pickle
    } else if bytes.starts(with: [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]) {
      self = .hdf5
    } else if bytes.starts(with: [0x93] + Array("NUMPY".utf8)) {
      self = .numpy
    } else {
      return nil
    }
  }

  /// What the file is, as a sentence.
  var description: String {
    switch self {
    case .torchZip:
      "this is a PyTorch pickle file (a zip archive, as torch.save writes), not safetensors"
    case .pickle: "this is a Python pickle file (as an older torch.save writes), not safetensors"
    case .hdf5: "this is an HDF5 file (as Keras writes .h5 weights), not safetensors"
    case .numpy: "this is a NumPy .npy file, not safetensors"
    }
  }

  /// How to write safetensors instead.
  var hint: String {
    switch self {
    case .torchZip, .pickle:
      "save with safetensors: from safetensors.torch import save_file; "
        + "save_file(model.state_dict(), \"net.safetensors\")"
    case .hdf5:
      "write the weights with safetensors (safetensors.numpy.save_file or safetensors.torch)"
    case .numpy:
      "save with safetensors: from safetensors.numpy import save_file; "
        + "save_file({\"0.weight\": array}, \"net.safetensors\")"
    }
  }
}
