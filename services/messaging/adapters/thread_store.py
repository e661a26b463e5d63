"""The store of threads and everything in them (threads, thread_participants, messages, message_files, message_reads,
message_withdrawals): the one place their SQL lives. Every table is append-only: rows are only inserted."""
import datetime as dt

from sqlalchemy import DateTime, Row, and_, func, insert, literal, select
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from services.messaging.adapters.tables import (
    message_files,
    message_reads,
    message_withdrawals,
    messages,
    thread_participants,
    threads,
)

MAX_LISTED = 500


class ThreadStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    # --- writing
    def add_thread(self, row: dict, participants: list[tuple[str, str]]) -> None:
        """The thread with its participants ((person id, role) pairs)."""
        self.session.execute(insert(threads).values(school_id=self.school_id, **row))
        self.add_participants(row["id"], participants, row["created_at"])

    def add_participants(self, thread_id: str, participants: list[tuple[str, str]], now: dt.datetime) -> None:
        if participants:
            self.session.execute(pg_insert(thread_participants).values([
                {"school_id": self.school_id, "thread_id": thread_id, "person_id": person_id, "role": role,
                 "added_at": now} for person_id, role in participants]).on_conflict_do_nothing())

    def add_message(self, row: dict, files: list[dict]) -> None:
        self.session.execute(insert(messages).values(school_id=self.school_id, **row))
        if files:
            self.session.execute(insert(message_files), [{"school_id": self.school_id, **f} for f in files])

    def withdraw(self, thread_id: str, message_id: str, person_id: str, now: dt.datetime) -> bool:
        """Records the withdrawal; False when the message was withdrawn already."""
        return self.session.execute(pg_insert(message_withdrawals).values(
            school_id=self.school_id, message_id=message_id, thread_id=thread_id, withdrawn_by=person_id,
            withdrawn_at=now).on_conflict_do_nothing().returning(message_withdrawals.c.message_id)).first() is not None

    def mark_read(self, thread_id: str, person_id: str, now: dt.datetime) -> int:
        """Read receipts for every message of others in the thread the person has not read yet; how many."""
        unread = (select(messages.c.school_id, messages.c.id, literal(person_id, UUID(as_uuid=False)),
                         messages.c.thread_id, literal(now, DateTime(timezone=True)))
                  .where(messages.c.thread_id == thread_id, messages.c.author_id != person_id))
        return len(self.session.execute(pg_insert(message_reads).from_select(
            ["school_id", "message_id", "person_id", "thread_id", "read_at"], unread).on_conflict_do_nothing()
            .returning(message_reads.c.message_id)).all())

    # --- reading
    def thread(self, thread_id: str) -> Row | None:
        return self.session.execute(select(threads).where(threads.c.id == thread_id)).first()

    def participants(self, thread_ids: list[str]) -> dict[str, list[Row]]:
        """Each thread's participants, in the order they joined."""
        found: dict[str, list[Row]] = {tid: [] for tid in thread_ids}
        for row in self.session.execute(select(thread_participants).where(
                thread_participants.c.thread_id.in_(thread_ids)).order_by(thread_participants.c.added_at,
                                                                          thread_participants.c.role)):
            found[row.thread_id].append(row)
        return found

    def message(self, message_id: str) -> Row | None:
        return self.session.execute(
            select(messages, message_withdrawals.c.withdrawn_at)
            .select_from(messages.outerjoin(message_withdrawals, and_(
                message_withdrawals.c.school_id == messages.c.school_id,
                message_withdrawals.c.message_id == messages.c.id)))
            .where(messages.c.id == message_id)).first()

    def messages(self, thread_ids: list[str]) -> list[Row]:
        """The threads' messages, oldest first, with when each was withdrawn (None: not withdrawn)."""
        return self.session.execute(
            select(messages, message_withdrawals.c.withdrawn_at)
            .select_from(messages.outerjoin(message_withdrawals, and_(
                message_withdrawals.c.school_id == messages.c.school_id,
                message_withdrawals.c.message_id == messages.c.id)))
            .where(messages.c.thread_id.in_(thread_ids)).order_by(messages.c.created_at, messages.c.id)).all()

    def files(self, thread_id: str) -> dict[str, list[Row]]:
        found: dict[str, list[Row]] = {}
        for row in self.session.execute(select(message_files).where(message_files.c.thread_id == thread_id)
                                        .order_by(message_files.c.created_at, message_files.c.filename)):
            found.setdefault(row.message_id, []).append(row)
        return found

    def file(self, file_id: str) -> Row | None:
        return self.session.execute(select(message_files).where(message_files.c.id == file_id)).first()

    def reads(self, thread_id: str) -> dict[str, list[Row]]:
        found: dict[str, list[Row]] = {}
        for row in self.session.execute(select(message_reads).where(message_reads.c.thread_id == thread_id)
                                        .order_by(message_reads.c.read_at)):
            found.setdefault(row.message_id, []).append(row)
        return found

    def threads_of(self, person_id: str) -> list[Row]:
        """The person's threads, the latest active first, each with its count of messages, the last one's time and
        how many messages of others the person has not read."""
        mine = select(thread_participants.c.thread_id).where(thread_participants.c.person_id == person_id)
        stats = (select(messages.c.thread_id, func.count().label("messages"),
                        func.max(messages.c.created_at).label("last_message_at"),
                        func.count().filter(and_(messages.c.author_id != person_id,
                                                 message_reads.c.message_id.is_(None))).label("unread"))
                 .select_from(messages.outerjoin(message_reads, and_(
                     message_reads.c.school_id == messages.c.school_id,
                     message_reads.c.message_id == messages.c.id, message_reads.c.person_id == person_id)))
                 .where(messages.c.thread_id.in_(mine)).group_by(messages.c.thread_id).subquery())
        return self.session.execute(
            select(threads, stats.c.messages, stats.c.last_message_at, stats.c.unread)
            .select_from(threads.join(stats, stats.c.thread_id == threads.c.id))
            .order_by(stats.c.last_message_at.desc(), threads.c.id).limit(MAX_LISTED)).all()

    def waiting_for_staff(self) -> list[Row]:
        """The school's threads whose latest message (not withdrawn) is a family's: those that may await an answer."""
        live = (select(messages.c.thread_id, messages.c.author_role, func.row_number().over(
                    partition_by=messages.c.thread_id,
                    order_by=(messages.c.created_at.desc(), messages.c.id.desc())).label("n"))
                .select_from(messages.outerjoin(message_withdrawals, and_(
                    message_withdrawals.c.school_id == messages.c.school_id,
                    message_withdrawals.c.message_id == messages.c.id)))
                .where(message_withdrawals.c.message_id.is_(None)).subquery())
        waiting = select(live.c.thread_id).where(live.c.n == 1, live.c.author_role != "staff")
        return self.session.execute(select(threads).where(threads.c.id.in_(waiting))
                                    .order_by(threads.c.created_at)).all()

    def threads_about(self, student_id: str) -> list[str]:
        return list(self.session.scalars(select(threads.c.id).where(threads.c.student_id == student_id)))
