"""What identity reads across its schools, outside any one school's transaction (row-level security lets the system
session see these rows only): the directory of person records by SNILS, name-match key and login, the list of
schools, the lookup of an activation code with the failed attempts per client address, and stale import jobs."""
import datetime as dt

from sqlalchemy import delete, insert, select

from services.common.db import Database
from services.identity.adapters.import_job_store import stale
from services.identity.adapters.tables import activation_attempts, activation_codes, directory, import_jobs, schools
from services.identity.domain import activation_code


class Directory:
    def __init__(self, db: Database):
        self.db = db

    def guardians_by_snils(self, snils: str) -> list:
        """(school_id, person_id, subject) of the guardian records with the SNILS, in every school."""
        with self.db.system_session() as session:
            return session.execute(select(directory.c.school_id, directory.c.person_id, directory.c.subject)
                                   .where(directory.c.snils == snils)).all()

    def unlinked_by_match_key(self, key: str) -> list:
        """(school_id, person_id) of the guardian records without a login that have the name-match key."""
        with self.db.system_session() as session:
            return session.execute(select(directory.c.school_id, directory.c.person_id)
                                   .where(directory.c.match_key == key, directory.c.subject.is_(None))).all()

    def schools_of(self, subject: str) -> list[str]:
        """The schools where the login has a person record."""
        with self.db.system_session() as session:
            return session.scalars(select(directory.c.school_id).where(directory.c.subject == subject)
                                   .distinct()).all()

    def shared_logins(self, school_id: str, subjects: list[str]) -> set[str]:
        """The logins among `subjects` that also have person records in another school."""
        with self.db.system_session() as session:
            return set(session.scalars(select(directory.c.subject).where(
                directory.c.subject.in_(subjects), directory.c.school_id != school_id)))

    def schools(self) -> list:
        """Every school's row, by short name."""
        with self.db.system_session() as session:
            return session.execute(select(schools).order_by(schools.c.short_name)).all()

    def code(self, lookups: tuple[str, ...], well_formed: bool, address: str):
        """(id, school_id) of the code stored under one of `lookups`, or None; refuses an address with
        MAX_FAILURES failed attempts within LOCKOUT (older attempts are dropped), and counts a failure when the
        code is unknown or malformed."""
        now = dt.datetime.now(dt.UTC)
        with self.db.system_session() as session:
            session.execute(delete(activation_attempts).where(
                activation_attempts.c.failed_at < now - activation_code.LOCKOUT))
            counted = session.scalar(select(activation_attempts.c.failed_at)
                                     .where(activation_attempts.c.client_address == address)
                                     .order_by(activation_attempts.c.failed_at.desc())
                                     .offset(activation_code.MAX_FAILURES - 1).limit(1))
            if counted is not None:
                raise activation_code.locked_out(counted, now)
            found = session.execute(select(activation_codes.c.id, activation_codes.c.school_id)
                                    .where(activation_codes.c.code_hash.in_(lookups))).first()
            if found is None or not well_formed:
                session.execute(insert(activation_attempts).values(client_address=address))
        return found

    def stale_jobs(self, older_than: dt.timedelta) -> list:
        """(id, school_id) of the running import jobs of every school that have not beaten for `older_than`."""
        with self.db.system_session() as session:
            return session.execute(select(import_jobs.c.id, import_jobs.c.school_id).where(stale(older_than))).all()
