"""Builds this service's protobuf messages (replies and event payloads) from table rows."""
from collections.abc import Iterable, Mapping

from proto.journal.v1 import journal_pb2 as pb


def mark(row: Mapping, lesson_date: str, subject_id: str) -> pb.Mark:
    return pb.Mark(id=row["id"], lesson_id=row["lesson_id"], student_id=row["student_id"], value=row["value"],
                   work_type=row["work_type"], comment=row["comment"], lesson_date=lesson_date, subject_id=subject_id)


def lesson_record(record: Mapping, marks: Iterable[Mapping], attendance: Iterable[Mapping]) -> pb.LessonRecord:
    lesson_date = record["lesson_date"].isoformat()
    return pb.LessonRecord(
        lesson_id=record["lesson_id"], school_id=record["school_id"], class_group_id=record["class_group_id"],
        subject_id=record["subject_id"], subject_name=record["subject_name"], lesson_date=lesson_date,
        topic=record["topic"], homework=record["homework"],
        marks=[mark(m, lesson_date, record["subject_id"]) for m in marks],
        attendance=[pb.AttendanceEntry(lesson_id=a["lesson_id"], student_id=a["student_id"], status=a["status"])
                    for a in attendance])
