"""DuckLake with its data folder on ``s3://``, against a real S3 server on 127.0.0.1.

The server is moto's (``python -m moto.server``, a subprocess speaking the S3 protocol over HTTP) with
request signing checked: its first requests (unsigned setup: an IAM user with an access key and an
S3 policy, and the bucket) pass without a key, every later one must be signed with that user's secret,
so a wrong secret is refused as real S3 refuses it. The lake's catalog is SQLite, and PostgreSQL when
``$LIVEROI_TEST_PG`` is set (in CI it must be, see tests/lake_support.py). The CLI runs as a real process.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import boto3  # requirements-dev.txt, with moto (the server)
import pytest

from liveroi import db, lake
from tests import lake_support
from tests.test_lake import _export, _gmv

ROOT = Path(__file__).resolve().parent.parent
SESSIONS = 3000  # enough rows that DuckLake writes Parquet files rather than inlining them in the catalog
BUCKET = "liveroi-lake"
# CreateUser, CreateAccessKey, PutUserPolicy, CreateBucket go unsigned; signing is checked after them
SETUP_REQUESTS = 4
POLICY = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A moto S3 server with one bucket and one user; yields the environment that reaches it."""
    port = _free_port()
    env = {**os.environ, "INITIAL_NO_AUTH_ACTION_COUNT": str(SETUP_REQUESTS)}
    log = (tmp_path_factory.mktemp("moto") / "server.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env=env,
    )  # fmt: skip
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"moto server did not start: {log.name}") from None
                time.sleep(0.2)
        setup = {"endpoint_url": endpoint, "region_name": "us-east-1"}
        setup |= {"aws_access_key_id": "setup", "aws_secret_access_key": "setup"}  # unsigned phase: unchecked
        iam = boto3.client("iam", **setup)
        iam.create_user(UserName="liveroi")
        key = iam.create_access_key(UserName="liveroi")["AccessKey"]
        iam.put_user_policy(UserName="liveroi", PolicyName="s3", PolicyDocument=json.dumps(POLICY))
        boto3.client("s3", **setup).create_bucket(Bucket=BUCKET)
        yield {
            "AWS_ACCESS_KEY_ID": key["AccessKeyId"],
            "AWS_SECRET_ACCESS_KEY": key["SecretAccessKey"],
            "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": endpoint,
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _keys(server: dict[str, str], prefix: str) -> list[str]:
    """The object keys under ``prefix``, listed with the user's own (signed) credentials."""
    s3 = boto3.client(
        "s3",
        endpoint_url=server["AWS_ENDPOINT_URL"],
        region_name=server["AWS_REGION"],
        aws_access_key_id=server["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=server["AWS_SECRET_ACCESS_KEY"],
    )
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix)
    return [item["Key"] for page in pages for item in page.get("Contents", [])]


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "liveroi", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.fixture(params=lake_support.BACKENDS[1:])
def s3_lake(
    request: pytest.FixtureRequest, s3_server: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, str, dict[str, str]]]:
    """A new lake whose data folder is a fresh prefix of the bucket: (spec, prefix, process env)."""
    prefix = f"lake-{uuid.uuid4().hex[:8]}/"
    spec = lake_support.new_target(request.param, tmp_path)
    values = {**s3_server, lake.ENV_DATA: f"s3://{BUCKET}/{prefix}", db.ENV_DB: spec, "NO_PROXY": "127.0.0.1"}
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    for name in ("AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL_S3", lake.ENV_S3_URL_STYLE, "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    yield spec, prefix, dict(os.environ)
    lake.close_all()


def _sample_file(folder: Path) -> Path:
    """A session export of :data:`SESSIONS` sessions (tests/test_lake.py's, whose GMV ``_gmv`` sums)."""
    path = folder / "sessions.csv"
    path.write_bytes(_export(0, SESSIONS))
    return path


def test_init_import_and_read_back_with_the_data_on_s3(
    s3_lake: tuple[str, str, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec, prefix, env = s3_lake
    assert _cli(env, "init").returncode == 0
    done = _cli(env, "import", str(_sample_file(tmp_path)))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["inserted"] == SESSIONS
    with db.connection(spec, read_only=True) as con:
        count, gmv = con.execute("SELECT count(*), round(sum(gmv), 2) FROM session_metrics").fetchone()
        files = con.execute("SELECT data_file FROM ducklake_list_files('liveroi', 'sessions')").fetchall()
    assert count == SESSIONS and gmv == pytest.approx(_gmv(0, SESSIONS), abs=0.01)
    keys = _keys(env, prefix)
    assert any(k.startswith(f"{prefix}main/sessions/") and k.endswith(".parquet") for k in keys), keys
    # every Parquet file the catalog names for the sessions is an object of the bucket, under the prefix
    root = f"s3://{BUCKET}/"
    assert files and all(f.startswith(root + prefix) and f[len(root) :] in keys for (f,) in files), files
    # a process that does not name the data folder reads the lake's own, on s3:// (httpfs loaded for it)
    lake.close_all()
    monkeypatch.delenv(lake.ENV_DATA)
    with db.connection(spec, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM session_metrics").fetchone() == (SESSIONS,)


def test_a_wrong_secret_gives_one_line_without_the_secret(
    s3_lake: tuple[str, str, dict[str, str]], tmp_path: Path
) -> None:
    """Refused when the schema is first written (a new lake) and when an import writes its rows."""
    _spec, prefix, right = s3_lake
    wrong = {**right, "AWS_SECRET_ACCESS_KEY": "Wr0ngSecretValue" + uuid.uuid4().hex}
    sample = str(_sample_file(tmp_path))
    for step, env in (("new lake", wrong), ("init", right), ("import", wrong)):
        done = _cli(env, "init") if step == "init" else _cli(env, "import", sample)
        if step == "init":
            assert done.returncode == 0, done.stderr
            written = set(_keys(right, prefix))
            continue
        assert done.returncode != 0, step
        output = done.stdout + done.stderr
        assert wrong["AWS_SECRET_ACCESS_KEY"] not in output and right["AWS_ACCESS_KEY_ID"] not in output
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "403" in done.stderr or "Forbidden" in done.stderr, done.stderr
    assert set(_keys(right, prefix)) == written  # the refused import wrote nothing
    assert not any("/sessions/" in key for key in written)


def test_no_keys_is_one_clear_line(s3_lake: tuple[str, str, dict[str, str]]) -> None:
    env = {k: v for k, v in s3_lake[2].items() if k not in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}
    done = _cli(env, "--lang", "en", "init")
    assert done.returncode != 0
    assert "AWS_ACCESS_KEY_ID" in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_the_secret_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "it's-secret")
    monkeypatch.delenv("AWS_REGION", raising=False)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "cn-hangzhou")
    monkeypatch.setenv("AWS_ENDPOINT_URL", "https://oss-cn-hangzhou.aliyuncs.com/")
    monkeypatch.setenv(lake.ENV_S3_URL_STYLE, "vhost")
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)
    monkeypatch.delenv("AWS_ENDPOINT_URL_S3", raising=False)
    assert lake.s3_secret() == {
        "KEY_ID": "AKIAEXAMPLE",
        "SECRET": "it's-secret",
        "REGION": "cn-hangzhou",
        "ENDPOINT": "oss-cn-hangzhou.aliyuncs.com",
        "USE_SSL": "true",
        "URL_STYLE": "vhost",
    }
    assert lake.scrub("failed for it's-secret and AKIAEXAMPLE") == "failed for *** and ***"
    monkeypatch.setenv(lake.ENV_S3_URL_STYLE, "sideways")
    with pytest.raises(lake.LakeError) as info:
        lake.s3_secret()
    assert info.value.key == "error.lake_s3_url_style"
