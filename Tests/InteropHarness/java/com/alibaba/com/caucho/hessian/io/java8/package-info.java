/**
 * Copies of Dubbo hessian-lite's java.time Handle classes (apache/dubbo-hessian-lite,
 * {@code hessian-lite/src/main/java/com/alibaba/com/caucho/hessian/io/java8/}): same package, class
 * names, field names, field types and declaration order, so that Caucho's reflective serializer puts
 * the same class definitions on the wire as hessian-lite does. hessian-lite writes a java.time value
 * by replacing it with its Handle; {@code readResolve} turns a decoded Handle back into the java.time
 * value.
 */
package com.alibaba.com.caucho.hessian.io.java8;
