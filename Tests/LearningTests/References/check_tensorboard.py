"""Checks runs that `trainbook run tensorboard_runs.tb` kept and exported, with TensorBoard's own
readers: its EventMultiplexer for the scalars and its HParams plugin backend for the table.

    python check_tensorboard.py <folder where the script ran>

Needs only the `tensorboard` package (no TensorFlow). Exits non-zero on the first failed check.
"""
import json
import math
import os
import sys

from tensorboard import context
from tensorboard.backend.event_processing import data_provider
from tensorboard.backend.event_processing import plugin_event_multiplexer
from tensorboard.plugins import base_plugin
from tensorboard.plugins.hparams import api_pb2, backend_context, list_session_groups

folder = sys.argv[1]

# The runs trainbook kept: typed settings, best epoch, final loss and val_loss.
runs = {}
for name in sorted(os.listdir(os.path.join(folder, "runs"))):
    if name.endswith(".json"):
        with open(os.path.join(folder, "runs", name), encoding="utf-8") as handle:
            run = json.load(handle)
        runs[run["name"]] = run
assert sorted(runs) == ["fast", "slow"], sorted(runs)
for run in runs.values():
    settings = run["settings"]
    assert isinstance(settings["epochs"], int) and settings["epochs"] == 4, settings
    assert isinstance(settings["optimizer"]["settings"]["lr"], float), settings["optimizer"]
    assert settings["data"]["source"] == {
        "kind": "generated", "name": "moons", "parameters": {"noise": "0.2"}, "seed": 1,
        "steps": ["train part, seed 1"]}, settings["data"]["source"]
    assert "variable" not in settings["model"] and settings["data"]["variable"] == "train"
    losses = run["history"]["val_loss"]
    assert run["best_epoch"] == losses.index(min(losses)) + 1, run["best_epoch"]
    assert run["final_metrics"]["loss"] == run["history"]["loss"][-1]
    assert run["final_metrics"]["val_loss"] == losses[-1]
assert runs["fast"]["settings"]["batch_size"] == 16 and runs["slow"]["settings"]["batch_size"] == 32

# The scalars, read as the Scalars dashboard reads them: train and validation sub-runs share their
# tags, so they overlay in one chart.
logdir = os.path.join(folder, "tb")
multiplexer = plugin_event_multiplexer.EventMultiplexer()
multiplexer.AddRunsFromDirectory(logdir)
multiplexer.Reload()
provider = data_provider.MultiplexerDataProvider(multiplexer, logdir)
request_context = context.RequestContext()
scalars = provider.read_scalars(
    request_context, experiment_id="", plugin_name="scalars", downsample=1000)
for name, run in runs.items():
    session = f"{name}_{run['id']}"
    train, validation = scalars[session + "/train"], scalars[session + "/validation"]
    assert sorted(train) == ["accuracy", "loss", "lr", "seconds"], sorted(train)
    assert sorted(validation) == ["accuracy", "loss"], sorted(validation)
    for series, key in [(train, "loss"), (validation, "val_loss")]:
        points = series["loss"]
        assert [p.step for p in points] == [1, 2, 3, 4], points
        for point, value in zip(points, run["history"][key]):
            assert math.isclose(point.value, value, rel_tol=1e-6), (point.value, value)
tags = [tag for series in scalars.values() for tag in series]
assert not any(tag.startswith("final/") for tag in tags), tags

# The HParams dashboard: each run a session with its settings and its final values as metrics.
backend = backend_context.Context(
    base_plugin.TBContext(logdir=logdir, multiplexer=multiplexer, data_provider=provider))
request = api_pb2.ListSessionGroupsRequest(
    start_index=0, slice_size=10, aggregation_type=api_pb2.AGGREGATION_AVG,
    allowed_statuses=[api_pb2.STATUS_UNKNOWN, api_pb2.STATUS_SUCCESS, api_pb2.STATUS_FAILURE,
                      api_pb2.STATUS_RUNNING])
groups = list_session_groups.Handler(request_context, backend, "", request).run()
assert groups.total_size == 2, groups
for group in groups.session_groups:
    run = runs[group.name.split("_")[0]]
    rate = run["settings"]["optimizer"]["settings"]["lr"]
    assert group.hparams["lr"].number_value == rate, group.hparams["lr"]
    assert group.hparams["batch_size"].number_value == run["settings"]["batch_size"]
    assert group.hparams["optimizer"].string_value == "sgd"
    assert group.hparams["shuffle"].bool_value is True
    metrics = {(m.name.group, m.name.tag): m.value for m in group.metric_values}
    assert math.isclose(metrics[("validation", "loss")], run["final_metrics"]["val_loss"],
                        rel_tol=1e-6), metrics
    assert math.isclose(metrics[("train", "accuracy")], run["final_metrics"]["accuracy"],
                        rel_tol=1e-6), metrics
    assert [s.status for s in group.sessions] == [api_pb2.STATUS_SUCCESS]
print("TensorBoard reads both runs: shared train/validation tags, hparams and final metrics")
