"""The CLI's last line of defence: running out of memory ends in one line in the user's language and exit
code 1, never a traceback (a real DuckDB OutOfMemoryException, raised by a query under a tiny limit)."""

from __future__ import annotations

import duckdb
import pytest

from liveroi import cli
from liveroi.i18n import t


def _exhaust_memory(args) -> int:
    con = duckdb.connect()
    con.execute("SET memory_limit = '8MB'; SET threads = 1")
    con.execute("SELECT list(range(i, i + 1000)) FROM range(2000000) t(i) ORDER BY random()").fetchall()
    return 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_out_of_memory_is_one_line_and_exit_1(
    lang: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    parser = cli.build_parser()
    real_parse = parser.parse_args

    def parse(argv=None):
        args = real_parse(argv)
        args.run = _exhaust_memory
        return args

    monkeypatch.setattr(parser, "parse_args", parse)
    monkeypatch.setattr(cli, "build_parser", lambda command=None: parser)
    code = cli.main(["--lang", lang, "init"])
    err = capsys.readouterr().err
    assert code == cli.EXIT_FAILED == 1
    assert "Traceback" not in err and err.count("\n") == 1
    prefix = t("error.out_of_memory", lang, detail="X").split("X")[0]
    assert err.startswith(f"liveroi: {prefix}")
