"""Job statements: grouped by meaning, each group shown by one statement as it was written."""

from __future__ import annotations

from dataclasses import dataclass

from jtbd.models import Interview, JobStatement
from jtbd.synthesis.themes import Grouper, Statement


@dataclass
class JobGroup:
    """Job statements that mean the same, shown by their most typical one."""

    statement: str
    when: str | None
    want: str | None
    so: str | None
    interviews: list[str]
    sources: list[Statement]
    """Every statement in the group, as written, with interview, file and line."""

    @property
    def count(self) -> int:
        """How many distinct interviews state this job."""
        return len(self.interviews)


def format_job(job: JobStatement) -> str:
    """A job statement as it was written (spacing tidied), never reworded.

    Rebuilding "When ..., I want to ..." from the parts broke statements that do not
    follow the form to the letter ("I want a meal ready" became "I want to a meal ready").
    """
    return " ".join(job.text.split())


def job_text(job: JobStatement) -> str:
    """What a job is grouped on: what people want and why (the "when" varies more than
    the job itself), or the whole statement when it does not follow the form."""
    return " ".join(filter(None, [job.want, job.so])) or job.text


def group_jobs(included: list[Interview], group: Grouper) -> list[JobGroup]:
    """Group job statements by meaning (``group``: see ``meaning_grouper``), most common
    first."""
    job_of = {
        Statement(job_text(job), interview.id, interview.source, job.line): job
        for interview in included
        for job in interview.jobs
    }
    groups: list[JobGroup] = []
    for theme in group(list(job_of)):
        members = [job_of[statement] for statement in theme.statements]
        # Shown as the group: its most typical statement, preferring one in the full form.
        typical = [job_of[statement] for statement in theme.ranked]
        best = next((job for job in typical if job.is_structured), typical[0])
        groups.append(
            JobGroup(
                statement=format_job(best),
                when=best.when,
                want=best.want,
                so=best.so,
                interviews=theme.interviews,
                sources=[
                    Statement(format_job(job), s.interview, s.source, s.line)
                    for job, s in zip(members, theme.statements, strict=True)
                ],
            )
        )
    return groups
