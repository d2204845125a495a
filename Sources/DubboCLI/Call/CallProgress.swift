/// What `dubbo call` shows on standard error while a call is slow: after a second, how long it has
/// waited; on a terminal one line rewritten every second (and cleared at the end), elsewhere a line
/// at 1, 2, 4, 8… seconds.
struct CallProgress {
  let what: String
  let streams: StandardStreams

  /// Runs `call`, showing progress while it takes longer than a second.
  func showing<Result: Sendable>(_ call: () async throws -> Result) async throws -> Result {
    let (write, isTerminal) = (streams.writeError, streams.errorIsTerminal)
    let reporter = Task { [what] in
      var waited = 0
      var nextLine = 1
      while true {
        try await Task.sleep(for: .seconds(1))
        waited += 1
        if isTerminal {
          write("\rwaiting for \(what)… \(waited) s")
        } else if waited == nextLine {
          write("waiting for \(what)… \(waited) s\n")
          nextLine *= 2
        }
      }
    }
    defer {
      reporter.cancel()
      if isTerminal { write("\r\u{1B}[K") }
    }
    return try await call()
  }
}
