from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2
from services.journal.service_layer import subgroups


class Schedule:
    def __init__(self, members: dict[str, list[str]]):
        self.members, self.asked = members, []

    def get_subgroup(self, school_id, subgroup_id):
        self.asked.append(subgroup_id)
        return schedule_pb2.Subgroup(id=subgroup_id, student_ids=self.members[subgroup_id])


class Identity:
    """a and b in the class all along, c until 13 January (transferred), d from 14 January (transferred in)."""

    def class_people(self, school_id, class_group_id):
        def person(pid, date_from="", date_to=""):
            return identity_pb2.Person(id=pid, memberships=[identity_pb2.ClassMembership(
                class_group_id="g", date_from=date_from, date_to=date_to)])
        return [person("a"), person("b"), person("c", date_to="2027-01-13"), person("d", date_from="2027-01-14")]


def lesson(lesson_id: str, subgroup_id: str = "", substitute: str = "", date: str = "2027-01-13",
           class_group_id: str = "g") -> schedule_pb2.Lesson:
    return schedule_pb2.Lesson(id=lesson_id, class_group_id=class_group_id, teacher_id="t", subgroup_id=subgroup_id,
                               substitute_teacher_id=substitute, date=date)


def test_a_student_has_whole_class_lessons_and_their_subgroups_asking_once_per_subgroup():
    schedule = Schedule({"one": ["a"], "two": ["b"]})
    lessons = [lesson("1"), lesson("2", "one"), lesson("3", "two"), lesson("4", "one")]
    assert [x.id for x in subgroups.lessons_of_student(schedule, "s", "a", lessons)] == ["1", "2", "4"]
    assert sorted(schedule.asked) == ["one", "two"]


def test_the_class_list_of_a_lesson_is_of_its_day_and_who_records_it():
    schedule = Schedule({"one": ["a", "d"]})
    assert subgroups.students_of_lesson(schedule, Identity(), "s", lesson("1", "one")) == {"a"}
    assert subgroups.students_of_lesson(schedule, Identity(), "s", lesson("2")) == {"a", "b", "c"}
    assert subgroups.students_of_lesson(schedule, Identity(), "s", lesson("3", date="2027-01-14")) == {"a", "b", "d"}
    assert subgroups.students_of_lesson(schedule, Identity(), "s", lesson("4", "one", date="2027-01-14")) == {"a", "d"}
    assert subgroups.teachers(lesson("1", substitute="x")) == ("t", "x")


class Lessons(Schedule):
    """Every class has a lesson each day of January 2027 (l-<class>-<day>), one of them a subgroup's."""

    def list_lessons(self, school_id, class_group_id, date_from, date_to, subject_id=""):
        self.asked.append((class_group_id, date_from, date_to))
        days = [f"2027-01-{d:02}" for d in range(1, 32)]
        return [lesson(f"l-{class_group_id}-{day[-2:]}", "one" if day == "2027-01-20" else "", date=day,
                       class_group_id=class_group_id) for day in days if date_from <= day <= date_to]


def test_a_transferred_students_lessons_are_the_old_classs_before_the_transfer_day_and_the_new_ones_from_it():
    schedule = Lessons({"one": []})
    student = identity_pb2.Person(id="a", memberships=[
        identity_pb2.ClassMembership(class_group_id="old", date_to="2027-01-13"),
        identity_pb2.ClassMembership(class_group_id="new", date_from="2027-01-14", date_to="2027-01-21")])
    lessons = subgroups.student_lessons(schedule, "s", student, "2027-01-11", "2027-01-24")
    assert [x.id for x in lessons] == ["l-old-11", "l-old-12", "l-old-13", "l-new-14", "l-new-15", "l-new-16",
                                       "l-new-17", "l-new-18", "l-new-19", "l-new-21"], "not in subgroup one on the 20th"
    assert schedule.asked[:2] == [("old", "2027-01-11", "2027-01-13"), ("new", "2027-01-14", "2027-01-21")]
    assert subgroups.student_lessons(schedule, "s", student, "2027-01-22", "2027-01-31") == [], "gone"
    assert [x.id for x in subgroups.student_lessons(schedule, "s", student, "2027-01-13", "2027-01-14",
                                                    class_group_id="new")] == ["l-new-14"]
