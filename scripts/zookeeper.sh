#!/usr/bin/env bash
# Starts or stops a standalone ZooKeeper server on loopback, for the ZooKeeper registry's tests
# (Debian package `zookeeper`; no systemd needed).
#
#   scripts/zookeeper.sh start  [--port PORT] [--dir DIR]   # prints 127.0.0.1:PORT once it answers
#   scripts/zookeeper.sh stop   [--port PORT] [--dir DIR] [--keep-data]
#   scripts/zookeeper.sh status [--port PORT]               # exit status 0 when a server answers
#
# PORT defaults to 2181 and DIR to $TMPDIR/dubbo-swift-zookeeper-PORT; DIR holds zoo.cfg, the data,
# the server's log and its PID. `start` keeps any data DIR holds (a restarted server has its nodes
# and sessions back); `stop` kills the recorded PID and, without --keep-data, deletes DIR.
set -euo pipefail

usage() {
  echo "usage: $0 start|stop|status [--port PORT] [--dir DIR] [--keep-data]" >&2
  exit 2
}

(($# >= 1)) || usage
command=$1
shift
port=2181
dir=""
keep_data=false
while (($#)); do
  case $1 in
  --port) port=${2:?}; shift 2 ;;
  --dir) dir=${2:?}; shift 2 ;;
  --keep-data) keep_data=true; shift ;;
  *) usage ;;
  esac
done
dir=${dir:-${TMPDIR:-/tmp}/dubbo-swift-zookeeper-$port}
pid_file=$dir/zookeeper.pid

# The PID in the PID file, if that process is still the server this directory configured (an
# exited server, even one not reaped yet, has no command line).
running_pid() {
  [[ -f $pid_file ]] || return 1
  local pid
  pid=$(<"$pid_file")
  [[ $pid =~ ^[0-9]+$ ]] && [[ -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$dir/zoo.cfg" || return 1
  echo "$pid"
}

# Whether the server on the port answers the `ruok` four-letter word with `imok`. (A server that is
# starting may accept the connection and never answer; `-k`: a process started from a Swift test
# may have SIGTERM blocked, SIGKILL cannot be.)
answers() {
  local reply
  reply=$(timeout -k 1 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port && printf ruok >&3 && cat <&3" 2>/dev/null) || true
  [[ $reply == imok ]]
}

start() {
  if running_pid >/dev/null && answers; then
    echo "127.0.0.1:$port"
    return
  fi
  local jar=/usr/share/java/zookeeper.jar binding=/usr/share/java/slf4j-simple.jar
  [[ -f $jar && -f $binding ]] || {
    echo "ZooKeeper is not installed: apt-get install zookeeper" >&2
    exit 1
  }
  mkdir -p "$dir/data"
  cat >"$dir/zoo.cfg" <<EOF
tickTime=2000
dataDir=$dir/data
clientPort=$port
clientPortAddress=127.0.0.1
maxClientCnxns=0
admin.enableServer=false
4lw.commands.whitelist=ruok
forceSync=no
EOF
  java -Xmx256m -XX:+UseSerialGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$jar:$binding" org.apache.zookeeper.server.ZooKeeperServerMain "$dir/zoo.cfg" \
    </dev/null >>"$dir/zookeeper.log" 2>&1 &
  local pid=$! deadline=$((SECONDS + 60))
  echo "$pid" >"$pid_file"
  while ((SECONDS < deadline)); do
    if answers; then
      echo "127.0.0.1:$port"
      return
    fi
    if ! running_pid >/dev/null; then
      echo "ZooKeeper exited; its log ($dir/zookeeper.log):" >&2
      cat "$dir/zookeeper.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "ZooKeeper did not answer on 127.0.0.1:$port within 60 s; its log ($dir/zookeeper.log):" >&2
  cat "$dir/zookeeper.log" >&2
  kill -9 "$pid" 2>/dev/null || true
  exit 1
}

stop() {
  local pid
  if pid=$(running_pid); then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do
      running_pid >/dev/null || break
      sleep 0.1
    done
    if running_pid >/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
      for _ in $(seq 100); do
        running_pid >/dev/null || break
        sleep 0.1
      done
    fi
  fi
  rm -f "$pid_file"
  $keep_data || rm -rf "$dir"
}

case $command in
start) start ;;
stop) stop ;;
status) answers ;;
*) usage ;;
esac
