"""Tests for app.kb.jobs and app.kb.worker: how a job ends when it is stopped, when something
unexpected breaks, and after a restart. (The whole flow, with real OCR, is tested through the
API in tests/api/test_jobs.py.)"""

from __future__ import annotations

import doctest
import threading
import time
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import Session, func, select

import app.kb.jobs
import app.kb.worker
from app.kb.jobs import INTERRUPTED, fail_interrupted, get_job, list_jobs, run_upload
from app.errors import NotFound
from app.models import Job, Regulation

pytestmark = pytest.mark.databases  # every test on SQLite and on PostgreSQL


def _job(session: Session, job_id: str, **fields) -> Job:
    job = Job(id=job_id, **fields)
    session.add(job)
    session.commit()
    return job


def _blank_png(tmp_path: Path) -> bytes:
    Image.new("L", (600, 800), 255).save(tmp_path / "halaman.png")
    return (tmp_path / "halaman.png").read_bytes()


def test_a_job_asked_to_stop_ends_before_its_next_page_and_stores_nothing(session, tmp_path):
    _job(session, "a" * 32, pages_total=1)
    stopping = threading.Event()
    stopping.set()

    run_upload("a" * 32, data=_blank_png(tmp_path), filename="halaman.png", overrides={}, stopping=stopping)

    session.expire_all()
    job = get_job(session=session, job_id="a" * 32)
    assert (job.status, job.error, job.error_status) == ("failed", INTERRUPTED, 503)
    assert job.finished_at is not None and job.regulation_id is None
    assert session.exec(select(func.count()).select_from(Regulation)).one() == 0


def test_an_unexpected_error_fails_the_job_with_its_name(session, tmp_path, monkeypatch):
    def broken(**_kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(app.kb.jobs, "ingest_upload", broken)
    _job(session, "b" * 32, pages_total=1)

    run_upload("b" * 32, data=_blank_png(tmp_path), filename="halaman.png", overrides={}, stopping=threading.Event())

    session.expire_all()
    job = get_job(session=session, job_id="b" * 32)
    assert job.status == "failed" and job.error_status == 500
    assert job.error == "Kesalahan tak terduga (unexpected error): RuntimeError: disk penuh"


def test_only_unfinished_jobs_are_failed_after_a_restart(session):
    for status in ("queued", "running", "done", "failed"):
        _job(session, status.ljust(32, "0"), status=status)

    assert fail_interrupted(session=session) == 2

    jobs, total = list_jobs(session=session)
    assert total == 4
    assert {job.id[:7].rstrip("0"): job.status for job in jobs} == {
        "queued": "failed", "running": "failed", "done": "done", "failed": "failed"}
    assert [job.error for job in jobs if job.id.startswith(("queued", "running"))] == [INTERRUPTED] * 2
    assert fail_interrupted(session=session) == 0


def test_an_unknown_job_is_not_found(session):
    with pytest.raises(NotFound, match="job not found"):
        get_job(session=session, job_id="tidak-ada")


def test_the_worker_runs_jobs_in_order_and_stop_cancels_the_queued_ones():
    worker = app.kb.worker.Worker()
    started, queued, ran = threading.Event(), [], []

    def first():
        started.set()
        deadline = time.monotonic() + 5
        while not (queued and queued[0].cancelled()) and time.monotonic() < deadline:
            time.sleep(0.01)  # running while stop() cancels the queued job
        ran.append("first")

    worker.submit(first)
    queued.append(worker.submit(ran.append, "second"))
    started.wait(5)
    worker.stop()

    assert ran == ["first"] and queued[0].cancelled() and worker.stopping.is_set()


def test_docstring_examples():
    result = doctest.testmod(app.kb.worker)
    assert result.attempted and not result.failed


def test_a_restart_fails_only_the_jobs_of_processes_that_are_gone(session):
    """The service's worker processes share the database: one starting leaves the others' jobs."""
    import socket

    from app.kb.worker import PROCESS

    alive, dead = PROCESS, f"{socket.gethostname()}:999999999:1"
    for name, process in (("alive", alive), ("dead", dead), ("elsewhere", "another-host:42:7")):
        job = _job(session, name.ljust(32, "0"), status="running")
        job.process = process
        session.add(job)
    session.commit()

    assert fail_interrupted(session=session) == 1
    assert {job.id.rstrip("0"): job.status for job in list_jobs(session=session)[0]} == {
        "alive": "running", "dead": "failed", "elsewhere": "running"}
