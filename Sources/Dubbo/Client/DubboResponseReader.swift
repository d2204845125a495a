import DubboHessian

/// Turns a response frame into a result or a ``DubboError``.
enum DubboResponseReader {
  static func read<Result: DubboSerializable>(
    _ frame: DubboFrame,
    as type: Result.Type,
    requestSerialization: any DubboSerialization,
    limits: HessianDecodingLimits
  ) throws -> DubboResponse<Result> {
    guard frame.header.serialization == requestSerialization.id else {
      throw DubboError(
        status: .clientError,
        message: "Unexpected serialization id:\(frame.header.serialization) received from network, "
          + "please check if the peer send the right id."
      )
    }
    var input = requestSerialization.makeInput(body: frame.body, limits: limits)
    do {
      guard frame.header.status == .ok else {
        let message = try input.readString()
        throw DubboError(status: frame.header.status, message: message ?? "")
      }
      guard let flag = DubboResultFlag(rawValue: try input.readInt()) else {
        throw DubboSerializationError("Unknown result flag, expect '0' '1' '2' '3' '4' '5'")
      }
      let value: Result
      switch flag.kind {
      case .value:
        value = try input.readValue(Result.self)
      case .null:
        guard let null = Result.javaNull else {
          throw DubboSerializationError("the provider returned null for a result of type \(Result.self)")
        }
        value = null
      case .exception:
        let exception = try input.readThrowable()
        var error = DubboError(exception: exception)
        if flag.hasAttachments { error.attachments = try input.readAttachments() }
        throw error
      }
      let attachments = flag.hasAttachments ? try input.readAttachments() : DubboAttachments()
      return DubboResponse(value: value, attachments: attachments)
    } catch let error as DubboError {
      throw error
    } catch {
      throw DubboError(status: .clientError, message: "Failed to decode the response: \(error)")
    }
  }
}
