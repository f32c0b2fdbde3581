"""Starting a SparkSession for onrecord's jobs and tests."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

#: Settings of a local session: the driver listens on the loopback only.
#: (:func:`build_session` also has local workers run this very interpreter,
#: so that they find onrecord and spaCy.)
LOCAL_CONF: Mapping[str, str] = {
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.ui.enabled": "false",
}


def is_local(master: str | None) -> bool:
    """Whether ``master`` runs everything on this machine (``local``, ``local[4]``...)."""
    return master is not None and master.split("[", 1)[0] in ("local", "local-cluster")


def build_session(
    master: str | None = None,
    *,
    app_name: str = "onrecord",
    conf: Mapping[str, str] | None = None,
) -> SparkSession:
    """Get or create the SparkSession.

    :param master: ``local[*]``, ``yarn``, ``spark://host:7077``...; ``None``
        leaves it to ``spark-submit``.
    :param app_name: the application's name in the cluster's UI.
    :param conf: more Spark settings; they win over onrecord's defaults.
    """
    from pyspark.sql import SparkSession

    settings: dict[str, str] = {}
    if is_local(master):
        settings.update(LOCAL_CONF)
    settings.update(conf or {})
    # Outside spark-submit, pyspark takes the workers' interpreter from this
    # variable only: from spark.pyspark.python if given, else (locally) this one.
    if "spark.pyspark.python" in settings:
        os.environ["PYSPARK_PYTHON"] = settings["spark.pyspark.python"]
    elif is_local(master):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
    for key, value in settings.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def active_session() -> SparkSession | None:
    """The session already running in this process, if any."""
    from pyspark.sql import SparkSession

    return SparkSession.getActiveSession()


def hadoop_path(spark: SparkSession, url: str) -> tuple[Any, Any]:
    """``(filesystem, path)``: the Hadoop ``FileSystem`` that ``url`` names, and its ``Path``.

    Through the JVM, so every filesystem the cluster is set up for works
    (``hdfs://``, ``s3a://``, ``gs://``, ``file:``...).
    """
    jvm = spark.sparkContext._jvm
    if jvm is None:
        raise RuntimeError("the SparkContext has no JVM gateway (Spark Connect sessions are not supported)")
    path = jvm.org.apache.hadoop.fs.Path(url)
    return path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), path
