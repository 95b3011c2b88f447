"""kg.aside: a step run in a forked process gives back its result or its error, as if run in place."""

from __future__ import annotations

import os

import pytest

from extract.errors import InputError, PolicyKGError
from kg.aside import Aside


def _pid_and(value):
    return os.getpid(), value


def _refuse(message):
    raise InputError(message)


def _break():
    return {}["missing"]


def _die():
    os._exit(3)


def test_a_step_runs_in_another_process_with_more_than_one_job():
    pid, value = Aside(2, _pid_and, [1, "二"]).result()
    assert pid != os.getpid() and value == [1, "二"]


def test_with_one_job_the_step_runs_in_this_process_once_when_its_result_is_asked_for():
    ran = []
    aside = Aside(1, lambda: ran.append(os.getpid()) or "done")
    assert ran == []
    assert aside.result() == "done" and aside.result() == "done" and ran == [os.getpid()]


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_input_error_comes_back_as_itself_with_its_line(jobs):
    aside = Aside(jobs, _refuse, "cannot write into /nowhere: No such file or directory")
    with pytest.raises(InputError, match="^cannot write into /nowhere: No such file or directory$"):
        aside.result()


def test_any_other_error_names_itself_and_a_dead_process_its_exit_code():
    with pytest.raises(PolicyKGError, match="a step run beside the build failed: KeyError: 'missing'"):
        Aside(2, _break).result()
    with pytest.raises(PolicyKGError, match="exit code 3"):
        Aside(2, _die).result()
    Aside(2, _die).wait()  # a build that failed already only waits
