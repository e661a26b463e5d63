"""The joined queries several commands read lessons and timetable entries with (the names of their subject, class
group and subgroup, the year's status)."""
import functools

from sqlalchemy import select

from services.schedule.adapters.tables import academic_years, class_groups, lessons, subgroups, subjects


@functools.cache  # built once (≈ 60 µs a call otherwise); statements are immutable, .where() makes a new one
def lessons_query():
    """Lessons with their subject's, subgroup's and class group's names and the year's status."""
    return (select(lessons, subjects.c.name.label("subject_name"), subgroups.c.name.label("subgroup_name"),
                   class_groups.c.name.label("class_group_name"), class_groups.c.academic_year_id, class_groups.c.grade,
                   academic_years.c.status.label("year_status"))
            .join(subjects, subjects.c.id == lessons.c.subject_id)
            .outerjoin(subgroups, subgroups.c.id == lessons.c.subgroup_id)
            .join(class_groups, class_groups.c.id == lessons.c.class_group_id)
            .join(academic_years, academic_years.c.id == class_groups.c.academic_year_id))


def booking_columns(table):
    """What clashes.booking_of needs of a timetable entry or a dated lesson, with the names of its subject, class
    group and subgroup."""
    return (select(table, subjects.c.name.label("subject"), class_groups.c.name.label("class_group"),
                   subgroups.c.name.label("subgroup"), subjects.c.name.label("subject_name"),
                   subgroups.c.name.label("subgroup_name"))
            .join(subjects, subjects.c.id == table.c.subject_id)
            .join(class_groups, class_groups.c.id == table.c.class_group_id)
            .outerjoin(subgroups, subgroups.c.id == table.c.subgroup_id))
