"""The third reliability pass (issue 21): what a new user's tester still broke after the second,
each case through the command line in a fresh process on files on disk."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_reliability import cli, measured, models, photos, sha, sort_cli  # noqa: F401 (fixtures)
from tests.test_sorting import make_inbox


# -- 1. a pickle that contains itself ---------------------------------------------------------


def test_a_pickle_whose_list_contains_itself_is_refused_at_once_naming_the_file(tmp_path):
    from tests.dataset_files import pickle_cycle, write_cifar_python

    root = write_cifar_python(tmp_path / "cifar")
    (root / "data_batch_1").write_bytes(pickle_cycle())
    rc, seconds, peak, out = measured("scan", root)
    assert rc == 1 and f"{root / 'data_batch_1'}: refused" in out and "contains itself" in out, out
    assert seconds < 30 and peak < 2000
