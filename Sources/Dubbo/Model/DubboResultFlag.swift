/// The first item of an OK response body: what follows it.
enum DubboResultFlag: Int32 {
  case exception = 0
  case value = 1
  case nullValue = 2
  case exceptionWithAttachments = 3
  case valueWithAttachments = 4
  case nullValueWithAttachments = 5

  /// The flag for a result kind, with or without attachments.
  init(_ kind: Kind, withAttachments: Bool) {
    let base: Int32 =
      switch kind {
      case .exception: 0
      case .value: 1
      case .null: 2
      }
    self.init(rawValue: base + (withAttachments ? 3 : 0))!
  }

  enum Kind { case exception, value, null }

  var kind: Kind {
    switch self {
    case .exception, .exceptionWithAttachments: .exception
    case .value, .valueWithAttachments: .value
    case .nullValue, .nullValueWithAttachments: .null
    }
  }

  var hasAttachments: Bool { rawValue >= 3 }
}
