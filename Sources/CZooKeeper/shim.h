// Apache ZooKeeper's C client (package libzookeeper-mt-dev), multithreaded flavour.
#ifndef DUBBO_SWIFT_CZOOKEEPER_SHIM_H
#define DUBBO_SWIFT_CZOOKEEPER_SHIM_H

// The synchronous `zoo_*` calls, and the library this module links, are the THREADED ones.
#define THREADED 1
#include <zookeeper/zookeeper.h>

// Swift 6 rejects reading mutable C globals as shared mutable state; the library never changes
// this one, so it is handed out through an accessor.

/// The ACL that lets anyone do anything to a node (`ZOO_OPEN_ACL_UNSAFE`), as Dubbo's nodes have.
static inline const struct ACL_vector *czookeeper_open_acl_unsafe(void) {
  return &ZOO_OPEN_ACL_UNSAFE;
}

#endif
