"""output.AtomicWriter: a file written piece by piece appears whole or not at all."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from claimcheck.output import AtomicWriter


def test_pieces_appear_only_once_committed(tmp_path):
    target = tmp_path / "report.jsonl"
    target.write_text("old\n")
    with AtomicWriter(target) as out:
        out.write(b"one\n")
        out.write(b"two\n")
        assert target.read_text() == "old\n"  # not yet
    assert target.read_text() == "one\ntwo\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.jsonl"]


def test_a_failure_midway_leaves_the_old_file_whole(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old and whole")
    with pytest.raises(RuntimeError):
        with AtomicWriter(target) as out:
            out.write(b"half")
            raise RuntimeError("the engine failed")
    assert target.read_text() == "old and whole"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_symlink_is_written_through_and_modes_are_ordinary(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with AtomicWriter(link, binary=False) as out:
        out.write("new")
    assert link.is_symlink() and real.read_text() == "new"
    assert real.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "fresh.json"
    with AtomicWriter(fresh) as out:
        out.write(b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_named_pipe_is_written_into(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    with AtomicWriter(fifo) as out:
        out.write(b"a ")
        out.write(b"report\n")
    reader.join(timeout=10)
    assert received == [b"a report\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_never_overwrites_when_told_not_to(tmp_path):
    target = tmp_path / "sources.yaml"
    target.write_text("mine")
    with pytest.raises(FileExistsError):
        with AtomicWriter(target, overwrite=False) as out:
            out.write(b"theirs")
    assert target.read_text() == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["sources.yaml"]
