"""The homework_attachments table: the records of homework files (the files themselves are in the file store)."""
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from services.journal.adapters.tables import homework_attachments


class HomeworkFileStore:
    def __init__(self, session: Session):
        self.session = session

    def count(self, lesson_id: str) -> int:
        return self.session.scalar(select(func.count()).select_from(homework_attachments)
                                   .where(homework_attachments.c.lesson_id == lesson_id))

    def add(self, row: dict) -> None:
        self.session.execute(insert(homework_attachments).values(row))

    def of_lesson(self, lesson_id: str) -> list:
        """The lesson's files, in the order they were added."""
        return self.session.execute(select(homework_attachments).where(homework_attachments.c.lesson_id == lesson_id)
                                    .order_by(homework_attachments.c.uploaded_at)).mappings().all()

    def get(self, attachment_id: str):
        return self.session.execute(select(homework_attachments).where(homework_attachments.c.id == attachment_id)
                                    ).mappings().first()
