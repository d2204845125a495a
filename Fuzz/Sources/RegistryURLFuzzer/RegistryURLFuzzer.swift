import Foundation

@testable import Dubbo

/// One input is what a ZooKeeper registry lists under a service: child node names, one per line.
/// Anyone who can write to ZooKeeper writes them, so each is decoded and used as a consumer does:
/// form-decoded, parsed as a URL, matched against a consumer, merged with the other lines as
/// configurators, weighed and load-balanced. Nothing may crash or allocate without bound, and
/// form encoding must round-trip.
@_cdecl("LLVMFuzzerTestOneInput")
public func registryURLFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = data.map { String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self) } ?? ""
  var urls: [DubboURL] = []
  for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
    guard let decoded = DubboURL.formDecode(String(line)) else { continue }
    guard DubboURL.formDecode(DubboURL.formEncode(decoded)) == decoded else {
      fatalError("form encoding does not round-trip: \(decoded.debugDescription)")
    }
    do {
      urls.append(try DubboURL(parsing: decoded))
    } catch {
      continue
    }
  }
  let providers = DubboProviderDirectory.apply(urls, to: urls.filter { $0.isProvider(for: consumer) })
  for provider in providers {
    for now in [0, 1, Int64(Int32.max), DubboProviderEndpoint.currentMilliseconds(), Int64.max] {
      let weight = provider.weight(for: "sayHello", now: now)
      guard (0...Int(Int32.max)).contains(weight) else { fatalError("weight \(weight) of \(provider.url)") }
    }
  }
  guard !providers.isEmpty else { return 0 }
  let call = DubboLoadBalancedCall(
    service: DubboServiceDescriptor(interface: "org.apache.dubbo.demo.DemoService"),
    method: "sayHello",
    hashKey: text,
    statistics: statistics
  )
  for balancer in balancers {
    let chosen = balancer.select(from: providers, for: call)
    guard providers.contains(chosen) else { fatalError("\(balancer) chose a provider it was not given") }
  }
  return 0
}

private let consumer = DubboURL.consumer(
  service: DubboServiceDescriptor(interface: "org.apache.dubbo.demo.DemoService"),
  host: "10.0.0.9",
  application: "fuzz"
)
private let statistics = DubboCallStatistics()
private let balancers: [any DubboLoadBalancer] = [
  DubboRandomLoadBalancer(), DubboRoundRobinLoadBalancer(), DubboLeastActiveLoadBalancer(),
  DubboConsistentHashLoadBalancer(), DubboShortestResponseLoadBalancer(),
]
