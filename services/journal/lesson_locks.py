"""One writer of a lesson at a time: a whole-lesson save, a paper import and a revert each read what a lesson
holds and then replace it, so two of them at once would undo each other."""
from sqlalchemy.orm import Session

from services.common.db import lock_name


def lock_lessons(session: Session, lesson_ids) -> None:
    """The writers of these lessons run one after another from here to the end of the transaction; a lesson may
    have no record row yet, so the lock is on its id. In id order, so writers of several lessons never wait on
    each other in a circle."""
    for lesson_id in sorted(set(lesson_ids)):
        lock_name(session, f"journal-lesson:{lesson_id}")
