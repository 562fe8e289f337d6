"""Job statements: similar ones grouped, shown in "When ..., I want to ..., so I can ..." form."""

from __future__ import annotations

from dataclasses import dataclass

from jtbd.models import Interview, JobStatement, job_sentence
from jtbd.synthesis.themes import Statement, group_statements


@dataclass
class JobGroup:
    """Similar job statements, shown as one "When ..., I want to ..., so I can ..."."""

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
    """A job statement in the canonical "When ..., I want to ..., so I can ..." form."""
    if job.when is None or job.want is None:
        return job.text
    return job_sentence(job.when, job.want, job.so)


def group_jobs(included: list[Interview]) -> list[JobGroup]:
    """Group similar job statements, most common first."""
    # Grouped on what people want and why; the "when" varies more than the job itself.
    job_of = {
        Statement(
            " ".join(filter(None, [job.want, job.so])) or job.text,
            interview.id,
            interview.source,
            job.line,
        ): job
        for interview in included
        for job in interview.jobs
    }
    groups: list[JobGroup] = []
    for theme in group_statements(list(job_of)):
        members = [job_of[statement] for statement in theme.statements]
        # Shown as the group: its most typical statement, not simply the first one.
        typical = [job_of[statement] for statement in theme.quotes(limit=len(members))]
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
