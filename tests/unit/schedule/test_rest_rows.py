"""Schedule's rows of the REST table: a replaced timetable entry's body becomes the request's entry."""
from gateway.api.endpoints import ENDPOINTS
from gateway.api.protojson import from_json
from proto.schedule.v1 import schedule_pb2 as pb


def endpoint(rpc: str):
    return next(e for e in ENDPOINTS if e.rpc == rpc)


def test_a_replacement_keeps_ids_and_date_on_the_request_and_the_lesson_in_entry():
    values = {"school_id": "s", "entry_id": "e", "effective_from": "2025-10-06", "subject_id": "m", "teacher_id": "t",
              "weekday": 1, "lesson_number": 2, "room": "21"}
    request = from_json(endpoint("ReplaceTimetableEntry").to_request(values), pb.ReplaceTimetableEntryRequest)
    assert (request.school_id, request.entry_id, request.effective_from) == ("s", "e", "2025-10-06")
    assert (request.entry.subject_id, request.entry.weekday, request.entry.room, request.entry.school_id) == ("m", 1, "21", "")


def test_every_new_schedule_rpc_has_a_row():
    rpcs = {e.rpc for e in ENDPOINTS if e.service == "schedule"}
    assert {"CreateSubgroup", "ListSubgroups", "CancelLesson", "MoveLesson", "AssignSubstitute", "CreateRoom",
            "ListRooms", "CreateBellSchedule", "ListBellSchedules", "ReplaceTimetableEntry", "DeleteTimetableEntry",
            "ListTimetableEntries", "ReportMismatch", "ListMismatchReports", "ResolveMismatchReport", "CopyAcademicYear",
            "SetSubgroupStudents", "SubstituteTeacher"} <= rpcs


def test_every_rpc_of_the_service_has_a_row_except_the_public_feed_the_journals_reads_and_identitys_transition():
    rpcs = {e.rpc for e in ENDPOINTS if e.service == "schedule"}
    service = pb.DESCRIPTOR.services_by_name["ScheduleService"]
    assert set(service.methods_by_name) - rpcs == {"GetCalendarFeed", "GetClassGroup", "GetLesson", "GetTerm",
                                                   "GetSubgroup", "OpenNextYear"}


def test_a_policy_change_sets_only_the_fields_sent():
    request = from_json({"school_id": "s", "holiday_notice_days": 0}, pb.SetSchedulePolicyRequest)
    assert request.HasField("holiday_notice_days") and request.holiday_notice_days == 0
    assert not request.HasField("timetable_due") and not request.HasField("transfer_notice_working_days")


def test_changed_terms_travel_with_their_ids_and_the_consent():
    row = endpoint("ChangeTerms")
    term = row.body["properties"]["terms"]["items"]
    assert set(term["required"]) == {"name", "kind", "start_date", "end_date"} and "id" in term["properties"]
    values = {"school_id": "s", "academic_year_id": "y", "keep_recorded_lessons": True, "terms": [
        {"id": "t1", "name": "1 полугодие", "kind": "half_year", "start_date": "2025-09-01", "end_date": "2025-12-28"},
        {"name": "2 полугодие", "kind": "half_year", "start_date": "2026-01-09", "end_date": "2026-05-26",
         "grade_from": 10, "grade_to": 11}]}
    request = from_json(values, pb.ChangeTermsRequest)
    assert [(t.id, t.grade_from) for t in request.terms] == [("t1", 0), ("", 10)] and request.keep_recorded_lessons
    assert endpoint("UpdateHoliday").method == "PUT"
    assert "required" not in endpoint("ApplyProfile").body  # no profile_id: the class follows no profile
