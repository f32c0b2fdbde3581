"""One local SparkSession for every Spark test; skipped without Java or pyspark."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest


def _java_missing() -> str | None:
    """Why Spark cannot start here, or ``None``."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home and os.path.exists(os.path.join(java_home, "bin", "java")):
        return None
    if shutil.which("java") is None:
        return "Java is not installed (Spark needs a JVM: apt-get install openjdk-17-jre-headless)"
    return None


@pytest.fixture(scope="session")
def spark() -> Iterator[object]:
    """A real ``local[2]`` session bound to 127.0.0.1, without UI, few shuffle partitions."""
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'onrecord[spark]')")
    reason = _java_missing()
    if reason:
        pytest.skip(reason)
    from onrecord.spark.session import build_session

    session = build_session(
        "local[2]",
        app_name="onrecord-tests",
        conf={
            "spark.sql.shuffle.partitions": "2",
            "spark.default.parallelism": "2",
            "spark.sql.session.timeZone": "UTC",
        },
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
