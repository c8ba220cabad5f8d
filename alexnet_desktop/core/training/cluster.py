"""One training run on several machines: the cluster a worker belongs to, started first.

Each machine runs the same `train` command with its own place in the cluster, given as
`TF_CONFIG` or as `--cluster HOST:PORT,HOST:PORT --worker-index N`. Worker 0 is the
chief: it writes the run folder; the others train the same model on their share of each
batch and write to temporary folders. The cluster runs on TensorFlow's
`MultiWorkerMirroredStrategy`, which must exist before TensorFlow does anything else in
the process: `start_cluster` is the first TensorFlow call of a worker, and refuses to run
in a process whose TensorFlow runtime has already started.

A worker that cannot reach its peers within the cluster's timeout raises
`ClusterUnreachable` naming the addresses that did not answer; a peer that dies mid-run
makes the others raise `PeerLost` (TensorFlow notices within about ten seconds, from its
missing heartbeats).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import subprocess
import sys
from dataclasses import dataclass
from typing import Any

import numpy as np

from alexnet_desktop.core.tf_runtime import runtime_started, tensorflow
from alexnet_desktop.core.schema import shown
from alexnet_desktop.core.wording import say

# Long enough to walk to the other machine and start the command there.
DEFAULT_TIMEOUT_S = 300.0


class ClusterError(ValueError):
    """A cluster that cannot work: a bad description, or workers that disagree."""


class ClusterUnreachable(ClusterError):
    """The other workers could not be reached within the timeout."""


class PeerLost(RuntimeError):
    """A worker stopped answering during the run; starting its command again resumes the run."""


MAX_TIMEOUT_S = 7 * 24 * 3600.0  # a week: more is a typing slip, and TensorFlow takes milliseconds as an int
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_")


def check_address(address: Any) -> None:
    """Raise ClusterError unless `address` is HOST:PORT: a host name or IPv4 address (an IPv6
    one in brackets) and a port from 1 to 65535, with nothing after it."""
    bad = ClusterError(say("{0} is not HOST:PORT (e.g. 192.168.1.20:12345)", shown(address)))
    if not isinstance(address, str):
        raise bad
    host, sep, port = address.rpartition(":")
    if host.startswith("[") and host.endswith("]"):
        inner = host[1:-1]
        ok_host = bool(inner) and all(c in "0123456789abcdefABCDEF:." for c in inner)
    else:
        ok_host = bool(host) and set(host) <= _HOST_CHARS and not host.startswith(("-", "."))
    if not sep or not ok_host or not (port.isascii() and port.isdigit()):
        raise bad
    if not 0 < int(port) < 65536:
        raise ClusterError(say("{0}: the port {1} is not from 1 to 65535", shown(address), int(port)))


def check_timeout(value: Any) -> float:
    """`value` (seconds, or its text) as the cluster's timeout; ClusterError unless it is a
    finite number of seconds more than 0 and at most `MAX_TIMEOUT_S`."""
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        seconds = math.nan
    if isinstance(value, bool) or not 0 < seconds <= MAX_TIMEOUT_S:  # NaN fails every comparison
        raise ClusterError(say("the cluster timeout must be a number of seconds more than 0 and at most {0:g}, not {1}",
                               MAX_TIMEOUT_S, shown(value if isinstance(value, str) else seconds)))
    return seconds


@dataclass(frozen=True)
class ClusterSpec:
    """Where every worker of a cluster listens (`HOST:PORT`, chief first) and which one this is."""

    workers: tuple[str, ...]
    index: int
    timeout_s: float = DEFAULT_TIMEOUT_S

    def __post_init__(self) -> None:
        if not self.workers:
            raise ClusterError(say("the cluster has no workers"))
        for address in self.workers:
            check_address(address)
        if len(set(self.workers)) != len(self.workers):
            raise ClusterError(say("the cluster names a worker twice: {0}", ", ".join(self.workers)))
        if not 0 <= self.index < len(self.workers):
            raise ClusterError(say("worker index {0} is not in the cluster of {1} (0 to {2})",
                                   self.index, len(self.workers), len(self.workers) - 1))
        check_timeout(self.timeout_s)

    @classmethod
    def from_flags(cls, cluster: str, index: int | None, timeout_s: float | None = None) -> "ClusterSpec":
        """From `--cluster HOST:PORT,HOST:PORT` and `--worker-index N`."""
        if index is None:
            raise ClusterError(say("--cluster needs --worker-index N: this machine's place in the list (0 is the chief)"))
        workers = tuple(w.strip() for w in cluster.split(",") if w.strip())
        return cls(workers, index, DEFAULT_TIMEOUT_S if timeout_s is None else timeout_s)

    @classmethod
    def from_tf_config(cls, text: str, timeout_s: float | None = None) -> "ClusterSpec":
        """From a `TF_CONFIG` value; a "chief" job, if any, comes first, then the "worker" job."""
        try:
            config = json.loads(text)
            jobs, task = config["cluster"], config["task"]
            chief, others = list(jobs.get("chief", [])), list(jobs.get("worker", []))
            unknown = set(jobs) - {"chief", "worker"}
            kind, index = task["type"], int(task["index"])
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ClusterError(say("TF_CONFIG is set but is not a valid cluster description ({0})", exc)) from None
        if unknown:
            raise ClusterError(say("TF_CONFIG: only 'chief' and 'worker' jobs can train, not {0}", ", ".join(sorted(unknown))))
        if kind not in ("chief", "worker"):
            raise ClusterError(say("TF_CONFIG: this task's type must be 'chief' or 'worker', not {0!r}", kind))
        return cls(tuple(chief + others), index if kind == "chief" else len(chief) + index,
                   DEFAULT_TIMEOUT_S if timeout_s is None else timeout_s)

    @property
    def is_chief(self) -> bool:
        """Worker 0 writes the run folder."""
        return self.index == 0

    @property
    def address(self) -> str:
        """Where this worker listens."""
        return self.workers[self.index]

    @property
    def peers(self) -> list[str]:
        """The other workers' addresses."""
        return [w for i, w in enumerate(self.workers) if i != self.index]

    def describe(self) -> str:
        """"worker 0 of 2, chief" or "worker 1 of 2"."""
        if self.is_chief:
            return say("worker {0} of {1}, chief", self.index, len(self.workers))
        return say("worker {0} of {1}", self.index, len(self.workers))

    def to_record(self) -> dict[str, Any]:
        """What a run's manifest keeps about the cluster that trained it."""
        hosts = list(dict.fromkeys(w.rpartition(":")[0] for w in self.workers))
        return {"workers": list(self.workers), "worker_count": len(self.workers), "hosts": hosts,
                "chief": self.workers[0], "this_worker": self.index}

    def tf_config(self) -> str:
        """This worker's `TF_CONFIG`, as TensorFlow reads it."""
        return json.dumps({"cluster": {"worker": list(self.workers)}, "task": {"type": "worker", "index": self.index}})


def cluster_from_environment(timeout_s: float | None = None) -> ClusterSpec | None:
    """The cluster `TF_CONFIG` describes, or None when it is not set."""
    text = os.environ.get("TF_CONFIG", "").strip()
    return ClusterSpec.from_tf_config(text, timeout_s) if text else None


@dataclass
class Cluster:
    """A started cluster: its description and the strategy every model of the run is built under."""

    spec: ClusterSpec
    strategy: Any

    @property
    def replicas_per_worker(self) -> int:
        """Model copies on each machine (its GPUs, or its CPU)."""
        return max(1, int(self.strategy.num_replicas_in_sync) // len(self.spec.workers))


_active: Cluster | None = None


def active_cluster() -> Cluster | None:
    """The cluster this process is a worker of, once `start_cluster` has returned."""
    return _active


def start_cluster(spec: ClusterSpec) -> Cluster:
    """Make this process worker `spec.index` of the cluster; block until every worker has joined.

    Call it before anything else uses TensorFlow. Raises `ClusterError` when TensorFlow has
    already started here, and `ClusterUnreachable`, naming the addresses that did not answer,
    when TensorFlow reports that the cluster could not form. When it has not formed after
    `spec.timeout_s` seconds, this process is ended, after a line on stderr that names the
    addresses that did not answer: TensorFlow's wait cannot be interrupted.
    """
    global _active
    if _active is not None:
        if _active.spec != spec:
            raise ClusterError(say("this process is already {0} of another cluster", _active.spec.describe()))
        return _active
    os.environ["TF_CONFIG"] = spec.tf_config()
    tf = tensorflow()
    if runtime_started():
        raise ClusterError(say("TensorFlow has already started in this process; a cluster worker must be started "
                               "in a fresh process"))
    from tensorflow.compiler.xla.tsl.protobuf import coordination_config_pb2
    from tensorflow.python.eager import context

    # The coordination service (led by the chief) is what notices a dead peer, from its
    # missing heartbeats; configured here so that the strategy does not set it up again.
    context.context().configure_coordination_service(
        service_type="standalone",
        service_leader="/job:worker/replica:0/task:0",
        cluster_register_timeout_in_ms=int(spec.timeout_s * 1000),
        coordinated_jobs=[coordination_config_pb2.CoordinatedJob(name="worker", num_tasks=len(spec.workers))],
    )
    # The strategy's constructor waits inside TensorFlow for every worker, holding Python's
    # interpreter lock, with no timeout for a peer that never comes: no thread of this
    # process could even print. A small watchdog process gives up for it: it names the
    # addresses that do not answer and ends this process, unless told in time that all joined.
    watchdog = subprocess.Popen(
        [sys.executable, "-c", _WATCHDOG, str(os.getpid()), str(spec.timeout_s), *spec.peers],
        stdin=subprocess.PIPE, text=True,
    )
    try:
        strategy = tf.distribute.MultiWorkerMirroredStrategy()
    except Exception as exc:
        raise ClusterUnreachable(say("{0}: the cluster could not form ({1})", spec.address,
                                     str(exc).strip().splitlines()[-1][:300])) from None
    finally:
        watchdog.stdin.write("joined\n")
        watchdog.stdin.close()
        watchdog.wait()
    _patch_keras_for_multi_worker()
    _active = Cluster(spec, strategy)
    return _active


# Run as `python -c _WATCHDOG PID TIMEOUT PEER...`: stdlib only, so it starts in milliseconds.
_WATCHDOG = """
import os, select, signal, socket, sys
pid, timeout, peers = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3:]
ready, _, _ = select.select([sys.stdin], [], [], timeout)
if ready:
    sys.exit(0)  # joined (or the worker ended): nothing to do
def answers(address):
    host, _, port = address.rpartition(":")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=2).close()
        return True
    except OSError:
        return False
silent = [a for a in peers if not answers(a)]
if silent:
    why = ("no answer from %s after %g s: start the same command there (with its own worker index), "
           "and check the address, the port and the firewall" % (", ".join(silent), timeout))
else:
    why = ("every worker answered (%s) but the cluster did not form within %g s: each must be started "
           "with the same cluster list and its own worker index" % (", ".join(peers), timeout))
sys.stderr.write("alexnet-desktop train: error: %s\\n" % why)
sys.stderr.flush()
os.kill(pid, signal.SIGKILL)
"""


def _patch_keras_for_multi_worker() -> None:
    """Fix Keras 3's multi-worker step results (the strategy is only in cluster processes).

    Keras reduces each scalar metric of a step "along axis 0" across workers, and reduces
    the first batch across workers while building the model: both fail under
    `MultiWorkerMirroredStrategy` ("Invalid reduction dimension 0", "Attempt to convert a
    value (PerReplica ...)"). Here a metric is averaged over the replicas, as on one machine,
    and the model is built from this worker's own first batch.
    """
    from keras.src.backend.tensorflow import trainer

    if getattr(trainer, "_alexnet_desktop_patched", False):
        return
    tf = tensorflow()
    original_reduce = trainer.reduce_per_replica

    def reduce_per_replica(values, strategy, reduction):
        if reduction in ("auto", "mean") and trainer._collective_all_reduce_multi_worker(strategy):
            return tf.nest.map_structure(lambda v: strategy.reduce("MEAN", v, axis=None), values)
        return original_reduce(values, strategy, reduction)

    def _maybe_symbolic_build(self, iterator=None, data_batch=None):
        if self._distribute_strategy is None:
            return
        if iterator is not None:
            for _, _, it in iterator:
                first = next(it)
                data_batch = tf.nest.map_structure(
                    lambda v: self.distribute_strategy.experimental_local_results(v)[0]
                    if isinstance(v, tf.distribute.DistributedValues) else v, first)
                break
        with self.distribute_strategy.scope():
            self._symbolic_build(data_batch=data_batch)

    trainer.reduce_per_replica = reduce_per_replica
    trainer.TensorFlowTrainer._maybe_symbolic_build = _maybe_symbolic_build
    trainer._alexnet_desktop_patched = True


# -- talking across workers ----------------------------------------------------------------


def _sum_over_workers(cluster: Cluster, arrays: list[np.ndarray], contribute: bool) -> list[np.ndarray]:
    """The sum over workers of `arrays` (as float64), this worker adding its own only if `contribute`."""
    tf = tensorflow()
    strategy, per_worker = cluster.strategy, cluster.replicas_per_worker

    def values(ctx):
        first_local = ctx.replica_id_in_sync_group % per_worker == 0
        return [tf.constant(a if (contribute and first_local) else np.zeros_like(a), dtype=tf.float64) for a in arrays]

    local = strategy.experimental_distribute_values_from_function(values)

    def reduce(*tensors):
        return tf.distribute.get_replica_context().all_reduce("sum", list(tensors))

    tf_log = logging.getLogger("tensorflow")
    level = tf_log.level
    tf_log.setLevel(logging.ERROR)  # run eagerly, the strategy warns of its overhead at every call: a few calls a run
    try:
        summed = strategy.run(reduce, args=tuple(local))
    finally:
        tf_log.setLevel(level)
    return [np.asarray(strategy.experimental_local_results(s)[0]) for s in summed]


def gather_from_workers(cluster: Cluster, row: np.ndarray) -> np.ndarray:
    """Every worker's `row` (same shape on each), one row per worker, in worker order."""
    n = len(cluster.spec.workers)
    mine = np.zeros((n, *row.shape), dtype=np.float64)
    mine[cluster.spec.index] = row
    return _sum_over_workers(cluster, [mine], True)[0]


def broadcast_from_chief(cluster: Cluster, arrays: list[np.ndarray]) -> list[np.ndarray]:
    """The chief's `arrays` on every worker (the others pass arrays of the same shapes)."""
    return _sum_over_workers(cluster, [np.asarray(a, dtype=np.float64) for a in arrays], cluster.spec.is_chief)


def digest_row(text: str) -> np.ndarray:
    """A SHA-256 of `text` as 32 small numbers, exact in any float type a collective carries."""
    return np.frombuffer(hashlib.sha256(text.encode("utf-8")).digest(), dtype=np.uint8).astype(np.float64)


def check_same_everywhere(cluster: Cluster, what: str, text: str, hint: str) -> None:
    """Raise `ClusterError` on every worker unless all workers hold the same `text`.

    `what` names the thing compared ("the dataset"), `hint` what to do about a difference.
    """
    rows = gather_from_workers(cluster, digest_row(text))
    differ = [i for i in range(len(rows)) if not np.array_equal(rows[i], rows[0])]
    if differ:
        names = ", ".join(f"{i} ({cluster.spec.workers[i]})" for i in differ)
        raise ClusterError(say("{0} differs between the chief ({1}) and worker(s) {2}: {3}",
                               what, cluster.spec.workers[0], names, hint))


def check_fields_everywhere(cluster: Cluster, what: str, fields: dict[str, str], hint: str) -> None:
    """Raise `ClusterError` on every worker unless all hold the same value of every field,
    naming the fields that differ. The field names are compared first (the same version of
    the app everywhere), so the per-field comparison has the same shape on every worker."""
    check_same_everywhere(cluster, say("the version of AlexNet Desktop"), json.dumps(sorted(fields)),
                          say("install the same version of AlexNet Desktop and its plugins on every machine"))
    rows = gather_from_workers(cluster, np.stack([digest_row(fields[name]) for name in sorted(fields)]))
    names = sorted(fields)
    differ = {i: [names[j] for j in range(len(names)) if not np.array_equal(rows[i][j], rows[0][j])]
              for i in range(1, len(rows))}
    differ = {i: d for i, d in differ.items() if d}
    if differ:
        workers = ", ".join(f"{i} ({cluster.spec.workers[i]})" for i in differ)
        which = ", ".join(dict.fromkeys(n for d in differ.values() for n in d))
        raise ClusterError(say("{0} differ between the chief ({1}) and worker(s) {2}, in: {3}. {4}",
                               what, cluster.spec.workers[0], workers, which, hint))


def sync_model_from_chief(cluster: Cluster, variables: list[Any]) -> None:
    """Give every worker the chief's values of `variables` (the model's and its optimizer's)."""
    count = broadcast_from_chief(cluster, [np.array([len(variables)])])[0][0]
    if int(count) != len(variables):
        raise ClusterError(say("the chief's model has {0} variables and this worker's {1}: every worker must run "
                               "the same version of AlexNet Desktop and its plugins", int(count), len(variables)))
    values = broadcast_from_chief(cluster, [np.asarray(v.numpy()) for v in variables])
    for variable, value in zip(variables, values):
        variable.assign(value.astype(np.asarray(variable.numpy()).dtype))


def is_peer_lost(exc: BaseException) -> bool:
    """True for TensorFlow's errors when a worker of the cluster died or stopped answering."""
    if _active is None:
        return False
    tf = tensorflow()
    return isinstance(exc, (tf.errors.UnavailableError, tf.errors.AbortedError, tf.errors.DeadlineExceededError)) or (
        isinstance(exc, tf.errors.OpError) and ("unhealthy" in str(exc) or "heartbeat" in str(exc)))


def peer_lost_message(exc: BaseException) -> str:
    """One line for `PeerLost`: which worker, if TensorFlow said, and what to do."""
    text = str(exc)
    lost = [w for i, w in enumerate(_active.spec.workers) if i != _active.spec.index and f"task:{i}" in text] \
        if _active else []
    who = ", ".join(lost) if lost else say("another worker")
    return say("lost contact with {0} during the run: start its command again; the run goes on from its last "
               "finished epoch", who)



def split_by_batches(dataset: Any) -> Any:
    """`dataset` (every worker builds the same one, with the same seed) marked to be shared out:
    each global batch is cut into per-replica parts and each worker keeps its own parts.

    Every worker decodes every image (then caches it, when the images fit): a list of files
    cannot be sharded by file, and this is the sharding that keeps the split, the shuffle and
    the global batch identical to a one-machine run.
    """
    tf = tensorflow()
    options = tf.data.Options()
    options.experimental_distribute.auto_shard_policy = tf.data.experimental.AutoShardPolicy.DATA
    return dataset.with_options(options)


def pointer_path(runs_dir: str | os.PathLike, key_material: dict[str, Any]) -> str:
    """The chief's note of the unfinished run a command started (`<runs>/.cluster-<key>.json`).

    The same command started again finds the run there and goes on with it; the note is
    removed when the run finishes.
    """
    return os.path.join(os.fspath(runs_dir), f".cluster-{cluster_key(key_material)}.json")


def cluster_key(key_material: dict[str, Any]) -> str:
    """A short name for what identifies one command's part in a cluster (16 hex digits)."""
    return hashlib.sha256(json.dumps(key_material, sort_keys=True, default=str).encode()).hexdigest()[:16]
