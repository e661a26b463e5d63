from proto.schedule.v1 import schedule_pb2
from services.journal.service_layer import subgroups


class Schedule:
    def __init__(self, members: dict[str, list[str]]):
        self.members, self.asked = members, []

    def get_subgroup(self, school_id, subgroup_id):
        self.asked.append(subgroup_id)
        return schedule_pb2.Subgroup(id=subgroup_id, student_ids=self.members[subgroup_id])


class Identity:
    def class_list(self, school_id, class_group_id):
        return {"a", "b", "c"}


def lesson(lesson_id: str, subgroup_id: str = "", substitute: str = "") -> schedule_pb2.Lesson:
    return schedule_pb2.Lesson(id=lesson_id, class_group_id="g", teacher_id="t", subgroup_id=subgroup_id,
                               substitute_teacher_id=substitute)


def test_a_student_has_whole_class_lessons_and_their_subgroups_asking_once_per_subgroup():
    schedule = Schedule({"one": ["a"], "two": ["b"]})
    lessons = [lesson("1"), lesson("2", "one"), lesson("3", "two"), lesson("4", "one")]
    assert [x.id for x in subgroups.lessons_of_student(schedule, "s", "a", lessons)] == ["1", "2", "4"]
    assert sorted(schedule.asked) == ["one", "two"]


def test_the_class_list_of_a_lesson_and_who_records_it():
    schedule = Schedule({"one": ["a"]})
    assert subgroups.lesson_students(schedule, Identity(), "s", lesson("1", "one")) == {"a"}
    assert subgroups.lesson_students(schedule, Identity(), "s", lesson("2")) == {"a", "b", "c"}
    assert subgroups.teachers(lesson("1", substitute="x")) == ("t", "x")
